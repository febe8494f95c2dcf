"""Comparing topic models on one footing: coherence, language mixing, agreement with categories.

Every model is scored from two things only, its top terms per topic and the topic of each
article (for the term model: the topic with the largest share), so the term model
(:class:`ainews.TopicModel`) and the embedding model (:class:`EmbeddingTopicModel`) get the
same measures:

* **coherence**: NPMI of each topic's top terms (:func:`ainews.topics.npmi_coherence`),
  counted over the same articles' tokens for both models, in sliding windows of 20 tokens and
  over whole articles, and per language (each language's top terms over its own articles: a
  bilingual topic is not punished for Korean and English terms never sharing a window);
* **language mixing**: per topic, its articles by language; the share of topics holding two
  or more languages, the mean normalised entropy of the language shares, and the share of
  articles of the least common language that sit in a topic with articles of another language
  (where Korean and English articles on one subject should meet);
* **translations** (when articles come in pairs, one the translation of the other): the share
  of pairs whose two articles get the same topic;
* **categories** (when articles carry one, as the livedoor corpus's folders): V-measure,
  homogeneity, completeness and adjusted Rand index of the topics against them.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from . import selection as _s

__all__ = ["main_topics", "top_terms", "shared_coherence", "coherence_by_language", "language_mixing", "category_agreement",
           "pair_agreement", "compare_topic_models"]


def main_topics(model) -> pd.Series:
    """Topic of each fitted article (index ``doc_id``; -1 when it has none)."""
    if hasattr(model, "labels_"):
        return pd.Series(model.labels_, index=pd.Index(model.doc_ids_, name="doc_id"))
    shares = model.doc_topics_
    top = shares.fillna(-1).to_numpy().argmax(axis=1)
    return pd.Series(np.where(shares.isna().all(axis=1), -1, top), index=shares.index)


def top_terms(model, n: int = 10) -> list[list[str]]:
    """Each topic's ``n`` top terms over all languages, heaviest first."""
    tt = model.topic_terms_
    if "lang" in tt.columns:
        tt = tt[tt["lang"] == "all"]
    tt = tt[tt["rank"] <= n].sort_values(["topic", "rank"])
    return [tt.loc[tt["topic"] == t, "term"].tolist() for t in range(model.n_topics_)]


def shared_coherence(token_lists, topics: list[list[str]], *, window: int | None = 20) -> np.ndarray:
    """NPMI coherence of term lists over ``token_lists`` (``window=None``: whole documents)."""
    vocab = {t: i for i, t in enumerate(dict.fromkeys(t for ts in topics for t in ts))}
    size = window or (max((len(t) for t in token_lists), default=1) + 1)
    windows = _s.window_matrix(token_lists, vocab, window=size)
    idx = [np.array([vocab[t] for t in ts]) for ts in topics]
    return np.array([_s.npmi_coherence(i[None, :], windows)[0] if len(i) > 1 else np.nan for i in idx])


def coherence_by_language(model, token_lists, doc_ids, langs: dict, *, n: int = 10,
                          window: int = 20) -> float:
    """Mean NPMI of each topic's top terms in each language, over that language's articles.

    A topic that gathers Korean and English articles lists Korean and English terms that never
    share a window, so its coherence over all languages is low however sound it is; here each
    language's terms are scored on that language's articles. A topic counts in a language when
    at least two of its articles are in that language. Top terms per language: the embedding
    model's own per-language ranking; for the term model, its top 30 terms restricted to those
    the language's articles use.

    Args:
        model: a fitted topic model.
        token_lists: tokens of the articles ``doc_ids``.
        doc_ids: their ids.
        langs: language of each ``doc_id``.
    """
    topic = main_topics(model)
    tlang = pd.Series([langs.get(d, "") for d in topic.index], index=topic.index)
    doc_lang = [langs.get(d, "") for d in doc_ids]
    tt = model.topic_terms_
    vals = []
    for lg in sorted({x for x in doc_lang if isinstance(x, str) and x}):
        docs = [t for t, lang in zip(token_lists, doc_lang) if lang == lg]
        used = {w for d in docs for w in d}
        topics = []
        for t in range(model.n_topics_):
            if int(((topic == t) & (tlang == lg)).sum()) < 2:
                continue
            rows = tt[(tt["topic"] == t) & (tt["lang"] == lg)] if "lang" in tt else tt[tt["topic"] == t]
            terms = [w for w in rows.sort_values("rank")["term"] if w in used][:n]
            if len(terms) > 1:
                topics.append(terms)
        if topics:
            vals.extend(shared_coherence(docs, topics, window=window).tolist())
    return float(np.nanmean(vals)) if vals else np.nan


