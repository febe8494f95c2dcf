"""Keyword in context on the seeds."""

from __future__ import annotations

import pytest

import ainews
from ainews.themes import kwic


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return ainews.load_corpus(seeds_dir)


@pytest.mark.parametrize("term, expected", [
    ("data_sovereignty", "data sovereignty"),   # a concept id finds its forms
    ("광주", "광주"),                           # particles may follow
    ("Microsoft", "Microsoft"),
])
def test_kwic_finds_term_with_context(seeds, term, expected):
    rows = kwic(seeds, term, window=30)
    assert len(rows) > 0
    assert rows.match.str.lower().eq(expected.lower()).any()
    bodies = dict(zip(seeds.doc_id, seeds.body))
    for r in rows.itertuples():
        assert bodies[r.doc_id][r.start:r.end] == r.match
        assert len(r.left) <= 30 and len(r.right) <= 30 and "\n" not in r.left + r.right


def test_kwic_limit_and_errors(seeds):
    assert len(kwic(seeds, "AI", limit=3)) == 3
    with pytest.raises(ValueError):
        kwic(seeds, "  ")
