"""Units of analysis (articles or paragraphs) and their document-term matrix.

The tokens come from the language layer already mapped to bilingual concept ids, so a Korean
paragraph about 인공지능 and an English one about artificial intelligence share the term
``artificial_intelligence``. Everything the vectorizer needs is decided here, with the data
size in mind: a five-article corpus keeps terms seen in two paragraphs, a large one drops the
rarest and the most common terms.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from ..lang import tokenize_articles

__all__ = ["build_units", "make_vectorizer", "auto_df", "check_languages"]


def _tokens_of(doc):
    # A module-level analyzer (not a lambda) keeps fitted vectorizers picklable.
    return doc


def build_units(articles: pd.DataFrame, *, unit: str, include_duplicates: bool = False,
                cache_dir=None) -> tuple[pd.DataFrame, int]:
    """Token units of ``articles`` with their offsets and length weights.

    Args:
        articles: the articles table (``doc_id``, ``body``; ``lang`` and ``dup_of`` if present).
        unit: ``"article"`` or ``"paragraph"``.
        include_duplicates: keep rows whose ``dup_of`` is set.
        cache_dir: token cache folder (default: the language layer's).

    Returns:
        ``(units, n_duplicates_left_out)``; ``units`` has ``doc_id``, ``paragraph``, ``start``,
        ``end``, ``lang``, ``tokens`` and ``weight`` (length of the unit in characters).
    """
    if unit not in ("article", "paragraph"):
        raise ValueError(f"unit must be 'article' or 'paragraph', not {unit!r}")
    if not isinstance(articles, pd.DataFrame):
        raise TypeError("articles must be a DataFrame such as ainews.get_articles() returns")
    missing = {"doc_id", "body"} - set(articles.columns)
    if missing:
        raise ValueError(f"articles need the columns doc_id and body; missing {sorted(missing)}")
    n_dup = 0
    if not include_duplicates and "dup_of" in articles.columns:
        dup = articles["dup_of"].fillna("").astype(str) != ""
        n_dup = int(dup.sum())
        articles = articles[~dup]
    if articles["doc_id"].duplicated().any():
        first = articles.loc[articles["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise ValueError(f"doc_id {first!r} occurs more than once; doc ids must be unique")
    units = tokenize_articles(articles, unit=unit, cache_dir=cache_dir)
    units = units.drop(columns="cached")
    units["weight"] = (units["end"] - units["start"]).astype(float)
    return units, n_dup


def auto_df(n_units: int) -> tuple[int, float]:
    """``(min_df, max_df)`` suited to ``n_units`` documents.

    A term must occur in at least two units (a term seen once cannot link units into a
    topic), and in 1 per 1,000 units on large corpora; terms in more than half the units (or
    80 % of a small corpus, where every paragraph mentions the subject) carry no topic.
    Under 10 units no upper bound is set: it would contradict ``min_df``.
    """
    min_df = max(2, math.ceil(n_units / 1000))
    max_df = 1.0 if n_units < 10 else 0.8 if n_units < 100 else 0.5
    return min_df, max_df


def make_vectorizer(method: str, min_df, max_df, max_features):
    """The scikit-learn vectorizer of ``method`` over pre-tokenized units."""
    cls = TfidfVectorizer if method == "nmf" else CountVectorizer
    kw = {"sublinear_tf": True} if method == "nmf" else {}
    return cls(analyzer=_tokens_of, min_df=min_df, max_df=max_df, max_features=max_features,
               dtype=np.float64, **kw)


def fit_matrix(vectorizer, token_lists, *, unit: str, min_df, max_df) -> sparse.csr_matrix:
    """Fit ``vectorizer`` and return the sparse unit-term matrix, with errors a user can act on."""
    n = len(token_lists)
    if sum(1 for t in token_lists if t) == 0:
        raise ValueError(f"the {n} {unit}s have no content tokens at all (empty bodies, or only "
                         "stopwords); check the articles' body column")
    try:
        X = vectorizer.fit_transform(token_lists)
    except ValueError as exc:
        raise ValueError(
            f"empty vocabulary: no term occurs in at least min_df={min_df} and at most "
            f"max_df={max_df} of the {n} {unit}s. Add articles, use unit='paragraph', or pass "
            f"a lower min_df / higher max_df to TopicModel (scikit-learn said: {exc})") from None
    if X.shape[1] < 2:
        raise ValueError(f"only {X.shape[1]} term is left after filtering (min_df={min_df}, "
                         f"max_df={max_df}, {n} {unit}s); a topic model needs more. Add articles "
                         "or lower min_df")
    return X.tocsr()


def check_languages(X: sparse.csr_matrix, langs: pd.Series) -> dict[str, float]:
    """Share of each language's vocabulary that other languages also use.

    Raises:
        ValueError: when some language shares no term with the others, so topics could only
            separate languages.
    """
    langs = langs.to_numpy()
    present = [lg for lg in pd.unique(langs) if isinstance(lg, str)]
    used = {lg: np.flatnonzero(np.asarray((X[langs == lg] != 0).sum(axis=0)).ravel())
            for lg in present}
    used = {lg: set(v.tolist()) for lg, v in used.items() if len(v)}
    overlap = {}
    for lg, terms in used.items():
        others = set().union(*(t for o, t in used.items() if o != lg)) if len(used) > 1 else terms
        overlap[lg] = len(terms & others) / len(terms)
        if len(used) > 1 and not terms & others:
            n = int((langs == lg).sum())
            raise ValueError(
                f"the {n} units in language {lg!r} share no term with the other languages "
                f"({sorted(set(used) - {lg})}), so topics would only separate languages. Fit one "
                f"language at a time (articles[articles['lang'] != {lg!r}]) or add the shared "
                "names to data/lexicons/concepts.yml")
    return overlap
