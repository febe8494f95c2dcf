"""Coverage by language: one column per language, measures computed from each stage's table."""

from __future__ import annotations

import pandas as pd
import pytest

import ainews
from ainews.report import coverage_by_language

ARTICLES = pd.DataFrame({
    "doc_id": ["k1", "e1", "j1", "j2"],
    "lang": ["ko", "en", "ja", "ja"],
    "body": ["과기정통부는 \"AI 투자가 필요하다\"고 말했다.",
             'Officials said the plan costs $5 billion. "We must move fast," Kim said.',
             "経済産業省は約2兆円を投じる。「投資を急ぐ」と武藤容治経済産業相は述べた。",
             "東京都でAIの会合が開かれた。"],
})
ARTICLES["n_chars"] = ARTICLES["body"].str.len()


def test_languages_side_by_side_in_fixed_order():
    quotes = ainews.extract_quotes(ARTICLES)
    amounts = ainews.extract_amounts(ARTICLES)
    table = coverage_by_language(ARTICLES, quotes=quotes, amounts=amounts)
    assert list(table.columns) == ["Korean 한국어", "English", "Japanese 日本語"]
    assert table.loc["articles"].tolist() == [1, 1, 2]
    assert table.loc["with quotes (%)", "Japanese 日本語"] == 50.0
    assert table.loc["amounts per article", "Japanese 日本語"] == 0.5
    assert table.loc["with amounts (%)", "English"] == 100.0


def test_needs_language_column():
    with pytest.raises(ValueError, match="lang"):
        coverage_by_language(ARTICLES.drop(columns="lang"))
