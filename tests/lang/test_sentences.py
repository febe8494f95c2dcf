"""Sentence offsets on the seeds, the Naver corpus and arbitrary text."""

from __future__ import annotations

import itertools

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
