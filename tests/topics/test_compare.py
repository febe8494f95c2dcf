"""Scores that compare topic models: coherence, language mixing, translation pairs, the card."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from ainews.topics import choice
from ainews.topics.compare import (category_agreement, language_mixing, pair_agreement,
                                   shared_coherence)


def test_language_mixing_counts_and_entropy():
    topic = np.array([0, 0, 0, 0, 1, 1, 2, -1])
    langs = ["ko", "ko", "en", "en", "ko", "ko", "en", "en"]
    summary, table = language_mixing(topic, langs)
    assert table["n_languages"].tolist() == [2, 1, 1]
    assert table["entropy"].round(6).tolist() == [1.0, 0.0, 0.0]
    assert summary["multilingual_topics"] == pytest.approx(1 / 3)
    # English is the rarer language among articles with a topic (3 vs 4): 2 of its 3 meet Korean.
    assert summary["minority_lang"] == "en" and summary["minority_meet"] == pytest.approx(2 / 3)


def test_one_language_has_no_entropy():
    summary, _ = language_mixing(np.array([0, 1]), ["ja", "ja"])
    assert summary["languages"] == 1 and math.isnan(summary["entropy"])


def test_pair_agreement_and_categories():
    topic = pd.Series({"ko-0": 1, "en-0": 1, "ko-1": 0, "en-1": 2, "ko-2": -1, "en-2": -1})
    assert pair_agreement(topic, [("ko-0", "en-0"), ("ko-1", "en-1"), ("ko-2", "en-2")]) == pytest.approx(1 / 3)
    assert category_agreement([0, 0, 1, 1], ["a", "a", "b", "b"])["v_measure"] == pytest.approx(1.0)


def test_shared_coherence_rewards_terms_that_occur_together():
    docs = [["반도체", "수출", "날씨"], ["반도체", "수출"], ["날씨", "눈"], ["눈", "날씨"]]
    together, apart = shared_coherence(docs, [["반도체", "수출"], ["반도체", "눈"]], window=None)
    assert together == pytest.approx(1.0) and apart == pytest.approx(-1.0)


def test_findings_read_a_card(tmp_path):
    card = {"date": "2026-01-02",
            "parallel": {"n_pairs": 200, "rows": [{"method": "embedding", "pair_agreement": 0.9},
                                                  {"method": "nmf", "pair_agreement": None}]}}
    path = tmp_path / "topics.card.json"
    choice.write_card(card, path)
    choice.write_card({"naver": {"n_articles": 5, "own_k": [], "same_k": []}}, path)  # keeps parallel
    read = choice.benchmark_card(path)
    assert read["default_method"] == choice.DEFAULT_METHOD and "parallel" in read and "naver" in read
    found = choice.findings(card=read)
    assert found["parallel_embedding"] == "90%" and found["parallel_nmf"] == "not measured"
    assert found["parallel_n"] == "200" and found["livedoor_v_nmf"] == "not measured"


def test_findings_name_the_better_model_and_the_target():
    card = {"livedoor": {"n_articles": 10, "target_v_measure": 0.55,
                         "rows": [{"method": "nmf", "v_measure": 0.50, "setting": "nmf"},
                                  {"method": "embedding", "v_measure": 0.60, "setting": "emb"}]}}
    found = choice.findings(card=card)
    assert found["livedoor_better"] == "the embedding model"
    assert found["livedoor_target_met"] == "the embedding model reaches it"
    card["livedoor"]["rows"][1]["v_measure"] = 0.4
    assert choice.findings(card=card)["livedoor_target_met"] == "neither model reaches it"
