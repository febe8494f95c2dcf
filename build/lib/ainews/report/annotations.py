"""Per-article annotations for the article explorer: themes and the most-mentioned entities."""

from __future__ import annotations

import pandas as pd

__all__ = ["article_annotations"]


def article_annotations(articles: pd.DataFrame, *, n_entities: int = 5) -> pd.DataFrame:
    """Primary (and second) theme and the top entities of each article.

    Computed with the chapters' own functions (:func:`ainews.score_themes`,
    :func:`ainews.extract_entities`), for :func:`ainews.report.explorer_table`'s extra columns.

    Args:
        articles: the articles table (:func:`ainews.get_articles`).
        n_entities: how many entities to list per article, most mentioned first.

    Returns:
        Columns ``doc_id``, ``themes`` (e.g. "data_sovereignty, foreign_investment"; empty when
        no theme reaches the threshold) and ``top entities`` (names as first written).
    """
    import ainews

    from .cache import cached

    primary = cached(ainews.score_themes, articles).primary
    themes = [
        ", ".join(t for t in (p, s if p else None) if isinstance(t, str) and t)
        for p, s in zip(primary["primary_theme"], primary["second_theme"])
    ]
    out = pd.DataFrame({"doc_id": primary["doc_id"].astype(str), "themes": themes})
    entities = cached(ainews.extract_entities, articles)
    if entities.empty:
        out["top entities"] = ""
        return out
    ranked = (entities.groupby(["doc_id", "canonical"], sort=False)
              .agg(mentions=("text", "size"), name=("text", "first"), first=("start", "min"))
              .reset_index()
              .sort_values(["doc_id", "mentions", "first"], ascending=[True, False, True]))
    top = ranked.groupby("doc_id").head(n_entities).groupby("doc_id")["name"].agg(", ".join)
    out["top entities"] = out["doc_id"].map(top).fillna("")
    return out
