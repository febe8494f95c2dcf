"""Metric arithmetic, kept apart from the extractors so tests can check it on hand-made labels."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pandas as pd

__all__ = ["classification_table", "confusion", "set_scores", "norm_name", "amount_matches",
           "prf"]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts (0.0 where undefined, e.g. nothing predicted)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def classification_table(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str]) -> pd.DataFrame:
    """Per-class precision, recall, F1 and support, then ``macro`` and ``accuracy`` rows.

    The macro average runs over the classes present in the gold labels or the predictions.
    """
    if len(y_true) != len(y_pred):
        raise ValueError(f"{len(y_true)} gold labels but {len(y_pred)} predictions")
    rows = []
    for c in labels:
        tp = sum(t == c and p == c for t, p in zip(y_true, y_pred))
        n_pred = sum(p == c for p in y_pred)
        n_gold = sum(t == c for t in y_true)
        p, r, f = prf(tp, n_pred, n_gold)
        rows.append({"label": c, "precision": p, "recall": r, "f1": f, "support": n_gold,
                     "predicted": n_pred})
    df = pd.DataFrame(rows)
    seen = df[(df.support > 0) | (df.predicted > 0)]
    acc = sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true) if y_true else 0.0
    tail = pd.DataFrame([
        {"label": "macro", "precision": seen.precision.mean() if len(seen) else 0.0,
         "recall": seen.recall.mean() if len(seen) else 0.0, "f1": seen.f1.mean() if len(seen) else 0.0,
         "support": len(y_true), "predicted": len(y_pred)},
        {"label": "accuracy", "precision": acc, "recall": acc, "f1": acc, "support": len(y_true),
         "predicted": len(y_pred)},
    ])
    return pd.concat([df, tail], ignore_index=True)


def confusion(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str]) -> pd.DataFrame:
    """Counts with gold labels as rows and predictions as columns."""
    m = pd.DataFrame(0, index=pd.Index(list(labels), name="gold"), columns=pd.Index(list(labels), name="predicted"))
    for t, p in zip(y_true, y_pred):
        m.loc[t, p] += 1
    return m


_SPACE = re.compile(r"[\s\-‐‑·.]+")


# a company's legal form is not part of its name ("Interpark Corp." is Interpark; the guidelines
# ask for names "as written, short")
_LEGAL_FORM = re.compile(r"^(?:㈜|\(주\)|주식회사)\s*|\s*(?:㈜|\(주\)|주식회사|,?\s*(?:Co\.?,?\s*Ltd|Co|Corp|Inc|Ltd)\.?)$")


def norm_name(name: str) -> str:
    """A name compared across spellings: no legal form (Co., Corp., Inc., Ltd., ㈜, 주식회사), no
    whitespace, hyphens, middle dots or periods; lower case."""
    name = str(name).strip()
    return _SPACE.sub("", _LEGAL_FORM.sub("", name) or name).casefold()


def set_scores(gold: dict[str, Iterable[str]], pred: dict[str, Iterable[str]]) -> dict:
    """Micro precision, recall and F1 over ``(article, item)`` pairs; items compared as given.

    Returns:
        dict with ``precision, recall, f1, tp, n_pred, n_gold``.
    """
    tp = n_pred = n_gold = 0
    for key in set(gold) | set(pred):
        g, p = set(gold.get(key, ())), set(pred.get(key, ()))
        tp += len(g & p)
        n_pred += len(p)
        n_gold += len(g)
    p, r, f = prf(tp, n_pred, n_gold)
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def _same(v1: float, c1: str, v2: float | None, c2: str | None, tol: float) -> bool:
    if v2 is None or c2 is None or c1 != c2 or not v1:
        return False
    try:
        return abs(float(v2) - v1) <= tol * abs(v1)
    except (TypeError, ValueError):
        return False


def amount_matches(gold: Sequence[dict], pred: Sequence[dict], *, tol: float = 0.01) -> list[tuple[int, int]]:
    """One-to-one matches ``(gold index, predicted index)`` between two lists of amounts.

    An amount matches when the currencies agree and the values differ by at most ``tol`` of the
    gold value; a predicted amount may also match through its conversion (``conversion_value``,
    ``conversion_currency``: ``40억 달러(약 5조7천억원)``). Each amount is used at most once, in order.
    """
    used: set[int] = set()
    out = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi in used:
                continue
            if _same(g["value"], g["currency"], p.get("value"), p.get("currency"), tol) or _same(
                    g["value"], g["currency"], p.get("conversion_value"), p.get("conversion_currency"), tol):
                used.add(pi)
                out.append((gi, pi))
                break
    return out
