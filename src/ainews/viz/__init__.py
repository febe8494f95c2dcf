"""Figures for the report: ``plot_*(data, *, ax=None) -> Figure``.

Korean and Japanese text render in every figure: importing this module registers fonts shipped
inside PyPI packages (no system font or network needed): NanumGothic from koreanize-matplotlib
(Hangul and most hanja) first, then IPAexGothic from matplotlib-fontja (kana and the kanji
NanumGothic lacks, such as 県) as matplotlib's per-glyph fallback.
"""

from __future__ import annotations

import koreanize_matplotlib  # noqa: F401  (side effect: sets a Hangul font in rcParams)
import matplotlib
import matplotlib_fontja
from matplotlib import font_manager

font_manager.fontManager.addfont(matplotlib_fontja.get_font_ttf_path())
#: The figures' fonts in order: a glyph missing from the first is drawn from the next.
FONTS = ["NanumGothic", "IPAexGothic"]
matplotlib.rcParams["font.family"] = FONTS

matplotlib.use("Agg") if matplotlib.get_backend().lower() not in ("agg", "module://matplotlib_inline.backend_inline") else None
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

__all__ = ["plot_corpus_composition", "plot_article_lengths"]

LANG_NAMES = {"ko": "Korean 한국어", "en": "English", "ja": "Japanese 日本語", "und": "undetermined"}


def new_figure(figsize=(7, 3.5), nrows: int = 1, ncols: int = 1, **kwargs):
    """A new figure and its axes, detached from pyplot's list of open figures.

    A figure left open in pyplot is also shown by the notebook at the end of the cell, so a
    figure glued into a caption would appear twice; closing it in pyplot keeps it drawable and
    displayable where it is glued.
    """
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, layout="constrained", **kwargs)
    plt.close(fig)
    return fig, axes


def _axes(ax, figsize=(7, 3.5)):
    if ax is None:
        return new_figure(figsize)
    return ax.figure, ax


def plot_corpus_composition(articles: pd.DataFrame, *, top: int = 15, ax=None):
    """Horizontal bars: number of articles per outlet, stacked by language.

    Args:
        articles: the articles table (``outlet``, ``lang`` columns).
        top: show the ``top`` outlets with most articles; the rest are grouped as "other".
        ax: an existing matplotlib Axes to draw on.
    """
    fig, ax = _axes(ax, (7, max(2.5, 0.35 * min(top, articles["outlet"].nunique()) + 1.2)))
    table = outlet_language_table(articles, top=top)
    table.rename(columns=LANG_NAMES).plot.barh(stacked=True, ax=ax, width=0.7)
    ax.invert_yaxis()
    ax.set_xlabel("articles")
    ax.set_ylabel("")
    ax.legend(title="language", frameon=False, loc="lower right")
    return fig


def outlet_language_table(articles: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """Articles per outlet (rows, most first) and language (columns); the data of
    :func:`plot_corpus_composition`."""
    outlet = articles["outlet"].replace("", "(unknown outlet)")
    counts = outlet.value_counts()
    keep = counts.index[:top]
    outlet = outlet.where(outlet.isin(keep), "other")
    table = pd.crosstab(outlet, articles["lang"])
    order = [o for o in list(keep) + ["other"] if o in table.index]
    return table.loc[order]


def plot_article_lengths(articles: pd.DataFrame, *, ax=None):
    """Histogram of article length in characters, by language."""
    fig, ax = _axes(ax)
    for lang, group in articles.groupby("lang"):
        ax.hist(group["n_chars"], bins=20, alpha=0.6, label=LANG_NAMES.get(lang, lang))
    ax.set_xlabel("characters in the cleaned body")
    ax.set_ylabel("articles")
    ax.legend(frameon=False)
    return fig
