"""Breakdowns by group and period, and term labels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ainews import TopicModel, tokenize_articles
from ainews.topics.breakdowns import auto_freq, term_display


@pytest.mark.parametrize("term, expected", [
    ("gwangju", "광주 (Gwangju)"),
    ("artificial_intelligence", "인공지능 (AI)"),
    ("산업", "산업"),
    ("investment", "investment"),
    ("manufacturing_data", "제조 데이터 (manufacturing data)"),
])
def test_term_display(term, expected):
    assert term_display(term) == expected


@pytest.mark.parametrize("days, expected", [(4, "D"), (45, "D"), (200, "W"), (800, "M")])
def test_auto_freq(days, expected):
    dates = pd.Series(pd.Timestamp("2025-01-01") + pd.to_timedelta([0, days], unit="D"))
    assert auto_freq(dates) == expected


def test_shares_by_language_sum_to_one(seed_model, seed_articles):
    by = seed_model.get_topics_by("lang")
    assert by.groupby("lang")["share"].sum().round(9).eq(1).all()
    counts = seed_articles["lang"].value_counts()
    assert by.groupby("lang")["n_articles"].first().to_dict() == counts.to_dict()


def test_unknown_column(seed_model):
    with pytest.raises(ValueError, match="no column 'nope'"):
        seed_model.get_topics_by("nope")


def test_undated_articles_give_an_empty_timeline(seed_model):
    over = seed_model.get_topics_over_time()
    assert over.empty and over.attrs["undated"] == 5


def test_period_terms_come_from_that_period_only(seed_articles):
    dated = seed_articles.assign(published=pd.to_datetime(
        np.where(seed_articles["lang"] == "ko", "2020-06-13", "2025-07-18")))
    m = TopicModel(3).fit(dated)
    over = m.get_topics_over_time("M")
    assert sorted(over["period"].unique()) == ["2020-06", "2025-07"]
    assert over.groupby("period")["share"].sum().round(9).eq(1).all()
    ko = dated[dated["lang"] == "ko"]
    ko_terms = {term_display(t) for toks in tokenize_articles(ko, unit="paragraph")["tokens"] for t in toks}
    words = {w for s in over.loc[over["period"] == "2020-06", "top_terms"] for w in s.split(" · ") if w}
    assert words and words <= ko_terms


def test_top_groups_and_other(naver_model):
    by = naver_model.get_topics_by("outlet", top=5)
    assert by["outlet"].nunique() == 6 and "other" in set(by["outlet"])
