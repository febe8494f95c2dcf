"""Sentence offsets on the seeds, the Naver corpus and arbitrary text."""

from __future__ import annotations

import itertools

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

import ainews


def _check(text):
    sents = ainews.sentences(text)
    for s in sents:
        assert text[s.start : s.end] == s.text and s.text.strip()
    assert [s.start for s in sents] == sorted(s.start for s in sents)
    return sents


def test_seed_sentences_have_exact_offsets(seed_texts):
    for text in seed_texts.values():
        assert len(_check(text)) > 10


def test_korean_sentences_split_inside_a_paragraph(seed_texts):
    ko = ainews.sentences(seed_texts["003_c232df0707fb9e00.txt"])
    assert any(s.text.startswith("박 대표는") for s in ko)


def test_naver_sentences_have_exact_offsets(naver_bodies):
    for body in itertools.islice(naver_bodies.values(), 0, None, 20):
        _check(body)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("가나다 광주는. AI! \n?\"ab")), max_size=200))
def test_offsets_hold_for_any_text(text):
    _check(text)


@pytest.mark.parametrize("text, expected", [
    ("The city said it will act.Seoul Metro, which runs lines, agreed.",
     ["The city said it will act.", "Seoul Metro, which runs lines, agreed."]),
    ("He said, \u201cWe will go.\u201dBy 2020 it grew.", ["He said, \u201cWe will go.\u201d", "By 2020 it grew."]),
    ("Mr.Kim met the U.S. envoy.", ["Mr.Kim met the U.S. envoy."]),                 # a title, not a boundary
    ("Samsung Electronics Co.Ltd is big.", ["Samsung Electronics Co.Ltd is big."]),   # an abbreviation
    ("Visit naver.com today.", ["Visit naver.com today."]),                           # a domain
])
def test_sentences_glued_without_a_space_are_split(text, expected):
    assert [s.text for s in ainews.sentences(text, lang="en")] == expected


def test_korea_herald_paragraphs_glued_without_breaks_become_sentences():
    import re

    from tests.conftest import CORPORA, _need

    arts, _ = ainews.ingest(_need(CORPORA / "koreaherald-2016"), progress=False)
    glued = re.compile(r"[a-z]{2}[.!?][\"\u201d\u2019]?[A-Z][a-z]")
    bodies = arts["body"].head(150).tolist()
    assert sum(bool(glued.search(b)) for b in bodies) > 100          # the corpus joins paragraphs
    from ainews.lang.sentences import _ABBREV

    for body in bodies:
        for s in ainews.sentences(body, lang="en"):
            assert body[s.start:s.end] == s.text
            for m in glued.finditer(s.text):  # only an abbreviation ("Corp.The") keeps one inside
                word = re.search(r"([A-Za-z.]+)[.!?]$", s.text[:m.start() + 3])
                assert word and word.group(1).lower() in _ABBREV, s.text[:200]
