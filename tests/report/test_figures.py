"""Figure data downloads and the report's own figures (asserting on data, not pixels)."""

from __future__ import annotations

import re

import matplotlib
import pandas as pd
import pytest

from ainews.report import figure_data_link, get_articles_by_month, plot_articles_by_month, plot_pipeline


def test_figure_data_link_writes_csv(tmp_path, monkeypatch):
    monkeypatch.setenv("AINEWS_FIGURE_DATA", str(tmp_path))
    df = pd.DataFrame({"outlet": ["머니S", "The Asia Business Daily"], "articles": [1, 4]})
    link = figure_data_link(df, "fig-outlets").data
    assert re.fullmatch(r"\{download\}`Download the data of this figure \(CSV, 2 rows\) <.+/fig-outlets\.csv>`", link)
    back = pd.read_csv(tmp_path / "fig-outlets.csv", encoding="utf-8-sig")
    pd.testing.assert_frame_equal(back, df)


@pytest.mark.parametrize("name", ["../escape", "a b", "", "fig/x"])
def test_figure_data_link_rejects_bad_names(tmp_path, monkeypatch, name):
    monkeypatch.setenv("AINEWS_FIGURE_DATA", str(tmp_path))
    with pytest.raises(ValueError, match="file name"):
        figure_data_link(pd.DataFrame({"a": [1]}), name)


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts + ax.get_xticklabels() + ax.get_yticklabels()]


def test_pipeline_draws_korean_with_a_hangul_font():
    fig = plot_pipeline()
    texts = _texts(fig)
    assert any(re.search(r"[가-힣]", t) for t in texts)
    family = matplotlib.rcParams["font.family"]
    assert any("Nanum" in f for f in family), f"no Hangul font set: {family}"


def test_articles_by_month_bars_match_the_table(seed_articles):
    by_month = get_articles_by_month(seed_articles[0])
    fig = plot_articles_by_month(by_month)
    heights = sum(p.get_height() for p in fig.axes[0].patches)
    assert heights == by_month["articles"].sum()
