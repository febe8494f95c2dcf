"""Compute the analyses the chapters share before the notebooks run, on several processes.

Every chapter is a notebook run in its own kernel, one after the other, and the chapters call the
same analyses through :func:`ainews.report.cached`. Run one after the other, the first chapter
computes them all while the second core of the machine waits. :func:`prepare` computes them first,
in two phases on the same processes: the inputs the analyses share (kiwi's tokens and sentence
spans, sentence vectors; ``ainews.report.warm``), cut into jobs so each is computed once and
written to its disk cache; then the analyses in groups (topic models and quotes in one, the
other extractors and themes in another), which read those caches. Each result is stored where
:func:`~ainews.report.cached` looks for it, so every chapter then only loads. ``make book`` runs
it as ``ainews prepare``; with nothing changed it returns at once.
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

__all__ = ["PREPARED", "prepare", "last_cpu"]

#: CPU seconds (user + system, this process and the processes it waited for) of each step of the
#: last :func:`prepare`, by the names it returns.
last_cpu: dict[str, float] = {}

#: The shared analyses, in groups that run on separate processes: functions of the articles
#: table named by their public ``ainews`` name or dotted path, optionally with keyword arguments,
#: called exactly as the chapters call them through ``report.cached`` (the arguments are part of
#: the cache key). A group runs in order, so later functions reuse what earlier ones left.
#: With the shared inputs warm, CPU seconds on the Naver corpus (1,293 articles): topic models 53,
#: quotes 2 | entities 24, amounts 2, investments 4, themes 32 (which extract amounts and
#: investments again for the articles naming other countries, reusing this process's models).
PREPARED: tuple[tuple, ...] = (
    (("ainews.topics.compare.compare_topic_models", {"methods": ("embedding", "nmf")}), "extract_quotes"),
    ("extract_entities", "extract_amounts", "extract_investments", "score_themes"),
)


def _job(item) -> tuple[str, dict]:
    return (item, {}) if isinstance(item, str) else (item[0], dict(item[1]))


def _function(name: str):
    import importlib

    import ainews

    if "." in name:
        module, _, attr = name.rpartition(".")
        fn = getattr(importlib.import_module(module), attr, None)
    else:
        fn = getattr(ainews, name, None)
    if not callable(fn):
        raise ValueError(f"ainews.report.prepare: no function {name!r}; fix PREPARED")
    return fn


def _cpu() -> float:
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _run_group(source, names: tuple[str, ...]) -> list[tuple[str, float, float]]:
    from ..corpus import get_articles
    from .cache import cached

    articles = get_articles(source)
    out = []
    for item in names:
        name, kwargs = _job(item)
        t0, c0 = time.perf_counter(), _cpu()
        cached(_function(name), articles, **kwargs)
        out.append((name.rpartition(".")[2], time.perf_counter() - t0, _cpu() - c0))
    return out


def prepare(source=None, *, processes: int = 2, groups=PREPARED, warm: bool = True) -> dict[str, float]:
    """Compute the chapters' shared analyses of ``source`` that are not cached yet.

    First the inputs the analyses share (kiwi's tokens and sentence spans, sentence vectors:
    ``ainews.report.warm``) are computed once, spread over the processes, and written to
    their on-disk caches; then the groups run on the same processes, reading those caches, so
    no two processes compute the same thing.

    Args:
        source: a data folder or file (default: the configured data folder, ``$AINEWS_DATA``).
        processes: worker processes (1: everything in this process).
        groups: groups of ``ainews`` function names; each group runs in one process.
        warm: compute the shared inputs first (``False``: each group computes what it needs).

    Returns:
        Seconds spent per function computed (empty when everything was cached already), and
        ``warm-up`` for the shared inputs.
    """
    from ..corpus import get_articles
    from .cache import cache_path

    articles = get_articles(source)
    todo = [tuple(item for item in group
                  if not cache_path(_function(_job(item)[0]), articles, **_job(item)[1]).is_file())
            for group in groups]
    todo = [g for g in todo if g]
    if not todo:
        return {}
    last_cpu.clear()
    if processes <= 1 or (len(todo) == 1 and not warm):
        done = [r for g in todo for r in _run_group(source, g)]
        last_cpu.update((n, c) for n, _, c in done)
        return {n: s for n, s, _ in done}
    from .warm import run_warm_job, warm_jobs

    # spawn, not fork: a forked child inherits the parent's BLAS threads and locks
    with ProcessPoolExecutor(max_workers=processes, mp_context=get_context("spawn")) as pool:
        out = {}
        if warm:
            t0 = time.perf_counter()
            jobs = [pool.submit(run_warm_job, source, job) for job in warm_jobs(articles)]
            # every shared input is on disk before any analysis starts
            for kind, c in (f.result() for f in jobs):
                last_cpu[f"warm-up {kind}"] = last_cpu.get(f"warm-up {kind}", 0.0) + c
            last_cpu["warm-up"] = sum(last_cpu.values())
            out["warm-up"] = time.perf_counter() - t0
        futures = [pool.submit(_run_group, source, g) for g in todo]
        for f in futures:
            for n, s, c in f.result():
                out[n], last_cpu[n] = s, c
        return out
