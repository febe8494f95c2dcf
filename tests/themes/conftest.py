"""Fixtures of the theme tests: the seed articles, each tagged with its seed number."""

from __future__ import annotations

import pytest

import ainews


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    articles = ainews.load_corpus(seeds_dir)
    articles["seed"] = articles["source"].str[:3]
    return articles
