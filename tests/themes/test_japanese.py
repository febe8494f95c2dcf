"""Themes score Japanese articles with Japanese evidence sentences (offsets into the body)."""

from __future__ import annotations

import pandas as pd

import ainews

BODY = ("米マイクロソフトは5日、日本のデータセンターに約4400億円を投資すると発表した。"
        "経済安全保障の観点から、データの国外移転を抑える。\n\n"
        "北海道や福岡県にAI拠点を整備し、自治体と連携する。「データ主権を守る」と同社幹部は述べた。")


def _scores():
    arts = pd.DataFrame({"doc_id": ["j"], "body": [BODY], "lang": ["ja"], "title": [""],
                         "published": [pd.Timestamp("2026-01-07")]})
    return ainews.score_themes(arts)


def test_japanese_terms_hit_each_theme():
    hits = _scores().hits
    by_theme = hits.groupby("theme")["text"].apply(set).to_dict()
    assert {"経済安全保障", "データの国外移転", "データ主権"} <= by_theme["data_sovereignty"]
    assert {"北海道", "福岡県", "AI拠点", "自治体"} <= by_theme["regional_hubs"]
    assert {"データセンター", "投資"} <= by_theme["foreign_investment"]
    # データ (weight 0.5) is not counted inside データセンター
    assert not ((hits["theme"] == "data_sovereignty") & (hits["text"] == "データ")).any()


def test_evidence_sentences_are_japanese_sentences_with_offsets():
    ev = _scores().evidence
    for r in ev.itertuples():
        assert BODY[r.start:r.end] == r.sentence
        assert r.sentence.endswith("。")
    ds = ev[ev["theme"] == "data_sovereignty"]["sentence"].tolist()
    assert "経済安全保障の観点から、データの国外移転を抑える。" in ds
    # The quote's sentence is one sentence, not cut inside 「」.
    assert "「データ主権を守る」と同社幹部は述べた。" in ds
