"""Compute the analyses the chapters share before the notebooks run, on several processes.

Every chapter is a notebook run in its own kernel, one after the other, and the chapters call the
same analyses through :func:`ainews.report.cached`. Run one after the other, the first chapter
computes them all while the second core of the machine waits. :func:`prepare` computes them first,
in groups on separate processes (sentence vectors and themes in one, the extractors in another),
and stores each result where :func:`~ainews.report.cached` looks for it, so every chapter then
only loads. ``make book`` runs it as ``ainews prepare``; with nothing changed it returns at once.
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

__all__ = ["PREPARED", "prepare"]

#: The shared analyses, in groups that run on separate processes: functions of the articles
#: table named by their public ``ainews`` name or dotted path, optionally with keyword arguments,
#: called exactly as the chapters call them through ``report.cached`` (the arguments are part of
#: the cache key). A group runs in order, so later functions reuse what earlier ones left.
PREPARED: tuple[tuple, ...] = (
    ("score_themes",),
    ("extract_entities", "extract_amounts", "extract_quotes", "extract_investments",
     ("ainews.topics.compare.compare_topic_models", {"methods": ("embedding", "nmf")})),
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


def _run_group(source, names: tuple[str, ...]) -> list[tuple[str, float]]:
    from ..corpus import get_articles
    from .cache import cached

    articles = get_articles(source)
    out = []
    for item in names:
        name, kwargs = _job(item)
        t0 = time.perf_counter()
        cached(_function(name), articles, **kwargs)
        out.append((name.rpartition(".")[2], time.perf_counter() - t0))
    return out


def prepare(source=None, *, processes: int = 2, groups=PREPARED) -> dict[str, float]:
    """Compute the chapters' shared analyses of ``source`` that are not cached yet.

    Args:
        source: a data folder or file (default: the configured data folder, ``$AINEWS_DATA``).
        processes: worker processes (1: everything in this process).
        groups: groups of ``ainews`` function names; each group runs in one process.

    Returns:
        Seconds spent per function computed (empty when everything was cached already).
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
    if processes <= 1 or len(todo) == 1:
        return {n: s for g in todo for n, s in _run_group(source, g)}
    # spawn, not fork: a forked child inherits the parent's BLAS threads and locks
    with ProcessPoolExecutor(max_workers=min(processes, len(todo)), mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(_run_group, source, g) for g in todo]
        return {n: s for f in futures for n, s in f.result()}
