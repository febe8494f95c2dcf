"""Tables for readers on the seed articles: no index, no doc_id, formatted numbers, empty cells."""

import re

import numpy as np
import pandas as pd
import pytest

from ainews.report import format_value, reader_table


@pytest.mark.parametrize("value, kind, shown", [
    (1.426119e10, "usd", "US$ 14.3 bn"), (3.5e8, "usd", "US$ 350 m"), (2.5e12, "usd", "US$ 2.5 tn"),
    (12345, "int", "12,345"), (4.66, "pct", "4.7%"), (0.473, "share", "47%"),
    (pd.Timestamp("2025-12-26 09:30"), "date", "2025-12-26"),
    (np.nan, "usd", ""), (None, None, ""), (pd.NaT, "date", ""),
])
def test_format_value(value, kind, shown):
    assert format_value(value, kind) == shown


def test_seed_table_reads_like_a_report(seed_articles):
    arts = seed_articles[0]
    html = reader_table(arts, {"title": "Article", "outlet": "Outlet", "published": "Date", "n_chars": "Characters"})._repr_html_()
    assert "<th" in html and "doc_id" not in html
    for d in arts.doc_id:  # titles link to the explorer entry; the id itself is never shown
        assert f'90_explorer.html#doc-{d}"' in html
        assert f">{d}<" not in html
    untitled = (arts.title == "").sum()
    assert html.count("(untitled article)") == untitled  # an untitled article still links, by a phrase
    assert not re.search(r"\bNaN\b|\bNaT\b|\d\.\d+e[+-]\d", html)
    assert (re.search(r">\d{4}-\d\d-\d\d<", html) is not None) == bool(arts.published.notna().any())


def test_long_tables_are_interactive_and_offline(seed_articles):
    arts = pd.concat([seed_articles[0]] * 6, ignore_index=True)
    t = reader_table(arts, {"title": "Article"})
    html = t._repr_html_()
    assert t.interactive and "<script" in html
    # nothing is fetched: no script, style or image from another host (links to help pages are not loads)
    assert not re.search(r"""(?:src=["']?https?:|<link[^>]+href=["']?https?:|import\s*\(?\s*["']https?:)""", html)


def test_unknown_column_is_a_clear_error(seed_articles):
    with pytest.raises(ValueError, match="not in the table"):
        reader_table(seed_articles[0], {"nope": "Nope"})
