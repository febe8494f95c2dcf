"""Train, cross-validate, save and load the theme model (``data/models/themes.skops`` + card).

``train_themes`` is what ``ainews train-themes`` / ``make train-themes`` run: read the label
files, compute features (sentence vectors are cached), fit with stratified K-fold
cross-validation for honest figures, refit on every labelled article, and write the model, its
card and the out-of-fold predictions (so :func:`evaluation_predictions` reports held-out figures
for the articles the model has seen).
"""

from __future__ import annotations

import datetime as _dt
import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold

from .model import NONE, ThemeModel

__all__ = ["MODEL_NAME", "cross_validate", "load_model", "model_card", "model_path", "train_themes"]

MODEL_NAME = "themes"
MAX_SENTENCES = None  # sentences embedded per article (None: all); see the card
# which sentences are embedded (ainews.themes.features.select_units): the lead, the sentences
# with lexicon hits, and the title; cross-validated as well as all sentences at ~40% of the tokens
UNITS = {"n_first": 2, "n_hits": 4, "title": True}


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
    card = _card(path, model, labels, themes, cv_all, cv_by_file, folds, random_state, max_sentences, units)
    path.with_suffix(".card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
    path.with_suffix(".card.md").write_text(_card_md(card), encoding="utf-8")
    load_model.cache_clear()
    if verbose:
        print(_card_md(card))
    return card


def _units_text(max_sentences, units) -> str:
    if units:
        text = (f"the first {units.get('n_first', 4)} sentences and up to {units.get('n_hits', 4)} more "
                "with lexicon hits")
        return text + (", and the title" if units.get("title") else "")
    return "all sentences" if max_sentences is None else f"the first {max_sentences} sentences"


def _card(path, model, labels, themes, cv_all, cv_by_file, folds, random_state, max_sentences, units) -> dict:
    from ..embeddings.core import encoder_version

    files = labels.groupby(["label_file", "corpus"]).size().reset_index(name="n")
    counts = labels["primary"].where(labels["primary"].isin(themes), NONE).value_counts()
    few = [t for t in themes if counts.get(t, 0) < 30]
    return {
        "model": path.name, "date": _dt.date.today().isoformat(),
        "estimator": f"ainews.themes.model.ThemeModel ({model.get_params()})",
        "features": f"article vector (mean of {encoder_version()} sentence vectors of "
                    f"{_units_text(max_sentences, units)}) + lexicon scores per theme and frame "
                    "(data/lexicons/themes.yml) + closeness to each theme's example sentences "
                    "+ investment events abroad or next to a foreign firm (ainews.themes.signals)",
        "units": units,
        "training_data": [{"file": r.label_file, "corpus": r.corpus, "articles": int(r.n)}
                          for r in files.itertuples()],
        "n_articles": int(len(labels)),
        "primary_counts": {k: int(v) for k, v in counts.items()},
        "cross_validation": {"folds": folds, "stratified_on": "primary", "random_state": random_state,
                             "all": cv_all, "by_label_file": cv_by_file},
        "limits": [
            f"few labelled articles for {', '.join(few)} (< 30 as primary): their figures are noisy"
            if few else "each theme has at least 30 labelled primaries",
            "labels come from Korean news of December 2025 and English Korea Herald news of 2016; "
            "Japanese text is embedded in the same space but no Japanese article is labelled",
            "grades (1 vs 2) are less reliable than the primary theme; readers themselves disagree there",
            *[f"{t}: cross-validated F1 {cv_all['per_class'][t]['f1']} over "
              f"{cv_all['per_class'][t]['support']} labelled primaries; treat its counts as indicative"
              for t in themes if cv_all["per_class"][t]["f1"] < 0.7],
            "scoring new articles is bounded by the sentence encoder (it embeds only the selected "
            "sentences); sentence vectors are cached, so re-runs and unchanged articles are fast",
        ],
    }


def _card_md(card: dict) -> str:
    cv = card["cross_validation"]
    lines = [f"# Theme model card: `{card['model']}`", "", f"- Date: {card['date']}",
             f"- Estimator: {card['estimator']}", f"- Features: {card['features']}",
             f"- Training data: {card['n_articles']} labelled articles", ""]
    lines += [f"  - `{d['file']}` ({d['corpus']}): {d['articles']}" for d in card["training_data"]]
    lines += ["", f"- Primary labels: {card['primary_counts']}", "",
              f"## Cross-validated scores ({cv['folds']}-fold, stratified on the primary theme)", "",
              "| data | n | accuracy | macro-F1 (4 labels) | macro-F1 (themes) |", "|---|---|---|---|---|"]
    for name, s in [("all", cv["all"])] + list(cv["by_label_file"].items()):
        lines.append(f"| {name} | {s['n']} | {s['accuracy']} | {s['macro_f1']} | {s['macro_f1_themes']} |")
    lines += ["", "Per class (all labelled articles):", "", "| class | precision | recall | F1 | support |",
              "|---|---|---|---|---|"]
    for lab, s in cv["all"]["per_class"].items():
        lines.append(f"| {lab} | {s['precision']} | {s['recall']} | {s['f1']} | {s['support']} |")
    lines += ["", "F1 per class and label file:", ""]
    for name, sc in cv["by_label_file"].items():
        lines.append(f"- `{name}`: " + ", ".join(f"{lab} {v['f1']} (n={v['support']})"
                                                 for lab, v in sc["per_class"].items()))
    lines += ["", f"Grade accuracy (0/1/2) per theme: {cv['all']['grade_accuracy']}", "", "## Limits", ""]
    lines += [f"- {x}" for x in card["limits"]]
    lines += ["", "Retrain: `make train-themes` (or `ainews train-themes`).", ""]
    return "\n".join(lines)


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
