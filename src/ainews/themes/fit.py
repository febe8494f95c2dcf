"""Train, cross-validate, save and load the theme model (``data/models/themes.skops`` + card).

``train_themes`` is what ``ainews train-themes`` / ``make train-themes`` run: read the label
files, compute features (sentence vectors are cached), fit with stratified K-fold
cross-validation for honest figures, refit on every labelled article, and write the model, its
card and the out-of-fold predictions (so :func:`evaluation_predictions` reports held-out figures
for the articles the model has seen).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold

from .card import _card, _card_md
from .model import NONE, ThemeModel

__all__ = ["MODEL_NAME", "cross_validate", "leave_one_set_out", "load_model", "model_card", "model_path", "train_themes"]

MODEL_NAME = "themes"
MAX_SENTENCES = None  # sentences embedded per article (None: all); see the card
# which sentences are embedded (ainews.themes.features.select_units): the lead, the sentences
# with lexicon hits, and the title; cross-validated as well as all sentences at ~40% of the tokens
UNITS = {"n_first": 2, "n_hits": 2, "title": True}


def model_path(name: str = MODEL_NAME) -> Path:
    """``data/models/<name>.skops`` of the project."""
    from ..config import ROOT

    return ROOT / "data" / "models" / f"{name}.skops"


def cross_validate(X: np.ndarray, y: pd.DataFrame, *, folds: int = 5, random_state: int = 0,
                   **params) -> tuple[np.ndarray, pd.DataFrame, pd.DataFrame]:
    """Out-of-fold primary labels, grades and probabilities (stratified K-fold on the primary).

    Returns:
        ``(primary, grades, probability)`` aligned with the rows of ``X``.
    """
    from .training import stratify_key

    themes = [c for c in y.columns if c != "primary"]
    strata = stratify_key(y)
    n_folds = max(2, min(folds, pd.Series(strata).value_counts().min()))
    prim = np.empty(len(y), dtype=object)
    grades = pd.DataFrame(0, index=range(len(y)), columns=themes)
    proba = pd.DataFrame(0.0, index=range(len(y)), columns=themes)
    skf = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=random_state)
    for tr, te in skf.split(X, strata):
        m = ThemeModel(random_state=random_state, **params).fit(X[tr], y.iloc[tr].reset_index(drop=True))
        prim[te] = m.predict(X[te])
        g, p = m.predict_grades(X[te])
        grades.iloc[te] = g.to_numpy()
        proba.iloc[te] = p.to_numpy()
    return prim, grades, proba


def leave_one_set_out(X: np.ndarray, y: pd.DataFrame, sets, *, random_state: int = 0,
                      **params) -> np.ndarray | None:
    """Primary labels of each label set predicted by a model fitted on the other sets.

    The honest estimate for an unseen corpus: K-fold folds mix articles of one crawl, outlet
    and month, whereas a new corpus brings other dates, outlets and wording.

    Args:
        X: feature matrix.
        y: labels (see :meth:`ThemeModel.fit`), rows aligned with ``X``.
        sets: the label file (or any set name) of each row.

    Returns:
        The held-out primary label of each row, or ``None`` with fewer than two sets.
    """
    sets = np.asarray(sets)
    names = list(dict.fromkeys(sets))
    if len(names) < 2:
        return None
    prim = np.empty(len(y), dtype=object)
    for name in names:
        te = sets == name
        m = ThemeModel(random_state=random_state, **params).fit(X[~te], y[~te].reset_index(drop=True))
        prim[te] = m.predict(X[te])
    return prim


def scores_of(y: pd.DataFrame, prim, grades: pd.DataFrame) -> dict:
    """Accuracy, macro-F1 and per-class precision/recall/F1 of primary labels; grade accuracy."""
    themes = [c for c in y.columns if c != "primary"]
    labels = themes + [NONE]
    truth = y["primary"].to_numpy()
    p, r, f, s = precision_recall_fscore_support(truth, prim, labels=labels, zero_division=0)
    out = {"n": int(len(y)), "accuracy": round(float(accuracy_score(truth, prim)), 3),
           "macro_f1": round(float(f1_score(truth, prim, labels=labels, average="macro", zero_division=0)), 3),
           "macro_f1_themes": round(float(f1_score(truth, prim, labels=themes, average="macro", zero_division=0)), 3),
           "per_class": {lab: {"precision": round(float(p[i]), 3), "recall": round(float(r[i]), 3),
                               "f1": round(float(f[i]), 3), "support": int(s[i])}
                         for i, lab in enumerate(labels)},
           "grade_accuracy": {t: round(float((grades[t].to_numpy() == y[t].to_numpy()).mean()), 3)
                              for t in themes}}
    return out


def train_themes(label_files=None, *, out: str | Path | None = None, folds: int = 5,
                 random_state: int = 0, max_sentences: int | None = MAX_SENTENCES,
                 units: dict | None = UNITS, verbose: bool = True) -> dict:
    """Fit the theme model on labelled articles and write model, card and out-of-fold predictions.

    Args:
        label_files: JSON label files; default :func:`ainews.themes.training.default_label_files`.
        out: the ``.skops`` path; default ``data/models/themes.skops``.
        folds: K of the stratified K-fold cross-validation.
        random_state: seed of folds and solvers.
        max_sentences: sentences embedded per article (``None``: all).
        units: which sentences are embedded (see :func:`ainews.themes.features.article_features`;
            ``None``: all); kept in the model, so scoring embeds the same selection.
        verbose: print the cross-validated figures.

    Returns:
        The card (a dict, also written as ``<out stem>.card.json`` and ``.card.md``).
    """
    import skops.io as sio

    from .features import article_features
    from .lexicon import load_themes
    from .training import body_key, label_matrix, labelled_articles, load_labels, themes_of

    labels = load_labels(label_files)
    articles, labels = labelled_articles(labels)
    lex = load_themes()
    themes = themes_of(labels, lex)
    y = label_matrix(labels, themes)
    feats = article_features(articles, max_sentences=max_sentences, units=units)
    prim, grades, proba = cross_validate(feats.X, y, folds=folds, random_state=random_state)
    cv_all = scores_of(y, prim, grades)
    cv_by_file = {f: scores_of(y[m].reset_index(drop=True), prim[m], grades[m].reset_index(drop=True))
                  for f in labels.label_file.unique() for m in [(labels.label_file == f).to_numpy()]}
    loso = _leave_one_set_out_scores(feats.X, y, labels.label_file.to_numpy(), random_state)
    model = ThemeModel(random_state=random_state).fit(feats.X, y)
    model.feature_names_ = np.array(feats.names)
    model.n_embed_ = feats.n_embed
    model.max_sentences_ = -1 if max_sentences is None else int(max_sentences)
    model.units_ = dict(units) if units else None
    model.lexicon_version_ = lex.version
    path = Path(out) if out else model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(model, path)
    oof = pd.DataFrame({"body_key": [body_key(b) for b in articles["body"]], "corpus": labels.corpus,
                        "source": labels.key, "primary_theme": prim})
    for t in themes:
        oof[f"grade:{t}"] = grades[t].to_numpy()
        oof[f"probability:{t}"] = proba[t].round(4).to_numpy()
    oof.to_csv(path.with_suffix(".oof.csv"), index=False)
    card = _card(path, model, labels, themes, cv_all, cv_by_file, folds, random_state, max_sentences, units,
                 loso)
    path.with_suffix(".card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
    path.with_suffix(".card.md").write_text(_card_md(card), encoding="utf-8")
    load_model.cache_clear()
    if verbose:
        print(_card_md(card))
    return card


def _leave_one_set_out_scores(X, y, sets, random_state) -> dict | None:
    prim = leave_one_set_out(X, y, sets, random_state=random_state)
    if prim is None:
        return None
    grades = y.drop(columns="primary")  # grades are not held out here: only the primary is scored
    out = {"all": scores_of(y, prim, grades)}
    for name in dict.fromkeys(sets):
        m = sets == name
        out[name] = scores_of(y[m].reset_index(drop=True), prim[m], grades[m].reset_index(drop=True))
    for s in out.values():
        s.pop("grade_accuracy", None)
    return out


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> ThemeModel | None:
    """The shipped theme model, or ``None`` when ``data/models/themes.skops`` is absent."""
    import skops.io as sio

    p = Path(path) if path else model_path()
    if not p.is_file():
        return None
    trusted = [t for t in sio.get_untrusted_types(file=p)
               if t.startswith(("ainews.themes.model.", "sklearn.", "numpy."))]
    return sio.load(p, trusted=trusted)


def model_card(path: str | Path | None = None) -> dict | None:
    """The card of the shipped theme model (training data, date, cross-validated scores, limits).

    For a chapter to quote the model's figures (e.g. ``card["cross_validation"]["all"]["accuracy"]``);
    ``None`` when no model is shipped.
    """
    p = (Path(path) if path else model_path()).with_suffix(".card.json")
    return json.loads(p.read_text(encoding="utf-8")) if p.is_file() else None
