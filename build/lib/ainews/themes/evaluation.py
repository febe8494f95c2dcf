"""Held-out theme predictions for evaluation against labelled articles.

The shipped model was trained on labelled articles; scoring those with it would report figures
the model has memorised. ``train_themes`` therefore keeps each training article's out-of-fold
prediction (``data/models/themes.oof.csv``, found by a hash of the body), and
:func:`evaluation_predictions` returns those for the articles the model saw and plain
predictions for the others.
"""

from __future__ import annotations

import json

import pandas as pd

__all__ = ["evaluation_predictions"]


def evaluation_predictions(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Primary themes and grades per article, out-of-fold for the model's training articles.

    Args:
        articles: DataFrame from :func:`ainews.ingest` / :func:`ainews.load_corpus`.

    Returns:
        ``(primary, grades, how)``: ``primary`` has ``doc_id, primary_theme`` (``None`` for
        no theme), ``grades`` has ``doc_id, theme, grade``, and ``how`` says which articles got
        cross-validated predictions (e.g. "5-fold cross-validated for 100 of 100 articles").
    """
    from .fit import load_model, model_path
    from .score import score_themes
    from .training import body_key

    path = model_path()
    oof_path = path.with_suffix(".oof.csv")
    doc_ids = articles["doc_id"].astype(str).tolist()
    keys = [body_key(b if isinstance(b, str) else "") for b in articles["body"]]
    oof = pd.read_csv(oof_path, dtype={"body_key": str}) if oof_path.is_file() and load_model() else None
    held = set() if oof is None else set(oof.body_key)
    oofi = None if oof is None else oof.drop_duplicates("body_key").set_index("body_key")
    themes_cols = [] if oof is None else [c for c in oof.columns if c.startswith("grade:")]
    seen = [k in held for k in keys]
    prim_rows, grade_rows = [], []
    for d, k, s in zip(doc_ids, keys, seen):
        if s:
            row = oofi.loc[k]
            p = row["primary_theme"]
            prim_rows.append((d, None if pd.isna(p) or p == "none" else str(p)))
            grade_rows += [(d, c.split(":", 1)[1], int(row[c])) for c in themes_cols]
    rest = articles[[not s for s in seen]]
    if len(rest):
        res = score_themes(rest)
        prim_rows += list(zip(res.primary.doc_id, res.primary.primary_theme))
        grade_rows += list(zip(res.grades.doc_id, res.grades.theme, res.grades.grade.astype(int)))
    primary = pd.DataFrame(prim_rows, columns=["doc_id", "primary_theme"])
    primary = primary.set_index("doc_id").loc[doc_ids].reset_index()
    grades = pd.DataFrame(grade_rows, columns=["doc_id", "theme", "grade"])
    n_held = sum(seen)
    folds = 5
    card = path.with_suffix(".card.json")
    if card.is_file():
        folds = json.loads(card.read_text(encoding="utf-8"))["cross_validation"]["folds"]
    if n_held:
        how = f"{folds}-fold cross-validated for {n_held} of {len(doc_ids)} articles"
        how += f"; plain model predictions for the other {len(doc_ids) - n_held}" if n_held < len(doc_ids) else ""
    else:
        how = f"plain predictions for {len(doc_ids)} articles (none was in the model's training data)"
    return primary, grades, how
