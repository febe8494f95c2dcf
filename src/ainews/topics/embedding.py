"""``EmbeddingTopicModel``: topics as clusters of multilingual article vectors.

Each article becomes one unit vector: the normalised mean of the vectors (:func:`ainews.embed`)
of its lead, the first ``LEAD_SENTENCES`` (2) distinct body units, and of its whole title, so
Korean, English and Japanese articles on one subject lie close together whatever words they use.
The theme decision (:func:`ainews.score_themes`) embeds the same lead and title for every
article, so after it the topic model encodes nothing new. The vectors are clustered with k-means
(on unit vectors, squared Euclidean distance is ``2 - 2 cos``: spherical k-means up to the
centroid norm), topics are numbered by size, and each is named by the terms that set it apart in
each language (:mod:`ainews.topics.labels`) and by the sentences closest to its centroid. With
``n_topics=None`` the number of topics is the fewest whose NPMI coherence comes near the best
(:func:`ainews.topics.selection.choose_k_by_coherence`); the stability of the top terms across
random restarts is reported beside it.

Which sentences make the vector, measured (the Naver corpus, 1,309 articles, and livedoor, 7,351
Japanese articles in 9 categories): coherence = mean NPMI over 3 fits at k = 16 on Naver;
V-measure against livedoor's categories at k = 9; sentences = distinct texts to encode on Naver,
all and those the theme model does not encode anyway, with the CPU seconds of encoding them cold
(one process, 12,800 characters per CPU second measured on 1,500 of them):

=====================================  =========  =========  ===============  ================
vector of                              coherence  V-measure  sentences (CPU)  new after themes
=====================================  =========  =========  ===============  ================
title + every body unit (before)       0.227      --         19,554 (149 s)   13,634 (92 s)
title + first 1 unit                   0.210      0.570      2,566 (18 s)     0
title + first 2 units (the default)    0.227      0.568      3,841 (31 s)     0
title + first 3 / 5 / 8 units          0.20-0.21  --         5,087-10,249     901-5,077
theme units (lead 2 + 2 hits + title)  0.231      0.547      5,920 (57 s)     0
=====================================  =========  =========  ===============  ================

(Every livedoor sentence, 135,000, was not encoded.) The theme units also need the lexicon
matched first (10 s CPU on Naver, 16 s on livedoor). The cost of a short lead: on title-less
pseudo-articles of 5 translated sentences (parallel-ko-en, 200 pairs, k = 10, 3 seeds) the share
of pairs in one topic is 0.69 / 0.80 / 0.83 / 0.87 with the first 1 / 2 / 3 / all units.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans

from . import labels as _l
from . import selection as _s
from .breakdowns import topic_label
from .embedding_views import EmbeddingViews
from .units import build_units

__all__ = ["EmbeddingTopicModel", "article_vectors", "LEAD_SENTENCES"]

#: Body units of each article's lead embedded by default (the theme model's ``n_first``).
LEAD_SENTENCES = 2


def article_vectors(articles: pd.DataFrame, *, title: bool = True, max_sentences: int | None = None,
                    cache_dir=None) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Sentence and article vectors of ``articles`` (through the sentence-vector cache).

    Args:
        articles: table with ``doc_id`` and ``body`` (``title`` used when ``title``).
        title: count the whole title as one more sentence of the article.
        max_sentences: use only the first ``n`` distinct body units
            (:func:`ainews.embeddings.core.lead_units`, the lead the theme model embeds too);
            ``None``: every unit.
        cache_dir: sentence-vector cache folder (default: the embedding layer's).

    Returns:
        ``(sentences, sentence_vectors, article_vectors)``: ``sentences`` as
        :func:`ainews.embeddings.embed_units` returns it; ``article_vectors[i]`` is the unit
        vector of the i-th article (zeros for an article without words).
    """
    from ..embeddings.core import _embed_units, lead_units

    ids = articles["doc_id"].astype(str).tolist()
    spans = None
    if max_sentences:
        spans = {d: lead_units(b, max_sentences) for d, b in zip(ids, articles["body"])}
    titles = []
    if title and "title" in articles.columns:
        titles = [(i, t.strip()) for i, t in enumerate(articles["title"]) if isinstance(t, str) and t.strip()]
    # the whole title is one unit, as the theme model encodes it: one batch, one cache look-up
    sents, svec, _, tvec = _embed_units(articles, cache_dir, None, spans, extra=[t for _, t in titles])
    pos = {d: i for i, d in enumerate(ids)}
    out = np.zeros((len(ids), svec.shape[1]), dtype=np.float64)
    np.add.at(out, sents["doc_id"].map(pos).to_numpy(dtype=int), svec)
    if titles:
        out[[i for i, _ in titles]] += tvec
    norm = np.linalg.norm(out, axis=1, keepdims=True)
    return sents, svec, np.divide(out, norm, out=np.zeros_like(out), where=norm > 0)


