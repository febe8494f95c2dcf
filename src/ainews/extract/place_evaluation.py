"""Held-out places of activity for evaluation against labelled articles.

The shipped place model was trained on labelled articles; scoring those with it would report
figures the model has memorised. ``train_places`` therefore keeps each training article's
out-of-fold decisions (``data/models/places.oof.csv``, found by a hash of the body), and
:func:`place_evaluation_predictions` returns those for the articles the model saw and the places
of :func:`ainews.extract_entities` (rows with ``place_role == "activity"``) for the others.
"""

from __future__ import annotations

import json

import pandas as pd

__all__ = ["place_evaluation_predictions"]


def place_evaluation_predictions(articles: pd.DataFrame) -> tuple[dict[str, set], str]:
    """Places of activity per article, out-of-fold for the model's training articles.

    Args:
        articles: DataFrame from :func:`ainews.ingest` / :func:`ainews.load_corpus`.

    Returns:
        ``(places, how)``: ``{doc_id: set of gazetteer ids}`` and a sentence saying which articles
        got cross-validated decisions (e.g. "5-fold cross-validated for 100 of 100 articles").
    """
    from ..themes.training import body_key
    from .entities import extract_entities
    from .place_activity import place_model_path, place_scorer

    path = place_model_path()
    oof_path = path.with_suffix(".oof.csv")
    doc_ids = articles["doc_id"].astype(str).tolist()
    keys = [body_key(b if isinstance(b, str) else "") for b in articles["body"]]
    oof = pd.read_csv(oof_path, dtype={"body_key": str}) if oof_path.is_file() and place_scorer() else None
    held = set() if oof is None else set(oof.body_key)
    seen = [k in held for k in keys]
    out: dict[str, set] = {d: set() for d in doc_ids}
    if oof is not None:
        act = oof[oof.activity == 1].groupby("body_key").place_id.agg(set).to_dict()
        for d, k, s in zip(doc_ids, keys, seen):
            if s:
                out[d] = set(act.get(k, ()))
    rest = articles[[not s for s in seen]]
    if len(rest):
        e = extract_entities(rest)
        e = e[(e.kind == "place") & (e.place_role == "activity")]
        for d, pid in zip(e.doc_id.astype(str), e.place_id):
            if isinstance(pid, str) and pid:
                out.setdefault(d, set()).add(pid)
    n_held = sum(seen)
    folds = 5
    card = path.with_suffix(".card.json")
    if card.is_file():
        folds = json.loads(card.read_text(encoding="utf-8"))["cross_validation"]["folds"]
    if n_held:
        how = f"{folds}-fold cross-validated for {n_held} of {len(doc_ids)} articles"
        how += f"; plain extraction for the other {len(doc_ids) - n_held}" if n_held < len(doc_ids) else ""
    else:
        how = f"plain extraction for {len(doc_ids)} articles (none was in the place model's training data)"
    return out, how
