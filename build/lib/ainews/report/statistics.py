"""Statistics of the chapters when the corpus is large: theme shares with bootstrap intervals,
by language, outlet and period, and the strongest evidence sentences.

A share is the fraction of articles whose primary theme is the theme. Its interval is a
percentile bootstrap: resampling ``n`` articles with replacement draws the count of theme
articles from a binomial distribution, so the resamples are drawn directly from it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .modes import BOOTSTRAP_SAMPLES, MIN_GROUP_ARTICLES

__all__ = ["share_interval", "theme_shares", "theme_over_time", "top_evidence"]


def share_interval(hits: int, n: int, *, samples: int = BOOTSTRAP_SAMPLES, level: float = 0.95,
                   random_state: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of the share ``hits / n`` (0-1); ``(nan, nan)`` when ``n == 0``."""
    if n <= 0:
        return float("nan"), float("nan")
    rng = np.random.default_rng(random_state)
    draws = rng.binomial(n, hits / n, size=samples) / n
    tail = (1 - level) / 2
    return float(np.quantile(draws, tail)), float(np.quantile(draws, 1 - tail))


def _theme_flags(result, articles: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in ("doc_id", "lang", "outlet", "published") if c in articles.columns]
    return articles[cols].merge(result.primary[["doc_id", "primary_theme"]], on="doc_id", how="left")


def _names(result) -> dict[str, str]:
    themes = result.lexicon.themes
    return dict(zip(themes.theme, themes.name_en))


def _shares(frame: pd.DataFrame, keys: list[str], themes: list[str], names: dict[str, str]) -> pd.DataFrame:
    rows = []
    groups = frame.groupby(keys, sort=True) if keys else [((), frame)]
    for key, g in groups:
        key = key if isinstance(key, tuple) else (key,)
        for t in themes:
            k = int((g["primary_theme"] == t).sum())
            low, high = share_interval(k, len(g))
            rows.append((*key, t, names.get(t, t), len(g), k, k / len(g), low, high))
    return pd.DataFrame(rows, columns=[*keys, "theme", "theme_name", "articles", "with_theme", "share", "low", "high"])


def theme_shares(result, articles: pd.DataFrame, *, by: str | None = None,
                 min_articles: int = MIN_GROUP_ARTICLES) -> pd.DataFrame:
    """Share of articles with each primary theme, overall or per ``by`` group, with intervals.

    Args:
        result: :func:`ainews.score_themes` output.
        articles: the articles.
        by: ``"lang"``, ``"outlet"`` or ``None`` (whole corpus).
        min_articles: groups with fewer articles are left out (their share would be noise).

    Returns:
        ``[by,] theme, theme_name, articles, with_theme, share, low, high`` (shares 0-1).
    """
    frame = _theme_flags(result, articles)
    themes = list(result.lexicon.themes.theme)
    if by is None:
        return _shares(frame, [], themes, _names(result))
    if by not in frame.columns:
        raise ValueError(f"cannot compare by {by!r}: the articles have no such column")
    frame = frame[frame[by].astype(str).str.len() > 0]
    counts = frame[by].value_counts()
    frame = frame[frame[by].isin(counts[counts >= min_articles].index)]
    return _shares(frame, [by], themes, _names(result))


def theme_over_time(result, articles: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Share of articles with each primary theme per day (``"D"``), week (``"W"``) or month (``"M"``).

    Returns:
        ``period`` (first day of the period), ``theme, theme_name, articles, with_theme, share,
        low, high``; undated articles are left out.
    """
    frame = _theme_flags(result, articles).dropna(subset=["published"])
    published = pd.to_datetime(frame["published"])
    if published.dt.tz is not None:
        published = published.dt.tz_localize(None)
    frame = frame.assign(period=published.dt.to_period(unit).dt.start_time)
    return _shares(frame, ["period"], list(result.lexicon.themes.theme), _names(result))


def top_evidence(result, articles: pd.DataFrame, theme: str, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` strongest evidence sentences of ``theme``, at most one per article.

    Returns:
        ``doc_id, title, outlet, lang, published, sentence, terms, strength``, strongest first.
    """
    cols = [c for c in ("doc_id", "title", "outlet", "lang", "published") if c in articles.columns]
    ev = result.evidence[result.evidence["theme"] == theme]
    ev = ev.sort_values("strength", ascending=False).drop_duplicates("doc_id").head(n)
    return ev.merge(articles[cols], on="doc_id", how="left")[
        [*cols, "sentence", "terms", "strength"]].reset_index(drop=True)
