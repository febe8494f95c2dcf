"""Topic figures: asserted on the data drawn, never on pixels."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ainews.viz_topics import plot_k_selection, plot_topic_shares, plot_topic_terms


def test_k_selection_draws_the_table(seed_model):
    fig = plot_k_selection(seed_model.selection_)
    ax, right = fig.axes
    assert list(ax.lines[0].get_xdata()) == list(seed_model.selection_["k"])
    assert np.allclose(ax.lines[0].get_ydata(), seed_model.selection_["coherence"])
    assert np.allclose(right.lines[0].get_ydata(), seed_model.selection_["stability"])
    assert any(f"chosen k = {seed_model.n_topics_}" in t.get_text() for t in ax.texts)
    plt.close(fig)


def test_topic_terms_panels_with_korean(seed_model):
    terms = seed_model.get_topic_terms(6)
    fig = plot_topic_terms(terms, n=6)
    panels = [a for a in fig.axes if a.get_visible()]
    assert len(panels) == seed_model.n_topics_
    labels = [t.get_text() for a in panels for t in a.get_yticklabels()]
    assert set(labels) == set(terms["display"])
    assert any("\uac00" <= ch <= "\ud7a3" for label in labels for ch in label)
    plt.close(fig)


def test_topic_terms_on_a_given_axes(seed_model):
    fig, ax = plt.subplots()
    assert plot_topic_terms(seed_model.get_topic_terms(3), n=3, ax=ax) is fig
    assert len(ax.patches) == 3 * seed_model.n_topics_
    plt.close(fig)


def test_topic_shares_bars_fill_each_group(seed_model):
    by = seed_model.get_topics_by("lang")
    fig = plot_topic_shares(by)
    ax = fig.axes[0]
    widths = np.array([p.get_width() for p in ax.patches]).reshape(seed_model.n_topics_, -1)
    assert np.allclose(widths.sum(axis=0), 1.0)
    plt.close(fig)


def test_topic_shares_empty_table_says_so(seed_model):
    fig = plot_topic_shares(seed_model.get_topics_over_time())
    assert "no period" in fig.axes[0].texts[0].get_text()
    plt.close(fig)
