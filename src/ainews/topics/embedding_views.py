"""Readable tables of a fitted :class:`~ainews.topics.embedding.EmbeddingTopicModel`.

The getters return the same tables as :class:`ainews.TopicModel`'s (so the same figures draw
them), with one difference that follows from clustering: an article belongs to one topic, so
a group's share of a topic is the share of the group's text (article lengths) in that topic.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import breakdowns as _b
from . import labels as _l

__all__ = ["EmbeddingViews"]

_META = ("title", "lang", "outlet", "published", "url")
_LANGS = ("ko", "en", "ja")


class EmbeddingViews:
    """Getters shared by the embedding topic model (mixin: needs the fitted attributes)."""

    def _set_meta(self, kept: pd.DataFrame) -> None:
        meta = [c for c in _META if c in kept.columns]
        self._meta = kept.set_index("doc_id")[meta]
        self._bodies = dict(zip(kept["doc_id"], kept["body"]))
        self._weight = kept["body"].fillna("").str.len().to_numpy(dtype=float)

    def _topic_table(self) -> pd.DataFrame:
        lab = self.labels_
        ok = lab >= 0
        rows = []
        for t in range(self.n_topics_):
            m = lab == t
            row = {"topic": t, "label": self.topic_labels_[t], "n_articles": int(m.sum()),
                   "share": float(m.sum() / max(ok.sum(), 1)), "coherence": float(self.coherence_[t])}
            for lg in _LANGS:
                row[f"n_{lg}"] = int((m & (self._langs == lg)).sum())
            rows.append(row)
        return pd.DataFrame(rows)

    def get_topic_terms(self, n: int = 10, *, lang: str | None = None) -> pd.DataFrame:
        """The ``n`` top terms of each topic: ``topic, label, lang, rank, term, display, weight``.

        Args:
            n: terms per topic (and language).
            lang: ``None`` for the terms counted over all languages, a language code for the
                terms of that language's articles, or ``"each"`` for every language present.
        """
        self._check_fitted()
        tt = self.topic_terms_[self.topic_terms_["rank"] <= n]
        if lang is None:
            tt = tt[tt["lang"] == _l.ALL]
        elif lang != "each":
            tt = tt[tt["lang"] == lang]
        else:
            tt = tt[tt["lang"] != _l.ALL]
        df = tt.drop(columns="n_articles").copy()
        df.insert(1, "label", [self.topic_labels_[t] for t in df["topic"]])
        return df.reset_index(drop=True)

    def get_topic_labels(self, n: int = 5) -> pd.DataFrame:
        """One row per topic and language present: its top terms joined, e.g. for a table."""
        self._check_fitted()
        tt = self.get_topic_terms(n, lang="each")
        out = tt.groupby(["topic", "label", "lang"], sort=True)["display"].agg(" · ".join)
        out = out.rename("top_terms").reset_index()
        sizes = self.topics_.melt("topic", [f"n_{lg}" for lg in _LANGS], "lang", "n_lang")
        sizes["lang"] = sizes["lang"].str[2:]
        sizes = sizes.rename(columns={"n_lang": "n_articles"})
        return out.merge(sizes, on=["topic", "lang"], how="left")

    def get_document_topics(self) -> pd.DataFrame:
        """One row per article: metadata, its topic, the topic's label and the cosine to its centre."""
        self._check_fitted()
        out = self._meta.reindex(self.doc_ids_).reset_index()
        lab = self.labels_
        out["topic"] = pd.array([int(t) if t >= 0 else pd.NA for t in lab], dtype="Int64")
        out["label"] = [self.topic_labels_[t] if t >= 0 else "" for t in lab]
        out["similarity"] = self.similarity_
        return out

    def get_topics_by(self, column: str, *, top: int | None = None, n_terms: int = 5) -> pd.DataFrame:
        """Topic shares per value of an article column (``lang``, ``outlet``, ...).

        Args:
            column: a column of the fitted articles.
            top: keep the ``top`` values with most articles, grouping the rest as ``"other"``.
            n_terms: top terms of each topic counted in the group's own articles.

        Returns:
            Long table ``column, topic, label, share, n_articles, top_terms`` (``share``: the
            share of the group's text in the topic).
        """
        self._check_fitted()
        if column not in self._meta.columns:
            raise ValueError(f"no column {column!r} in the fitted articles; "
                             f"available: {sorted(self._meta.columns)}")
        groups = self._meta[column].reindex(self.doc_ids_).astype(object)
        groups = groups.where(groups.notna(), None).replace("", f"(no {column})")
        if top is not None:
            keep = groups.value_counts().index[:top]
            groups = groups.where(groups.isin(keep) | groups.isna(), "other")
        return self._by(groups.to_numpy(dtype=object), column, n_terms)

    def get_topics_over_time(self, freq: str = "M", *, n_terms: int = 5) -> pd.DataFrame:
        """Topic shares per period of ``published`` (``"D"``, ``"W"``, ``"M"``, or ``"auto"``).

        Articles without a date are left out (their number is in ``.attrs["undated"]``).
        """
        self._check_fitted()
        dates = (self._meta["published"].reindex(self.doc_ids_) if "published" in self._meta
                 else pd.Series([None] * len(self.doc_ids_), index=self.doc_ids_))
        dated = pd.to_datetime(dates, errors="coerce")
        groups = np.full(len(dated), None, dtype=object)
        if dated.notna().any():
            freq = _b.auto_freq(dated.dropna()) if freq == "auto" else freq
            ok = dated.notna().to_numpy()
            groups[ok] = dated[ok].dt.to_period(freq).astype(str).to_numpy()
        out = self._by(groups, "period", n_terms)
        if dated.notna().any():
            out.attrs["freq"] = freq
        out.attrs["undated"] = int(dated.isna().sum())
        return out

    def _by(self, groups: np.ndarray, name: str, n_terms: int) -> pd.DataFrame:
        lab, k = self.labels_, self.n_topics_
        idf = _l.corpus_idf(self._X, lab, k)
        rows = []
        values = sorted({g for g in groups if g is not None}, key=str)
        for value in values:
            m = np.array([g == value for g in groups]) & (lab >= 0)
            w = self._weight[m]
            if not m.any() or w.sum() == 0:
                continue
            share = np.bincount(lab[m], weights=w, minlength=k) / w.sum()
            W = _l.term_weights(self._X, lab, k, how=self.term_weight, rows=m, idf=idf)
            for t in range(k):
                order = np.argsort(-W[t], kind="stable")[:n_terms]
                top = [_b.term_display(self.terms_[i]) for i in order if W[t, i] > 0]
                rows.append({name: value, "topic": t, "label": self.topic_labels_[t],
                             "share": float(share[t]), "n_articles": int(m.sum()),
                             "top_terms": " · ".join(top)})
        return pd.DataFrame(rows, columns=[name, "topic", "label", "share", "n_articles", "top_terms"])

    def get_representative_sentences(self, n: int = 3, *, per_language: bool = False) -> pd.DataFrame:
        """The sentences closest to each topic's centre, as evidence of what it is about.

        Args:
            n: sentences per topic (per topic and language with ``per_language``).
            per_language: pick ``n`` sentences in each language the topic contains.

        Returns:
            ``topic, label, rank, lang, doc_id, sentence_no, start, end, similarity, sentence``
            plus the article's ``title``/``outlet``/``url``; ``start``/``end`` index ``body``.
        """
        self._check_fitted()
        langs = dict(zip(self.doc_ids_, self._langs))
        df = _l.central_sentences(self.sentences_, self.sentence_vectors_,
                                  dict(zip(self.doc_ids_, self.labels_)), self.centroids_, n=n,
                                  per_language=per_language, langs=langs)
        df.insert(1, "label", [self.topic_labels_[t] for t in df["topic"]])
        meta = self._meta[[c for c in ("title", "outlet", "url") if c in self._meta]]
        return df.join(meta, on="doc_id")

    def get_language_mix(self) -> pd.DataFrame:
        """Per topic, its articles by language and how evenly it mixes them.

        Returns:
            ``topic, label, n_articles`` and ``n_<lang>`` per language, ``n_languages`` (with at
            least one article) and ``entropy`` (Shannon entropy of the language shares divided by
            its maximum for the languages of the corpus: 0 one language, 1 even mix).
        """
        self._check_fitted()
        from .compare import language_mixing

        return language_mixing(self.labels_, self._langs, labels=self.topic_labels_)[1]

    def _check_fitted(self):
        if not hasattr(self, "labels_"):
            raise RuntimeError(f"this {type(self).__name__} is not fitted yet; call fit(articles) first")
