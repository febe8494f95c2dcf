"""Fixtures of the report tests: the seed articles and a hostile probe article, ingested once."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import ainews

HOSTILE = Path(__file__).parent / "data" / "hostile"


def probe_articles():
    """The hostile probe as an articles table whose text fields still carry the raw markup.

    Ingestion strips active markup from article text, so the probe is ingested (for realistic
    columns) and its raw front-matter values and body paragraphs are put back: the pages must be
    safe for any table a user passes in, not only for ingested ones.
    """
    articles, _ = ainews.ingest(HOSTILE)
    raw = (HOSTILE / "hostile.md").read_text(encoding="utf-8")
    _, front, body = raw.split("---", 2)
    meta = yaml.safe_load(front)
    articles.loc[0, "title"] = meta["title"]
    articles.loc[0, "outlet"] = meta["publisher"]
    articles.loc[0, "url"] = meta["url"]
    articles.loc[0, "body"] = "\n\n".join(p.strip() for p in body.strip().split("\n\n"))
    assert "<script>" in articles["body"].iloc[0], "the probe lost its payload; the test would prove nothing"
    return articles


@pytest.fixture(scope="session")
def seed_articles(seeds_dir):
    articles, report = ainews.ingest(seeds_dir)
    return articles[articles["dup_of"] == ""].reset_index(drop=True), report


@pytest.fixture(scope="session")
def hostile_articles():
    return probe_articles()
