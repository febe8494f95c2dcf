"""``topic_model``: the topic model the report uses, and the others by name.

The default was chosen by measurement (``benchmarks/bench_topics.py``, the chapter on topics):
on the shared Naver corpus and on the livedoor categories the two models were scored with
:func:`ainews.topics.compare.compare_topic_models`; the reasons are in :data:`DEFAULT_REASON`.
"""

from __future__ import annotations

import json
import math

import pandas as pd

from ..config import ROOT

__all__ = ["CARD", "DEFAULT_METHOD", "DEFAULT_REASON", "METHODS", "benchmark_card", "benchmark_tables",
           "topic_model", "write_card"]

CARD = ROOT / "data" / "models" / "topics.card.json"

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


def write_card(card: dict, path=None) -> None:
    """Write the comparison measured by ``benchmarks/bench_topics.py --card`` (NaN as null)."""

    def clean(x):
        if isinstance(x, dict):
            return {str(k): clean(v) for k, v in x.items()}
        if isinstance(x, (list, tuple)):
            return [clean(v) for v in x]
        if hasattr(x, "item"):  # numpy scalars
            x = x.item()
        return None if isinstance(x, float) and math.isnan(x) else x

    card = dict(card, default_method=DEFAULT_METHOD)
    (path or CARD).write_text(json.dumps(clean(card), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def benchmark_card(path=None) -> dict | None:
    """The last measured comparison of the topic models (``data/models/topics.card.json``), or ``None``."""
    path = path or CARD
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def benchmark_tables(card: dict | None = None) -> dict[str, pd.DataFrame]:
    """The card's comparisons as tables: ``naver`` (each model's own k), ``naver_same_k``,
    ``parallel`` (translation pairs in one topic) and ``livedoor`` (k = 9, V-measure against
    the categories); empty dict without a card."""
    card = benchmark_card() if card is None else card
    if not card:
        return {}
    out = {}
    if "naver" in card:
        out["naver"] = pd.DataFrame(card["naver"]["own_k"])
        out["naver_same_k"] = pd.DataFrame(card["naver"]["same_k"])
    if "parallel" in card:
        out["parallel"] = pd.DataFrame(card["parallel"]["rows"])
    if "livedoor" in card:
        out["livedoor"] = pd.DataFrame(card["livedoor"]["rows"])
    return out
