"""Features of the learned theme decision: the article's multilingual vector and lexicon scores.

Two views of an article, both language-independent:

* its meaning: the normalised mean of its sentence vectors (:func:`ainews.embed`, cached);
* the theme lexicon (``themes.yml``): per theme the log score, share and number of distinct
  terms, and per frame the log of its number of hits (weight-0 marker frames included);
* closeness to each theme's example sentences (``examples:`` in ``themes.yml``): a sentence's
  affinity to a theme is its best cosine with the theme's examples; per article the maximum,
  the mean of the top three and the mean. A single paragraph on a theme shows here even when
  the article's mean vector is dominated by other matters.

* money crossing a border (:mod:`ainews.themes.signals`): investment events abroad or with a
  foreign firm in the sentence, from :func:`ainews.extract_investments`.
* where the evidence sits (:mod:`ainews.themes.placing`): each theme's hits in the headline, and
  Korean or Japanese places named next to an AI word (in the headline and per sentence).

Not every sentence is embedded (encoding is the decision's cost): :func:`select_units` keeps an
article's lead and the sentences with lexicon hits, and the title joins as one more sentence.
The shipped model records the selection it was trained with (``units_``), and scoring uses it.

Frames, themes and examples are read from the lexicon, so a theme added to ``themes.yml``
brings its features without code.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["ArticleFeatures", "article_features", "lexicon_feature_names", "select_units"]


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


def select_units(articles: pd.DataFrame, scores, *, n_first: int = 4,
                 n_hits: int = 4) -> dict[str, list[tuple[int, int]]]:
    """The sentences of each article worth embedding: its lead and its theme evidence.

    Encoding is the cost of the theme decision (the encoder's time grows with tokens), and
    most sentences of a long article repeat what its lead and its lexicon hits already say.
    Kept, in body order: the first ``n_first`` units (:func:`ainews.embeddings.split_units`),
    then up to ``n_hits`` further units ranked by the lexicon hits they contain (the summed
    weight of theme terms, plus a little per weight-0 marker such as a named foreign country,
    so that a sentence with only markers comes after any sentence with a weighted term).
    A unit identical to an earlier one of the same article is dropped.

    Args:
        articles: DataFrame with ``doc_id`` and ``body``.
        scores: the lexicon :class:`~ainews.themes.score.ThemeScores` of these articles.
        n_first: lead units always kept.
        n_hits: further units kept for their lexicon hits.

    Returns:
        ``{doc_id: [(start, end), ...]}``, offsets into ``body``.
    """
    from ..embeddings.core import split_units

    hits = scores.hits
    markers = getattr(scores, "markers", None)
    if markers is not None and len(markers):
        hits = pd.concat([hits, markers])
    starts = {d: (g["start"].to_numpy(), g["weight"].to_numpy(dtype=float)) for d, g in hits.groupby("doc_id")}
    out = {}
    for doc_id, body in zip(articles["doc_id"].astype(str), articles["body"]):
        body = body if isinstance(body, str) else ""
        seen, units = set(), []
        for s, e in split_units(body):
            if body[s:e] not in seen:
                seen.add(body[s:e])
                units.append((s, e))
        keep = units[:n_first]
        if n_hits and len(units) > n_first and doc_id in starts:
            st, w = starts[doc_id]
            rank = []
            for k, (s, e) in enumerate(units[n_first:]):
                m = (st >= s) & (st < e)
                if m.any():
                    rank.append((-(w[m].sum() + 0.01 * m.sum()), k, (s, e)))
            keep = keep + [u for *_, u in sorted(rank)[:n_hits]]
        out[doc_id] = sorted(keep)
    return out


def prefetch_leads(articles: pd.DataFrame, units: dict | None) -> int:
    """Hand the sentences :func:`select_units` keeps whatever the hits (each article's first
    ``n_first`` units, and the title when ``units["title"]``) to the encoder's second process
    (:func:`ainews.embeddings.core.prefetch`) before the lexicon is matched."""
    from ..embeddings.core import lead_units, prefetch

    if not units:
        return 0
    n = int(units.get("n_first", 4))
    texts = []
    for body in articles["body"]:
        if isinstance(body, str):
            texts.extend(body[s:e] for s, e in lead_units(body, n))
    if units.get("title") and "title" in articles.columns:
        texts.extend(t.strip() for t in articles["title"] if isinstance(t, str) and t.strip())
    return prefetch(texts)


def article_features(articles: pd.DataFrame, *, scores=None, max_sentences: int | None = None,
                     units: dict | None = None, cache_dir=None) -> ArticleFeatures:
    """Embedding and lexicon features of each article.

    Args:
        articles: DataFrame with ``doc_id`` and ``body`` (and optionally ``lang``, ``title``).
        scores: the lexicon scores of these articles, if already at hand
            (:func:`ainews.themes.score.lexicon_scores`).
        max_sentences: embed only the first ``n`` sentences of each article.
        units: which sentences to embed: ``None`` for all, or the keyword arguments of
            :func:`select_units` (``n_first``, ``n_hits``) plus ``title`` (bool: the title's
            vector joins the article vector, as one more sentence).
        cache_dir: folder of the sentence-vector cache.
    """
    from ..embeddings.core import ENCODER_DIM, _embed_units
    from .score import lexicon_scores
    from .placing import placing_features
    from .signals import signal_features

    doc_ids = articles["doc_id"].astype(str).tolist()
    if scores is None:
        scores = lexicon_scores(articles)
    units = dict(units or {})
    title = bool(units.pop("title", False)) and "title" in articles.columns
    spans = select_units(articles, scores, **units) if units else None
    titles = [(i, t.strip()) for i, t in enumerate(articles["title"]) if isinstance(t, str) and t.strip()] \
        if title else []

    def during():  # this process's work while the other encodes: investment signals, place features
        return signal_features(articles, scores), placing_features(articles, scores.lexicon)

    # the titles go to the encoder in the same batch as the sentences
    table, vecs, ((S, snames), (W, wnames)), T = _embed_units(
        articles, cache_dir, max_sentences, spans, during, extra=[t for _, t in titles])
    E = np.zeros((len(doc_ids), ENCODER_DIM), dtype=np.float32)
    row = {d: i for i, d in enumerate(doc_ids)}
    idx = table["doc_id"].map(row).to_numpy()
    if len(idx):
        np.add.at(E, idx, vecs)
    if titles:
        E[[i for i, _ in titles]] += T
    n = np.linalg.norm(E, axis=1, keepdims=True)
    E = np.divide(E, n, out=np.zeros_like(E), where=n > 0)
    L = _lexicon_matrix(scores, doc_ids)
    P, pnames = _example_features(scores.lexicon, table, vecs, doc_ids, cache_dir)
    names = [f"emb:{i}" for i in range(ENCODER_DIM)] + lexicon_feature_names(scores.lexicon) + pnames + snames + wnames
    return ArticleFeatures(doc_ids, np.hstack([E, L, P, S, W]), names, ENCODER_DIM, table, vecs, scores)