# Measured on livedoor (k = 9, V-measure against its 9 categories; data/models/topics.card.json):
# 0 -> 0.467, 0.5 -> 0.553. Words are a refinement of meaning, not a replacement for it.
AUTO_LEXICAL_WEIGHT = 0.5
# Nearest main-language articles whose word vectors stand in for an article in another language.
LEXICAL_NEIGHBOURS = 5


def lexical_space(V, token_lists, langs, weight: float, *, random_state=0,
                  neighbours: int = LEXICAL_NEIGHBOURS) -> np.ndarray:
    """Meaning vectors ``V`` joined with word vectors of the corpus's main language.

    The word part is TF-IDF of the tokens reduced to 100 dimensions (truncated SVD), fitted on
    the articles of the most frequent language among those with vectors. Words of different
    languages never overlap, so an article in another language takes instead the mean word part
    of its ``neighbours`` nearest main-language articles by cosine of ``V``: a translation lands
    beside its original. Rows of ``V`` that are zero (no words) stay zero.

    Returns:
        unit rows ``[sqrt(1 - weight) * V, sqrt(weight) * L]``.
    """
    from sklearn.decomposition import TruncatedSVD

    from .units import auto_df, make_vectorizer

    n = len(token_lists)
    langs = np.asarray(langs if langs is not None else [""] * n, dtype=object)
    has = np.linalg.norm(V, axis=1) > 0
    counts = pd.Series(langs[has]).value_counts()
    if counts.empty:
        return V
    main = np.flatnonzero(has & (langs == counts.index[0]))
    docs = [token_lists[i] for i in main]
    lo, hi = auto_df(len(docs))
    try:
        T = make_vectorizer("nmf", lo, hi, None).fit_transform(docs)
    except ValueError:  # no term passes the document-frequency bounds
        return V
    if min(T.shape) < 2:
        return V
    Lm = TruncatedSVD(min(100, min(T.shape) - 1), random_state=random_state).fit_transform(T)
    Lm /= np.maximum(np.linalg.norm(Lm, axis=1, keepdims=True), 1e-12)
    L = np.zeros((n, Lm.shape[1]))
    L[main] = Lm
    other = np.flatnonzero(has & (langs != counts.index[0]))
    if len(other):
        sim = V[other] @ V[main].T
        m = min(neighbours, len(main))
        nn = np.argpartition(-sim, m - 1, axis=1)[:, :m]
        L[other] = Lm[nn].mean(axis=1)
        L[other] /= np.maximum(np.linalg.norm(L[other], axis=1, keepdims=True), 1e-12)
    H = np.hstack([np.sqrt(1 - weight) * V, np.sqrt(weight) * L])
    return H / np.maximum(np.linalg.norm(H, axis=1, keepdims=True), 1e-12)


def _kmeans(V, k, seed, n_init):
    km = KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(V)
    return km.labels_


