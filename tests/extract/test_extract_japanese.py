"""A Japanese article end to end through extraction: 「」 quotes with speakers, yen amounts
converted to US dollars at the rate of the publication year, organisations and prefectures."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ainews
from ainews.extract.amounts_ja import parse_amounts_ja

# Written for these tests (not taken from any outlet).
BODY = (
    "経済産業省は5日、生成AIの開発を支援するため、ソフトバンクグループが北海道苫小牧市と大阪府に"
    "建設するデータセンターに約2兆2600億円を投じると発表した。\n\n"
    "「日本のAIは遅れている。投資を急ぐ」と武藤容治経済産業相は述べた。\n\n"
    "ソフトバンクグループの孫正義会長兼社長は記者会見で「ソブリンAIが必要だ」と強調した。"
    "同氏は「『スターゲート』は日本にも来る」と語った。「10年で変わる」とも話した。\n\n"
    "米オープンAIのサム・アルトマン最高経営責任者（CEO）は「日本は重要な市場だ」と明らかにした。"
    "同社は40億ドル（約6000億円）を出資し、福岡県にも1000億～2000億円規模の拠点を設ける。\n\n"
    "新製品の名称は「Mountain Lion」となった。"
)


@pytest.fixture(scope="module")
def article() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["ja1"], "body": [BODY], "lang": ["ja"], "title": ["生成AIに2兆円"],
                         "published": [pd.Timestamp("2025-12-05")]})


def test_quotes_with_speakers_before_and_after(article):
    q = ainews.extract_quotes(article)
    got = list(zip(q["quote"], q["speaker"], q["speaker_how"]))
    assert got == [
        ("日本のAIは遅れている。投資を急ぐ", "武藤容治", "named"),
        ("ソブリンAIが必要だ", "孫正義", "named"),
        ("『スターゲート』は日本にも来る", "孫正義", "pronoun"),
        ("10年で変わる", "孫正義", "continued"),
        ("日本は重要な市場だ", "サム・アルトマン", "named"),
    ]  # 「Mountain Lion」 has no reporting verb: a name, not a quote
    assert q["role"].tolist()[:2] == ["経済産業相", "会長兼社長"]
    assert q["verb"].tolist() == ["述べた", "強調した", "語った", "話した", "明らかにした"]
    for r in q.itertuples():
        assert BODY[r.start:r.end] == r.quote and r.quote in r.sentence


def test_organisation_speaker_when_no_person_is_named():
    arts = pd.DataFrame({"doc_id": ["o"], "lang": ["ja"],
                         "body": ["経済産業省は「計算資源の確保が急務だ」と説明した。"]})
    q = ainews.extract_quotes(arts)
    assert q[["speaker", "speaker_kind"]].values.tolist() == [["経済産業省", "org"]]


@pytest.mark.parametrize("sentence, speaker, kind", [
    ("政府関係者は「外資は歓迎する」と話した。", "政府", "org"),
    ("経済産業省の幹部は「支援を続ける」と述べた。", "経済産業省", "org"),
    ("トヨタ自動車の広報担当者は「計画に変更はない」と説明した。", "トヨタ自動車", "org"),
    ("同社のジョン・ミラー最高経営責任者（CEO）は「日本は重要だ」と強調した。", "ジョン・ミラー", "person"),
])
def test_spokespersons_name_their_organisation_and_dotted_names_stay_whole(sentence, speaker, kind):
    q = ainews.extract_quotes(pd.DataFrame({"doc_id": ["s"], "lang": ["ja"], "body": [sentence]}))
    assert q[["speaker", "speaker_kind"]].values.tolist() == [[speaker, kind]]


def test_yen_amounts_converted_at_the_dated_rate(article):
    a = ainews.extract_amounts(article)
    qual = a["qualifier"].astype(object).where(a["qualifier"].notna(), None)
    got = list(zip(a["text"], a["value"], a["currency"], qual))
    assert got == [
        ("2兆2600億円", 2.26e12, "JPY", "about"),
        ("40億ドル（約6000億円）", 4e9, "USD", None),
        ("1000億～2000億円", 1e11, "JPY", "range low"),
        ("1000億～2000億円", 2e11, "JPY", "range high"),
    ]
    yen = a.iloc[0]
    assert yen["rate_year"] == 2025 and yen["rate_per_usd"] == pytest.approx(149.655)
    assert yen["value_usd"] == pytest.approx(2.26e12 / 149.655)
    assert a.iloc[1]["conversion_value"] == 6e11
    for r in a.itertuples():
        assert BODY[r.start:r.end] == r.text


@pytest.mark.parametrize(("text", "expected"), [
    ("約5000億円", [(5e11, "JPY", "about")]),
    ("1兆円超", [(1e12, "JPY", "more than")]),
    ("３，０００万円", [(3e7, "JPY", None)]),
    ("1千億円", [(1e11, "JPY", None)]),
    ("5.5兆円", [(5.5e12, "JPY", None)]),
    ("1～2兆円", [(1e12, "JPY", "range low"), (2e12, "JPY", "range high")]),
    ("5億元", [(5e8, "CNY", None)]),
    ("3000億ウォン", [(3e11, "KRW", None)]),
    ("3元社長", []),
    ("2026年1月5日に5人", []),
])
def test_japanese_amount_forms(text, expected):
    assert [(a.value, a.currency, a.qualifier) for a in parse_amounts_ja(text)] == expected


@given(st.text(alphabet="0123456789０１２３４５６７８９,.兆億万千百円ドル元約超～〜 「」あ", max_size=40))
def test_amount_parser_is_total_and_spans_hold(text):
    for a in parse_amounts_ja(text):
        assert text[a.start:a.end] == a.text and a.value > 0


def test_organisations_and_prefectures(article):
    e = ainews.extract_entities(article)
    orgs = set(e.loc[e["kind"] == "org", "canonical"])
    assert {"meti", "softbank_group", "openai"} <= orgs
    places = set(e.loc[e["kind"] == "place", "place_id"])
    assert {"JP-01", "JP-27", "JP-40"} <= places


def test_a_place_name_inside_a_katakana_word_is_not_a_place():
    from ainews.extract.places import find_places

    found = [(p["text"], p["place_id"]) for p in
             find_places("米国のノースウインド・クラウドは東京都とインドに拠点を置く。", "ja")]
    assert found == [("米国", "US"), ("東京都", "JP-13"), ("インド", "IN")]


@pytest.mark.parametrize("sentence, kind, status", [
    ("米クラウド大手は日本に4400億円を投資すると発表した。", "investment", "pledged"),
    ("欧州の投資ファンドがデータセンター事業者を約30億ドルで買収した。", "acquisition", "completed"),
    ("政府は2026年度予算案に関連経費として約1200億円を計上した。", "budget", "completed"),
    ("国内の生成AI市場規模は2030年に1兆7000億円に達する見通しだ。", "market_size", None),
    ("同社の売上高は3000億円だった。", "revenue", None),
])
def test_japanese_amounts_get_a_kind_and_events_a_status(sentence, kind, status):
    arts = pd.DataFrame({"doc_id": ["k"], "lang": ["ja"], "body": [sentence],
                         "published": [pd.Timestamp("2026-01-14")]})
    a = ainews.extract_amounts(arts)
    assert a["kind"].tolist() == [kind]
    inv = ainews.extract_investments(arts)
    assert inv["status"].tolist() == ([status] if status else [])


@pytest.mark.parametrize("sentence, investor", [
    ("米国のクラウド大手ノースウインド・クラウドは14日、日本に4400億円を投資すると発表した。", ("ノースウインド・クラウド", "org")),
    ("ソフトバンクグループの孫正義会長は、国内に1兆円を投じると述べた。", ("ソフトバンクグループ", "org")),
    ("トヨタ自動車が米国に2000億円を投資する。", ("トヨタ自動車", "org")),
    ("経済産業省は半導体支援に3900億円を充てる。", ("経済産業省", "government")),
    ("北海道庁は石狩市の拠点整備に50億円を投じる。", ("北海道庁", "government")),
    ("昨年は欧州の投資ファンドが事業者を約30億ドルで買収した。", (None, None)),  # no name: not guessed
])
def test_japanese_investor_is_the_topic_or_subject_before_the_amount(sentence, investor):
    from ainews.extract.investors_ja import investor_ja

    start = parse_amounts_ja(sentence)[0].start
    assert investor_ja(sentence, start, 0, kind="investment") == investor


def test_japanese_investment_events_name_investor_and_destination():
    arts = pd.DataFrame({"doc_id": ["i"], "lang": ["ja"], "published": [pd.Timestamp("2026-01-14")], "body": [
        "米国のクラウド大手ノースウインド・クラウドは14日、日本に4400億円を投資すると発表した。"]})
    inv = ainews.extract_investments(arts)
    assert inv[["investor", "investor_kind", "destination", "kind", "status"]].values.tolist() == [
        ["ノースウインド・クラウド", "org", "JP", "investment", "pledged"]]
    rates = ainews.load_exchange_rates().set_index(["currency", "year"])["per_usd"]
    assert inv["value_usd"].iloc[0] == pytest.approx(4.4e11 / rates[("JPY", int(inv["rate_year"].iloc[0]))])
