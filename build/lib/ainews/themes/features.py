"""Features of the learned theme decision: the article's multilingual vector and lexicon scores.

Two views of an article, both language-independent:

* its meaning: the normalised mean of its sentence vectors (:func:`ainews.embed`, cached);
* the theme lexicon (``themes.yml``): per theme the log score, share and number of distinct
  terms, and per frame the log of its number of hits (weight-0 marker frames included);
* closeness to each theme's example sentences (``examples:`` in ``themes.yml``): a sentence's
  affinity to a theme is its best cosine with the theme's examples; per article the maximum,
  the mean of the top three and the mean. A single paragraph on a theme shows here even when
  the article's mean vector is dominated by other matters.

Frames, themes and examples are read from the lexicon, so a theme added to ``themes.yml``
brings its features without code.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["ArticleFeatures", "article_features", "lexicon_feature_names"]


@dataclass
class ArticleFeatures:
    """Features of a set of articles, row ``i`` for ``doc_ids[i]``.

    Attributes:
        doc_ids: article ids in input order.
        X: feature matrix, embedding columns first, then lexicon columns.
        names: one name per column of ``X``.
        n_embed: how many leading columns are the embedding.
        sentences: one row per embedded sentence (``doc_id, sentence_no, start, end, sentence``).
        sentence_vectors: the unit vector of each row of ``sentences``.
        scores: the lexicon :class:`~ainews.themes.score.ThemeScores` the lexicon columns come from.
    """

    doc_ids: list[str]
    X: np.ndarray
    names: list[str]
    n_embed: int
    sentences: pd.DataFrame
    sentence_vectors: np.ndarray
    scores: object


def lexicon_feature_names(lexicon) -> list[str]:
    """Names of the lexicon columns for this lexicon (order of ``themes.yml``)."""
    names = []
    for t in lexicon.themes["theme"]:
        names += [f"lex:{t}:score", f"lex:{t}:share", f"lex:{t}:terms"]
        names += [f"lex:{t}:frame:{f}" for f in lexicon.frames.loc[lexicon.frames.theme == t, "frame"]]
    return names


def _example_features(lexicon, table: pd.DataFrame, vecs: np.ndarray, doc_ids: list[str],
                      cache_dir) -> tuple[np.ndarray, list[str]]:
    from ..embeddings.core import embed

    themes = lexicon.themes
    names = [f"proto:{t}:{k}" for t in themes["theme"] for k in ("max", "top3", "mean")]
    M = np.zeros((len(doc_ids), len(names)), dtype=np.float32)
    if table.empty:
        return M, names
    row = {d: i for i, d in enumerate(doc_ids)}
    idx = table["doc_id"].map(row).to_numpy()
    for j, ex in enumerate(themes["examples"] if "examples" in themes.columns else []):
        if not ex:
            continue
        aff = (vecs @ embed(list(ex), cache_dir=cache_dir).T).max(axis=1)
        df = pd.DataFrame({"i": idx, "a": aff}).sort_values("a", ascending=False)
        g = df.groupby("i")["a"]
        M[g.max().index, 3 * j] = g.max().to_numpy()
        top3 = g.head(3).groupby(df["i"]).mean()
        M[top3.index, 3 * j + 1] = top3.to_numpy()
        M[g.mean().index, 3 * j + 2] = g.mean().to_numpy()
    return M, names


def _lexicon_matrix(scores, doc_ids: list[str]) -> np.ndarray:
    lex = scores.lexicon
    names = lexicon_feature_names(lex)
    col = {n: i for i, n in enumerate(names)}
    row = {d: i for i, d in enumerate(doc_ids)}
    M = np.zeros((len(doc_ids), len(names)), dtype=np.float32)
    for r in scores.scores.itertuples(index=False):
        i = row.get(r.doc_id)
        if i is None:
            continue
        M[i, col[f"lex:{r.theme}:score"]] = np.log1p(r.score)
        M[i, col[f"lex:{r.theme}:share"]] = r.share
        M[i, col[f"lex:{r.theme}:terms"]] = np.log1p(r.n_terms)
    markers = getattr(scores, "markers", None)
    hits = scores.hits if markers is None or markers.empty else pd.concat([scores.hits, markers])
    if len(hits):
        fr = hits.groupby(["doc_id", "theme", "frame"]).size()
        for (d, t, f), w in fr.items():
            i, j = row.get(d), col.get(f"lex:{t}:frame:{f}")
            if i is not None and j is not None:
                M[i, j] = np.log1p(w)
    return M


def article_features(articles: pd.DataFrame, *, scores=None, max_sentences: int | None = None,
                     cache_dir=None) -> ArticleFeatures:
    """Embedding and lexicon features of each article.

    Args:
        articles: DataFrame with ``doc_id`` and ``body`` (and optionally ``lang``).
        scores: the lexicon scores of these articles, if already at hand
            (:func:`ainews.themes.score.lexicon_scores`).
        max_sentences: embed only the first ``n`` sentences of each article.
        cache_dir: folder of the sentence-vector cache.
    """
    from ..embeddings.core import ENCODER_DIM, embed_units
    from .score import lexicon_scores

    doc_ids = articles["doc_id"].astype(str).tolist()
    if scores is None:
        scores = lexicon_scores(articles)
    table, vecs = embed_units(articles, cache_dir=cache_dir, max_sentences=max_sentences)
    E = np.zeros((len(doc_ids), ENCODER_DIM), dtype=np.float32)
    row = {d: i for i, d in enumerate(doc_ids)}
    idx = table["doc_id"].map(row).to_numpy()
    if len(idx):
        np.add.at(E, idx, vecs)
    n = np.linalg.norm(E, axis=1, keepdims=True)
    E = np.divide(E, n, out=np.zeros_like(E), where=n > 0)
    L = _lexicon_matrix(scores, doc_ids)
    P, pnames = _example_features(scores.lexicon, table, vecs, doc_ids, cache_dir)
    names = [f"emb:{i}" for i in range(ENCODER_DIM)] + lexicon_feature_names(scores.lexicon) + pnames
    return ArticleFeatures(doc_ids, np.hstack([E, L, P]), names, ENCODER_DIM, table, vecs, scores)
