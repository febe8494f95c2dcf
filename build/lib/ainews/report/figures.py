"""Figures of the report chapters written here, and the CSV link under every figure.

``plot_*`` functions return a matplotlib figure and accept ``ax=None`` like :mod:`ainews.viz`
(importing it registers the Korean font, so Hangul renders in every figure).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from .. import viz  # noqa: F401  (registers the Korean font before any figure is drawn)
from ..viz import new_figure
from ..config import ROOT

__all__ = ["figure_data_link", "figure_data_dir", "plot_pipeline", "plot_articles_by_month"]

from matplotlib.patches import FancyBboxPatch  # noqa: E402

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def figure_data_dir() -> Path:
    """Where figure tables are written: ``$AINEWS_FIGURE_DATA`` or ``_build/figure_data``.

    It sits inside the book's build folder, so deleting ``_build`` removes the tables together
    with the execution cache that refers to them.
    """
    env = os.environ.get("AINEWS_FIGURE_DATA")
    return Path(env).expanduser().resolve() if env else ROOT / "_build" / "figure_data"


def figure_data_link(df: pd.DataFrame, name: str, *, label: str = "Download the data of this figure"):
    """Write a figure's table as CSV and return a Markdown link to download it.

    Glue the result and paste it into the figure caption with the ``glue:md`` role in the
    ``myst`` format (``key:myst``), which makes the ``download`` role work. Sphinx copies the
    file into the built site (``_downloads/``) and fails the build if it is missing.

    Args:
        df: the table the figure draws (what a reader needs to redo the chart).
        name: the figure's label, e.g. ``"fig-composition"`` (letters, digits, ``-_.``).
        label: the link text.

    Returns:
        An ``IPython.display.Markdown`` object holding a ``{download}`` role.
    """
    from IPython.display import Markdown

    if not _NAME.match(name):
        raise ValueError(f"figure data name {name!r}: use letters, digits, '-', '_' or '.' (it becomes a file name)")
    folder = figure_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    # utf-8-sig so spreadsheet programs open Korean text correctly.
    df.to_csv(path, index=isinstance(df.index, pd.MultiIndex) or df.index.name is not None, encoding="utf-8-sig")
    try:
        target = "/" + path.relative_to(ROOT).as_posix()  # Sphinx: "/" means the book's root folder
    except ValueError:
        # Outside the book (AINEWS_FIGURE_DATA elsewhere): relative to the running notebook's
        # folder, which is the page's folder when Jupyter Book executes it.
        target = Path(os.path.relpath(path, Path.cwd())).as_posix()
    n = len(df)
    return Markdown(f"{{download}}`{label} (CSV, {n:,} row{'s' if n != 1 else ''}) <{target}>`")


_STAGES = [
    ("data/raw", "원문 기사\ninput articles", ".txt .md .html .csv\n.jsonl .xlsx (BigKinds)"),
    ("ainews.ingest", "수집\ningest and clean", "decode, read, remove\nboilerplate, dates, dedup"),
    ("data/processed", "정제된 기사\nclean table", "articles.parquet\ningest_report.csv"),
    ("language layer", "언어 처리\nsentences, tokens", "kiwi (Korean), English\nlemmas, bilingual concepts"),
    ("analyses", "분석\ntopics, facts, themes", "topics, quotes, amounts,\nplaces, theme evidence"),
    ("this report", "보고서\nJupyter Book", "chapters, explorer,\nCSV of every figure"),
]


def plot_pipeline(*, ax=None):
    """The pipeline from input articles to this report, one box per stage."""
    if ax is None:
        fig, ax = new_figure((10, 3.8))
    fig = ax.figure
    n = len(_STAGES)
    width, gap = 1.3, 0.32
    for i, (name, ko, detail) in enumerate(_STAGES):
        x = i * (width + gap)
        is_data = name.startswith("data/") or name == "this report"
        ax.add_patch(FancyBboxPatch((x, 0.2), width, 1.6, boxstyle="round,pad=0.02,rounding_size=0.08",
                                    facecolor="#e8f0fe" if is_data else "#fff4e5",
                                    edgecolor="#1a56db" if is_data else "#c2410c", linewidth=1.2))
        ax.text(x + width / 2, 1.55, name, ha="center", va="center", fontsize=10.5, fontweight="bold")
        ax.text(x + width / 2, 1.15, ko, ha="center", va="center", fontsize=9.5)
        ax.text(x + width / 2, 0.62, detail, ha="center", va="center", fontsize=8.3, color="#333")
        if i < n - 1:
            ax.annotate("", xy=(x + width + gap - 0.04, 1.0), xytext=(x + width + 0.04, 1.0),
                        arrowprops=dict(arrowstyle="-|>", color="#444", lw=1.3))
    total = n * width + (n - 1) * gap
    ax.text(total / 2, -0.12, "data/lexicons: boilerplate patterns, outlets, user dictionary, concepts, "
            "theme word lists (사전 · curated data, not code)", ha="center", va="center", fontsize=9,
            style="italic", color="#555")
    ax.set_xlim(-0.1, total + 0.1)
    ax.set_ylim(-0.3, 1.9)
    ax.axis("off")
    return fig


def plot_articles_by_month(by_month: pd.DataFrame, *, ax=None):
    """Bars of articles per month, stacked by language (input: :func:`get_articles_by_month`)."""
    if ax is None:
        fig, ax = new_figure((7, 3))
    fig = ax.figure
    wide = by_month.pivot_table(index="month", columns="lang", values="articles", aggfunc="sum", fill_value=0)
    wide = wide.rename(columns=viz.LANG_NAMES)
    wide.plot.bar(stacked=True, ax=ax, width=0.8, rot=0)
    ax.set_xlabel("month of publication")
    ax.set_ylabel("articles")
    ax.legend(title="language", frameon=False)
    return fig
