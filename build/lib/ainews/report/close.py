"""Close reading: one card per article, for corpora too small for statistics.

A card shows what the chapters count, for one article: its theme and scores, its strongest
evidence sentences with the terms that hit marked, the people it quotes and the amounts it
reports. The title links to the article in the explorer.
"""

from __future__ import annotations

import html

import pandas as pd

from .safety import safe_text
from .tables import EXPLORER_PAGE, format_value

__all__ = ["ArticleCards", "article_cards"]


class ArticleCards:
    """HTML cards of articles (``_repr_html_``); ``.doc_ids`` lists the articles shown."""

    def __init__(self, parts: list[str], doc_ids: list[str], empty: str):
        self._parts = parts
        self.doc_ids = doc_ids
        self._empty = empty

    def _repr_html_(self) -> str:
        if not self._parts:
            return f'<p class="ainews-muted">{html.escape(self._empty)}</p>'
        return '<div class="ainews-cards">' + "".join(self._parts) + "</div>"

    def __len__(self) -> int:
        return len(self._parts)


def _mark(sentence: str, terms) -> str:
    """The sentence, escaped, with the hit terms wrapped in ``<mark>``."""
    text = safe_text(sentence)
    for t in sorted({str(x) for x in (terms or []) if str(x).strip()}, key=len, reverse=True):
        esc = html.escape(t)
        if esc and esc in text and "<mark>" not in esc:
            text = text.replace(esc, f"<mark>{esc}</mark>", 1)
    return text


def _terms(value) -> list[str]:
    if isinstance(value, str):
        return [t.strip() for t in value.split(",")]
    return list(value) if value is not None and not isinstance(value, float) else []


def _list(title: str, items: list[str]) -> str:
    if not items:
        return ""
    return f'<p class="ainews-card-label">{html.escape(title)}</p><ul>' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def article_cards(articles: pd.DataFrame, result, *, theme: str | None = None, quotes: pd.DataFrame | None = None,
                  amounts: pd.DataFrame | None = None, max_evidence: int = 3, max_items: int = 4) -> ArticleCards:
    """One card per article: outlet, date, theme, evidence, quotes and amounts.

    Args:
        articles: the articles.
        result: :func:`ainews.score_themes` output.
        theme: show the articles with any hit of this theme, strongest first, and its evidence;
            ``None`` shows every article with the evidence of its primary theme.
        quotes: :func:`ainews.extract_quotes` output (optional).
        amounts: :func:`ainews.extract_amounts` output (optional).
        max_evidence: evidence sentences per card.
        max_items: quotes and amounts per card.
    """
    prim = result.primary.set_index("doc_id")
    names = dict(zip(result.lexicon.themes.theme, result.lexicon.themes.name_en))
    scores = result.scores
    if theme is not None:
        sc = scores[(scores["theme"] == theme) & (scores["score"] > 0)].sort_values("score", ascending=False)
        order = [d for d in sc["doc_id"] if d in set(articles["doc_id"])]
    else:
        order = list(articles["doc_id"])
    arts = articles.set_index("doc_id")
    parts = []
    for doc in order:
        a = arts.loc[doc]
        p = prim.loc[doc] if doc in prim.index else None
        primary = p["primary_theme"] if p is not None and isinstance(p["primary_theme"], str) else None
        shown = theme or primary
        meta = [safe_text(str(a.get("outlet", "") or "")), format_value(a.get("published"), "date"),
                {"ko": "Korean", "en": "English", "ja": "Japanese"}.get(a.get("lang"), str(a.get("lang", "")))]
        meta.append(f"primary theme: {html.escape(names.get(primary, 'none'))}" if primary else "no primary theme")
        if theme is not None:
            s = scores[(scores["doc_id"] == doc) & (scores["theme"] == theme)]["score"]
            meta.append(f"{html.escape(names.get(theme, theme))} score {format_value(s.iloc[0], 'float')}" if len(s) else "")
        grades = getattr(result, "grades", None)  # the learned theme model grades each theme 0/1/2
        if isinstance(grades, pd.DataFrame) and {"doc_id", "theme", "grade"} <= set(grades.columns):
            g = grades[(grades["doc_id"] == doc) & (grades["grade"] > 0)].sort_values("grade", ascending=False)
            meta.append("; ".join(f"{html.escape(names.get(t, t))}: {'main' if int(v) == 2 else 'secondary'}"
                                  for t, v in zip(g["theme"], g["grade"])))
        ev = result.evidence[(result.evidence["doc_id"] == doc) & (result.evidence["theme"] == shown)] if shown else None
        evidence = [_mark(r.sentence, _terms(r.terms)) for r in ev.head(max_evidence).itertuples()] if ev is not None else []
        said = []
        if quotes is not None and len(quotes):
            for q in quotes[quotes["doc_id"] == doc].head(max_items).itertuples():
                who = safe_text(str(q.speaker)) if isinstance(q.speaker, str) and q.speaker else "unnamed speaker"
                said.append(f"<strong>{who}</strong>: “{safe_text(str(q.quote))}”")
        money = []
        if amounts is not None and len(amounts):
            for m in amounts[amounts["doc_id"] == doc].head(max_items).itertuples():
                usd = format_value(getattr(m, "value_usd", None), "usd")
                money.append(f"<strong>{usd or safe_text(str(getattr(m, 'text', '')))}</strong> — {safe_text(str(m.sentence))}")
        body = str(a.get("body", "") or "")
        title = safe_text(str(a.get("title", "") or "") or (body[:80].strip() + "…" if body else "(untitled article)"))
        parts.append(
            f'<div class="ainews-card"><p class="ainews-card-title"><a href="{EXPLORER_PAGE}#doc-{html.escape(doc, quote=True)}">{title}</a></p>'
            f'<p class="ainews-muted">{" · ".join(x for x in meta if x)}</p>'
            + _list("Evidence sentences (terms that count marked)", evidence)
            + _list("Quoted", said) + _list("Amounts", money) + "</div>")
    empty = "No article has a hit of this theme." if theme else "No articles."
    return ArticleCards(parts, order, empty)
