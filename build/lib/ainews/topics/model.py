"""``TopicModel``: reproducible bilingual topics over articles or paragraphs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import breakdowns as _b
from . import selection as _s
from . import units as _u

__all__ = ["TopicModel"]

_META = ("title", "lang", "outlet", "published", "url")


class TopicModel:
    """Topics shared by Korean, English and Japanese articles (NMF or LDA from scikit-learn).

    Units (paragraphs by default) are tokenized by the language layer and mapped to bilingual
    concept ids, weighted by TF-IDF (NMF) or counted (LDA), and factorized. Shares are
    aggregated back to articles weighted by paragraph length. With ``n_topics=None`` the
    number of topics is chosen by NPMI coherence and stability across random restarts
    (``ainews.topics.selection``).

    Args:
        n_topics: number of topics, or ``None`` to choose it.
        method: ``"nmf"`` (TF-IDF + NMF) or ``"lda"`` (counts + LatentDirichletAllocation).
        unit: ``"paragraph"`` or ``"article"``.
        random_state: seed of every fit; same input and seed give the same topics and shares.
        k_range: ``(k_min, k_max)`` bounds of the automatic scan (further capped so each topic
            has at least 5 units and 5 terms on average), or an explicit list of k.
        n_restarts: fits per k for stability (the reference plus random restarts).
        n_top_terms: top terms per topic used for coherence, stability and labels.
        window: co-occurrence window (tokens) of the NPMI coherence.
        min_df, max_df: vectorizer bounds; ``None`` adapts them to the number of units.
        max_features: cap on the vocabulary size.
        include_duplicates: keep articles whose ``dup_of`` is set (left out by default).
        cache_dir: token cache folder (default: the language layer's).

    Attributes:
        n_topics_: number of topics fitted.
        topic_terms_: long table ``topic, rank, term, display, weight``.
        topic_labels_: one label per topic from its top three terms.
        doc_topics_: articles x topics shares (index ``doc_id``; rows sum to 1, NaN if empty).
        unit_topics_: units x topics shares (ndarray aligned with ``units_``).
        units_: the units (``doc_id, paragraph, start, end, lang, weight, n_terms``).
        selection_: one row per k tried (coherence, stability, score, chosen, seconds).
        selection_reason_: the choice of k in one sentence.
        coherence_: NPMI coherence of each fitted topic.
        language_overlap_: per language, share of its vocabulary other languages use too.
        vectorizer_, model_: the fitted scikit-learn objects.
        n_duplicates_excluded_: articles left out as duplicates.
    """

    def __init__(self, n_topics=None, *, method="nmf", unit="paragraph", random_state=0,
                 k_range=(2, 20), n_restarts=3, n_top_terms=10, window=20, min_df=None,
                 max_df=None, max_features=None, include_duplicates=False, cache_dir=None):
        self.n_topics = n_topics
        self.method = method
        self.unit = unit
        self.random_state = random_state
        self.k_range = k_range
        self.n_restarts = n_restarts
        self.n_top_terms = n_top_terms
        self.window = window
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.include_duplicates = include_duplicates
        self.cache_dir = cache_dir

    # ------------------------------------------------------------------ fitting
    def fit(self, articles: pd.DataFrame) -> "TopicModel":
        """Fit topics to ``articles`` (a table like :func:`ainews.get_articles` returns)."""
        if self.method not in ("nmf", "lda"):
            raise ValueError(f"method must be 'nmf' or 'lda', not {self.method!r}")
        units, self.n_duplicates_excluded_ = _u.build_units(
            articles, unit=self.unit, include_duplicates=self.include_duplicates,
            cache_dir=self.cache_dir)
        n = len(units)
        auto_min, auto_max = _u.auto_df(n)
        min_df = auto_min if self.min_df is None else self.min_df
        max_df = auto_max if self.max_df is None else self.max_df
        self.vectorizer_ = _u.make_vectorizer(self.method, min_df, max_df, self.max_features)
        X = _u.fit_matrix(self.vectorizer_, units["tokens"].tolist(), unit=self.unit,
                          min_df=min_df, max_df=max_df)
        self.language_overlap_ = _u.check_languages(X, units["lang"])
        terms = self.vectorizer_.get_feature_names_out()
        n_signal = int((X.getnnz(axis=1) > 0).sum())
        windows = _s.window_matrix(units["tokens"], self.vectorizer_.vocabulary_, window=self.window)
        if self.n_topics is None:
            ks = self._candidates(n_signal, len(terms))
        else:
            k = int(self.n_topics)
            if k < 1 or k > n_signal or k > len(terms):
                raise ValueError(
                    f"n_topics={k} but only {n_signal} {self.unit}s have terms and the vocabulary "
                    f"has {len(terms)} terms; ask for at most {min(n_signal, len(terms))} topics, "
                    "use unit='paragraph', or add articles")
            ks = [k]
        table, models = _s.scan_k(X, windows, ks, method=self.method, random_state=self.random_state,
                                  n_restarts=self.n_restarts, n_top=self.n_top_terms)
        k, self.selection_, reason = _s.choose_k(table)
        self.selection_reason_ = (reason if self.n_topics is None else
                                  f"{k} topics were fitted as requested (n_topics={k}).")
        model, W = models[k]
        self._set_fitted(model, W, X, units, terms, windows, articles)
        return self

    def _candidates(self, n_units, n_terms):
        if isinstance(self.k_range, tuple) and len(self.k_range) == 2:
            return _s.candidate_ks(n_units, n_terms, k_min=self.k_range[0], k_max=self.k_range[1])
        ks = sorted({int(k) for k in self.k_range if 1 <= int(k) <= min(n_units, n_terms)})
        if not ks:
            raise ValueError(f"no k in k_range={self.k_range!r} fits {n_units} units and "
                             f"{n_terms} terms; choose smaller values")
        return ks

    def _set_fitted(self, model, W, X, units, terms, windows, articles):
        # Order topics by their share of the corpus (topic 0 the largest) so numbering is stable.
        W = W.copy()
        W[X.getnnz(axis=1) == 0] = 0  # LDA returns its prior for units without terms
        theta, has = _b.normalize_rows(W)
        size = (units["weight"].to_numpy() * has) @ theta
        order = np.argsort(-size, kind="stable")
        model.components_ = model.components_[order]
        if hasattr(model, "exp_dirichlet_component_"):
            model.exp_dirichlet_component_ = model.exp_dirichlet_component_[order]
        self.model_ = model
        self.n_topics_ = len(order)
        self.terms_ = terms
        self.unit_topics_, self._has = theta[:, order], has
        self._X = X
        self.units_ = units.drop(columns="tokens").reset_index(drop=True)
        self.units_["n_terms"] = X.getnnz(axis=1)  # vocabulary terms left in each unit
        tops = _s.top_term_indices(model.components_, self.n_top_terms)
        self.coherence_ = _s.npmi_coherence(tops, windows)
        rows = []
        for t in range(self.n_topics_):
            comp = model.components_[t] / max(model.components_[t].sum(), 1e-12)
            for rank, i in enumerate(np.argsort(-comp, kind="stable")[:max(self.n_top_terms, 30)]):
                rows.append({"topic": t, "rank": rank + 1, "term": terms[i],
                             "display": _b.term_display(terms[i]), "weight": float(comp[i])})
        self.topic_terms_ = pd.DataFrame(rows)
        self.topic_labels_ = [
            _b.topic_label(t, self.topic_terms_.loc[self.topic_terms_["topic"] == t, "term"].tolist())
            for t in range(self.n_topics_)]
        doc_ids = self.units_["doc_id"].drop_duplicates()
        self.doc_topics_ = _b.article_shares(self.units_, self.unit_topics_, has, doc_ids)
        kept = articles[articles["doc_id"].astype(str).isin(set(doc_ids))]
        meta = [c for c in _META if c in kept.columns]
        self._meta = kept.assign(doc_id=kept["doc_id"].astype(str)).set_index("doc_id")[meta]
        self._bodies = dict(zip(kept["doc_id"].astype(str), kept["body"]))

    # ---------------------------------------------------------------- inference
    def transform(self, articles: pd.DataFrame) -> pd.DataFrame:
        """Topic shares of new ``articles`` (rows ``doc_id``, columns topics; NaN if no term)."""
        self._check_fitted()
        units, _ = _u.build_units(articles, unit=self.unit, include_duplicates=True,
                                  cache_dir=self.cache_dir)
        X = self.vectorizer_.transform(units["tokens"].tolist())
        W = self.model_.transform(X)
        W[X.getnnz(axis=1) == 0] = 0  # LDA returns its prior for units without terms
        theta, has = _b.normalize_rows(W)
        return _b.article_shares(units, theta, has, units["doc_id"].drop_duplicates())

    # ------------------------------------------------------------------ getters
    def get_topic_terms(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` top terms of each topic: ``topic, label, rank, term, display, weight``."""
        self._check_fitted()
        df = self.topic_terms_[self.topic_terms_["rank"] <= n].copy()
        df.insert(1, "label", [self.topic_labels_[t] for t in df["topic"]])
        return df.reset_index(drop=True)

    def get_document_topics(self) -> pd.DataFrame:
        """One row per article: metadata, main topic, its share and the share of every topic."""
        self._check_fitted()
        shares = self.doc_topics_
        main = shares.fillna(-1).to_numpy().argmax(axis=1)
        empty = shares.isna().all(axis=1).to_numpy()
        out = self._meta.reindex(shares.index).reset_index()
        out["topic"] = pd.array([pd.NA if e else int(t) for t, e in zip(main, empty)], dtype="Int64")
        out["label"] = [self.topic_labels_[t] if not e else "" for t, e in zip(main, empty)]
        out["share"] = np.where(empty, np.nan, shares.to_numpy()[np.arange(len(main)), main])
        for t in range(self.n_topics_):
            out[f"topic_{t}"] = shares[t].to_numpy()
        return out

    def get_topics_by(self, column: str, *, top: int | None = None, n_terms: int = 5) -> pd.DataFrame:
        """Topic shares per value of an article column (``lang``, ``outlet``, ...).

        Args:
            column: a column of the fitted articles.
            top: keep the ``top`` values with most articles, grouping the rest as ``"other"``.
            n_terms: top terms of each topic counted within the group.

        Returns:
            Long table ``column, topic, label, share, n_articles, top_terms``.
        """
        self._check_fitted()
        if column not in self._meta.columns:
            raise ValueError(f"no column {column!r} in the fitted articles; "
                             f"available: {sorted(self._meta.columns)}")
        groups = self._meta[column].astype(object).where(self._meta[column].notna(), None)
        groups = groups.replace("", f"(no {column})")
        if top is not None:
            keep = groups.value_counts().index[:top]
            groups = groups.where(groups.isin(keep) | groups.isna(), "other")
        return self._by(groups, column, n_terms)

    def get_topics_over_time(self, freq: str = "M", *, n_terms: int = 5) -> pd.DataFrame:
        """Topic shares per period of ``published`` (``"D"``, ``"W"``, ``"M"``, or ``"auto"``).

        Articles without a date are left out (their number is in ``.attrs["undated"]``);
        with no dated article the table is empty.
        """
        self._check_fitted()
        dates = self._meta["published"] if "published" in self._meta else pd.Series(dtype="datetime64[ns]")
        dated = pd.to_datetime(dates, errors="coerce").dropna()
        if dated.empty:
            out = self._by(pd.Series(dtype=object), "period", n_terms)
        else:
            freq = _b.auto_freq(dated) if freq == "auto" else freq
            periods = dated.dt.to_period(freq).astype(str)
            out = self._by(periods, "period", n_terms)
            out.attrs["freq"] = freq
        out.attrs["undated"] = int(len(self._meta) - len(dated))
        return out

    def get_representative_paragraphs(self, n: int = 3) -> pd.DataFrame:
        """The ``n`` units most about each topic, with ``doc_id``, offsets into ``body`` and text."""
        self._check_fitted()
        df = _b.representative_units(self.units_, self.unit_topics_, self._has, self._bodies,
                                     self.topic_labels_, n=n)
        meta = self._meta[[c for c in ("title", "outlet", "url") if c in self._meta]]
        return df.join(meta, on="doc_id")

    def _by(self, groups, name, n_terms):
        return _b.group_shares(self.units_, self.unit_topics_, self._has, self._X, self.terms_,
                               groups, self.topic_labels_, name=name, n_terms=n_terms)

    def _check_fitted(self):
        if not hasattr(self, "model_"):
            raise RuntimeError("this TopicModel is not fitted yet; call fit(articles) first")
