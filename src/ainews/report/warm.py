"""The inputs the report's analyses share, computed once on every core before the analyses run.

:func:`ainews.score_themes`, the extractors and the topic models read the same things: kiwi's
tokens of each article, the sentence spans of each body, and multilingual sentence vectors (the
theme model embeds an article's lead, its sentences with lexicon hits and its title; the
embedding topic model the same lead and title). Each is cached on disk, keyed by text,
but a cache only helps a process that starts after it is written: two analyses started at once
on cold caches both compute it. :func:`warm_jobs` cuts this shared work into jobs no two
processes repeat (the tokens, the sentence spans, and the distinct sentences to encode in chunks),
which ``ainews.report.prepare.prepare`` spreads over its processes before the analyses.
"""

from __future__ import annotations

import os
import time

import pandas as pd

__all__ = ["vector_texts", "warm_jobs", "run_warm_job"]

#: Sentences per encoding job: small enough that the jobs balance the processes, large enough
#: that one job keeps one process busy for seconds (the encoder stays loaded between jobs).
CHUNK = 1200


def _lead_sentences() -> int | None:
    """Body units per article that both models always embed: the embedding topic model's
    ``max_sentences`` and the theme model's lead (``units["n_first"]`` of its card), whichever
    is longer (``None``: every unit)."""
    from ..themes.fit import model_card
    from ..topics.embedding import EmbeddingTopicModel

    topic = EmbeddingTopicModel().max_sentences
    card = model_card()
    if card is None:  # no theme model shipped
        theme = 0
    else:  # a model without a selection embeds every sentence
        theme = int(card["units"].get("n_first", 4)) if card.get("units") else None
    return None if topic is None or theme is None else max(topic, theme)


def vector_texts(articles: pd.DataFrame, *, max_sentences: int | None = None) -> list[str]:
    """The distinct texts whose vectors the topic and theme models always ask for, in corpus order.

    The first ``max_sentences`` distinct body units of each article
    (:func:`ainews.embeddings.core.lead_units`, as both models take their lead; every unit of
    :func:`~ainews.embeddings.split_units` when ``None``) and each whole title. The theme
    model's sentences with lexicon hits are not known before its lexicon is matched; it hands
    them to the encoder itself.
    """
    from ..embeddings.core import lead_units, split_units

    out: dict[str, None] = {}
    bodies = articles["body"] if "body" in articles.columns else []
    for body in bodies:
        if isinstance(body, str):
            units = lead_units(body, max_sentences) if max_sentences else split_units(body)
            for s, e in units:
                out.setdefault(body[s:e])
    titles = articles["title"] if "title" in articles.columns else []
    for title in titles:
        if isinstance(title, str) and title.strip():
            out.setdefault(title.strip())
    return list(out)


def _uncached(texts: list[str]) -> list[str]:
    from ..embeddings.core import ENCODER_DIM, _folder, encoder_version
    from ..embeddings.store import VectorStore, text_key

    store = VectorStore(_folder(None), encoder_version(), ENCODER_DIM)
    try:
        found = store.get(sorted({text_key(t) for t in texts}))
    finally:
        store.close()
    return [t for t in texts if text_key(t) not in found]


def warm_jobs(articles: pd.DataFrame) -> list[tuple]:
    """The shared work still to do for ``articles``: ``("tokens",)``, ``("sentences",)`` and
    ``("vectors", texts)`` jobs, each independent of the others (longest first)."""
    todo = _uncached(vector_texts(articles, max_sentences=_lead_sentences()))
    jobs: list[tuple] = [("tokens",), ("sentences",)]
    jobs += [("vectors", todo[i:i + CHUNK]) for i in range(0, len(todo), CHUNK)]
    return jobs


def run_warm_job(source, job: tuple) -> tuple[str, float]:
    """Do one job of :func:`warm_jobs` on the articles of ``source``; returns its name and CPU seconds."""
    t0 = time.process_time()
    kind = job[0]
    if kind == "vectors":
        from ..embeddings.core import sentence_vectors

        # this process is one of the pool's: the batch is its share, no second encoding process
        before = os.environ.get("AINEWS_WORKERS")
        os.environ["AINEWS_WORKERS"] = "1"
        try:
            sentence_vectors(list(job[1]))
        finally:
            if before is None:
                os.environ.pop("AINEWS_WORKERS", None)
            else:
                os.environ["AINEWS_WORKERS"] = before
    else:
        from ..corpus import get_articles

        articles = get_articles(source)
        if kind == "tokens":  # as score_themes and the topic models ask for them
            from ..lang import tokenize_articles

            cols = [c for c in ("doc_id", "body", "lang") if c in articles.columns]
            tokenize_articles(articles[cols])
        elif kind == "sentences":  # as every extractor reads them
            from ..extract._common import _iter_articles

            for _ in _iter_articles(articles):
                pass
        else:
            raise ValueError(f"unknown warm-up job {kind!r}")
    return kind, time.process_time() - t0