def language_mixing(topic, langs, *, labels=None) -> tuple[dict, pd.DataFrame]:
    """How topics mix languages.

    Args:
        topic: topic of each article (-1: none).
        langs: language of each article.
        labels: optional topic labels for the table.

    Returns:
        ``(summary, table)``: ``summary`` has ``languages`` (in the corpus), ``multilingual_topics``
        (share of non-empty topics with >= 2 languages), ``entropy`` (mean over topics of the
        language-share entropy divided by ``log(number of corpus languages)``; NaN for one
        language), ``minority_lang`` and ``minority_meet`` (share of that language's articles
        whose topic also holds another language's articles). ``table`` has one row per topic.
    """
    topic = np.asarray(topic)
    langs = pd.Series(np.asarray(langs, dtype=object)).fillna("").to_numpy(dtype=object)
    ok = (topic >= 0) & (langs != "")
    present = pd.Series(langs[ok]).value_counts()
    ct = pd.crosstab(topic[ok], langs[ok])
    n_lang = len(present)
    p = ct.div(ct.sum(axis=1), axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ent = -(p * np.log(p.where(p > 0, 1))).sum(axis=1)
    ent = (ent / np.log(n_lang)).abs() if n_lang > 1 else ent * np.nan
    table = pd.DataFrame({"topic": ct.index.astype(int), "n_articles": ct.sum(axis=1).to_numpy()})
    if labels is not None:
        table.insert(1, "label", [labels[t] for t in table["topic"]])
    for lg in present.index:
        table[f"n_{lg}"] = ct[lg].to_numpy()
    table["n_languages"] = (ct > 0).sum(axis=1).to_numpy()
    table["entropy"] = ent.to_numpy()
    summary = {"languages": n_lang, "multilingual_topics": float((table["n_languages"] >= 2).mean()),
               "entropy": float(ent.mean()) if n_lang > 1 else np.nan,
               "minority_lang": None, "minority_meet": np.nan}
    if n_lang > 1:
        minority = present.index[-1]
        multi = set(table.loc[table["n_languages"] >= 2, "topic"])
        mine = ok & (langs == minority)
        summary.update(minority_lang=minority,
                       minority_meet=float(np.isin(topic[mine], list(multi)).mean()))
    return summary, table.reset_index(drop=True)


def category_agreement(topic, categories) -> dict:
    """V-measure (with homogeneity, completeness) and adjusted Rand index against categories."""
    from sklearn.metrics import adjusted_rand_score, homogeneity_completeness_v_measure

    h, c, v = homogeneity_completeness_v_measure(list(categories), list(topic))
    return {"v_measure": v, "homogeneity": h, "completeness": c,
            "ari": adjusted_rand_score(list(categories), list(topic))}


def pair_agreement(topic: pd.Series, pairs) -> float:
    """Share of ``(doc_id, doc_id)`` pairs (e.g. an article and its translation) in one topic."""
    same = [topic.get(a, -1) == topic.get(b, -2) and topic.get(a, -1) >= 0 for a, b in pairs]
    return float(np.mean(same)) if same else np.nan


def _make(method: str, n_topics, random_state, params):
    from .embedding import EmbeddingTopicModel
    from .model import TopicModel

    if method == "embedding":
        return EmbeddingTopicModel(n_topics, random_state=random_state, **params.get("embedding", {}))
    return TopicModel(n_topics, method=method, random_state=random_state, **params.get(method, {}))


def compare_topic_models(articles: pd.DataFrame, n_topics=None, *, methods=("embedding", "nmf"),
                         random_state: int = 0, category: str | None = None, n_terms: int = 10,
                         params: dict | None = None, fitted: dict | None = None, pairs=None,
                         cache_dir=None) -> tuple[pd.DataFrame, dict]:
    """Fit each model on ``articles`` and score them alike.

    Args:
        articles: the articles table.
        n_topics: number of topics for every model, or ``None`` (each chooses its own).
        methods: ``"embedding"``, ``"nmf"``, ``"lda"``.
        random_state: seed of every fit.
        category: a column of ``articles`` holding a reference category (adds V-measure etc.).
        n_terms: top terms per topic for the coherence.
        params: extra parameters per method, e.g. ``{"nmf": {"unit": "article"}}``.
        pairs: ``(doc_id, doc_id)`` pairs that say the same thing (adds ``pair_agreement``).
        fitted: models already fitted on ``articles`` by method (scored as they are; their
            ``cpu_seconds`` is NaN).
        cache_dir: token cache folder.

    Returns:
        ``(table, models)``: one row per method (``method, k, coherence, coherence_doc, coherence_lang,
        multilingual_topics, entropy, minority_meet, cpu_seconds`` and, with ``category``,
        ``v_measure, homogeneity, completeness, ari``), and the fitted models by method.
    """
    from ..lang import tokenize_articles

    params = params or {}
    arts = articles
    if "dup_of" in arts.columns:
        arts = arts[arts["dup_of"].fillna("").astype(str) == ""]
    toks = tokenize_articles(arts, unit="article", cache_dir=cache_dir)
    token_lists = toks["tokens"].tolist()
    langs = dict(zip(arts["doc_id"].astype(str), arts["lang"])) if "lang" in arts else {}
    rows, models = [], {}
    fitted = fitted or {}
    for method in methods:
        c0 = time.process_time()
        model = fitted.get(method) or _make(method, n_topics, random_state, params).fit(arts)
        cpu = np.nan if method in fitted else time.process_time() - c0
        models[method] = model
        topic = main_topics(model)
        terms = top_terms(model, n_terms)
        mix, _ = language_mixing(topic.to_numpy(), topic.index.map(langs).to_numpy(dtype=object))
        row = {"method": method, "k": model.n_topics_,
               "coherence": float(np.nanmean(shared_coherence(token_lists, terms))),
               "coherence_doc": float(np.nanmean(shared_coherence(token_lists, terms, window=None))),
               "coherence_lang": coherence_by_language(model, token_lists, toks["doc_id"].tolist(), langs),
               "multilingual_topics": mix["multilingual_topics"], "entropy": mix["entropy"],
               "minority_meet": mix["minority_meet"], "cpu_seconds": cpu}
        if pairs is not None:
            row["pair_agreement"] = pair_agreement(topic, pairs)
        if category is not None:
            cats = arts.assign(doc_id=arts["doc_id"].astype(str)).set_index("doc_id")[category]
            row.update(category_agreement(topic.to_numpy(), cats.reindex(topic.index).to_numpy()))
        rows.append(row)
    return pd.DataFrame(rows), models
