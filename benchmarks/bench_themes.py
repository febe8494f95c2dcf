"""Theme scoring throughput on the shared Naver corpus (1,311 articles).

Prints articles per second of ``score_themes`` with the token cache warm (token counts come
from the cache), the time of the term scan alone, and scoring time as a ratio of the
cached-token read measured in the same process. Target: at least 100 articles/s on a 2-core
machine, i.e. theme scoring never dominates a chapter's run time.
Run: `.venv/bin/python benchmarks/bench_themes.py [FOLDER]`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import ainews
from ainews.themes import find_hits, load_themes

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "naver-ai-2025-12"


def _best(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.exists():
        print(f"skip: {folder} not found (pass a folder of articles)")
        return
    articles, _ = ainews.ingest(folder, progress=False)
    tokens = ainews.tokenize_articles(articles)  # warm the token cache
    lex = load_themes()
    t_tokens = _best(lambda: ainews.tokenize_articles(articles))
    t_scan = _best(lambda: [find_hits(b, lex, lang=lg) for b, lg in zip(articles.body, articles.lang)])
    t_score = _best(lambda: ainews.score_themes(articles, tokens=tokens))
    n = len(articles)
    print(f"score_themes {folder.name}: {n} articles, best of 3 {t_score:.2f} s "
          f"-> {n / t_score:.0f} articles/s (target >= 100)")
    print(f"  term scan + sentence lookup alone: {t_scan:.2f} s ({n / t_scan:.0f} articles/s)")
    print(f"  reading cached tokens: {t_tokens:.2f} s; scoring / cached-token read = {t_score / t_tokens:.1f}x")


if __name__ == "__main__":
    main()
