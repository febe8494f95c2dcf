"""NPMI coherence, stability and the choice of k."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from ainews.topics.selection import candidate_ks, choose_k, npmi_coherence, topic_agreement, window_matrix

VOCAB = {"a": 0, "b": 1, "c": 2, "d": 3}
PAIRED = [["a", "b"], ["a", "b"], ["c", "d"], ["c", "d"]]


@pytest.mark.parametrize("pair, expected", [
    ((0, 1), 1.0),   # always together
    ((0, 2), -1.0),  # never together
])
def test_npmi_extremes(pair, expected):
    w = window_matrix(PAIRED, VOCAB, window=10)
    assert npmi_coherence(np.array([pair]), w)[0] == pytest.approx(expected)


def test_npmi_independent_terms_score_zero():
    # a in half the windows, c in half, together in a quarter: independent
    docs = [["a", "c"], ["a", "x"], ["y", "c"], ["x", "y"]]
    w = window_matrix(docs, VOCAB, window=10)
    p_ac = 0.25
    expected = math.log(p_ac / (0.5 * 0.5)) / -math.log(p_ac)
    assert npmi_coherence(np.array([[0, 2]]), w)[0] == pytest.approx(expected) == pytest.approx(0.0)


@pytest.mark.parametrize("n_tokens, n_windows", [(5, 1), (20, 1), (21, 2), (30, 2), (31, 3)])
def test_sliding_windows_by_half_a_window(n_tokens, n_windows):
    w = window_matrix([["a"] * n_tokens], VOCAB, window=20)
    assert w.shape == (n_windows, 4)
    assert w[:, 0].toarray().ravel().tolist() == [1.0] * n_windows


def test_far_apart_terms_do_not_share_a_window():
    toks = ["a"] + ["x"] * 40 + ["b"]
    w = window_matrix([toks], VOCAB, window=20)
    assert npmi_coherence(np.array([[0, 1]]), w)[0] == -1.0


@pytest.mark.parametrize("a, b, expected", [
    ([[0, 1], [2, 3]], [[2, 3], [0, 1]], 1.0),   # same topics, other order
    ([[0, 1], [2, 3]], [[4, 5], [6, 7]], 0.0),
    ([[0, 1], [2, 3]], [[0, 2], [1, 3]], 1 / 3),
])
def test_topic_agreement_matches_topics(a, b, expected):
    assert topic_agreement(np.array(a), np.array(b)) == pytest.approx(expected)


@pytest.mark.parametrize("n_units, n_terms, expected", [
    (41, 202, [2, 3, 4, 5, 6, 7, 8]),
    (2220, 7364, [2, 4, 6, 8, 10, 12, 14, 16, 18, 20]),
    (30, 12, [2]),
])
def test_candidate_ks_bounded_by_data(n_units, n_terms, expected):
    assert candidate_ks(n_units, n_terms) == expected


def test_candidate_ks_too_little_data():
    with pytest.raises(ValueError, match="pass n_topics"):
        candidate_ks(8, 100)


def test_choose_k_balances_coherence_and_stability():
    table = pd.DataFrame({"k": [2, 3, 4, 5], "coherence": [0.1, 0.3, 0.32, 0.5],
                          "stability": [1.0, 0.9, 0.5, 0.95], "empty_topics": [0, 0, 0, 1]})
    k, scored, reason = choose_k(table)
    assert k == 3  # k=5 scores best but has an empty topic
    assert scored["chosen"].sum() == 1 and scored.loc[scored["chosen"], "k"].item() == 3
    assert reason.startswith("3 topics were chosen") and "0.300" in reason


def test_choose_k_by_coherence_takes_the_fewest_topics_near_the_best():
    from ainews.topics.selection import choose_k_by_coherence

    # Coherence creeps up with k; stability is high only at k=2. The rescaled balance picks an
    # extreme, the coherence rule the fewest topics within 0.02 of the best smoothed coherence.
    table = pd.DataFrame({"k": [2, 4, 6, 8, 10, 12],
                          "coherence": [0.10, 0.15, 0.20, 0.22, 0.21, 0.23],
                          "coherence_fits": [0.10, 0.15, 0.20, 0.22, 0.21, 0.23],
                          "stability": [1.0, 0.4, 0.35, 0.4, 0.38, 0.36], "empty_topics": [0] * 6})
    assert choose_k(table)[0] in (2, 12)  # an end of the range either way
    k, scored, reason = choose_k_by_coherence(table)
    # smoothed: 0.125, 0.15, 0.19, 0.21, 0.22, 0.22 -> within 0.02 of 0.22 from k=8
    assert k == 8 and scored.loc[scored["chosen"], "k"].item() == 8
    assert np.allclose(scored["score"], [0.125, 0.15, 0.19, 0.21, 0.22, 0.22])
    assert reason.startswith("8 topics were chosen") and "0.220" in reason
    # a small change of one value does not move the choice to an extreme
    shaken = table.assign(coherence_fits=table["coherence_fits"] + [0, 0.01, -0.01, 0, 0.01, -0.01])
    assert choose_k_by_coherence(shaken)[0] in (6, 8, 10)
    # k with empty topics are never chosen; without coherence_fits the reference fit's is used
    k, *_ = choose_k_by_coherence(table.drop(columns="coherence_fits").assign(empty_topics=[0, 0, 0, 1, 0, 0]))
    assert k == 10
