"""``topic_model``: the topic model the report uses, and the others by name.

The default was chosen by measurement (``benchmarks/bench_topics.py``, the chapter on topics):
on the shared Naver corpus and on the livedoor categories the two models were scored with
:func:`ainews.topics.compare.compare_topic_models`; :func:`findings` gives the figures as text.
"""

from __future__ import annotations

import json
import math

import pandas as pd

from ..config import ROOT

__all__ = ["CARD", "DEFAULT_METHOD", "METHODS", "benchmark_card", "benchmark_tables", "findings",
           "topic_model", "write_card"]

CARD = ROOT / "data" / "models" / "topics.card.json"

METHODS = ("embedding", "nmf", "lda")
DEFAULT_METHOD = "embedding"


def topic_model(n_topics=None, *, method: str | None = None, random_state: int = 0, **params):
    """A topic model, not yet fitted: the report's default or the one named by ``method``.

    Args:
        n_topics: number of topics, or ``None`` to choose it by coherence and stability.
        method: ``"embedding"`` (:class:`~ainews.topics.embedding.EmbeddingTopicModel`,
            clusters of multilingual article vectors), ``"nmf"`` or ``"lda"``
            (:class:`ainews.TopicModel` over concept and word tokens); ``None`` for
            ``ainews.topics.choice.DEFAULT_METHOD``.
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
    """Write the comparison measured by ``benchmarks/bench_topics.py --card`` (NaN as null).

    Sections of an existing card that ``card`` does not measure (e.g. livedoor when the run
    skipped it) are kept.
    """

    def clean(x):
        if isinstance(x, dict):
            return {str(k): clean(v) for k, v in x.items()}
        if isinstance(x, (list, tuple)):
            return [clean(v) for v in x]
        if hasattr(x, "item"):  # numpy scalars
            x = x.item()
        return None if isinstance(x, float) and math.isnan(x) else x

    card = {**(benchmark_card(path) or {}), **card, "default_method": DEFAULT_METHOD}
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


def _fmt(value, kind: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "not measured"
    if kind == "pct":
        return f"{100 * float(value):.0f}%"
    if kind == "int":
        return f"{int(value):,}"
    return f"{float(value):.{kind}f}"


def findings(comparison: pd.DataFrame | None = None, card: dict | None = None) -> dict[str, str]:
    """Figures of the model choice as text, ready to glue into the topics chapter.

    Args:
        comparison: :func:`~ainews.topics.compare.compare_topic_models` on the report's articles
            (keys ``<measure>_<method>``: ``k``, ``coherence``, ``coherence_doc``,
            ``multilingual``, ``cpu``).
        card: the benchmark card (read when ``None``): keys ``card_date``, ``naver_*``,
            ``parallel_*``, ``livedoor_*`` (``"not measured"`` where the card has no figure).
    """
    out: dict[str, str] = {}
    if comparison is not None:
        for r in comparison.to_dict("records"):
            m = r["method"]
            out.update({f"k_{m}": _fmt(r["k"], "int"), f"coherence_{m}": _fmt(r["coherence"], "3"),
                        f"coherence_doc_{m}": _fmt(r["coherence_doc"], "3"),
                        f"multilingual_{m}": _fmt(r["multilingual_topics"], "pct"),
                        f"cpu_{m}": _fmt(r["cpu_seconds"], "1")})
    card = benchmark_card() if card is None else card
    card = card or {}
    tables = benchmark_tables(card) if card else {}
    out["card_date"] = card.get("date", "not measured")
    out["default_method"] = card.get("default_method", DEFAULT_METHOD)

    def rows(name):
        # rows of the embedding model on meanings alone ("lexical_weight=0.0") go under "meanings"
        t = tables.get(name)
        out = {}
        for r in ([] if t is None else t.to_dict("records")):
            alone = "lexical_weight=0" in f"{r.get('setting', '')} {r['method']}"
            out["meanings" if alone else r["method"]] = r
        return out

    naver, same, par, live = rows("naver"), rows("naver_same_k"), rows("parallel"), rows("livedoor")
    out["naver_n"] = _fmt(card.get("naver", {}).get("n_articles"), "int")
    out["parallel_n"] = _fmt(card.get("parallel", {}).get("n_pairs"), "int")
    out["livedoor_n"] = _fmt(card.get("livedoor", {}).get("n_articles"), "int")
    for m in ("embedding", "nmf"):
        out[f"naver_k_{m}"] = _fmt(naver.get(m, {}).get("k"), "int")
        out[f"naver_coherence_{m}"] = _fmt(naver.get(m, {}).get("coherence"), "3")
        out[f"naver_coherence_doc_{m}"] = _fmt(naver.get(m, {}).get("coherence_doc"), "3")
        out[f"naver_same_k_coherence_{m}"] = _fmt(same.get(m, {}).get("coherence"), "3")
        out[f"naver_same_k_multilingual_{m}"] = _fmt(same.get(m, {}).get("multilingual_topics"), "pct")
        out[f"parallel_{m}"] = _fmt(par.get(m, {}).get("pair_agreement"), "pct")
        out[f"parallel_multilingual_{m}"] = _fmt(par.get(m, {}).get("multilingual_topics"), "pct")
        out[f"livedoor_v_{m}"] = _fmt(live.get(m, {}).get("v_measure"), "3")
        out[f"livedoor_cpu_{m}"] = _fmt(live.get(m, {}).get("cpu_seconds"), "0")
        out[f"livedoor_setting_{m}"] = str(live.get(m, {}).get("setting", "not measured"))
    out["naver_same_k"] = _fmt(same.get("nmf", {}).get("k"), "int")
    out["parallel_meanings"] = _fmt(par.get("meanings", {}).get("pair_agreement"), "pct")
    out["livedoor_v_meanings"] = _fmt(live.get("meanings", {}).get("v_measure"), "3")
    out["livedoor_setting_meanings"] = str(live.get("meanings", {}).get("setting", "not measured"))
    live = {m: r for m, r in live.items() if m != "meanings"}
    names = {"embedding": "the embedding model", "nmf": "the term model"}

    def better(table, key):
        vals = {m: r.get(key) for m, r in table.items() if isinstance(r.get(key), (int, float))}
        return names.get(max(vals, key=vals.get), "") if len(vals) == 2 else "not measured"

    out["livedoor_better"] = better(live, "v_measure")
    out["coherence_better"] = better(naver, "coherence")
    target = card.get("livedoor", {}).get("target_v_measure")
    met = [m for m, r in live.items() if target is not None and (r.get("v_measure") or 0) >= target]
    out["livedoor_target"] = _fmt(target, "2")
    out["livedoor_target_met"] = ("not measured" if not live else
                                  " and ".join(names[m] for m in met) + " reaches it" if met else
                                  "neither model reaches it")
    return out
