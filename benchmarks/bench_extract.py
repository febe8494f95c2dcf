"""Throughput of the three extractors together on the Naver corpus (articles per second).

Prints, in articles per second:

* sentence splitting cold: :func:`ainews.sentences` one text at a time (the baseline) and
  :func:`ainews.lang.sentence_spans` on an empty disk cache (uncached texts split in one batch
  across kiwi's threads; the gain needs idle cores: kiwi hands each worker thread half the
  texts, which only helps when no other process holds the second core);
* the extractors on an empty disk cache (sentence splitting included);
* the extractors in a FRESH process with the disk cache filled by the run before (as in each
  notebook kernel of the report after the first): nothing is held in memory, imports and ingest
  are not timed, lexicon and kiwi loading are. Target: >= 100 articles/s on 2 cores;
* the extractors again in this process (in-memory caches warm, entity cache cleared).

The disk cache lives in a temporary ``AINEWS_PROCESSED`` folder, removed at the end.

Usage: PYTHONPATH=src python benchmarks/bench_extract.py [corpus folder]
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import ainews
from ainews.extract import _common
from ainews.extract.entities import _article_entities

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared")) / "corpora" / "naver-ai-2025-12"
_KV = re.compile(r"^(\w+):[ \t]*(.*)$", re.M)


def _load(folder: Path) -> pd.DataFrame:
    if hasattr(ainews, "load_corpus"):
        return ainews.load_corpus(folder)
    rows = []
    for p in sorted(folder.glob("*.md")):
        _, fm, rest = p.read_text(encoding="utf-8").split("---\n", 2)
        meta = dict(_KV.findall(fm))
        parts = rest.split("\n---\n")
        body = html.unescape(parts[1] if len(parts) > 2 else parts[-1]).strip()
        rows.append({"doc_id": meta.get("id", p.stem), "body": body, "lang": ainews.detect_lang(body),
                     "published": pd.to_datetime(meta.get("published_at"), errors="coerce")})
    return pd.DataFrame(rows)


def _all(articles):
    return (ainews.extract_entities(articles), ainews.extract_amounts(articles),
            ainews.extract_quotes(articles))


def _child(folder: Path) -> None:
    """Run in a fresh process: time the extractors on the already-filled disk cache."""
    articles = _load(folder)
    t = time.perf_counter()
    e, a, q = _all(articles)
    dt = time.perf_counter() - t
    print(json.dumps({"seconds": dt, "counts": [len(e), len(a), len(q)]}))


def _fresh_process(folder: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(folder)], env=os.environ.copy(),
                         capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(f"the fresh-process run failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _clear_memory() -> None:
    _common._split.cache_clear()
    _article_entities.cache_clear()


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        return _child(Path(sys.argv[2]))
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.is_dir():
        sys.exit(f"corpus folder {folder} not found; pass it as the first argument")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["AINEWS_PROCESSED"] = str(Path(tmp) / "processed")
        _run(folder, Path(tmp))


def _run(folder: Path, tmp: Path) -> None:
    articles = _load(folder)
    n = len(articles)
    bodies, langs = articles.body.tolist(), articles.lang.tolist()
    ainews.lang.get_kiwi().split_into_sents("모델을 불러 둔다.")  # model loading is not splitting

    t = time.perf_counter()
    for b, lang in zip(bodies, langs):
        ainews.sentences(b, lang=lang)
    t_single = time.perf_counter() - t
    t = time.perf_counter()
    ainews.lang.sentence_spans(bodies, lang=langs, cache_dir=tmp / "batch-only")
    t_batch = time.perf_counter() - t

    _clear_memory()
    t, c = time.perf_counter(), time.process_time()
    e, a, q = _all(articles)
    cold, cold_cpu = time.perf_counter() - t, time.process_time() - c

    child = _fresh_process(folder)
    warm_disk = child["seconds"]
    if child["counts"] != [len(e), len(a), len(q)]:
        sys.exit(f"the fresh process found {child['counts']} rows, this one {[len(e), len(a), len(q)]}")

    _article_entities.cache_clear()  # keep only the in-memory sentence spans
    t = time.perf_counter()
    _all(articles)
    warm_mem = time.perf_counter() - t

    print(f"articles: {n} ({(articles.lang == 'ko').sum()} Korean)  entities: {len(e)}  "
          f"amounts: {len(a)}  quotes: {len(q)}")
    print(f"sentence splitting cold, one text at a time:  {n / t_single:8.1f} articles/s")
    print(f"sentence splitting cold, batched (cached):    {n / t_batch:8.1f} articles/s  "
          f"({t_single / t_batch:.2f}x one at a time)")
    print(f"extractors, cold disk cache:                  {n / cold:8.1f} articles/s  "
          f"({cold / t_single:.2f}x the one-at-a-time splitting time)")
    print(f"extractors, cold disk cache, CPU time:        {1000 * cold_cpu / n:8.1f} ms/article  "
          f"(all threads of this process; steadier than wall time on a shared machine)")
    print(f"extractors, warm disk cache, fresh process:   {n / warm_disk:8.1f} articles/s  "
          f"(target >= 100; {cold / warm_disk:.1f}x cold)")
    print(f"extractors, warm in-process caches:           {n / warm_mem:8.1f} articles/s  "
          f"({cold / warm_mem:.1f}x cold)")


if __name__ == "__main__":
    main()
