"""Peak memory of ingesting (and, when available, tokenizing) 25,000 articles. Target: < 4 GB.

The corpus is the shared Naver corpus (1,311 Markdown articles) replicated into a temporary
folder: copy k > 0 gets a new front-matter id and text shifted letter by letter (each Hangul
syllable and Latin letter moved k places along its alphabet), so the copies are new texts to
the duplicate detector, the same size and script as the originals.
Run: `.venv/bin/python benchmarks/bench_memory.py [N_ARTICLES]` (default 25,000).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared"))
NAVER = SHARED / "corpora" / "naver-ai-2025-12"
TARGET_GB = 4.0
_HANGUL = (0xAC00, 11172)
_ENTITY_OR_TEXT = re.compile(r"(&#?[0-9A-Za-z]+;)|([^&]+|&)")


@lru_cache(maxsize=None)
def _shift_table(k: int) -> dict[int, int]:
    table = {}
    for start, size in (_HANGUL, (ord("a"), 26), (ord("A"), 26)):
        for i in range(size):
            table[start + i] = start + (i + k * 7) % size
    return table


def _shift(text: str, k: int) -> str:
    table = _shift_table(k)
    return _ENTITY_OR_TEXT.sub(lambda m: m.group(1) or m.group(2).translate(table), text)


def _variant(text: str, k: int) -> str:
    if k == 0:
        return text
    head, sep, body = text.partition("\n---\n")  # front matter: keys stay readable
    lines = []
    for line in head.split("\n"):
        key, colon, value = line.partition(":")
        if key == "id":
            line = f"{line}-{k}"
        elif key in ("title", "author") and colon:
            line = f"{key}:{_shift(value, k)}"
        lines.append(line)
    return "\n".join(lines) + sep + _shift(body, k)


def build(folder: Path, n: int) -> int:
    files = sorted(NAVER.glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    for i in range(n):
        k, j = divmod(i, len(files))
        sub = folder / f"copy{k:02d}"
        sub.mkdir(exist_ok=True)
        (sub / files[j].name).write_text(_variant(texts[j], k), encoding="utf-8")
    return n


def _peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # KiB on Linux


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 25_000
    if not NAVER.exists():
        print(f"skip: {NAVER} not found (set AINEWS_SHARED to the folder holding corpora/)")
        return
    tmp = Path(tempfile.mkdtemp(prefix="ainews-mem-"))
    try:
        build(tmp, n)
        from ainews import ingest
        from ainews.corpus import write_processed

        base = _peak_gb()
        t0 = time.perf_counter()
        articles, report = ingest(tmp, progress=False)
        took = time.perf_counter() - t0
        write_processed(articles, report, tmp / "_out")
        print(f"ingest {n} articles: {len(articles)} rows ({(articles['dup_of'] != '').sum()} duplicates) "
              f"in {took:.0f} s ({len(articles) / took:.0f} articles/s)")
        print(f"  peak resident memory after ingest + write: {_peak_gb():.2f} GB "
              f"(before ingest: {base:.2f} GB; target < {TARGET_GB:.0f} GB)")
        try:
            from ainews import tokenize_articles
        except ImportError:
            print("  tokenize: not in this build (ainews.tokenize_articles missing); ingest only")
            return
        t0 = time.perf_counter()
        tokens = tokenize_articles(articles, cache_dir=tmp / "_tokens")
        print(f"  tokenized {len(tokens)} articles", end="")
        print(f" in {time.perf_counter() - t0:.0f} s; peak resident memory {_peak_gb():.2f} GB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
