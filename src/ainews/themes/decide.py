"""Apply the learned theme model to lexicon scores: grades, primary theme and their evidence.

The model (:class:`~ainews.themes.model.ThemeModel`, ``data/models/themes.skops``) reads the
lexicon features and the article vector (mean of its sentence vectors). Because the article
vector is a mean, each sentence's share in a decision is its vector times the model's weights
for that theme: the sentences with the largest share are kept as the decision's evidence,
with the lexicon terms they contain.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .model import NONE
from .score import DECISION_COLUMNS, GRADE_COLUMNS, PRIMARY_COLUMNS, ThemeScores

__all__ = ["apply_model", "lexicon_grades"]

N_EVIDENCE = 3


def lexicon_grades(result: ThemeScores) -> pd.DataFrame:
    """Grades from lexicon scores alone: 2 at ``min_score``, 1 at a third of it (probability NaN)."""
    sc = result.scores
    g = np.where(sc.score >= result.min_score, 2, np.where(sc.score >= result.min_score / 3, 1, 0))
    return pd.DataFrame({"doc_id": sc.doc_id, "theme": sc.theme, "grade": g.astype(int),
                         "probability": np.nan})[GRADE_COLUMNS]


def _resolve(model):
    if model == "default":
        from .fit import load_model

        return load_model()
    return model


def _aligned(feats, model) -> np.ndarray | None:
    want = list(getattr(model, "feature_names_", []))
    have = {n: i for i, n in enumerate(feats.names)}
    missing = [n for n in want if n not in have]
    if missing:
        warnings.warn(f"the theme model was trained with {len(missing)} features this lexicon lacks "
                      f"(e.g. {missing[0]}); deciding by the lexicon alone. Retrain: make train-themes",
                      RuntimeWarning, stacklevel=4)
        return None
    return feats.X[:, [have[n] for n in want]]


def apply_model(result: ThemeScores, articles: pd.DataFrame, model="default") -> ThemeScores:
    """``result`` with ``grades``, ``decisions`` and the model's ``primary`` table.

    Falls back to :func:`lexicon_grades` (and the lexicon's primary) without a model.
    """
    model = _resolve(model)
    feats = None
    if model is not None and len(articles):
        from .features import article_features

        ms = getattr(model, "max_sentences_", -1)
        feats = article_features(articles, scores=result, max_sentences=None if ms is None or ms < 0 else ms,
                                 units=getattr(model, "units_", None))
        result = feats.scores
    result.grades = lexicon_grades(result)
    result.decisions = pd.DataFrame(columns=DECISION_COLUMNS)
    if feats is None:
        return result
    X = _aligned(feats, model)
    if X is None:
        return result
    # the content hash (16 hex digits); models fitted before it stood alone also carried a path
    if str(getattr(model, "lexicon_version_", result.lexicon.version))[:16] != result.lexicon.version[:16]:
        warnings.warn("themes.yml (or concepts.yml) changed since the theme model was trained; its "
                      "decisions may drift. Retrain: make train-themes", RuntimeWarning, stacklevel=3)
    themes = list(model.themes_)
    proba = model.primary_proba(X)
    prim = model.predict(X)
    grades, p1 = model.predict_grades(X)
    ids = feats.doc_ids
    result.grades = pd.DataFrame({
        "doc_id": np.repeat(ids, len(themes)), "theme": np.tile(themes, len(ids)),
        "grade": grades.to_numpy().ravel().astype(int), "probability": p1.to_numpy().ravel()})
    result.primary = _primary(result, ids, prim, proba, grades)
    result.decisions = _decisions(result, feats, model, grades, themes)
    result.model = "model"
    return result


def _primary(result, ids, prim, proba, grades) -> pd.DataFrame:
    sc = result.scores.set_index(["doc_id", "theme"])
    rows = []
    for i, d in enumerate(ids):
        p = None if prim[i] == NONE else str(prim[i])
        ranked = [t for t in proba.columns if t != NONE and t != p]
        ranked.sort(key=lambda t: -proba.iat[i, proba.columns.get_loc(t)])
        second = ranked[0] if ranked and grades.at[i, ranked[0]] >= 1 else None
        top = p or (ranked[0] if ranked else None)
        s = float(sc.at[(d, top), "score"]) if top and (d, top) in sc.index else 0.0
        sh = float(sc.at[(d, top), "share"]) if top and (d, top) in sc.index else 0.0
        s2 = float(sc.at[(d, second), "score"]) if second and (d, second) in sc.index else 0.0
        rows.append((d, p, s, sh, second, s2, float(proba.iat[i, proba.columns.get_loc(prim[i])])))
    return pd.DataFrame(rows, columns=PRIMARY_COLUMNS + ["probability"])


def _decisions(result, feats, model, grades, themes) -> pd.DataFrame:
    table, V = feats.sentences, feats.sentence_vectors
    if table.empty:
        return pd.DataFrame(columns=DECISION_COLUMNS)
    D = np.column_stack([model.direction(t, feats.n_embed) for t in themes])
    S = V @ D
    row = {d: i for i, d in enumerate(feats.doc_ids)}
    hits = result.hits
    parts = []
    for j, t in enumerate(themes):
        chosen = {d for i, d in enumerate(feats.doc_ids) if grades.iat[i, j] >= 1}
        if not chosen:
            continue
        sub = table[table.doc_id.isin(chosen)].assign(theme=t, contribution=S[table.doc_id.isin(chosen).to_numpy(), j])
        sub = sub.sort_values(["doc_id", "contribution"], ascending=[True, False])
        sub = sub.groupby("doc_id", sort=False).head(N_EVIDENCE).copy()
        sub["rank"] = sub.groupby("doc_id").cumcount() + 1
        sub["grade"] = [int(grades.iat[row[d], j]) for d in sub.doc_id]
        by_doc = {d: list(zip(g.start, g.end, g.text)) for d, g in hits[hits.theme == t].groupby("doc_id")}
        sub["terms"] = [sorted({x for a, b, x in by_doc.get(d, ()) if a >= s and b <= e})
                        for d, s, e in zip(sub.doc_id, sub.start, sub.end)]
        parts.append(sub)
    if not parts:
        return pd.DataFrame(columns=DECISION_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["contribution"] = out["contribution"].astype(float).round(4)
    return out[DECISION_COLUMNS].reset_index(drop=True)
