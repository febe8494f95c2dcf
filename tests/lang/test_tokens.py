"""ainews.tokenize on the seeds, the Naver corpus and bad input."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ainews
from ainews.lang.korean import USERDICT, _read_userdict
from ainews.lexicons import lexicon_path

KO_SEED = "003_c232df0707fb9e00.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("광주는", ["광주"]),
        ("광주에서", ["광주"]),
        ("광주의", ["광주"]),
        ("광주광역시는 인공지능 중심도시를", ["광주광역시", "인공지능_중심도시"]),
        ("생성형 AI가", ["생성형_ai"]),
        ("생성형AI와 소버린AI", ["생성형_ai", "소버린_ai"]),
        ("데이터센터를 짓는다", ["데이터센터"]),
    ],
)
def test_korean_particles_and_endings_are_dropped(text, expected):
    assert ainews.tokenize(text, lang="ko") == expected


@pytest.mark.parametrize(
    "term",
    ["인공지능", "생성형 AI", "데이터센터", "소버린 AI", "AI 기본법", "챗GPT", "오픈AI",
     "하이퍼클로바X", "2차전지", "코로나19"],
)
def test_issue_terms_are_one_token(term):
    expected = term.replace(" ", "_").lower()
    assert ainews.tokenize(f"{term}의 확산", lang="ko")[0] == expected
    assert ainews.tokenize(term, lang="ko") == [expected]


CONTEXTS = ["{}", "{}의 확산", "{}는 밝혔다", "올해 {} 상황에서", "{}에서", "{}가", "{}와 함께"]


def test_every_user_dictionary_word_is_one_token_before_any_particle():
    failures = []
    for word, _tag, _score in _read_userdict(lexicon_path(USERDICT)):
        expected = word.replace(" ", "_").lower()
        for context in CONTEXTS:
            got = ainews.tokenize(context.format(word), lang="ko")
            if expected not in got:
                failures.append((context.format(word), got))
    assert not failures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Data centers in Japan", ["data_center", "japan"]),
        ("the data sovereignty debate", ["data_sovereignty", "debate"]),
        ("Generative AI and large language models (LLMs)", ["generative_ai", "large_language_model", "llm"]),
        ("The United States and the U.S. and the US", ["united_states", "u.s.", "us"]),
        ("Naver's shares", ["naver", "share"]),
        ("Mr. Kim said the media were there", ["kim", "media"]),
        ("the Korea Chamber of Commerce and Industry", ["korea_chamber_of_commerce_and_industry"]),
    ],
)
def test_english_lemmas_terms_and_stopwords(text, expected):
    assert ainews.tokenize(text, lang="en") == expected


def test_seeds_tokenize_in_their_language(seed_texts):
    for name, text in seed_texts.items():
        toks = ainews.tokenize(text)
        assert len(toks) > 100, name
        assert all(t and not any(c.isspace() for c in t) for t in toks), name
    ko = ainews.tokenize(seed_texts[KO_SEED])
    assert ko.count("광주") + ko.count("광주광역시") + ko.count("광주시") >= 10
    assert "인공지능" in ko


def test_many_texts_keep_input_order_and_match_single_calls(seed_texts):
    texts = list(seed_texts.values()) * 3
    singles = [ainews.tokenize(t) for t in texts]
    assert ainews.tokenize(texts) == singles
    streamed = ainews.tokenize(iter(texts))
    assert not isinstance(streamed, list)
    assert list(streamed) == singles


def test_tokenize_is_deterministic(seed_texts):
    texts = list(seed_texts.values())
    assert ainews.tokenize(texts) == ainews.tokenize(texts)


def test_naver_corpus_tokenizes(naver_bodies):
    sample = dict(itertools.islice(naver_bodies.items(), 0, None, 8))
    results = ainews.tokenize(list(sample.values()))
    assert len(results) == len(sample)
    empty = [k for (k, body), toks in zip(sample.items(), results) if body.strip() and not toks]
    assert not empty
    vocab = {t for toks in results for t in toks}
    assert {"인공지능", "데이터센터", "삼성전자"} <= vocab


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("", "und"),
        ("   \n\t  ", "und"),
        ("😀🚀🤖", "und"),
        ("Привет, это новости об искусственном интеллекте и центрах обработки данных", "und"),
        ("مرحبا هذا خبر عن الذكاء الاصطناعي ومراكز البيانات في المنطقة", "und"),
    ],
)
def test_unknown_or_empty_input_is_und_and_does_not_raise(text, lang):
    assert ainews.detect_lang(text) == lang
    toks = ainews.tokenize(text)
    assert isinstance(toks, list)


@pytest.mark.parametrize(
    "text",
    [
        "AI 반도체 チップ 芯片 chips 😀 데이터센터 data center",
        "日本のAIデータセンターへの投資が拡大している。",
        "x" * 5_000_000,
        "data sovereignty " * 300_000,  # 5.1 MB on one line
        "광주에서 인공지능 " * 30_000,  # 300k characters of Korean on one line
    ],
)
def test_mixed_scripts_and_huge_lines(text):
    toks = ainews.tokenize(text)
    assert isinstance(toks, list)
    if "sovereignty" in text:
        assert toks[:2] == ["data_sovereignty", "data_sovereignty"] and len(toks) == 300_000
    if text.startswith("광주"):
        assert toks.count("광주") == 30_000


def test_none_and_nan_count_as_empty_but_other_types_are_refused():
    assert ainews.tokenize(["광주의", None, float("nan")]) == [["광주"], [], []]
    with pytest.raises(TypeError, match="expects strings"):
        ainews.tokenize([b"bytes"])


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_tokens_without_spaces(text):
    toks = ainews.tokenize(text)
    assert all(isinstance(t, str) and t and not any(c.isspace() for c in t) for t in toks)
