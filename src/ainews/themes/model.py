"""``ThemeModel``: a learned theme decision over embedding and lexicon features.

Per theme two logistic regressions give the grade (``P(grade >= 1)`` and ``P(grade = 2)``), and
one multinomial logistic regression over ``themes + none`` gives the primary theme, as careful
readers assign it (guidelines: the most central theme, ``none`` when no theme is a main or
secondary thread of an article about AI). All share one standardisation of the features. A theme
is a column of the label table, so a theme added to ``themes.yml`` and labelled needs no code.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

__all__ = ["NONE", "ThemeModel"]

NONE = "none"


class _Constant:
    """Stand-in for a regression when a class has no positive example (keeps shapes)."""

    def __init__(self, p: float):
        self.p = p

    def predict_proba(self, X):
        return np.column_stack([np.full(len(X), 1 - self.p), np.full(len(X), self.p)])


class ThemeModel(ClassifierMixin, BaseEstimator):
    """Grades (0/1/2) per theme and a primary theme per article.

    Args:
        C: inverse regularisation strength of every logistic regression (0.03: leave-one-set-out
            macro-F1 over 0.02-0.1 with the headline and local-AI columns is highest from 0.02 to
            0.05; stronger regularisation carries less of one corpus's wording to the next).
        n_embed: how many leading columns of ``X`` are the article vector.
        embed_weight: factor on the standardised article-vector columns; below 1 it spreads the
            regularisation so that 512 vector columns do not drown the few lexicon columns
            (0.4: leave-one-set-out scores over 0.3-1.0 favour the lower values, as wording
            learned from one corpus's vectors carries less to another than the lexicon does).
        class_weight: passed to the regressions (``"balanced"`` helps rare themes); ``"sqrt"``
            weighs each class by the square root of its ``"balanced"`` weight.
        none_weight: factor on the probability of ``"none"`` before the primary label is chosen.
            ``"balanced"`` weights make every theme as likely a priori as ``none``, which over-calls
            themes on articles that only touch one; 2.0 moves the threshold back part of the way
            (chosen by leave-one-set-out evaluation over 1-4, see the model card).
        random_state: seed of the solvers.

    Attributes:
        themes_: theme ids, the order of grade columns.
        classes_: primary labels (``themes_`` then ``"none"``).
        scaler_: the feature standardisation.
        primary_: multinomial regression for the primary theme.
        present_: per theme, regression for ``grade >= 1``.
        main_: per theme, regression for ``grade = 2``.
    """

    def __init__(self, C: float = 0.03, n_embed: int = 512, embed_weight: float = 0.4,
                 class_weight: str | dict | None = "balanced", none_weight: float = 2.0,
                 random_state: int = 0):
        self.C = C
        self.none_weight = none_weight
        self.n_embed = n_embed
        self.embed_weight = embed_weight
        self.class_weight = class_weight
        self.random_state = random_state

    def _lr(self, y):
        cw = self.class_weight
        if cw == "sqrt":  # halfway (in logs) between no weights and "balanced"
            labels, counts = np.unique(y, return_counts=True)
            cw = dict(zip(labels, np.sqrt(len(y) / (len(labels) * counts))))
        return LogisticRegression(C=self.C, class_weight=cw, max_iter=2000,
                                  random_state=self.random_state)

    def _binary(self, X, y):
        if y.min() == y.max():
            return _Constant(float(y[0]))
        return self._lr(y).fit(X, y)

    def fit(self, X, y: pd.DataFrame):
        """Fit on features ``X`` and labels ``y``.

        Args:
            X: feature matrix (one row per article).
            y: DataFrame with one int column (grade 0/1/2) per theme and a ``primary`` column
                (a theme id or ``"none"``), rows aligned with ``X``.

        Returns:
            self
        """
        if "primary" not in y.columns:
            raise ValueError("labels need a 'primary' column and one grade column per theme")
        self.themes_ = [c for c in y.columns if c != "primary"]
        self.classes_ = np.array(self.themes_ + [NONE])
        X = np.asarray(X, dtype=np.float64)
        self.scaler_ = StandardScaler().fit(X)
        Z = self._z(X)
        prim = y["primary"].fillna(NONE).astype(str).to_numpy()
        unknown = set(prim) - set(self.classes_)
        if unknown:
            raise ValueError(f"primary labels {sorted(unknown)} are not themes of the label table")
        self.primary_ = self._lr(prim).fit(Z, prim)
        self.present_ = {t: self._binary(Z, (y[t].to_numpy() >= 1).astype(int)) for t in self.themes_}
        self.main_ = {t: self._binary(Z, (y[t].to_numpy() >= 2).astype(int)) for t in self.themes_}
        return self

    def _z(self, X) -> np.ndarray:
        Z = self.scaler_.transform(np.asarray(X, dtype=np.float64))
        Z[:, : self.n_embed] *= self.embed_weight
        return Z

    def primary_proba(self, X) -> pd.DataFrame:
        """Probability of each primary label (columns ``classes_``)."""
        Z = self._z(X)
        P = self.primary_.predict_proba(Z)
        # a label absent from the training rows (a small training set) has probability 0
        return pd.DataFrame(P, columns=list(self.primary_.classes_)).reindex(columns=list(self.classes_),
                                                                             fill_value=0.0)

    def predict(self, X) -> np.ndarray:
        """Primary label of each row (a theme id or ``"none"``): the most probable label once the
        probability of ``"none"`` is multiplied by ``none_weight``."""
        P = self.primary_proba(X)
        w = np.where(P.columns.to_numpy() == NONE, getattr(self, "none_weight", 1.0), 1.0)
        return P.columns.to_numpy()[(P.to_numpy() * w).argmax(axis=1)]

    def predict_grades(self, X) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Grades and probabilities per theme.

        Returns:
            ``(grades, probability)``: two DataFrames with one column per theme; ``grades`` is
            0/1/2 and ``probability`` is ``P(grade >= 1)``. The primary theme gets at least 1.
        """
        Z = self._z(X)
        p1 = np.column_stack([self.present_[t].predict_proba(Z)[:, 1] for t in self.themes_])
        p2 = np.column_stack([self.main_[t].predict_proba(Z)[:, 1] for t in self.themes_])
        g = np.where(p2 >= 0.5, 2, np.where(p1 >= 0.5, 1, 0))
        prim = self.predict(X)
        for j, t in enumerate(self.themes_):
            g[:, j] = np.where(prim == t, np.maximum(g[:, j], 1), g[:, j])
        return (pd.DataFrame(g, columns=self.themes_), pd.DataFrame(np.maximum(p1, p2), columns=self.themes_))

    def direction(self, theme: str, n_embed: int) -> np.ndarray:
        """Weights of the embedding columns for ``theme`` in the raw feature space.

        A sentence vector ``v`` pushes the article towards ``theme`` by ``v @ direction``
        (the article vector is the mean of its sentence vectors): the evidence ranking.
        """
        lr = self.primary_
        k = list(lr.classes_).index(theme)
        w = lr.coef_[k] - lr.coef_.mean(axis=0)
        return (w * self.embed_weight / self.scaler_.scale_)[:n_embed]
