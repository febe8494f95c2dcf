"""Coverage by language, side by side: what each stage found in Korean, English and Japanese.

One table answers "does the pipeline see Japanese articles as well as Korean and English
ones?": per language, the articles, their length, and the share of articles with a primary
theme, a quote, an amount and a place, with counts per article.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["coverage_by_language"]

_NAMES = {"ko": "Korean 한국어", "en": "English", "ja": "Japanese 日本語", "und": "undetermined"}


def _share(articles: pd.DataFrame, table: pd.DataFrame | None, name: str, rows: dict) -> None:
    if table is None:
        return
    ids = table["doc_id"] if "doc_id" in table.columns else pd.Series([], dtype=object)
    per_doc = ids.value_counts()
    n = articles["doc_id"].map(per_doc).fillna(0)
    for lang, idx in articles.groupby("lang").groups.items():
        rows[lang][f"with {name} (%)"] = round(100 * float((n[idx] > 0).mean()), 1)
        rows[lang][f"{name} per article"] = round(float(n[idx].mean()), 2)


def coverage_by_language(articles: pd.DataFrame, *, themes=None, quotes: pd.DataFrame | None = None,
                         amounts: pd.DataFrame | None = None,
                         entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """One column per language (Korean, English, Japanese...), one row per measure.

    Args:
        articles: the articles table (``doc_id``, ``lang``, ``n_chars`` or ``body``).
        themes: a :class:`ainews.ThemeScores` (its ``primary`` table) or ``None``.
        quotes, amounts, entities: outputs of :func:`ainews.extract_quotes`,
            :func:`ainews.extract_amounts`, :func:`ainews.extract_entities` (places are the rows of
            kind ``place``), each optional.

    Returns:
        DataFrame indexed by measure (``articles``, ``median characters``, ``with primary
        theme (%)``, ``with quotes (%)``, ``quotes per article``...), columns the languages
        present, in the order Korean, English, Japanese, others.
    """
    if "doc_id" not in articles.columns or "lang" not in articles.columns:
        raise ValueError("articles need doc_id and lang columns; build them with ainews.ingest()")
    arts = articles.reset_index(drop=True)
    chars = arts["n_chars"] if "n_chars" in arts.columns else arts["body"].str.len()
    rows: dict[str, dict] = {}
    for lang, idx in arts.groupby("lang").groups.items():
        rows[lang] = {"articles": len(idx), "median characters": int(chars[idx].median())}
    if themes is not None:
        primary = themes.primary if hasattr(themes, "primary") else themes
        got = primary.loc[primary["primary_theme"].notna(), ["doc_id"]]
        per = arts["doc_id"].isin(set(got["doc_id"]))
        for lang, idx in arts.groupby("lang").groups.items():
            rows[lang]["with primary theme (%)"] = round(100 * float(per[idx].mean()), 1)
    _share(arts, quotes, "quotes", rows)
    _share(arts, amounts, "amounts", rows)
    if entities is not None:
        places = entities[entities["kind"] == "place"] if "kind" in entities.columns else entities
        _share(arts, places, "places", rows)
    order = [lg for lg in ("ko", "en", "ja") if lg in rows] + sorted(set(rows) - {"ko", "en", "ja"})
    table = pd.DataFrame({_NAMES.get(lg, lg): rows[lg] for lg in order})
    table.index.name = "measure"
    return table
