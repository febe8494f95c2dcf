import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ainews import extract_amounts, parse_amounts
from ainews.extract.rates import usd_rate


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$2.9 billion", 2.9e9, "USD"),
        ("USD 1.5bn", 1.5e9, "USD"),
        ("2.26 trillion yen", 2.26e12, "JPY"),
        ("4 trillion won", 4e12, "KRW"),
        ("€300 million", 3e8, "EUR"),
        ("20조2200억원", 20.22e12, "KRW"),
        ("3,000억 원", 3e11, "KRW"),
        ("8억 달러", 8e8, "USD"),
        ("1조 엔", 1e12, "JPY"),
        ("약 11조원", 11e12, "KRW"),
        ("5천억달러(약 723조원)", 5e11, "USD"),
    ],
)
def test_parse_amount_value(text, value, currency):
    (a,) = parse_amounts(text)
    assert a.value == pytest.approx(value)
    assert a.currency == currency


@pytest.mark.parametrize(
    "text",
    ["코스피 : 3085.90하락 64.0318:03 01/15", "원달러 : 1099.40상승 1.418:03 01/15", "성장률 3.5%",
     "2027년까지", "130여명이 참여", "원장 3명", "엔비디아 2억엔진", "Korea won 3 games"],
)
def test_not_money(text):
    assert parse_amounts(text) == []


def test_parenthetical_conversion_is_one_amount():
    (a,) = parse_amounts("5천억달러(약 723조원) 규모")
    assert a.conversion_currency == "KRW" and a.conversion_value == pytest.approx(723e12)
    assert a.text == "5천억달러(약 723조원)"


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_parser_never_raises(text):
    for a in parse_amounts(text):
        assert text[a.start : a.end] == a.text


@given(st.text(alphabet="0123456789,. 조억만천원달러엔$billionwyen약()", max_size=40),
       st.text(alphabet=" \n\t", max_size=5), st.text(alphabet=" \n\t", max_size=5))
@settings(max_examples=300, deadline=None)
def test_stable_under_surrounding_whitespace(core, left, right):
    plain = [(a.value, a.currency, a.text) for a in parse_amounts(" " + core + " ")]
    padded = [(a.value, a.currency, a.text) for a in parse_amounts(" " + left + core + right + " ")]
    assert plain == padded


def test_japan_datacentre_investments(seed_articles):
    am = extract_amounts(seed_articles)
    japan = am[am.doc_id == "001"].reset_index(drop=True)
    assert list(japan.actor) == ["Microsoft", "Amazon", "Oracle"]
    assert set(japan.target) == {"Japan"}
    assert list(japan.currency) == ["USD", "JPY", "USD"]
    assert list(japan.conversion_currency) == ["KRW", "KRW", "KRW"]
    assert japan.period.tolist() == ["over the next two years", "by 2027", "over the next ten years"]
    assert japan.qualifier[2] == "more than"
    per_usd, year, note = usd_rate("JPY", None)
    assert japan.value_usd[1] == pytest.approx(2.26e12 / per_usd)
    assert japan.rate_per_usd[1] == per_usd and japan.rate_year[1] == year
    assert japan.value_usd[0] == pytest.approx(2.9e9) and japan.value_usd[2] == pytest.approx(8e9)
    assert japan.rate_note.str.contains("no publication date").all()


def test_published_year_picks_rate(seed_articles):
    arts = seed_articles[seed_articles.doc_id == "001"].assign(published=pd.Timestamp("2024-05-02"))
    am = extract_amounts(arts)
    assert (am.rate_year == 2024).all() and (am.rate_note == "published year").all()


def test_no_amount_in_gwangju_article(seed_articles):
    am = extract_amounts(seed_articles)
    assert am[am.doc_id == "003"].empty


def test_offsets(seed_articles):
    am = extract_amounts(seed_articles)
    bodies = dict(zip(seed_articles.doc_id, seed_articles.body))
    for r in am.itertuples():
        assert bodies[r.doc_id][r.start : r.end] == r.text
        assert r.text in r.sentence


def test_bad_input_names_the_fix():
    with pytest.raises(ValueError, match="body"):
        extract_amounts(pd.DataFrame({"doc_id": ["a"]}))


def test_naver_corpus_aggregate(naver_articles):
    am = extract_amounts(naver_articles)
    assert am.doc_id.nunique() > 200
    bodies = dict(zip(naver_articles.doc_id, naver_articles.body))
    for r in am.itertuples():
        assert bodies[r.doc_id][r.start : r.end] == r.text
    assert not am.text.str.contains(r"코스피|코스닥|%").any()
    assert (am.value > 0).all()
    assert am.value_usd.notna().mean() > 0.95
    # December 2025 articles convert at the 2025 rate.
    assert (am.rate_year == 2025).mean() > 0.95


def test_amounts_without_actors_are_the_same_amounts(naver_articles):
    arts = naver_articles.head(150)
    full = extract_amounts(arts)
    bare = extract_amounts(arts, actors=False)
    assert len(full) > 50 and full["actor"].notna().any()
    assert bare[["actor", "target", "target_how"]].isna().all().all()
    cols = [c for c in full.columns if c not in ("actor", "target", "target_how")]
    pd.testing.assert_frame_equal(full[cols], bare[cols])


@pytest.mark.parametrize("text, amount, value, currency, conversion", [
    # Korea Herald style: a capital W before the number, the dollar gloss in brackets is one amount
    ("Samsung will invest W1.5 trillion ($1.3 billion) in the plant.", "W1.5 trillion ($1.3 billion)", 1.5e12, "KRW", 1.3e9),
    ("The deal is worth W800 billion.", "W800 billion", 8e11, "KRW", None),
    # ", or X," glosses the same amount in another currency
    ("an investment of 300 billion won, or $260 million, in Gumi", "300 billion won, or $260 million", 3e11, "KRW", 2.6e8),
])
def test_korea_herald_amount_grammar(text, amount, value, currency, conversion):
    (a,) = parse_amounts(text)
    assert (a.text, a.value, a.currency, a.conversion_value) == (amount, value, currency, conversion)
    assert text[a.start:a.end] == a.text


def test_w_is_money_only_before_a_scale_or_grouped_number():
    assert parse_amounts("the W3 version and w5 billion") == []
    # two amounts of one currency joined by "or" stay two
    assert len(parse_amounts("$3 million or $5 million")) == 2


@pytest.mark.parametrize("text, value", [
    ("TBT로부터 총 275억 규모의 투자 유치를 완료했다.", 2.75e10),
    ("내년초 100억을 목표로 시리즈A 투자 유치를 진행중이다.", 1e10),
    ("'생산적·포용금융 80조 지원'을 골자로 한다.", 8e13),
])
def test_bare_korean_amount_before_a_money_word_is_won(text, value):
    assert [(a.value, a.currency) for a in parse_amounts(text)] == [(value, "KRW")]


@pytest.mark.parametrize("text", ["인구 5000만 규모의 시장", "1만 규모의 관중이 모였다", "150만 지원자가 몰렸다", "3억 투자자"])
def test_head_counts_are_not_money(text):
    assert parse_amounts(text) == []
