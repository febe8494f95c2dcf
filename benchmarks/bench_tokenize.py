"""Throughput of the language layer against bare kiwipiepy on the same Korean texts.

Reads the Korean article bodies of ``../shared/corpora/naver-ai-2025-12`` (front matter, then
the body between the second and third ``---`` lines; HTML entities unescaped) and prints
characters per second for:

* bare ``Kiwi().tokenize(list_of_texts)`` with default options (the baseline),
* ``ainews.tokenize(texts)`` (language detection, user dictionary, filtering),
* ``ainews.tokenize_articles`` on an empty cache (cold) and again (cache hit),

with each figure's ratio to the baseline. Target: ainews.tokenize / bare kiwi >= 0.85.
Run: ``PYTHONPATH=src python benchmarks/bench_tokenize.py [corpus-folder]``.
"""

from __future__ import annotations

import html
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import ainews

ROOT = Path(__file__).resolve().parents[1]
# $AINEWS_SHARED, else the nearest folder named ``shared`` beside the checkout or above it.
_SHARED = os.environ.get("AINEWS_SHARED") or next(
    (str(p / "shared") for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), "../shared")
DEFAULT = Path(_SHARED) / "corpora" / "naver-ai-2025-12"


def _body(path: Path) -> str:
    parts = path.read_text(encoding="utf-8").split("\n---\n")
    return html.unescape(parts[2]).strip() if len(parts) > 2 else ""


def _time(fn, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(folder: Path = DEFAULT) -> None:
    if not folder.is_dir():
        sys.exit(f"corpus folder {folder} not found; pass it as the first argument")
    from kiwipiepy import Kiwi

    files = sorted(folder.glob("*.md"))
    bodies = [(p.stem, _body(p)) for p in files]
    ko = [(d, b) for d, b in bodies if ainews.detect_lang(b) == "ko"]
    texts = [b for _, b in ko]
    n_chars = sum(map(len, texts))
    print(f"corpus: {folder} ({len(files)} files, {len(texts)} Korean bodies, {n_chars:,} characters)")

    bare = Kiwi()
    ainews.lang.get_kiwi()  # build both models before timing
    list(bare.tokenize(texts[:20]))
    ainews.tokenize(texts[:20])
    print(f"kiwi num_workers={bare.num_workers}, cpus={os.cpu_count()}")

    def run_bare():
        for _ in bare.tokenize(texts):
            pass

    def run_ours():
        for _ in ainews.tokenize(iter(texts)):
            pass

    # Interleaved, best of two, so neither side profits from a warmer machine.
    t_bare = t_ours = float("inf")
    for _ in range(2):
        t_bare = min(t_bare, _time(run_bare, 1))
        t_ours = min(t_ours, _time(run_ours, 1))
    rss_after_stream = _rss_mb()

    articles = pd.DataFrame({"doc_id": [d for d, _ in ko], "body": texts, "lang": "ko"})
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        for _ in ainews.iter_article_tokens(articles, cache_dir=tmp):
            pass
        t_cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_hit = sum(u.cached for u in ainews.iter_article_tokens(articles, cache_dir=tmp))
        t_warm = time.perf_counter() - t0
        size = sum(f.stat().st_size for f in Path(tmp).rglob("*")) / 1e6

    def line(name, secs):
        print(f"{name:<44} {secs:8.2f} s  {n_chars / secs / 1000:9.1f} k chars/s  "
              f"ratio to bare kiwi {t_bare / secs:6.2f}")

    line("bare Kiwi().tokenize(list)", t_bare)
    line("ainews.tokenize(texts)", t_ours)
    line("ainews.iter_article_tokens, cold cache", t_cold)
    line("ainews.iter_article_tokens, cache hit", t_warm)
    print(f"cache hits on re-run: {n_hit}/{len(texts)}; cache size {size:.1f} MB")
    print(f"peak RSS after streaming tokenize: {rss_after_stream:.0f} MB")
    ratio = t_bare / t_ours
    print(f"RATIO ainews.tokenize / bare kiwi throughput = {ratio:.3f} "
          f"({'meets' if ratio >= 0.85 else 'MISSES'} target 0.85)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
