"""Multilingual sentence vectors: cross-language retrieval, and embedding + theme scoring speed.

1. ``parallel-ko-en`` (1,000 Korean-English news sentence pairs): share of Korean sentences whose
   nearest English sentence (cosine of :func:`ainews.embed` vectors) among the 1,000 is their
   translation, both directions. Target: >= 0.85 (concept tokens, the previous shared space: 0.085).
2. ``naver-ai-2025-12``: articles per second of :func:`ainews.score_themes` (lexicon + sentence
   vectors + learned model) with empty caches (cold, in a temporary folder), then the same
   call again (warm: every sentence vector read from the cache). Target: >= 20 articles/s cold
   on 2 cores; also printed as CPU time per article (``time.process_time``), which other jobs
   on the machine do not inflate. ``--limit N`` bounds the articles (default 150; 0 = all 1,311).

Run: `.venv/bin/python benchmarks/bench_embed.py [--limit N]`.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared"))


def retrieval() -> None:
    import ainews
    from ainews.embeddings import core

    folder = SHARED / "corpora" / "parallel-ko-en"
    ko_f, en_f = folder / "korean-english-park.dev.ko", folder / "korean-english-park.dev.en"
    if not ko_f.exists():
        print(f"skip retrieval: {folder} not found")
        return
    ko = ko_f.read_text(encoding="utf-8").splitlines()
    en = en_f.read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        K = ainews.embed(ko, lang="ko", cache_dir=tmp)
        E = ainews.embed(en, lang="en", cache_dir=tmp)
        dt = time.perf_counter() - t0
    sim = K @ E.T
    gold = np.arange(len(ko))
    ko_en = float((sim.argmax(axis=1) == gold).mean())
    en_ko = float((sim.argmax(axis=0) == gold).mean())
    print(f"parallel-ko-en: top-1 retrieval ko->en {ko_en:.3f}, en->ko {en_ko:.3f} "
          f"(target >= 0.85; concept tokens 0.085); {2 * len(ko) / dt:.0f} sentences/s cold")
    del core


def throughput(limit: int) -> None:
    folder = SHARED / "corpora" / "naver-ai-2025-12"
    if not folder.exists():
        print(f"skip throughput: {folder} not found")
        return
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["AINEWS_PROCESSED"] = tmp  # every cache starts empty
        import ainews
        from ainews.embeddings import core

        articles, _ = ainews.ingest(folder, progress=False)
        if limit:
            articles = articles.sample(n=min(limit, len(articles)), random_state=0)
        n = len(articles)
        c0, t0 = time.process_time(), time.perf_counter()
        res = ainews.score_themes(articles)
        cold, cpu = time.perf_counter() - t0, time.process_time() - c0
        before = dict(core.totals)
        t0 = time.perf_counter()
        ainews.score_themes(articles)
        warm = time.perf_counter() - t0
        stats = {k: core.totals[k] - before[k] for k in before}
    print(f"naver-ai-2025-12 ({n} articles, decided by {res.model}): embedding + theme scoring "
          f"cold {n / cold:.1f} articles/s (target >= 20), warm {n / warm:.1f} articles/s")
    print(f"cold CPU time {cpu / n * 1000:.0f} ms/article (all threads; wall-clock is noisy on a shared "
          f"machine) -> {2 * n / cpu:.1f} articles/s for 2 busy cores")
    hit = stats["encoded"] == 0 and stats["cached"] == stats["sentences"]
    print(f"re-run: {stats['cached']} of {stats['sentences']} sentence vectors from the cache, "
          f"{stats['encoded']} encoded -> {'cache hit' if hit else 'NOT a cache hit'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=150, help="articles for the speed test (0 = all)")
    args = ap.parse_args()
    retrieval()
    throughput(args.limit)


if __name__ == "__main__":
    main()
