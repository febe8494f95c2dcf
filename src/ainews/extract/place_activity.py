"""Places of activity of one article: the shipped place model applied to its place mentions.

The model (:class:`ainews.extract.place_model.PlaceModel`, ``data/models/places.skops``) is a
standardisation and a logistic regression; its card ``places.card.json`` holds the same decision
on the raw features (``scoring``: feature names, weights, intercept, threshold, the training
range each feature is clipped to), which is what
extraction uses: a dot product per place, with no scikit-learn import on the extraction path.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["decide_places", "place_model_path", "place_scorer"]

MODEL_NAME = "places"


def place_model_path(name: str = MODEL_NAME) -> Path:
    """``data/models/<name>.skops`` of the project."""
    from ..config import ROOT

    return ROOT / "data" / "models" / f"{name}.skops"


@lru_cache(maxsize=2)
def place_scorer(path: str | None = None) -> dict | None:
    """The shipped model's decision (``features, weights, intercept, threshold``), or ``None``.

    Raises:
        ValueError: the card was written for other features than :data:`place_features.FEATURES`.
    """
    from .place_features import FEATURES

    p = (Path(path) if path else place_model_path()).with_suffix(".card.json")
    if not p.is_file():
        return None
    sc = json.loads(p.read_text(encoding="utf-8")).get("scoring")
    if not sc:
        return None
    if list(sc["features"]) != list(FEATURES):
        raise ValueError(f"{p} was trained on other features than ainews.extract.place_features.FEATURES; "
                         "retrain it with `make train-places` (or `ainews train-places`)")
    out = {"weights": [float(w) for w in sc["weights"]], "intercept": float(sc["intercept"]),
           "threshold": float(sc["threshold"])}
    if "lower" in sc and "upper" in sc:  # the training range of each feature
        out["lower"], out["upper"] = [float(v) for v in sc["lower"]], [float(v) for v in sc["upper"]]
    return out


def decide_places(body: str, title: str, lang: str, mentions: list[dict], in_org: dict | None = None,
                  scorer: dict | None = None, org_starts: list[int] | None = None) -> list[dict]:
    """Set ``place_role`` and ``place_score`` of one article's place mentions with the place model.

    A place the model accepts keeps the mentions the rules called ``activity`` (or, when there
    is none, its plain ``mention`` rows become ``activity``); a place it rejects has its
    ``activity`` mentions turned into ``mention``. Datelines and venues stay what they are.
    Without a shipped model the rule roles are returned unchanged.

    Args:
        body: the article text.
        title: its headline ("" when unknown).
        lang: its language.
        mentions: place mentions (dicts with ``place_id, start, end, place_role``), changed in place.
        in_org: ``{place id: names of it inside organisation names}``.
        scorer: a decision as :func:`place_scorer` returns it (default: the shipped model's).
        org_starts: sorted offsets of the organisations named in the body.

    Returns:
        ``mentions``, each with ``place_role`` and ``place_score`` (the model's probability for
        its place; ``None`` for places it does not score: countries, places abroad).
    """
    from .place_features import place_features
    from .places import _index, find_places

    scorer = scorer if scorer is not None else place_scorer()
    for m in mentions:
        m.setdefault("place_score", None)
    if scorer is None or not mentions:
        return mentions
    meta = _index()["meta"]
    ids, X = place_features(body, title or "", lang, mentions, find_places(title, lang) if title else [], meta, in_org,
                            org_starts)
    if not ids:
        return mentions
    if "lower" in scorer:
        X = np.clip(X, scorer["lower"], scorer["upper"])
    z = X @ scorer["weights"] + scorer["intercept"]
    score = {pid: 1.0 / (1.0 + math.exp(-v)) for pid, v in zip(ids, z.tolist())}
    by_id: dict[str, list[dict]] = {}
    for m in mentions:
        by_id.setdefault(m["place_id"], []).append(m)
    for pid in ids:
        rows = by_id[pid]
        keep = score[pid] >= scorer["threshold"]
        has_activity = any(m["place_role"] == "activity" for m in rows)
        for m in rows:
            m["place_score"] = round(score[pid], 4)
            if not keep and m["place_role"] == "activity":
                m["place_role"] = "mention"
            elif keep and not has_activity and m["place_role"] == "mention":
                m["place_role"] = "activity"
    return mentions
