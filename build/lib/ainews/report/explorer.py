"""The article explorer: one searchable, sortable table of every article.

:func:`explorer_table` joins the articles with optional per-article tables from other chapters
(themes, top entities, ...); :func:`explorer_html` renders it as static HTML. Search and sort run
in the browser through ``_static/ainews-explorer.js`` (no network, no CDN); without JavaScript
the table is still complete and readable. All article text is masked and escaped
(:func:`ainews.report.safe_text`), so markup in an article shows as text and never runs.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import urlsplit

import pandas as pd

from .safety import safe_text

__all__ = ["explorer_table", "explorer_html"]

_BASE = ["date", "outlet", "lang", "title", "characters"]


def _as_text(value, max_items: int) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        value = list(value)
    if isinstance(value, Iterable):
        items = [str(v) for v in value if v is not None and str(v) != ""]
        return ", ".join(items[:max_items])
    return str(value)


def _collapse(extra: pd.DataFrame, max_items: int) -> pd.DataFrame:
    """One row per doc_id: list cells joined, several rows per article joined in order."""
    if "doc_id" not in extra.columns:
        raise ValueError(
            f"an extra explorer table needs a `doc_id` column; got columns {list(extra.columns)}"
        )
    cols = [c for c in extra.columns if c != "doc_id"]
    flat = extra[["doc_id"]].copy()
    for c in cols:
        flat[c] = [_as_text(v, max_items) for v in extra[c]]
    if flat["doc_id"].is_unique:
        return flat

    def join(values: pd.Series) -> str:
        seen = list(dict.fromkeys(v for v in values if v))
        return ", ".join(seen[:max_items])

    return flat.groupby("doc_id", sort=False)[cols].agg(join).reset_index()


def explorer_table(articles: pd.DataFrame, *extra: pd.DataFrame, max_items: int = 5) -> pd.DataFrame:
    """Every article with outlet, date, language, title and cleaned text, plus extra columns.

    Args:
        articles: the articles table (:func:`ainews.get_articles`).
        *extra: per-article tables with a ``doc_id`` column and any other columns (e.g. a
            ``themes`` table from a theme chapter, ``top entities`` from the extraction chapter).
            Cells may be strings or lists; several rows for one article are joined in order.
        max_items: keep at most this many items of a list cell or of an article's rows.

    Returns:
        One row per article, sorted by date then outlet, columns ``date, outlet, lang, title,
        characters``, the extra columns, then ``doc_id`` (the key of evidence tables), ``url``
        and ``body``. Text is not yet
        escaped or masked: :func:`explorer_html` does that.
    """
    date = articles["published"].dt.strftime("%Y-%m-%d").fillna("") if "published" in articles else ""
    table = pd.DataFrame({
        "doc_id": articles["doc_id"].astype(str),
        "date": date,
        "outlet": articles["outlet"].fillna(""),
        "lang": articles["lang"].fillna(""),
        "title": articles["title"].fillna(""),
        "characters": articles["n_chars"] if "n_chars" in articles else articles["body"].str.len(),
        "url": articles["url"].fillna("") if "url" in articles else "",
        "body": articles["body"].fillna(""),
    })
    if "date_text" in articles:
        # Articles without a parsed date keep the page's own wording ("July 18") for the reader.
        table["date_text"] = articles["date_text"].fillna("").astype(str).to_numpy()
    for ex in extra:
        if ex is None or len(ex.columns) == 0:
            continue
        ex = _collapse(ex, max_items)
        clash = (set(ex.columns) - {"doc_id"}) & set(table.columns)
        if clash:
            raise ValueError(f"extra explorer columns {sorted(clash)} clash with the article columns; rename them")
        table = table.merge(ex, on="doc_id", how="left")
    extras = [c for c in table.columns if c not in _BASE + ["doc_id", "url", "body", "date_text"]]
    table[extras] = table[extras].fillna("")
    table = table.sort_values(["date", "outlet", "doc_id"], kind="stable").reset_index(drop=True)
    return table[_BASE + extras + ["doc_id", "url", "body"] + (["date_text"] if "date_text" in table else [])]


def _safe_href(url: str) -> str | None:
    """The URL if it is a plain http(s) link, else ``None`` (``javascript:`` and friends)."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return html.escape(url, quote=True)
    return None


