"""Engines on the same corpus: ingestion (local 1 process, local 2 processes, Dask) and analysis
(tokenizing, then tokenizing + entity, amount and quote extraction; local and Dask).

Prints articles per second of each and the ratio to the local engine measured in the same run;
also checks that the engines return equal tables. Ingestion figures are the best of ``REPEATS``
runs. Analysis runs once per engine without the token cache, after a warm-up on the seed articles
(Kiwi built, lexicons loaded), each on cold per-article memos
(the extractors memoize per article, so a second run in the same process would measure the
memo, not the work); the Dask runs go first on fresh workers, then the local ones. The Dask
figures use a LocalCluster of 2 single-threaded worker processes started once beforehand (its
start-up time is printed apart), as a long-running cluster would be.
Run: `.venv/bin/python benchmarks/bench_engines.py [FOLDER]` (default: the shared Naver corpus).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pandas as pd

from ainews import analyze, ingest
from ainews.distributed import analyze_dask, ingest_dask

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared"))
DEFAULT = SHARED / "corpora" / "naver-ai-2025-12"
REPEATS = 3


def _best(run) -> tuple[float, tuple]:
    times, out = [], None
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - t0)
    return min(times), out


def _once(run) -> tuple[float, tuple]:
    t0 = time.perf_counter()
    out = run()
    return time.perf_counter() - t0, out


def main() -> None:
    from dask.distributed import LocalCluster

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.exists():
        print(f"skip: {folder} not found (pass a folder of articles)")
        return
    ingest(folder, progress=False)  # warm the OS file cache and lexicon caches
    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    start = time.perf_counter() - t0
    try:
        runs = {
            "local, 1 process": lambda: ingest(folder, progress=False),
            "local, 2 processes": lambda: ingest(folder, progress=False, workers=2),
            "dask, 2 workers": lambda: ingest_dask(folder, scheduler=cluster.scheduler_address),
        }
        results = {name: _best(run) for name, run in runs.items()}
        articles = results["local, 1 process"][1][0]
        articles = articles[articles["dup_of"] == ""].reset_index(drop=True)
        addr = cluster.scheduler_address
        # Warm-up on other articles (the seeds): each process builds Kiwi and loads its lexicons
        # once, as a long-running cluster or session would have done already.
        seeds = ingest(ROOT / "data" / "raw", progress=False)[0]
        analyze_dask(seeds, scheduler=addr, cache=False)
        analyze(seeds, cache=False)
        steps = {  # dask first: its workers' memos are cold; then the local process's
            ("tokenize", "dask, 2 workers"): lambda: analyze_dask(articles, scheduler=addr, cache=False, extract=False),
            ("tokenize + extract", "dask, 2 workers"): lambda: analyze_dask(articles, scheduler=addr, cache=False),
            ("tokenize", "local, 1 process"): lambda: analyze(articles, cache=False, extract=False),
            ("tokenize + extract", "local, 1 process"): lambda: analyze(articles, cache=False),
        }
        analysis = {key: _once(run) for key, run in steps.items()}
    finally:
        cluster.close()
    base_t, (base_a, base_r) = results["local, 1 process"]
    n = len(base_a)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{folder.name}: {n} articles, best of {REPEATS} runs (LocalCluster start-up {start:.1f} s, not counted; "
          f"{os.cpu_count()} CPUs, load average {load}: other work on the machine slows the parallel engines most)")
    for name, (t, (a, r)) in results.items():
        pd.testing.assert_frame_equal(a, base_a)
        pd.testing.assert_frame_equal(r, base_r)
        print(f"  {name:<20} {t:6.2f} s  {n / t:7.0f} articles/s  x{base_t / t:.2f} vs 1 process")
    print("  all engines returned equal tables")
    n = len(articles)
    print(f"analysis of the {n} non-duplicate articles, one cold run each, no token cache "
          "(kiwi itself spreads a batch over all cores in each process):")
    for what in ("tokenize", "tokenize + extract"):
        base_t, base = analysis[(what, "local, 1 process")]
        for engine in ("local, 1 process", "dask, 2 workers"):
            t, out = analysis[(what, engine)]
            for a, b in zip(out, base):
                if a is not None:
                    pd.testing.assert_frame_equal(a, b)
            print(f"  {what:<19} {engine:<17} {t:6.2f} s  {n / t:7.1f} articles/s  x{base_t / t:.2f} vs local")
    print("  both engines returned equal tokens, entities, amounts and quotes")


if __name__ == "__main__":
    main()
