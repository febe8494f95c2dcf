import pytest

from ainews import extract_quotes


@pytest.fixture(scope="module")
def quotes(seed_articles):
    return extract_quotes(seed_articles)


@pytest.mark.parametrize(
    ("doc_id", "speakers"),
    [
        ("000", {"Chey Taewon", "Jung Sinah", "Lee Sangho"}),
        ("001", {"Jen Wong"}),
        ("002", {"Jason Kwon"}),
        ("003", {"박정수", "손경종"}),
        ("004", {"Oh Se-hoon"}),
    ],
)
def test_every_speaker_in_the_seeds(quotes, doc_id, speakers):
    q = quotes[quotes.doc_id == doc_id]
    assert set(q.speaker.dropna()) == speakers
    assert q.speaker.notna().all()


@pytest.mark.parametrize(
    ("doc_id", "quote_start", "speaker", "how"),
    [
        ("000", "To compete with Chinese AI based", "Chey Taewon", "pronoun"),  # He continued, "..."
        ("000", "Concerns are growing", "Jung Sinah", "pronoun"),  # She added
        ("002", "Every time I come to Korea", "Jason Kwon", "pronoun"),  # ... Lim Moon-young ..., he said
        ("002", "We will strengthen", "Jason Kwon", "continued"),  # "...," adding, "..."
        ("003", "뉴 노멀 시대에", "박정수", "named"),  # 박 대표는 "..."고 강조했다
        ("003", "앞으로도 지속적인 포럼", "손경종", "continued"),  # "..."며 "..."고 말했다
    ],
)
def test_attribution(quotes, doc_id, quote_start, speaker, how):
    row = quotes[(quotes.doc_id == doc_id) & quotes.quote.str.startswith(quote_start)]
    assert len(row) == 1
    assert row.speaker.iloc[0] == speaker and row.speaker_how.iloc[0] == how


def test_titles_and_scare_quotes_are_not_quotes(quotes):
    assert not quotes.quote.str.contains("Management Talk Show|the new oil|digital defeat|OpenAI Korea|"
                                         "Galapagos|Kanana").any()


def test_korean_role_kept(quotes):
    row = quotes[quotes.speaker == "박정수"].iloc[0]
    assert (row.role, row.organization) == ("대표", "텔스타홈멜")


def test_offsets(quotes, seed_articles):
    bodies = dict(zip(seed_articles.doc_id, seed_articles.body))
    for r in quotes.itertuples():
        assert bodies[r.doc_id][r.start : r.end] == r.quote
        assert r.sentence_start <= r.start < r.sentence_start + len(r.sentence)


def test_naver_corpus_aggregate(naver_articles):
    q = extract_quotes(naver_articles)
    assert q.doc_id.nunique() > 300
    bodies = dict(zip(naver_articles.doc_id, naver_articles.body))
    for r in q.itertuples():
        assert bodies[r.doc_id][r.start : r.end] == r.quote
    # Measured 0.60 on this corpus: many quotes are attributed to unnamed officials or organizations.
    assert q.speaker.notna().mean() > 0.5


def test_a_stray_straight_mark_does_not_swap_quotes_and_narration(seed_articles):
    import re

    en = seed_articles[seed_articles["lang"] == "en"]
    art = en.loc[[en["body"].str.count('"').idxmax()]].reset_index(drop=True)  # the seed with most quotes
    # paragraphs joined without a break, as some exports do (a quote never spans a line break)
    body = re.sub(r"\n+", "", art.loc[0, "body"])
    art = art.assign(body=body)
    before = extract_quotes(art)
    assert len(before) >= 10
    # a stray mark at the end of a paragraph that ends outside any quote, before some quotes
    cut = next(m.end() for m in re.finditer(r"[a-z]\.(?=[A-Z])", body)
               if body[:m.end()].count('"') % 2 == 0 and body[m.end():].count('"') >= 6)
    damaged = art.assign(body=body[:cut] + '"' + body[cut:])
    after = extract_quotes(damaged)
    assert list(after["speaker"]) == list(before["speaker"])
    assert list(after["quote"]) == list(before["quote"])
