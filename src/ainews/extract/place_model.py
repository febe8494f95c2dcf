"""``PlaceModel``: whether an article presents a place as where AI or industry happens.

The rules of :mod:`ainews.extract.place_roles` give each mention a role; careful readers instead
list, per article, the places where activity happens. The model decides per (article, place) pair
from the features of :mod:`ainews.extract.place_features`: a standardisation and a logistic
regression, with a decision threshold chosen by cross-validation. Scoring is a dot product, so it
costs microseconds per article. The shipped model is ``data/models/places.skops``; its card
(``places.card.json``) repeats the weights on the raw features so that extraction scores places
without importing scikit-learn (:mod:`ainews.extract.place_activity`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

__all__ = ["MODEL_NAME", "PlaceModel", "load_place_model", "place_model_path"]

MODEL_NAME = "places"


class PlaceModel(ClassifierMixin, BaseEstimator):
    """Place of activity (1) or not (0) for each (article, place) row of features.

    Args:
        C: inverse regularisation strength of the logistic regression.
        threshold: probability from which a place counts as a place of activity.
        class_weight: passed to the regression.

    Attributes:
        lower_, upper_: the smallest and largest value of each feature in training; scoring
            clips features to this range.
        scaler_: the feature standardisation.
        clf_: the logistic regression.
        classes_: ``[0, 1]``.
        feature_names_: the names of the columns of ``X`` (set by training).
    """

    def __init__(self, C: float = 0.1, threshold: float = 0.5, class_weight=None):
        self.C = C
        self.threshold = threshold
        self.class_weight = class_weight

    def fit(self, X, y):
        """Fit on features ``X`` (n, d) and 0/1 labels ``y``."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=int)
        # the range of each feature in training: scoring clips to it, so a text far outside what
        # the model saw (a one-sentence text has an extreme density of activity words) is read
        # as the nearest training case instead of being extrapolated linearly
        self.lower_, self.upper_ = X.min(axis=0), X.max(axis=0)
        self.scaler_ = StandardScaler().fit(X)
        self.clf_ = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000)
        self.clf_.fit(self.scaler_.transform(X), y)
        self.classes_ = np.array([0, 1])
        self._fast()
        return self

    def _fast(self):
        scale = np.where(self.scaler_.scale_ > 0, self.scaler_.scale_, 1.0)
        self.w_ = self.clf_.coef_[0] / scale
        self.b_ = float(self.clf_.intercept_[0] - (self.scaler_.mean_ / scale) @ self.clf_.coef_[0])

    def decision_function(self, X) -> np.ndarray:
        """Log-odds of a place of activity per row."""
        if not hasattr(self, "w_"):
            self._fast()
        X = np.asarray(X, dtype=float)
        if hasattr(self, "lower_"):
            X = np.clip(X, self.lower_, self.upper_)
        return X @ self.w_ + self.b_

    def predict_proba(self, X) -> np.ndarray:
        """``(n, 2)`` probabilities of not / a place of activity."""
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1 - p, p])

    def predict(self, X) -> np.ndarray:
        """1 where the probability reaches :attr:`threshold`."""
        return (self.predict_proba(X)[:, 1] >= self.threshold).astype(int)


def place_model_path(name: str = MODEL_NAME) -> Path:
    """``data/models/<name>.skops`` of the project."""
    from .place_activity import place_model_path as _path

    return _path(name)


@lru_cache(maxsize=2)
def load_place_model(path: str | None = None) -> PlaceModel | None:
    """The shipped place model, or ``None`` when ``data/models/places.skops`` is absent."""
    import skops.io as sio

    p = Path(path) if path else place_model_path()
    if not p.is_file():
        return None
    trusted = [t for t in sio.get_untrusted_types(file=p)
               if t.startswith(("ainews.extract.place_model.", "sklearn.", "numpy."))]
    model = sio.load(p, trusted=trusted)
    model._fast()
    return model
