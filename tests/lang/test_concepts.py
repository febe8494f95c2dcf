"""The bilingual concept map: lookups, coverage and Korean/English shared features."""

from __future__ import annotations

import pytest

import ainews

KO_GWANGJU_SEED = "003_c232df0707fb9e00.txt"
EN_SEOUL_SEED = "004_4e6021488248aa45.txt"


@pytest.mark.parametrize(
    ("surface", "concept"),
    [
        ("마이크로소프트", "microsoft"),
        ("MS", "microsoft"),
        ("Microsoft", "microsoft"),
        ("오픈AI", "openai"),
        ("OpenAI", "openai"),
        ("데이터 주권", "data_sovereignty"),
        ("데이터주권", "data_sovereignty"),
        ("data localization", "data_sovereignty"),
        ("data_sovereignty", "data_sovereignty"),
        ("광주", "gwangju"),
        ("광주광역시", "gwangju"),
        ("Gwangju", "gwangju"),
        ("光州", "gwangju"),
        ("대한상공회의소", "kcci"),
        ("Korea Chamber of Commerce and Industry", "kcci"),
        ("서울시", "seoul"),
        ("Seoul Metropolitan Government", "seoul"),
        ("data centers", "data_center"),
        ("データセンター", "data_center"),
        ("GDPR", "gdpr"),
        ("日本", "japan"),
        ("국내", None),
        ("", None),
    ],
)
def test_concept_of(surface, concept):
    assert ainews.concept_of(surface) == concept


def test_report_themes_and_actors_are_covered():
    ids = set(ainews.load_concepts()["concept"])
    needed = {
        "data_sovereignty", "gdpr", "data_center", "cloud", "generative_ai", "llm",
        "manufacturing_data", "ai_hub", "seoul", "gwangju", "gyeongju", "busan", "japan",
        "korea", "china", "united_states", "microsoft", "openai", "amazon", "oracle", "naver",
        "line_yahoo", "kakao", "samsung", "sk_group", "google", "nvidia", "kcci",
    }
    assert needed <= ids


def test_concept_table_columns_and_languages():
    df = ainews.load_concepts()
    assert list(df.columns) == ["concept", "kind", "lang", "surface", "label_en", "label_ko"]
    assert set(df["lang"]) == {"ko", "en", "ja"}
    assert set(df["kind"]) >= {"org", "place", "person", "term"}
    assert not df.duplicated(["concept", "lang", "surface"]).any()


def test_every_surface_form_tokenizes_to_its_concept():
    failures = []
    for row in ainews.load_concepts().itertuples():
        got = ainews.to_concepts(ainews.tokenize(row.surface, lang=row.lang))
        if got != [row.concept]:
            failures.append((row.surface, got))
    assert not failures


@pytest.mark.parametrize(
    ("concept", "lang", "label"),
    [("gwangju", "ko", "광주"), ("gwangju", "en", "Gwangju"), ("microsoft", "ja", "マイクロソフト"),
     ("cloud", "xx", "cloud"), ("not_a_concept", "en", "not_a_concept")],
)
def test_concept_label(concept, lang, label):
    assert ainews.concept_label(concept, lang) == label


def test_to_concepts_maps_known_and_passes_through_unknown():
    assert ainews.to_concepts(["광주", "gwangju", "스토리", "data_center"]) == [
        "gwangju", "gwangju", "스토리", "data_center"]


def _html_text(path):
    import trafilatura

    return trafilatura.extract(path.read_text(encoding="utf-8"))


def test_korean_and_english_articles_about_gwangju_share_a_feature(seed_texts, html_dir):
    ko = set(ainews.to_concepts(ainews.tokenize(seed_texts[KO_GWANGJU_SEED])))
    en_text = _html_text(html_dir / "world.kbs.co.kr-Temperatures.html")
    assert ainews.detect_lang(en_text) == "en"
    en = set(ainews.to_concepts(ainews.tokenize(en_text)))
    assert "gwangju" in ko & en
    # Without the concept map the two share no place token for Gwangju.
    assert not {"광주", "광주광역시"} & set(ainews.tokenize(en_text))


def test_english_seed_and_korean_news_about_seoul_share_features(seed_texts, naver_bodies):
    en = set(ainews.to_concepts(ainews.tokenize(seed_texts[EN_SEOUL_SEED])))
    ko_texts = [b for b in naver_bodies.values() if "서울시" in b and "인공지능" in b][:20]
    assert ko_texts
    ko = set().union(*(ainews.to_concepts(t) for t in ainews.tokenize(ko_texts, lang="ko")))
    assert {"seoul", "artificial_intelligence"} <= en & ko


def test_surface_claimed_by_two_concepts_is_an_error(lexicon_copy):
    path = lexicon_copy / "concepts.yml"
    path.write_text(path.read_text(encoding="utf-8") + "  clash:\n    kind: org\n    en: [Microsoft]\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="concepts.yml.*Microsoft.*microsoft.*clash"):
        ainews.concept_of("x")
