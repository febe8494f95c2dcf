"""From unit topic weights to readable tables: labels, article shares, breakdowns, examples.

All shares are length-weighted: a paragraph of 800 characters counts four times one of 200,
so an article's share of a topic is the share of its text about that topic. Group and period
tables add up the articles of that group or period only, and their terms are counted in that
group's own paragraphs, so a word never shows up in a period where it does not occur.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from scipy import sparse

from ..lang import concept_label

__all__ = ["term_display", "topic_label", "normalize_rows", "article_shares", "group_shares",
           "representative_units", "auto_freq"]

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def term_display(term: str) -> str:
    """How a term is shown: concept ids as ``Korean label (English label)``, tokens unchanged.

    >>> term_display("gwangju")
    '광주 (Gwangju)'
    """
    en = concept_label(term, "en")
    if en == term:  # not a concept: a plain Korean or English token
        return term.replace("_", " ")
    ko = concept_label(term, "ko")
    return f"{ko} ({en})" if ko != en and _HANGUL.search(ko) else en


def topic_label(topic: int, terms: list[str], n: int = 3) -> str:
    """``"3: 반도체 · 광주 (Gwangju) · chip"`` from a topic's terms, heaviest first."""
    return f"{topic}: " + " · ".join(term_display(t) for t in terms[:n])


def normalize_rows(W: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``W`` scaled to sum to 1, and a mask of the rows that carry any weight."""
    s = W.sum(axis=1)
    has = s > 0
    out = np.zeros_like(W, dtype=float)
    out[has] = W[has] / s[has, None]
    return out, has


def article_shares(units: pd.DataFrame, theta: np.ndarray, has: np.ndarray,
                   doc_ids) -> pd.DataFrame:
    """Length-weighted topic shares per article (rows ``doc_ids``; NaN where no unit has a term)."""
    w = units["weight"].to_numpy() * has
    codes, uniq = pd.factorize(units["doc_id"])
    agg = sparse.csr_matrix((w, (codes, np.arange(len(w)))), shape=(len(uniq), len(w)))
    num = np.asarray(agg @ theta)
    den = np.asarray(agg.sum(axis=1)).ravel()
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = num / den[:, None]
    shares[den == 0] = np.nan
    df = pd.DataFrame(shares, index=pd.Index(uniq, name="doc_id"))
    df.columns.name = "topic"
    return df.reindex(pd.Index(list(doc_ids), name="doc_id"))


def group_shares(units, theta, has, X, terms, groups: pd.Series, labels: list[str], *,
                 name: str, n_terms: int = 5) -> pd.DataFrame:
    """Topic shares and in-group top terms for each value of ``groups`` (indexed by doc_id).

    Returns:
        Long table: ``name``, ``topic``, ``label``, ``share``, ``n_articles``, ``top_terms``.
    """
    g = units["doc_id"].map(groups)
    keep = g.notna().to_numpy()
    w = units["weight"].to_numpy() * has * keep
    k = theta.shape[1]
    rows = []
    for value in sorted(pd.unique(g[keep]), key=str):
        m = (g == value).to_numpy()
        wt = w[m]
        if wt.sum() == 0:
            continue
        share = wt @ theta[m] / wt.sum()
        # term weight in this group only: each unit's terms, weighted by its topic share
        tw = (X[m].multiply(wt[:, None])).T @ theta[m]  # terms x topics
        tw = np.asarray(tw)
        n_art = units.loc[m, "doc_id"].nunique()
        for t in range(k):
            order = np.argsort(-tw[:, t], kind="stable")[:n_terms]
            top = [term_display(terms[i]) for i in order if tw[i, t] > 0]
            rows.append({name: value, "topic": t, "label": labels[t], "share": float(share[t]),
                         "n_articles": n_art, "top_terms": " · ".join(top)})
    return pd.DataFrame(rows, columns=[name, "topic", "label", "share", "n_articles", "top_terms"])


def representative_units(units, theta, has, bodies: dict, labels, *, n: int = 3,
                         min_share: float = 0.3) -> pd.DataFrame:
    """For each topic the ``n`` units most about it (share at least ``min_share``), taking one
    unit per article before a second from the same article."""
    out = []
    for t in range(theta.shape[1]):
        cand = units.assign(share=theta[:, t])[has & (theta[:, t] >= min_share)]
        cand = cand.sort_values(["share", "weight"], ascending=False, kind="stable")
        first = cand.drop_duplicates("doc_id")
        best = pd.concat([first, cand.drop(first.index)]).head(n)
        for rank, r in enumerate(best.itertuples(), 1):
            out.append({"topic": t, "label": labels[t], "rank": rank, "doc_id": r.doc_id,
                        "paragraph": r.paragraph, "start": r.start, "end": r.end,
                        "share": float(r.share), "text": bodies[r.doc_id][r.start:r.end]})
    return pd.DataFrame(out, columns=["topic", "label", "rank", "doc_id", "paragraph", "start",
                                      "end", "share", "text"])


def auto_freq(dates: pd.Series) -> str:
    """A period length giving a readable number of periods: day, week or month."""
    span = (dates.max() - dates.min()).days
    return "D" if span <= 45 else "W" if span <= 366 else "M"