class EmbeddingTopicModel(EmbeddingViews):
    """Topics shared by Korean, English and Japanese articles: clusters of multilingual vectors.

    Args:
        n_topics: number of topics, or ``None`` to choose it in ``k_range``.
        random_state: seed of every fit; same input and seed give the same topics.
        k_range: ``(k_min, k_max)`` of the automatic scan (capped so each topic has at least 5
            articles and 5 terms on average), or an explicit list of k.
        n_restarts: fits per k (the reference plus restarts with other seeds): their mean coherence
            chooses k, their agreement is the stability.
        n_init: k-means initialisations per fit (the best inertia is kept).
        title: count each article's whole title as one of its sentences.
        max_sentences: embed only the first ``n`` distinct body units of each article (default
            ``LEAD_SENTENCES`` = 2, the lead the theme model embeds too); ``None``: every unit
            (six times the sentences on the Naver corpus for no better topics; see the module).
        lexical_weight: share (0 to 1) of the clustering space given to the articles' words
            (TF-IDF of their tokens reduced to 100 dimensions by truncated SVD) beside their
            vectors, or ``"auto"`` (the default, ``AUTO_LEXICAL_WEIGHT = 0.5``). 0 clusters
            meanings only. Words separate subjects more sharply within one language but would
            pull languages apart, so they are taken from the corpus's main language only: an
            article in another language gets the mean word vector of its
            ``LEXICAL_NEIGHBOURS`` (5) nearest main-language articles by meaning (see
            ``ainews.topics.embedding.lexical_space``).
        n_top_terms: top terms per topic used for coherence, stability and labels.
        term_weight: how terms name a topic: ``"lift"`` (document-frequency lift, the default:
            more coherent top terms) or ``"ctfidf"`` (class-based TF-IDF); see
            ``ainews.topics.labels``.
        window: co-occurrence window (tokens) of the NPMI coherence.
        include_duplicates: keep articles whose ``dup_of`` is set (left out by default).
        cache_dir: token cache folder (default: the language layer's).
        vector_cache_dir: sentence-vector cache folder (default: the embedding layer's).

    Attributes:
        n_topics_: number of topics fitted.
        doc_ids_: the articles fitted, in input order (duplicates left out).
        vectors_: their unit vectors (``(n_articles, 512)``).
        labels_: topic of each article (aligned with ``doc_ids_``; topic 0 is the largest).
        centroids_: unit vector of each topic's mean.
        similarity_: cosine of each article to its topic's centroid.
        topics_: one row per topic: ``topic, label, n_articles, share, coherence`` and the
            number of articles in each language (``n_ko``, ``n_en``, ``n_ja``).
        topic_terms_: long table ``topic, lang, rank, term, display, weight, n_articles``
            (``lang == "all"``: counted over every language).
        topic_labels_: one label per topic from its top three terms over all languages.
        coherence_: NPMI coherence of each topic's top terms.
        doc_topics_: articles x topics (index ``doc_id``), 1 for the article's topic, else 0.
        selection_: one row per k tried (coherence of the reference fit and ``coherence_fits`` over
            all fits, stability, score, chosen, seconds).
        selection_reason_: the choice of k in one sentence.
        sentences_, sentence_vectors_: the body sentences (offsets into ``body``) and vectors.
        terms_: vocabulary of the term counts.
        n_duplicates_excluded_: articles left out as duplicates.
    """

    def __init__(self, n_topics=None, *, random_state=0, k_range=(2, 20), n_restarts=3, n_init=4,
                 title=True, max_sentences=LEAD_SENTENCES, lexical_weight="auto", n_top_terms=10, term_weight="lift",
                 window=20,
                 include_duplicates=False, cache_dir=None, vector_cache_dir=None):
        self.n_topics = n_topics
        self.random_state = random_state
        self.k_range = k_range
        self.n_restarts = n_restarts
        self.n_init = n_init
        self.title = title
        self.max_sentences = max_sentences
        self.lexical_weight = lexical_weight
        self.n_top_terms = n_top_terms
        self.term_weight = term_weight
        self.window = window
        self.include_duplicates = include_duplicates
        self.cache_dir = cache_dir
        self.vector_cache_dir = vector_cache_dir

    def fit(self, articles: pd.DataFrame, y=None) -> "EmbeddingTopicModel":
        """Cluster ``articles`` (a table like :func:`ainews.get_articles` returns)."""
        units, self.n_duplicates_excluded_ = build_units(
            articles, unit="article", include_duplicates=self.include_duplicates,
            cache_dir=self.cache_dir)
        ids = units["doc_id"].astype(str)
        kept = articles.assign(doc_id=articles["doc_id"].astype(str))
        kept = kept.set_index("doc_id").loc[ids].reset_index()
        sents, svec, V = article_vectors(kept, title=self.title, max_sentences=self.max_sentences,
                                         cache_dir=self.vector_cache_dir)
        has = np.linalg.norm(V, axis=1) > 0
        n = int(has.sum())
        X, terms = _l.count_matrix(units["tokens"].tolist(), **_df_bounds(len(units)))
        windows = _s.window_matrix(units["tokens"], {t: i for i, t in enumerate(terms)},
                                   window=self.window)
        space = self._space(V, units["tokens"].tolist(), units["lang"].fillna("").tolist())
        ks = self._candidates(n, len(terms))
        rows, fits = [], {}
        for k in ks:
            rows.append(self._score_k(space, has, X, windows, k, fits))
        k, self.selection_, reason = _s.choose_k_by_coherence(pd.DataFrame(rows))
        self.selection_reason_ = (reason if self.n_topics is None else
                                  f"{k} topics were fitted as requested (n_topics={k}).")
        self._set_fitted(kept, units, sents, svec, V, has, X, terms, windows, fits[k])
        return self

    def _space(self, V, token_lists, langs=None):
        w = AUTO_LEXICAL_WEIGHT if self.lexical_weight == "auto" else self.lexical_weight
        try:
            w = float(w)
        except (TypeError, ValueError):
            raise ValueError(f"lexical_weight must be 'auto' or a number between 0 and 1, "
                             f"not {self.lexical_weight!r}") from None
        if not 0 <= w <= 1:
            raise ValueError(f"lexical_weight must lie between 0 and 1, not {w}")
        if w == 0:
            return V
        return lexical_space(V, token_lists, langs, w, random_state=self.random_state)

    def _candidates(self, n, n_terms):
        if self.n_topics is not None:
            k = int(self.n_topics)
            if k < 1 or k > n:
                raise ValueError(f"n_topics={k} but only {n} articles have words to embed; "
                                 f"ask for at most {n} topics or add articles")
            return [k]
        if isinstance(self.k_range, tuple) and len(self.k_range) == 2:
            k_min, k_max = self.k_range
            if n < 5 * k_min:  # a handful of articles: at least two per topic on average
                if n < 2 * k_min:
                    raise ValueError(f"too little data to choose the number of topics: {n} articles "
                                     f"cannot make {k_min} topics of two articles; pass n_topics "
                                     "explicitly or add articles")
                return list(range(k_min, min(k_max, n // 2) + 1))
            return _s.candidate_ks(n, n_terms, k_min=k_min, k_max=k_max)
        ks = sorted({int(k) for k in self.k_range if 1 <= int(k) <= n})
        if not ks:
            raise ValueError(f"no k in k_range={self.k_range!r} fits {n} articles; choose smaller values")
        return ks

    def _labels(self, V, has, k, seed):
        lab = np.full(len(V), -1)
        lab[has] = _kmeans(V[has], k, seed, self.n_init)
        return lab

    def _score_k(self, V, has, X, windows, k, fits):
        t0 = time.perf_counter()
        lab = self._labels(V, has, k, self.random_state)
        tops = _top_terms(X, lab, k, self.n_top_terms, self.term_weight)
        coh = _s.npmi_coherence(tops, windows)
        agree, cohs = [], [float(coh.mean())]
        for r in range(1, self.n_restarts):
            alt = _top_terms(X, self._labels(V, has, k, self.random_state + r), k, self.n_top_terms,
                             self.term_weight)
            agree.append(_s.topic_agreement(tops, alt))
            cohs.append(float(_s.npmi_coherence(alt, windows).mean()))
        fits[k] = lab
        return {"k": k, "coherence": float(coh.mean()), "coherence_min": float(coh.min()),
                "coherence_fits": float(np.mean(cohs)),
                "stability": float(np.mean(agree)) if agree else np.nan,
                "empty_topics": int(k - len(set(lab[lab >= 0]))), "seconds": time.perf_counter() - t0}

    def _set_fitted(self, kept, units, sents, svec, V, has, X, terms, windows, lab):
        k = int(lab.max()) + 1
        # Number topics by size (topic 0 the largest) so numbering is stable across runs.
        order = np.argsort(-np.bincount(lab[lab >= 0], minlength=k), kind="stable")
        rank = np.empty(k, dtype=int)
        rank[order] = np.arange(k)
        lab = np.where(lab >= 0, rank[np.maximum(lab, 0)], -1)
        self.n_topics_ = k
        self.doc_ids_ = units["doc_id"].astype(str).to_numpy()
        self.vectors_, self.labels_, self.terms_ = V, lab, terms
        cent = np.vstack([V[lab == t].mean(axis=0) for t in range(k)])
        self.centroids_ = cent / np.maximum(np.linalg.norm(cent, axis=1, keepdims=True), 1e-12)
        self.similarity_ = np.where(lab >= 0, np.einsum("ij,ij->i", V, self.centroids_[np.maximum(lab, 0)]),
                                    np.nan)
        self._X, self._langs = X, units["lang"].fillna("").to_numpy(dtype=object)
        self.topic_terms_ = _l.topic_term_table(X, terms, lab, self._langs, k, how=self.term_weight)
        tops = _top_terms(X, lab, k, self.n_top_terms, self.term_weight)
        self.coherence_ = _s.npmi_coherence(tops, windows)
        self.topic_labels_ = [self._label(t) for t in range(k)]
        onehot = np.zeros((len(lab), k))
        onehot[lab >= 0, lab[lab >= 0]] = 1.0
        self.doc_topics_ = pd.DataFrame(onehot, index=pd.Index(self.doc_ids_, name="doc_id"))
        self.doc_topics_.columns.name = "topic"
        self.doc_topics_[lab < 0] = np.nan
        self.sentences_, self.sentence_vectors_ = sents, svec
        self._set_meta(kept)
        self.topics_ = self._topic_table()

    def _label(self, t):
        tt = self.topic_terms_
        return topic_label(t, tt.loc[(tt["topic"] == t) & (tt["lang"] == _l.ALL), "term"].tolist())

    # ---------------------------------------------------------------- inference
    def transform(self, articles: pd.DataFrame) -> pd.DataFrame:
        """Cosine similarity of each article of ``articles`` to each topic (rows ``doc_id``)."""
        self._check_fitted()
        _, _, V = article_vectors(articles, title=self.title, max_sentences=self.max_sentences,
                                  cache_dir=self.vector_cache_dir)
        df = pd.DataFrame(V @ self.centroids_.T, index=pd.Index(articles["doc_id"].astype(str), name="doc_id"))
        df.columns.name = "topic"
        df[np.linalg.norm(V, axis=1) == 0] = np.nan
        return df

    def predict(self, articles: pd.DataFrame) -> np.ndarray:
        """Topic of each article of ``articles`` (the nearest centroid; -1 without words)."""
        sim = self.transform(articles)
        return np.where(sim.isna().all(axis=1), -1, sim.fillna(-2).to_numpy().argmax(axis=1))


def _df_bounds(n: int) -> dict:
    # Labels may come from a term of one article on a small corpus; a large one drops the rarest.
    from .units import auto_df

    min_df, max_df = auto_df(n)
    return {"min_df": min_df if n >= 100 else 1, "max_df": max_df}


def _top_terms(X, lab, k, n, how):
    W = _l.term_weights(X, lab, k, how=how)
    return _s.top_term_indices(W, n)
