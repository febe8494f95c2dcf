"""The report reads a handful of articles closely and many articles as statistics."""

from __future__ import annotations

import pandas as pd
import pytest

import ainews
from ainews import report
from ainews.report import modes


@pytest.fixture(scope="module")
def seeds(seed_articles):
    articles, _ = seed_articles
    return articles, ainews.score_themes(articles)


@pytest.fixture(scope="module")
def many(seeds):
    """The seeds repeated as 60 articles over ten days and two outlets: enough for statistics."""
    articles, _ = seeds
    reps = 60 // len(articles) + 1
    big = pd.concat([articles.assign(doc_id=articles.doc_id + f"-{i}", outlet=articles.outlet + (" A" if i % 2 else " B"),
                                     published=pd.Timestamp("2025-12-01") + pd.Timedelta(days=i % 10))
                     for i in range(reps)], ignore_index=True)
    return big, ainews.score_themes(big)


def test_seeds_are_read_closely(seeds):
    articles, result = seeds
    mode = report.corpus_mode(articles)
    assert mode.close and not mode.over_time and not mode.by_language
    section = report.theme_section(mode, result, articles, "data_sovereignty")._repr_html_()
    assert "ainews-card" in section and "<img" not in section
    scored = result.scores.query("theme == 'data_sovereignty' and score > 0").doc_id
    # one card per article with a hit, each linking to the article in the explorer
    assert section.count('class="ainews-card"') == len(scored) > 0
    assert all(f"90_explorer.html#doc-{d}" in section for d in scored)
    assert "<mark>" in section  # the terms that count are marked in the evidence


def test_many_articles_get_statistics(many):
    articles, result = many
    mode = report.corpus_mode(articles)
    assert mode.statistics and mode.unit == "D" and mode.by_language and mode.by_outlet
    section = report.theme_section(mode, result, articles, "data_sovereignty")._repr_html_()
    assert section.count("<img") == 3  # by language, by outlet, over time
    assert "95% interval" in section and "90_explorer.html?theme=data_sovereignty&amp;lang=en" in section
    over = report.theme_over_time(result, articles, mode.unit)
    assert over["period"].nunique() == 10
    assert ((over["low"] <= over["share"]) & (over["share"] <= over["high"])).all()


def test_threshold_lives_in_one_place(seeds, monkeypatch):
    articles, _ = seeds
    monkeypatch.setattr(modes, "CLOSE_READING_MAX", len(articles) - 1)
    assert report.corpus_mode(articles).statistics


@pytest.mark.parametrize("dates, unit", [
    (["2025-12-01", "2025-12-02", "2025-12-05"], "D"),
    (["2025-01-01", "2025-03-01", "2025-06-01"], "W"),
    (["2023-01-01", "2024-03-01", "2025-06-01"], "M"),
    (["2025-12-01", "2025-12-01", None], None),
    ([None, None], None),
])
def test_time_unit(dates, unit):
    assert modes.time_unit(pd.Series(pd.to_datetime(dates))) == unit


def test_share_interval_brackets_the_share():
    low, high = report.share_interval(30, 100)
    assert low < 0.3 < high and 0.15 < low and high < 0.45
    assert report.share_interval(0, 50) == (0.0, 0.0)
