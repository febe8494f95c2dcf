"""Topic figures: ``plot_*(data, *, ax=None) -> Figure``, Korean rendered (see :mod:`ainews.viz`).

Each function draws a table that a :class:`ainews.TopicModel` getter returns, so the data of
every figure can be shown or downloaded beside it.
"""

from __future__ import annotations

import math

import pandas as pd

from .viz import _axes, new_figure  # importing viz sets the Hangul font

__all__ = ["plot_k_selection", "plot_topic_terms", "plot_topic_shares"]


def plot_k_selection(selection: pd.DataFrame, *, ax=None):
    """Coherence (left axis) and stability (right axis) for each number of topics tried.

    Args:
        selection: ``TopicModel.selection_`` (``k``, ``coherence``, ``stability``, ``chosen``; with
            ``coherence_fits`` and ``score``, the smoothed coherence k was chosen on is drawn too).
        ax: an existing Axes.
    """
    fig, ax = _axes(ax, (7, 3.2))
    if "coherence_fits" in selection and "score" in selection:
        # the embedding model chooses k on coherence averaged over its fits and neighbouring k
        ax.plot(selection["k"], selection["coherence"], "o", color="C0", alpha=0.35,
                label="NPMI coherence, reference fit")
        ax.plot(selection["k"], selection["score"], "o-", color="C0",
                label="averaged over fits and neighbouring k (k is chosen on this)")
        ax.legend(loc="lower left", fontsize=8, frameon=False)
    else:
        ax.plot(selection["k"], selection["coherence"], "o-", color="C0", label="NPMI coherence")
    ax.set_xlabel("number of topics k")
    ax.set_ylabel("NPMI coherence", color="C0")
    right = ax.twinx()
    right.plot(selection["k"], selection["stability"], "s--", color="C1", label="stability")
    right.set_ylabel("stability (matched Jaccard)", color="C1")
    right.set_ylim(0, 1.05)
    chosen = selection.loc[selection["chosen"], "k"]
    for k in chosen:
        ax.axvline(k, color="0.4", lw=1, ls=":")
        ax.annotate(f"chosen k = {k}", (k, 0), xycoords=("data", "axes fraction"),
                    xytext=(4, 6), textcoords="offset points", fontsize=9, color="0.3")
    ax.set_xticks(selection["k"])
    return fig


def plot_topic_terms(terms: pd.DataFrame, *, n: int = 8, ax=None):
    """Bars of each topic's top terms and their weights.

    Args:
        terms: ``TopicModel.get_topic_terms()`` (``topic``, ``label``, ``rank``, ``display``,
            ``weight``).
        n: terms per topic.
        ax: an existing Axes: all topics are then drawn in it, one block of bars per topic;
            without it, one small panel per topic.
    """
    terms = terms[terms["rank"] <= n]
    topics = list(dict.fromkeys(terms["topic"]))
    if ax is not None:
        fig = ax.figure
        t = terms.sort_values(["topic", "rank"])
        ax.barh(range(len(t)), t["weight"], color=[f"C{i % 10}" for i in t["topic"]])
        ax.set_yticks(range(len(t)), [f"{tp}: {d}" for tp, d in zip(t["topic"], t["display"])])
        ax.invert_yaxis()
        ax.set_xlabel("weight in topic")
        return fig
    cols = min(4, len(topics))
    rows = math.ceil(len(topics) / cols)
    fig, axes = new_figure((3.2 * cols, 0.28 * n * rows + 0.9 * rows), rows, cols, squeeze=False)
    for a, topic in zip(axes.flat, topics):
        t = terms[terms["topic"] == topic].sort_values("rank")
        a.barh(t["display"], t["weight"], color=f"C{topic % 10}")
        a.invert_yaxis()
        a.set_title(f"topic {topic}", fontsize=10, loc="left")
        a.tick_params(axis="both", labelsize=8)
    for a in list(axes.flat)[len(topics):]:
        a.set_visible(False)
    return fig


def plot_topic_shares(shares: pd.DataFrame, *, ax=None):
    """Stacked bars: the topic mix of each group (language, outlet, period).

    Args:
        shares: a long table from ``TopicModel.get_topics_by`` or ``get_topics_over_time``
            (its first column names the group; ``topic``, ``label``, ``share``).
        ax: an existing Axes.
    """
    group = shares.columns[0]
    n_groups = max(1, shares[group].nunique())
    fig, ax = _axes(ax, (8, max(2.2, 0.4 * n_groups + 1.6)))
    if shares.empty:
        ax.text(0.5, 0.5, f"no {group} to show (no article has one)", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    wide = shares.pivot_table(index=group, columns="label", values="share", sort=False)
    order = list(dict.fromkeys(shares.sort_values("topic")["label"]))
    wide = wide[order].loc[list(dict.fromkeys(shares[group]))]
    wide.plot.barh(stacked=True, ax=ax, width=0.75, legend=False,
                   color=[f"C{i % 10}" for i in range(len(order))])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of text (length-weighted)")
    ax.set_ylabel("")
    ax.legend(title="topic", frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig
