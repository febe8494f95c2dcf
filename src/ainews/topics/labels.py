"""Naming clusters of articles: class-based TF-IDF terms per language and central sentences.

A cluster of article vectors has no terms of its own, so its name is read from the tokens of
its articles (the language layer's tokens, Korean by kiwi, Japanese by SudachiPy, concept ids
where the bilingual map has one). *c-TF-IDF* (Grootendorst 2022, BERTopic) treats the
articles of a topic as one document: a term's weight is its frequency in that topic times
``log(1 + A / f)``, with ``A`` the average number of tokens per topic and ``f`` the term's
frequency in the whole corpus, so words common to every topic sink. Counting the articles of
one language at a time gives each topic a label in each language it contains, while the idf
stays that of the whole corpus.

c-TF-IDF favours words a few articles repeat; their top terms rarely occur together, which the
NPMI coherence punishes. The default weight is therefore the *document-frequency lift*: with
``p`` the share of the topic's articles that contain the term and ``q`` the share of all
articles (of that language) that do, the weight is ``p * log(p / q)``, the term's contribution
to the KL divergence of the topic from the corpus: frequent in the topic and rarer elsewhere.
On the shared Naver corpus (18 topics) it raised the NPMI of the top ten terms from 0.15 to
0.23 in 20-token windows and from 0.24 to 0.49 over whole articles (``benchmarks/bench_topics.py``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

from ..lang import concept_label
from .breakdowns import term_display

__all__ = ["count_matrix", "class_tfidf", "class_lift", "term_weights", "topic_term_table", "central_sentences"]

ALL = "all"  # the ``lang`` value of rows counted over every language


def _tokens_of(doc):
    return doc


def count_matrix(token_lists, *, min_df: int = 2, max_df: float = 0.5) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Article-term counts and the terms; the bounds drop one-off and ubiquitous tokens.

    Falls back to keeping every term when the bounds would leave none (a tiny corpus).
    """
    for lo, hi in ((min_df, max_df), (1, 1.0)):
        try:
            vec = CountVectorizer(analyzer=_tokens_of, min_df=lo, max_df=hi, dtype=np.float64)
            X = vec.fit_transform(token_lists)
            return X.tocsr(), vec.get_feature_names_out()
        except ValueError:
            continue
    raise ValueError("the articles have no content tokens at all (empty bodies, or only stopwords); "
                     "check the articles' body column")


def class_tfidf(X: sparse.csr_matrix, labels: np.ndarray, n_topics: int, *,
                rows: np.ndarray | None = None, idf: np.ndarray | None = None) -> np.ndarray:
    """``(n_topics, n_terms)`` c-TF-IDF weights of the articles ``rows`` (default: all).

    Args:
        X: article-term counts.
        labels: topic of each article (``-1`` for none).
        n_topics: number of topics.
        rows: boolean mask of the articles to count (e.g. one language).
        idf: the corpus idf (:func:`corpus_idf`); computed from ``X`` and ``labels`` if omitted.
    """
    mask = labels >= 0 if rows is None else (rows & (labels >= 0))
    idx = np.flatnonzero(mask)
    onehot = sparse.csr_matrix((np.ones(len(idx)), (labels[idx], np.arange(len(idx)))),
                               shape=(n_topics, len(idx)))
    counts = np.asarray((onehot @ X[idx]).todense())
    tf = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1e-12)
    return tf * (corpus_idf(X, labels, n_topics) if idf is None else idf)


def class_lift(X: sparse.csr_matrix, labels: np.ndarray, n_topics: int, *,
               rows: np.ndarray | None = None) -> np.ndarray:
    """``(n_topics, n_terms)`` document-frequency lift ``p * log(p / q)`` (0 where ``p <= q``).

    ``p``: share of a topic's articles (among ``rows``) containing the term; ``q``: share of
    all the ``rows`` articles containing it.
    """
    mask = labels >= 0 if rows is None else (rows & (labels >= 0))
    idx = np.flatnonzero(mask)
    B = (X[idx] > 0).astype(np.float64)
    onehot = sparse.csr_matrix((np.ones(len(idx)), (labels[idx], np.arange(len(idx)))),
                               shape=(n_topics, len(idx)))
    sizes = np.asarray(onehot.sum(axis=1))
    p = np.asarray((onehot @ B).todense()) / np.maximum(sizes, 1)
    q = np.asarray(B.sum(axis=0)).ravel() / max(len(idx), 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        w = p * np.log(p / q)
    return np.where((p > q) & np.isfinite(w), w, 0.0)


def term_weights(X, labels, n_topics: int, *, how: str = "lift", rows=None, idf=None) -> np.ndarray:
    """Topic-term weights: ``"lift"`` (:func:`class_lift`) or ``"ctfidf"`` (:func:`class_tfidf`)."""
    if how == "lift":
        return class_lift(X, labels, n_topics, rows=rows)
    if how == "ctfidf":
        return class_tfidf(X, labels, n_topics, rows=rows, idf=idf)
    raise ValueError(f"term_weight must be 'lift' or 'ctfidf', not {how!r}")


def corpus_idf(X: sparse.csr_matrix, labels: np.ndarray, n_topics: int) -> np.ndarray:
    """``log(1 + A / f_t)``: A the mean tokens per topic, f_t the term's corpus frequency."""
    f = np.asarray(X[labels >= 0].sum(axis=0)).ravel()
    avg = f.sum() / max(n_topics, 1)
    return np.log1p(avg / np.maximum(f, 1.0))


def _display(term: str, lang: str) -> str:
    if lang == ALL:
        return term_display(term)
    return concept_label(term, lang).replace("_", " ")


def topic_term_table(X, terms, labels, langs, n_topics: int, *, n: int = 30,
                     how: str = "lift") -> pd.DataFrame:
    """Top terms of each topic over all articles and per language.

    Returns:
        Long table ``topic, lang, rank, term, display, weight, n_articles`` where ``lang`` is
        ``"all"`` for the terms counted over every language, else a language code; ``display``
        shows a concept in that language (``"all"``: Korean with English in brackets);
        ``weight`` is the term's weight (``how``: see :func:`term_weights`), and
        ``n_articles`` the articles counted.
    """
    langs = np.asarray(langs, dtype=object)
    idf = corpus_idf(X, labels, n_topics)
    groups = [(ALL, None)] + [(lg, langs == lg) for lg in sorted({x for x in langs if isinstance(x, str)})]
    rows = []
    for lang, mask in groups:
        W = term_weights(X, labels, n_topics, how=how, rows=mask, idf=idf)
        sizes = np.bincount(labels[(labels >= 0) & (True if mask is None else mask)],
                            minlength=n_topics)
        for t in range(n_topics):
            if sizes[t] == 0:
                continue
            order = np.argsort(-W[t], kind="stable")[:n]
            for rank, i in enumerate(i for i in order if W[t, i] > 0):
                rows.append({"topic": t, "lang": lang, "rank": rank + 1, "term": terms[i],
                             "display": _display(terms[i], lang), "weight": float(W[t, i]),
                             "n_articles": int(sizes[t])})
    return pd.DataFrame(rows, columns=["topic", "lang", "rank", "term", "display", "weight", "n_articles"])


def central_sentences(sentences: pd.DataFrame, vectors: np.ndarray, doc_topic: dict,
                      centroids: np.ndarray, *, n: int = 3, per_language: bool = False,
                      langs: dict | None = None) -> pd.DataFrame:
    """The sentences closest to each topic's centroid, one per article before a second.

    Args:
        sentences: ``embed_units`` table (``doc_id, sentence_no, start, end, sentence``).
        vectors: the unit vectors of those sentences.
        doc_topic: topic of each ``doc_id``.
        centroids: ``(n_topics, dim)`` unit vectors.
        n: sentences per topic (per topic and language with ``per_language``).
        per_language: pick ``n`` in each language the topic contains.
        langs: language of each ``doc_id`` (needed for ``per_language`` and the ``lang`` column).

    Returns:
        ``topic, rank, lang, doc_id, sentence_no, start, end, similarity, sentence``; ``start``
        and ``end`` are offsets into the article's ``body``.
    """
    cols = ["topic", "rank", "lang", "doc_id", "sentence_no", "start", "end", "similarity", "sentence"]
    if sentences.empty:
        return pd.DataFrame(columns=cols)
    topic = sentences["doc_id"].map(doc_topic).fillna(-1).astype(int).to_numpy()
    ok = topic >= 0
    sim = np.full(len(sentences), -np.inf)
    sim[ok] = np.einsum("ij,ij->i", vectors[ok], centroids[topic[ok]])
    df = sentences.assign(topic=topic, similarity=sim,
                          lang=sentences["doc_id"].map(langs or {}).fillna(""))[ok]
    df = df.sort_values(["topic", "similarity"], ascending=[True, False], kind="stable")
    keys = ["topic", "lang"] if per_language else ["topic"]
    out = []
    for _, g in df.groupby(keys, sort=True):
        first = g.drop_duplicates("doc_id")
        best = pd.concat([first, g.drop(first.index)]).head(n)
        out.append(best.assign(rank=np.arange(1, len(best) + 1)))
    res = pd.concat(out) if out else pd.DataFrame(columns=cols)
    return res[cols].reset_index(drop=True)
