"""The article explorer: columns, extra tables, and markup that never becomes markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from ainews.report import explorer_html, explorer_table

# Tags explorer_html itself writes; anything else in its output came from article text.
ALLOWED = {"div", "label", "input", "p", "table", "thead", "tbody", "tr", "th", "td", "button",
           "details", "summary", "span", "a", "select", "option"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    p.close()
    return p


def test_table_has_every_seed_article(seed_articles):
    articles, _ = seed_articles
    table = explorer_table(articles)
    assert list(table.columns[:5]) == ["date", "outlet", "lang", "title", "characters"]
    assert list(table.columns[-3:]) == ["doc_id", "url", "body"] or "date_text" in table
    assert set(table["doc_id"]) == set(articles["doc_id"])
    assert "머니S" in set(table["outlet"])


def test_extra_tables_add_columns(seed_articles):
    articles, _ = seed_articles
    ids = list(articles["doc_id"])
    themes = pd.DataFrame({"doc_id": ids[:2], "themes": [["data sovereignty", "regional hubs"], []]})
    entities = pd.DataFrame({"doc_id": [ids[0], ids[0], ids[0], ids[1]],
                             "top entities": ["OpenAI", "광주", "OpenAI", "Kakao"]})
    table = explorer_table(articles, themes, entities, max_items=5).set_index("doc_id")
    assert table.loc[ids[0], "themes"] == "data sovereignty, regional hubs"
    assert table.loc[ids[0], "top entities"] == "OpenAI, 광주"  # repeated rows joined once, in order
    assert table.loc[ids[1], "themes"] == ""
    assert table.loc[ids[2], "top entities"] == ""  # articles without a row get an empty cell
    html = explorer_html(table.reset_index())
    assert ">top entities</button>" in html and "OpenAI, 광주" in html


@pytest.mark.parametrize("bad", [
    pd.DataFrame({"id": ["x"], "themes": ["a"]}),
    pd.DataFrame({"doc_id": ["x"], "title": ["clash"]}),
])
def test_bad_extra_tables_raise_clear_errors(seed_articles, bad):
    with pytest.raises(ValueError, match="doc_id|clash"):
        explorer_table(seed_articles[0], bad)


def test_hostile_article_is_inert(hostile_articles):
    html = explorer_html(explorer_table(hostile_articles))
    parsed = _parse(html)
    tags = {t for t, _ in parsed.tags}
    assert tags <= ALLOWED, f"article text produced tags {tags - ALLOWED}"
    for tag, attrs in parsed.tags:
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript"), (tag, attrs)
    text = "".join(parsed.text)
    assert "<script>window.__xss = 'body'</script>" in text  # shown to the reader as characters
    assert "onerror=" in text and "javascript:window.__xss='link'" in text
    assert "probe@example.co.kr" not in html and "02-123-4567" not in html
    assert "[email]" in text and "[phone]" in text
    assert "source page" not in text  # the javascript: URL is not turned into a link


def test_http_links_are_kept(seed_articles):
    articles = seed_articles[0].copy()
    articles.loc[0, "url"] = "https://www.example.com/news/1?a=1&b=2"
    html = explorer_html(explorer_table(articles))
    assert 'href="https://www.example.com/news/1?a=1&amp;b=2"' in html


def test_long_text_is_cut(seed_articles):
    html = explorer_html(explorer_table(seed_articles[0]), max_chars=100)
    assert html.count(" …</p>") == len(seed_articles[0])


def test_article_annotations_give_themes_and_top_entities(seed_articles):
    from ainews.report import article_annotations, explorer_table

    articles, _ = seed_articles
    notes = article_annotations(articles).set_index("doc_id")
    by_source = dict(zip(articles["source"], articles["doc_id"]))
    openai = notes.loc[by_source["002_0cbbea8c10b7a584.txt"]]
    assert openai["themes"].startswith("foreign_investment")
    assert "OpenAI" in openai["top entities"] and "Jason Kwon" in openai["top entities"]
    gwangju = notes.loc[by_source["003_c232df0707fb9e00.txt"]]
    assert gwangju["themes"].startswith("regional_hubs") and "광주광역시" in gwangju["top entities"]
    table = explorer_table(articles, article_annotations(articles))
    assert {"themes", "top entities"} <= set(table.columns) and len(table) == len(articles)
