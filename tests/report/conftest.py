"""Fixtures of the report tests: the seed articles and a hostile probe article, ingested once."""

from __future__ import annotations

from pathlib import Path

import pytest

import ainews

HOSTILE = Path(__file__).parent / "data" / "hostile"


@pytest.fixture(scope="session")
def seed_articles(seeds_dir):
    articles, report = ainews.ingest(seeds_dir)
    return articles[articles["dup_of"] == ""].reset_index(drop=True), report


@pytest.fixture(scope="session")
def hostile_articles():
    articles, _ = ainews.ingest(HOSTILE)
    assert "<script>" in articles["body"].iloc[0], "the probe lost its payload in cleaning"
    return articles
