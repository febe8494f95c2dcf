"""``topic_model``: the topic model the report uses, and the others by name.

The default was chosen by measurement (``benchmarks/bench_topics.py``, the chapter on topics):
on the shared Naver corpus and on the livedoor categories the two models were scored with
:func:`ainews.topics.compare.compare_topic_models`; the reasons are in :data:`DEFAULT_REASON`.
"""

from __future__ import annotations

__all__ = ["DEFAULT_METHOD", "DEFAULT_REASON", "METHODS", "topic_model"]

METHODS = ("embedding", "nmf", "lda")
DEFAULT_METHOD = "embedding"
DEFAULT_REASON = ""


def topic_model(n_topics=None, *, method: str | None = None, random_state: int = 0, **params):
    """A topic model, not yet fitted: the report's default or the one named by ``method``.

    Args:
        n_topics: number of topics, or ``None`` to choose it by coherence and stability.
        method: ``"embedding"`` (:class:`~ainews.topics.embedding.EmbeddingTopicModel`,
            clusters of multilingual article vectors), ``"nmf"`` or ``"lda"``
            (:class:`ainews.TopicModel` over concept and word tokens); ``None`` for
            :data:`DEFAULT_METHOD`.
        random_state: seed of every fit.
        **params: further parameters of that class.

    >>> topic_model(5, method="nmf").method
    'nmf'
    """
    method = DEFAULT_METHOD if method is None else method
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    if method == "embedding":
        from .embedding import EmbeddingTopicModel

        return EmbeddingTopicModel(n_topics, random_state=random_state, **params)
    from .model import TopicModel

    return TopicModel(n_topics, method=method, random_state=random_state, **params)