def _filter_controls(table: pd.DataFrame, present: list[str], tid: str) -> str:
    parts = []
    for f in present:
        values = sorted({v.strip() for cell in table[f] for v in _as_text(cell, 99).split(",") if v.strip()})
        opts = "".join(f'<option value="{html.escape(v, quote=True)}">{safe_text(v)}</option>' for v in values)
        parts.append(f'<label class="ainews-filter">{html.escape(f)} <select name="{html.escape(f, quote=True)}" '
                     f'data-filter="{html.escape(f, quote=True)}" aria-controls="{tid}"><option value="">all</option>'
                     f'{opts}</select></label>')
    if "date" in table.columns:
        parts.append(f'<label class="ainews-filter">from <input type="date" name="from" data-date="from" aria-controls="{tid}"></label>'
                     f'<label class="ainews-filter">to <input type="date" name="to" data-date="to" aria-controls="{tid}"></label>')
    return f'<div class="ainews-filters">{"".join(parts)}</div>' if parts else ""


def _body_html(body: str, max_chars: int | None) -> str:
    if max_chars is not None and len(body) > max_chars:
        body = body[:max_chars].rstrip() + " …"
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    return "".join(f"<p>{safe_text(p)}</p>" for p in paragraphs)


def explorer_html(table: pd.DataFrame, *, max_chars: int | None = 20000, table_id: str = "articles",
                  filters: tuple[str, ...] = ("theme", "outlet", "lang")) -> str:
    """Static HTML of an :func:`explorer_table`: a search box, a sortable table, and each
    article's cleaned text in an expandable row.

    Args:
        table: the output of :func:`explorer_table`.
        max_chars: cut each article's text at this many characters (``None``: never).
        table_id: the HTML id of the table (unique per page).
        filters: columns offered as drop-down filters when present (a cell may list several
            values, comma-separated); a date range filter is added when there is a ``date``.
            A link such as ``90_explorer.html?theme=regional_hubs&q=광주`` opens the explorer
            already filtered, and ``#doc-<doc_id>`` opens one article.

    Returns:
        An HTML fragment. Every value is contact-masked and escaped; links are kept only when
        they are ``http``/``https``.
    """
    # The annotations column is "themes" (primary and second); links say ?theme=…
    table = table.rename(columns={"themes": "theme"}) if "theme" in filters and "theme" not in table.columns else table
    shown = [c for c in table.columns if c not in ("url", "body", "date_text", "doc_id")]
    present = [f for f in filters if f in table.columns]
    numeric = {c for c in shown if pd.api.types.is_numeric_dtype(table[c])}
    tid = html.escape(table_id, quote=True)
    head = "".join(
        f'<th scope="col" data-type="{"number" if c in numeric else "text"}">'
        f'<button type="button" class="ainews-sort">{html.escape(c)}</button></th>'
        for c in shown
    ) + '<th scope="col">text</th>'
    rows = []
    for rec in table.to_dict("records"):
        cells = []
        for c in shown:
            value = rec[c]
            if c == "date" and not value and rec.get("date_text"):
                cells.append(f'<td data-sort="">{safe_text(rec["date_text"])} <span class="ainews-muted">(undated)</span></td>')
            elif c in numeric:
                cells.append(f'<td data-sort="{html.escape(str(value))}">{value:,}</td>' if pd.notna(value) else "<td></td>")
            else:
                cells.append(f"<td>{safe_text(value)}</td>")
        href = _safe_href(rec.get("url", ""))
        link = (f'<p class="ainews-source"><a href="{href}" rel="noopener noreferrer nofollow">source page</a></p>'
                if href else "")
        cells.append(
            '<td class="ainews-text"><details><summary>read</summary>'
            f'<div class="ainews-body" lang="{html.escape(str(rec.get("lang", "")), quote=True)}">'
            f'{_body_html(rec["body"], max_chars)}{link}</div></details></td>'
        )
        attrs = "".join(f' data-f-{html.escape(f, quote=True)}="{html.escape(_as_text(rec.get(f), 99), quote=True)}"'
                        for f in present)
        doc = html.escape(str(rec.get("doc_id", "")), quote=True)
        rows.append(f'<tr id="doc-{doc}" data-date="{html.escape(str(rec.get("date", "")), quote=True)}"{attrs}>'
                    + "".join(cells) + "</tr>")
    n = len(table)
    return (
        f'<div class="ainews-explorer" data-table="{tid}">'
        f'<label class="ainews-search">Search articles (any language, any part of a word): '
        f'<input type="search" name="q" placeholder="e.g. 데이터센터, Gwangju, OpenAI" aria-controls="{tid}"></label>'
        f'{_filter_controls(table, present, tid)}'
        f'<p class="ainews-count" aria-live="polite">{n:,} of {n:,} articles</p>'
        f'<div class="ainews-scroll"><table id="{tid}" class="ainews-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>"
    )

