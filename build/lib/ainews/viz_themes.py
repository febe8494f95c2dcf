"""Figures of the theme chapters: ``plot_*(data, *, ax=None) -> Figure``.

Imports :mod:`ainews.viz` first so Korean text renders (koreanize-matplotlib). The place map is
drawn offline: markers at gazetteer coordinates on a longitude/latitude grid, no map tiles.
"""

from __future__ import annotations

import math

import pandas as pd

from .viz import _axes  # importing viz registers the Korean font

__all__ = ["plot_theme_shares", "plot_frames", "plot_place_map", "plot_hubs", "plot_investments",
           "plot_destinations"]

_COUNTRY_COLORS = {"KR": "#1f77b4", "JP": "#d62728"}


def plot_theme_shares(summary: pd.DataFrame, *, ax=None):
    """Bars: percent of articles whose primary theme is each theme (``ThemeScores.summary()``)."""
    fig, ax = _axes(ax, (7, 2.8))
    labels = [f"{en}\n{ko}" for en, ko in zip(summary.name_en, summary.name_ko)]
    bars = ax.barh(labels, summary.pct_primary, color="#4c72b0")
    for b, n in zip(bars, summary.n_primary):
        ax.text(b.get_width(), b.get_y() + b.get_height() / 2, f" {n}", va="center")
    ax.invert_yaxis()
    ax.set_xlabel("% of articles (primary theme)")
    return fig


def plot_frames(frames: pd.DataFrame, *, ax=None):
    """Stacked bars: articles per sub-frame and language (``themes.frame_table``)."""
    fig, ax = _axes(ax, (7, 3))
    cols = [c for c in frames.columns if c.startswith("articles_")]
    data = frames.set_index(frames.name_en + " · " + frames.name_ko)[cols]
    data.columns = [c.removeprefix("articles_") for c in cols]
    data.plot.barh(stacked=True, ax=ax, width=0.7)
    ax.invert_yaxis()
    ax.set_xlabel("articles with a hit of the frame")
    ax.set_ylabel("")
    ax.legend(title="language", frameon=False, loc="lower right")
    return fig


def plot_place_map(places: pd.DataFrame, *, label_top: int = 10, ax=None):
    """Places in Korea and Japan at their gazetteer coordinates, markers sized by mentions.

    Args:
        places: ``themes.place_mentions`` output (``lat, lon, mentions, country, name_en, name_ko``).
        label_top: label the most-mentioned places.
    """
    fig, ax = _axes(ax, (7, 6))
    if places.empty:
        ax.text(0.5, 0.5, "no places in Korea or Japan mentioned", ha="center", transform=ax.transAxes)
        return fig
    size = 20 + 400 * places.mentions / places.mentions.max()
    colors = places.country.map(_COUNTRY_COLORS).fillna("grey")
    ax.scatter(places.lon, places.lat, s=size, c=colors, alpha=0.6, edgecolor="k", linewidth=0.4)
    placed: list[tuple[float, float]] = []
    for r in places.head(label_top).itertuples():
        # Skip a label next to a bigger place's (districts sit on top of their city).
        if any(abs(r.lon - x) < 1.2 and abs(r.lat - y) < 0.4 for x, y in placed):
            continue
        placed.append((r.lon, r.lat))
        ax.annotate(f"{r.name_ko} {r.name_en} ({r.mentions})", (r.lon, r.lat), fontsize=8,
                    xytext=(4, 4), textcoords="offset points")
    # Equal distances in both directions at these latitudes.
    ax.set_aspect(1 / math.cos(math.radians(places.lat.mean())))
    ax.set_xlim(min(124, places.lon.min() - 1), max(146, places.lon.max() + 1))
    ax.set_ylim(min(32, places.lat.min() - 1), max(44, places.lat.max() + 1))
    ax.grid(alpha=0.3)
    ax.set_xlabel("longitude (degrees east)")
    ax.set_ylabel("latitude (degrees north)")
    for country, color in _COUNTRY_COLORS.items():
        ax.scatter([], [], c=color, label={"KR": "Korea 한국", "JP": "Japan 日本"}[country])
    ax.legend(frameon=False, loc="lower right")
    return fig


def plot_hubs(profiles: pd.DataFrame, *, ax=None):
    """Bars: regional-hub articles per hub (``themes.hub_profiles``)."""
    fig, ax = _axes(ax, (6, 2.5))
    ax.barh(profiles.hub + " " + profiles.hub_ko, profiles.articles, color="#55a868")
    ax.invert_yaxis()
    ax.set_xlabel("articles with regional hubs as primary theme")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def plot_investments(investments: pd.DataFrame, *, top: int = 15, ax=None):
    """Horizontal bars: investment amounts in USD by investor, coloured by destination country."""
    fig, ax = _axes(ax, (7, 0.35 * min(top, max(len(investments), 1)) + 1.5))
    data = investments.dropna(subset=["value_usd"]).head(top)
    if data.empty:
        ax.text(0.5, 0.5, "no investment amounts found", ha="center", transform=ax.transAxes)
        return fig
    label = data.investor.fillna("(investor not stated)") + " -> " + data.destination.fillna("?")
    colors = data.destination_country.map(_COUNTRY_COLORS).fillna("grey")
    ax.barh(range(len(data)), data.value_usd / 1e9, color=colors)
    ax.set_yticks(range(len(data)), label)
    ax.invert_yaxis()
    usd = data.value_usd / 1e9
    if usd.max() / max(usd.min(), 1e-9) > 50:
        # Pledges can span four orders of magnitude; a log axis keeps the smaller ones visible.
        from matplotlib.ticker import FuncFormatter

        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.3g}"))
        ax.set_xlabel("billion US dollars (converted at the yearly rate, log scale)")
    else:
        ax.set_xlabel("billion US dollars (converted at the yearly rate)")
    return fig


def plot_destinations(investments: pd.DataFrame, *, ax=None):
    """Bars: amounts and total USD by destination country (Korea, Japan, other, not stated)."""
    fig, ax = _axes(ax, (6, 2.5))
    dest = investments.destination_country.fillna("not stated")
    dest = dest.where(dest.isin(["KR", "JP", "not stated"]), "other")
    table = investments.assign(dest=dest).groupby("dest").value_usd.agg(["size", "sum"])
    table = table.reindex(["KR", "JP", "other", "not stated"]).dropna(how="all").fillna(0)
    bars = ax.barh(table.index, table["sum"] / 1e9,
                   color=[_COUNTRY_COLORS.get(c, "grey") for c in table.index])
    for b, n in zip(bars, table["size"]):
        ax.text(b.get_width(), b.get_y() + b.get_height() / 2, f" {int(n)} amounts", va="center")
    ax.invert_yaxis()
    ax.set_xlabel("billion US dollars")
    return fig
