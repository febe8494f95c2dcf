"""Train, cross-validate and save the place-of-activity model (``data/models/places.skops`` + card).

``train_places`` is what ``ainews train-places`` / ``make train-places`` run: read the label files
(the ``places`` readers listed per article), build one row of features per (article, candidate
place), cross-validate with folds grouped by article (all places of an article fall in one fold)
to choose the decision threshold and report honest figures per label file, score each label file
with a model trained on the other files only (leave one set out), refit on everything, and write
the model, its card and the out-of-fold decisions (``places.oof.csv``, found by a hash of the body,
so the evaluator reports held-out figures for the articles the model has seen).
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import numpy as np
import pandas as pd

from .place_activity import place_model_path, place_scorer

__all__ = ["place_dataset", "cross_validate_places", "set_scores", "train_places", "place_model_card"]

THRESHOLDS = np.round(np.arange(0.2, 0.81, 0.025), 3)


def _gold_places(files) -> dict[tuple[str, str], list[str]]:
    from ..evaluation.gold import load_gold

    out = {}
    for f in files:
        for key, lab in load_gold(f).items():
            out[(Path(f).name, key)] = lab["places"]
    return out


def place_dataset(label_files=None) -> tuple[pd.DataFrame, np.ndarray, pd.DataFrame]:
    """One row per (labelled article, candidate place) with features and the readers' answer.

    Args:
        label_files: JSON label files; default :func:`ainews.themes.training.default_label_files`.

    Returns:
        ``(rows, X, articles)``: ``rows`` has ``label_file, corpus, key, body_key, place_id, y``
        (1 when the readers list the place) and ``eligible`` (the place has a mention that can
        carry the activity role: not only datelines and venues); ``X`` the feature matrix aligned
        with ``rows``; ``articles`` one row per labelled article with ``label_file, corpus, key,
        body_key`` and ``gold`` (the set of gold place ids, unmapped names as ``?name``).
    """
    from ..themes.training import body_key, default_label_files, labelled_articles, load_labels
    from .entities import merged_mentions
    from .place_features import place_features
    from .places import _index, find_places, place_id

    files = [Path(f) for f in (label_files or default_label_files())]
    labels = load_labels(files)
    arts, labels = labelled_articles(labels)
    gold = _gold_places(files)
    meta = _index()["meta"]
    rows, feats, art_rows = [], [], []
    for a, lab in zip(arts.itertuples(index=False), labels.itertuples(index=False)):
        g = {place_id(p) or f"?{p}" for p in gold.get((lab.label_file, lab.key), [])}
        bk = body_key(a.body)
        art_rows.append({"label_file": lab.label_file, "corpus": lab.corpus, "key": lab.key, "body_key": bk,
                         "gold": sorted(g)})
        merged, in_org = merged_mentions(a.body, a.lang)
        places = [m for m in merged if m["kind"] == "place"]
        title = a.title if isinstance(a.title, str) else ""
        ids, X = place_features(a.body, title, a.lang, places, find_places(title, a.lang) if title else [],
                                meta, in_org, [m["start"] for m in merged if m["kind"] == "org"])
        for pid, x in zip(ids, X):
            roles = {m["place_role"] for m in places if m["place_id"] == pid}
            rows.append({"label_file": lab.label_file, "corpus": lab.corpus, "key": lab.key, "body_key": bk,
                         "place_id": pid, "y": int(pid in g), "eligible": bool(roles & {"activity", "mention"}),
                         "rule_activity": "activity" in roles})
            feats.append(x)
    from .place_features import FEATURES

    X = np.asarray(feats, dtype=float).reshape(-1, len(FEATURES))
    return pd.DataFrame(rows), X, pd.DataFrame(art_rows)


def set_scores(rows: pd.DataFrame, articles: pd.DataFrame, decided: np.ndarray) -> dict:
    """Micro precision/recall/F1 over (article, place) as the evaluator counts them.

    Gold places that are not candidates (not found in the text, or unmapped) count as misses.
    """
    tp = int((decided & (rows.y.to_numpy() == 1)).sum())
    n_pred = int(decided.sum())
    n_gold = int(sum(len(g) for g in articles.gold))
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "n_pred": n_pred,
            "n_gold": n_gold, "tp": tp, "n_articles": int(len(articles))}


def cross_validate_places(rows: pd.DataFrame, X: np.ndarray, *, folds: int = 5, random_state: int = 0,
                          **params) -> np.ndarray:
    """Out-of-fold probabilities, folds grouped by article (shuffled with ``random_state``)."""
    from sklearn.model_selection import GroupKFold

    from .place_model import PlaceModel

    groups = rows.body_key.to_numpy()
    uniq = np.array(sorted(set(groups)))
    rng = np.random.default_rng(random_state)
    perm = {g: i for i, g in enumerate(rng.permutation(uniq))}
    gid = np.array([perm[g] for g in groups])
    proba = np.zeros(len(rows))
    for tr, te in GroupKFold(n_splits=folds).split(X, rows.y, gid % folds):
        m = PlaceModel(**params).fit(X[tr], rows.y.to_numpy()[tr])
        proba[te] = m.predict_proba(X[te])[:, 1]
    return proba


def choose_threshold(rows, articles, proba) -> float:
    """The threshold of best F1 over the out-of-fold probabilities (ties: the higher threshold)."""
    elig = rows.eligible.to_numpy()
    best = max(THRESHOLDS, key=lambda t: (set_scores(rows, articles, (proba >= t) & elig)["f1"], t))
    return float(best)


def _leave_one_set_out(rows, X, articles, params) -> dict:
    from .place_model import PlaceModel

    out = {}
    for f in sorted(rows.label_file.unique()):
        tr = (rows.label_file != f).to_numpy()
        trs, tra = rows[tr].reset_index(drop=True), articles[articles.label_file != f].reset_index(drop=True)
        p_in = cross_validate_places(trs, X[tr], **params)
        thr = choose_threshold(trs, tra, p_in)
        m = PlaceModel(threshold=thr, **params).fit(X[tr], rows.y.to_numpy()[tr])
        te = ~tr
        dec = (m.predict_proba(X[te])[:, 1] >= thr) & rows.eligible.to_numpy()[te]
        out[f] = {**set_scores(rows[te].reset_index(drop=True),
                               articles[articles.label_file == f].reset_index(drop=True), dec), "threshold": thr}
    return out


def train_places(label_files=None, *, out: str | Path | None = None, folds: int = 5, random_state: int = 0,
                 verbose: bool = True, C: float = 0.1) -> dict:
    """Fit the place model on labelled articles and write model, card and out-of-fold decisions.

    Args:
        label_files: JSON label files; default ``../shared/gold/naver-dev-gold.json`` and ``data/gold/*.json``.
        out: the ``.skops`` path; default ``data/models/places.skops``.
        folds: K of the article-grouped K-fold cross-validation.
        random_state: seed of the fold assignment.
        verbose: print the card.
        C: inverse regularisation strength of the logistic regression.

    Returns:
        The card (a dict, also written as ``<out stem>.card.json`` and ``.card.md``).
    """
    import skops.io as sio

    from .place_features import FEATURES
    from .place_model import PlaceModel, load_place_model

    rows, X, articles = place_dataset(label_files)
    params = {"C": C}
    proba = cross_validate_places(rows, X, folds=folds, random_state=random_state, **params)
    thr = choose_threshold(rows, articles, proba)
    decided = (proba >= thr) & rows.eligible.to_numpy()
    rules = rows.rule_activity.to_numpy()
    cv = {"all": set_scores(rows, articles, decided)}
    rule = {"all": set_scores(rows, articles, rules)}
    for f in sorted(rows.label_file.unique()):
        m, ma = (rows.label_file == f).to_numpy(), (articles.label_file == f).to_numpy()
        r, a = rows[m].reset_index(drop=True), articles[ma].reset_index(drop=True)
        cv[f] = set_scores(r, a, decided[m])
        rule[f] = set_scores(r, a, rules[m])
    loso = _leave_one_set_out(rows, X, articles, params)
    model = PlaceModel(threshold=thr, **params).fit(X, rows.y.to_numpy())
    model.feature_names_ = np.array(FEATURES)
    path = Path(out) if out else place_model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(model, path)
    oof = rows[["body_key", "corpus", "key", "place_id"]].rename(columns={"key": "source"})
    oof = oof.assign(probability=proba.round(4), activity=decided.astype(int))
    bare = articles[~articles.body_key.isin(rows.body_key)]     # no candidate place: nothing to decide
    oof = pd.concat([oof, pd.DataFrame({"body_key": bare.body_key, "corpus": bare.corpus, "source": bare.key,
                                        "place_id": "", "probability": 0.0, "activity": 0})], ignore_index=True)
    oof.to_csv(path.with_suffix(".oof.csv"), index=False)
    card = _card(path, model, articles, rows, folds, random_state, thr, cv, rule, loso)
    path.with_suffix(".card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    path.with_suffix(".card.md").write_text(_card_md(card), encoding="utf-8")
    load_place_model.cache_clear()
    place_scorer.cache_clear()
    if verbose:
        print(_card_md(card))
    return card


def _card(path, model, articles, rows, folds, random_state, thr, cv, rule, loso) -> dict:
    files = articles.groupby(["label_file", "corpus"]).size().reset_index(name="n")
    coef = dict(zip(model.feature_names_, (model.clf_.coef_[0]).round(3).tolist()))
    return {
        "model": path.name, "date": _dt.date.today().isoformat(),
        "estimator": f"ainews.extract.place_model.PlaceModel ({model.get_params()}): standardisation + "
                     "logistic regression over (article, place) pairs",
        "features": "per candidate place (Korean/Japanese, not a country) of an article: mentions, title, "
                    "position, rule roles of its mentions, activity cues of its sentences, head nouns and "
                    "particles after it, administrative level, places inside it (ainews.extract.place_features)",
        "training_data": [{"file": r.label_file, "corpus": r.corpus, "articles": int(r.n)} for r in files.itertuples()],
        "n_articles": int(len(articles)), "n_pairs": int(len(rows)), "n_positive_pairs": int(rows.y.sum()),
        "n_gold_places": int(sum(len(g) for g in articles.gold)),
        "threshold": thr,
        "cross_validation": {"folds": folds, "grouped_by": "article", "random_state": random_state,
                             "threshold_chosen_by": "best F1 of the out-of-fold decisions",
                             "by_label_file": cv},
        "rules_alone": rule,
        "leave_one_set_out": loso,
        "coefficients_standardised": coef,
        "scoring": {"features": list(model.feature_names_), "weights": [round(float(w), 8) for w in model.w_],
                    "intercept": round(float(model.b_), 8), "threshold": thr,
                    "lower": [round(float(v), 8) for v in model.lower_],
                    "upper": [round(float(v), 8) for v in model.upper_],
                    "note": "the same decision on the raw features (weights divided by the scale of the "
                            "standardisation, features clipped to their training range lower..upper): "
                            "what extraction computes, without importing scikit-learn"},
        "limits": [
            "labels come from Korean Naver news of December 2025, English Korea Herald news of 2016 (few "
            "places there) and 40 Japanese livedoor articles of 2010-2012 (7 places): Japanese places rely "
            "mostly on the Korean pattern",
            "a gold place that the gazetteer matcher does not find in the text is a miss the model cannot recover "
            "(the recall ceiling is the share of gold places among the candidates)",
            "leave-one-set-out figures for small sets are noisy (naver-extra2: 36 gold places, Korea Herald: 10)",
            "the threshold is chosen on the pooled out-of-fold decisions; per-set figures move with it",
            "the label files disagree with each other on some kinds of place, which caps precision: a province "
            "written before its city (경북 구미) is listed in some articles and not in others, as is 수도권 named as "
            "a labour market or a concept, and the shared sample itself labels these both ways; where our own files "
            "contradicted the shared sample on the same wording they were corrected (data/gold/README.md, "
            "'Corrections of places')",
        ],
    }


def _card_md(card: dict) -> str:
    cv = card["cross_validation"]
    lines = [f"# Place model card: `{card['model']}`", "", f"- Date: {card['date']}",
             f"- Estimator: {card['estimator']}", f"- Features: {card['features']}",
             f"- Training data: {card['n_articles']} labelled articles, {card['n_pairs']} (article, place) pairs, "
             f"{card['n_positive_pairs']} of them places of activity; {card['n_gold_places']} gold places", ""]
    lines += [f"  - `{d['file']}` ({d['corpus']}): {d['articles']}" for d in card["training_data"]]
    lines += ["", f"- Decision threshold: {card['threshold']} ({cv['threshold_chosen_by']})", "",
              f"## Cross-validated scores ({cv['folds']}-fold, grouped by article)", "",
              "Micro precision/recall over (article, place) as `ainews evaluate --tasks places` counts them.", "",
              "| data | articles | gold | P (model, out-of-fold) | R | F1 | P (rules alone) | R | F1 |",
              "|---|---|---|---|---|---|---|---|---|"]
    for name, s in cv["by_label_file"].items():
        r = card["rules_alone"][name]
        lines.append(f"| {name} | {s['n_articles']} | {s['n_gold']} | {s['precision']} | {s['recall']} | {s['f1']} "
                     f"| {r['precision']} | {r['recall']} | {r['f1']} |")
    lines += ["", "## Leave one label file out", "",
              "Trained (threshold chosen by cross-validation) on the other files, scored on this one.", "",
              "| held-out file | P | R | F1 | threshold |", "|---|---|---|---|---|"]
    for name, s in card["leave_one_set_out"].items():
        lines.append(f"| {name} | {s['precision']} | {s['recall']} | {s['f1']} | {s['threshold']} |")
    lines += ["", "## Coefficients (standardised features)", ""]
    coef = sorted(card["coefficients_standardised"].items(), key=lambda kv: -abs(kv[1]))
    lines += [", ".join(f"{k} {v:+.2f}" for k, v in coef), "", "## Limits", ""]
    lines += [f"- {x}" for x in card["limits"]]
    lines += ["", "Retrain: `make train-places` (or `ainews train-places`).", ""]
    return "\n".join(lines)


def place_model_card(path: str | Path | None = None) -> dict | None:
    """The card of the shipped place model; ``None`` when none is shipped."""
    p = (Path(path) if path else place_model_path()).with_suffix(".card.json")
    return json.loads(p.read_text(encoding="utf-8")) if p.is_file() else None
