"""The model card of a learned model (``data/models/<name>.card.json``), read for the report.

Cards are written by whoever trains the model; their exact keys may grow. This module looks
for the usual names of cross-validated figures (accuracy, macro-F1, number of articles, folds,
readers' agreement and kappa) at the top level or under ``cross_validation``/``cv``/``metrics``,
and says plainly when a card or a figure is missing rather than failing the build.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..config import ROOT

__all__ = ["evaluation_card", "evaluation_table", "model_card", "model_card_findings", "reader_agreement"]

_SECTIONS = ("cross_validation", "cv", "metrics", "evaluation", "scores")
_KEYS = {
    "accuracy": ("accuracy", "primary_accuracy", "acc"),
    "macro_f1": ("macro_f1", "f1_macro", "primary_macro_f1"),
    "n": ("n_articles", "n_train", "n", "articles", "n_samples"),
    "folds": ("folds", "n_folds", "cv_folds", "n_splits"),
    "agreement": ("reader_agreement", "agreement", "inter_annotator_agreement"),
    "kappa": ("kappa", "cohen_kappa", "reader_kappa"),
}


def model_card(name: str, *, folder: Path | None = None) -> dict | None:
    """The card ``<folder>/<name>.card.json`` as a dict (``data/models`` by default), or ``None``."""
    path = (folder or ROOT / "data" / "models") / f"{name}.card.json"
    if not path.is_file():
        return None
    card = json.loads(path.read_text(encoding="utf-8"))
    card.setdefault("_path", path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path))
    return card


def reader_agreement(path: Path | None = None) -> dict:
    """How far two careful readers agree on the same articles (``data/gold/agreement.yml``), or ``{}``."""
    import yaml

    path = path or ROOT / "data" / "gold" / "agreement.yml"
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def evaluation_card() -> dict | None:
    """The figures ``make eval`` last measured (``data/models/evaluation.card.json``), or ``None``."""
    return model_card("evaluation")


def evaluation_table(card: dict | None = None, *, set_name: str | None = None):
    """One row per task and metric of one labelled set of the evaluation card: ``task, metric,
    value, target, met, n``, plus ``readers`` (two readers' agreement, where measured).

    Args:
        card: :func:`evaluation_card` (read when ``None``).
        set_name: which labelled set; default the first (the shared development sample).

    Returns:
        A DataFrame (empty when there is no card), and never a figure typed by hand.
    """
    import pandas as pd

    card = evaluation_card() if card is None else card
    cols = ["task", "metric", "value", "target", "met", "n", "readers"]
    if not card or not card.get("sets"):
        return pd.DataFrame(columns=cols)
    sets = card["sets"]
    one = next((s for s in sets if s["name"] == set_name), sets[0]) if set_name else sets[0]
    df = pd.DataFrame(one["summary"])
    agree = reader_agreement()
    readers = {("primary theme", "accuracy"): agree.get("primary_theme", {}).get("agreement"),
               ("quote speakers", "f1"): agree.get("quote_speakers", {}).get("f1"),
               ("places", "f1"): agree.get("places", {}).get("f1")}
    df["readers"] = [readers.get((t, m)) for t, m in zip(df.task, df.metric)]
    return df[[c for c in cols if c in df.columns]]


def _find(card: dict, names) -> object | None:
    for where in (card, *(card.get(s) for s in _SECTIONS if isinstance(card.get(s), dict))):
        for n in names:
            if n in where and isinstance(where[n], (int, float, str)):
                return where[n]
            for sub in where.values():  # e.g. {"primary": {"accuracy": 0.8}}
                if isinstance(sub, dict) and n in sub and isinstance(sub[n], (int, float)):
                    return sub[n]
    return None


def _pct(v) -> str:
    v = float(v)
    return f"{100 * v:.0f}%" if v <= 1 else f"{v:.0f}%"


def model_card_findings(card: dict | None) -> dict[str, str]:
    """Phrases to glue: ``card_sentence`` (always), and ``card_accuracy``, ``card_macro_f1``,
    ``card_n``, ``card_agreement``, ``card_kappa`` (empty when the card does not give them)."""
    if card is None:
        return {"card_sentence": "No model card was found in data/models (themes.card.json): the "
                                 "themes are decided by the weighted lexicon, and its accuracy is printed by "
                                 "`make eval` rather than here.",
                "card_accuracy": "", "card_macro_f1": "", "card_n": "", "card_agreement": "", "card_kappa": ""}
    got = {k: _find(card, names) for k, names in _KEYS.items()}
    theme_agree = reader_agreement().get("primary_theme", {})
    if got["agreement"] is None and theme_agree.get("agreement") is not None:
        got["agreement"], got["kappa"] = theme_agree.get("agreement"), theme_agree.get("kappa")
    out = {"card_accuracy": _pct(got["accuracy"]) if got["accuracy"] is not None else "",
           "card_macro_f1": f"{float(got['macro_f1']):.2f}" if got["macro_f1"] is not None else "",
           "card_n": f"{int(got['n']):,}" if isinstance(got["n"], (int, float)) else "",
           "card_agreement": _pct(got["agreement"]) if got["agreement"] is not None else "",
           "card_kappa": f"{float(got['kappa']):.2f}" if got["kappa"] is not None else ""}
    parts = []
    if out["card_accuracy"]:
        how = f"{int(got['folds'])}-fold cross-validated" if isinstance(got["folds"], (int, float)) else "cross-validated"
        on = f" on {out['card_n']} labelled articles" if out["card_n"] else ""
        f1 = f" (macro-F1 {out['card_macro_f1']})" if out["card_macro_f1"] else ""
        parts.append(f"The theme model picks the readers' primary theme for {out['card_accuracy']} of articles, "
                     f"{how}{on}{f1}.")
    else:
        parts.append("The theme model's card gives no cross-validated accuracy.")
    if out["card_agreement"] or out["card_kappa"]:
        kappa = f", Cohen's kappa {out['card_kappa']}" if out["card_kappa"] else ""
        agree = out["card_agreement"] or "—"
        parts.append(f"Two readers labelling the same articles agree on {agree}{kappa}: the ceiling any model "
                     "can be expected to reach.")
    parts.append(f"Source: {card.get('_path', 'the model card')}.")
    out["card_sentence"] = " ".join(parts)
    return out
