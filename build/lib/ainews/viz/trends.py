"""Shares with intervals, over time and by group: ``plot_*(data, *, ax=None) -> Figure``.

Input tables come from :mod:`ainews.report.statistics` (``share``, ``low``, ``high`` in 0-1).
"""

from __future__ import annotations

import pandas as pd

from . import _axes

__all__ = ["plot_share_over_time", "plot_shares_by_group"]

_THEME_COLORS = {"data_sovereignty": "#2a6fb0", "regional_hubs": "#3a9d5d", "foreign_investment": "#c8553d"}


def plot_share_over_time(over_time: pd.DataFrame, *, themes=None, ax=None):
    """Lines: share of articles with each primary theme per period, with its 95% interval as a band.

    Args:
        over_time: :func:`ainews.report.theme_over_time` output.
        themes: the themes to draw (default all in the table).
    """
    fig, ax = _axes(ax, (7.5, 3.4))
    themes = list(dict.fromkeys(over_time["theme"])) if themes is None else list(themes)
    for t in themes:
        d = over_time[over_time["theme"] == t].sort_values("period")
        if d.empty:
            continue
        color = _THEME_COLORS.get(t)
        ax.plot(d["period"], 100 * d["share"], marker="o", ms=3.5, color=color, label=d["theme_name"].iloc[0])
        ax.fill_between(d["period"], 100 * d["low"], 100 * d["high"], color=color, alpha=0.15, linewidth=0)
    ax.set_ylabel("% of the period's articles")
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    fig.autofmt_xdate()
    return fig


def plot_shares_by_group(shares: pd.DataFrame, group: str, *, ax=None):
    """Dots with 95% intervals: share of articles with each primary theme, per group.

    Args:
        shares: :func:`ainews.report.theme_shares` output with ``by=group``.
        group: the group column (``lang``, ``outlet``).
    """
    groups = list(dict.fromkeys(shares[group]))
    themes = list(dict.fromkeys(shares["theme"]))
    fig, ax = _axes(ax, (7.5, 0.2 * len(groups) * max(len(themes), 1) + 1.4))
    step = 0.8 / max(len(themes), 1)
    for j, t in enumerate(themes):
        d = shares[shares["theme"] == t].set_index(group).reindex(groups)
        y = [i + (j - (len(themes) - 1) / 2) * step for i in range(len(groups))]
        err = [100 * (d["share"] - d["low"]), 100 * (d["high"] - d["share"])]
        ax.errorbar(100 * d["share"], y, xerr=err, fmt="o", ms=4, capsize=2, color=_THEME_COLORS.get(t),
                    label=d["theme_name"].dropna().iloc[0] if d["theme_name"].notna().any() else t)
    labels = [f"{g} ({int(shares[shares[group] == g]['articles'].iloc[0]):,})" for g in groups]
    ax.set_yticks(range(len(groups)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("% of articles with the theme as primary (95% interval)")
    ax.set_xlim(left=0)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(frameon=False, fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3)
    return fig
