"""Ingestion throughput on the shared Naver corpus (1,311 Markdown articles).

Prints articles per second for reading + cleaning + metadata + dedup (no tokenization), and the
share of time spent in each stage. Target: at least 300 articles/s on a 2-core machine.
Run: `make bench` or `.venv/bin/python benchmarks/bench_ingest.py [FOLDER]`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ainews import ingest

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "naver-ai-2025-12"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.exists():
        print(f"skip: {folder} not found (pass a folder of articles)")
        return
    ingest(folder, progress=False)  # warm the OS file cache and lexicon caches
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        articles, report = ingest(folder, progress=False)
        runs.append(time.perf_counter() - t0)
    best = min(runs)
    print(f"ingest {folder.name}: {len(articles)} articles, best of 3 runs {best:.2f} s "
          f"-> {len(articles) / best:.0f} articles/s (target >= 300)")


if __name__ == "__main__":
    main()
