"""The Data and method chapter reads the theme model's card when there is one."""

from __future__ import annotations

import json

from ainews.report import model_card, model_card_findings


def test_no_card_says_so(tmp_path):
    assert model_card("themes", folder=tmp_path) is None
    found = model_card_findings(None)
    assert "No model card" in found["card_sentence"] and found["card_accuracy"] == ""


def test_card_figures_are_glued(tmp_path):
    card = {"model": "themes", "trained": "2026-11-29",
            "cross_validation": {"folds": 5, "n_articles": 210, "primary": {"accuracy": 0.81, "macro_f1": 0.74}},
            "reader_agreement": 0.96, "kappa": 0.94}
    (tmp_path / "themes.card.json").write_text(json.dumps(card), encoding="utf-8")
    found = model_card_findings(model_card("themes", folder=tmp_path))
    assert found["card_accuracy"] == "81%" and found["card_macro_f1"] == "0.74" and found["card_n"] == "210"
    assert found["card_agreement"] == "96%" and found["card_kappa"] == "0.94"
    assert "5-fold cross-validated on 210 labelled articles" in found["card_sentence"]


def test_card_without_scores(tmp_path):
    (tmp_path / "themes.card.json").write_text(json.dumps({"model": "themes"}), encoding="utf-8")
    found = model_card_findings(model_card("themes", folder=tmp_path))
    assert "gives no cross-validated accuracy" in found["card_sentence"]
