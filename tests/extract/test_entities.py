import networkx as nx

from ainews.extract._common import canonical
import pytest

from ainews import entity_network, extract_entities


@pytest.fixture(scope="module")
def ents(seed_articles):
    return extract_entities(seed_articles)


@pytest.mark.parametrize(
    ("doc_id", "place_id", "surface"),
    [("000", "KR-gyeongju", "Gyeongju"), ("002", "KR-11", "Seoul"), ("002", "KR-11-gwangjin", "Gwangjin-gu"),
     ("003", "KR-29", "광주광역시"), ("003", "KR-29", "광주"), ("004", "KR-11", "Seoul City"),
     ("001", "JP", "Japan")],
)
def test_places_located(ents, doc_id, place_id, surface):
    p = ents[(ents.doc_id == doc_id) & (ents.kind == "place") & (ents.text == surface)]
    assert len(p) and (p.place_id == place_id).all()
    assert p.lat.notna().all() and p.lon.notna().all()


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [("서울은 AI 도시다", "ko", "서울"), ("광주에서 열린 포럼", "ko", "광주"), ("서울대 연구팀", "ko", None),
     ("한국인공지능게임협회", "ko", None)],
)
def test_korean_particles(text, lang, surface):
    import pandas as pd

    e = extract_entities(pd.DataFrame({"doc_id": ["x"], "body": [text], "lang": [lang]}))
    places = e[e.kind == "place"].text.tolist()
    assert places == ([surface] if surface else [])


def test_chey_spellings_merge(ents):
    chey = ents[ents.name.isin(["Chey Taewon", "Chey Tae-won"])]
    assert set(chey.doc_id) == {"000", "002"}
    assert chey.canonical.nunique() == 1


@pytest.mark.parametrize(
    ("doc_id", "text", "name", "role"),
    [
        ("000", "Chey", "Chey Taewon", "Chairman"),
        ("002", "Kwon", "Jason Kwon", None),
        ("003", "이용섭", "이용섭", "광주광역시장"),
        ("003", "박정수", "박정수", "텔스타홈멜 대표"),
        ("003", "박 대표", "박정수", None),
        ("004", "Oh Se-hoon", "Oh Se-hoon", "Mayor"),
    ],
)
def test_people_roles_and_short_mentions(ents, doc_id, text, name, role):
    rows = ents[(ents.doc_id == doc_id) & (ents.kind == "person") & (ents.text == text)]
    assert len(rows) and (rows.name == name).all()
    if role:
        assert role in set(rows.role)


def test_orgs_canonical(ents):
    orgs = ents[ents.kind == "org"]
    assert {"microsoft", "amazon", "oracle", "kakao", "openai", "kcci"} <= set(orgs.canonical)
    assert set(orgs[orgs.text == "MS"].canonical) == {"microsoft"}


def test_offsets(ents, seed_articles):
    bodies = dict(zip(seed_articles.doc_id, seed_articles.body))
    for r in ents.itertuples():
        assert bodies[r.doc_id][r.start : r.end] == r.text


def test_network(ents):
    edges = entity_network(ents)
    assert {"source", "target", "weight", "n_docs"} <= set(edges.columns)
    pair = edges[(edges.source == "JP") & (edges.target == "microsoft")]
    assert len(pair) == 0 or pair.weight.iloc[0] >= 1
    # ids come from the concept map when it knows the name, else from the spelling-insensitive key
    chey, kcci = canonical("Chey Taewon"), canonical("Korea Chamber of Commerce and Industry")
    top = edges[edges.source.isin([chey, kcci]) & edges.target.isin([chey, kcci])]
    assert top.weight.iloc[0] >= 2
    g = entity_network(ents, as_graph=True)
    assert isinstance(g, nx.Graph) and g.nodes[chey]["kind"] == "person"
    art = entity_network(ents, level="article")
    assert art.weight.max() >= edges.weight.max() or len(art) >= len(edges)


def test_naver_corpus_aggregate(naver_articles):
    e = extract_entities(naver_articles)
    bodies = dict(zip(naver_articles.doc_id, naver_articles.body))
    for r in e.sample(min(len(e), 5000), random_state=0).itertuples():
        assert bodies[r.doc_id][r.start : r.end] == r.text
    assert e[e.kind == "place"].doc_id.nunique() > 800
    assert e[e.kind == "person"].doc_id.nunique() > 300
    assert (e[e.kind == "place"].canonical == "KR-11").sum() > 100


def test_network_of_people_and_orgs(ents):
    edges = entity_network(ents, kinds=("person", "org"))
    assert len(edges) and set(edges.source_kind) | set(edges.target_kind) <= {"person", "org"}


def test_english_organisations_named_again_by_their_first_word():
    import re

    import ainews
    from tests.conftest import CORPORA, _need

    arts, _ = ainews.ingest(_need(CORPORA / "koreaherald-2016"), progress=False)
    arts = arts.head(400)
    ents = extract_entities(arts)
    orgs = ents[ents["kind"] == "org"]
    short = orgs[orgs["text"] != orgs["name"]]
    assert len(short) > 20 and short["doc_id"].nunique() > 10
    bodies = dict(zip(arts["doc_id"], arts["body"]))
    for r in short.itertuples():
        full = re.sub(r"^[A-Z][\w\-]*['’]s\s+", "", r.name)
        assert full.split()[0].rstrip(",.") == r.text                   # its first word
        assert bodies[r.doc_id].find(r.name) < r.start                  # named in full before
        assert r.canonical == orgs[(orgs.doc_id == r.doc_id) & (orgs.text == r.name)]["canonical"].iloc[0]
        assert r.text.lower() not in re.findall(r"\b[a-z]+\b", bodies[r.doc_id])  # never a common word there
