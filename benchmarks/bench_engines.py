"""Ingestion engines on the same corpus: local (1 process), local (2 processes), Dask.

Prints articles per second of each, best of ``REPEATS`` runs, and the ratio to the 1-process
local engine measured in the same run; also checks that all engines return equal tables. The
Dask figure uses a LocalCluster of 2 single-threaded worker processes started once beforehand
(its start-up time is printed apart), as a long-running cluster would be.
Run: `.venv/bin/python benchmarks/bench_engines.py [FOLDER]` (default: the shared Naver corpus).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pandas as pd

from ainews import ingest
from ainews.distributed import ingest_dask

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


if __name__ == "__main__":
    main()
