"""Throughput of the three extractors together on the Naver corpus (articles per second).

Prints the cold run (sentence splitting by kiwi included) and the warm run (sentence split cache
filled, as after any earlier pass over the same articles), against the bare sentence-splitting time
measured in the same process. Target: warm >= 100 articles/s on 2 cores.

Usage: PYTHONPATH=src python benchmarks/bench_extract.py [corpus folder]
"""

from __future__ import annotations

import html
import os
import re
import sys
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


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.is_dir():
        sys.exit(f"corpus folder {folder} not found; pass it as the first argument")
    articles = _load(folder)
    n = len(articles)
    t = time.perf_counter()
    for b, lang in zip(articles.body, articles.lang):
        ainews.sentences(b, lang=lang)
    t_split = time.perf_counter() - t
    _common._split.cache_clear()
    _article_entities.cache_clear()
    t = time.perf_counter()
    e, a, q = _all(articles)
    cold = time.perf_counter() - t
    _article_entities.cache_clear()  # keep only the sentence-split cache warm
    t = time.perf_counter()
    _all(articles)
    warm = time.perf_counter() - t
    print(f"articles: {n}  entities: {len(e)}  amounts: {len(a)}  quotes: {len(q)}")
    print(f"sentence splitting alone: {n / t_split:8.1f} articles/s")
    print(f"extractors, cold:         {n / cold:8.1f} articles/s  ({cold / t_split:.2f}x splitting time)")
    print(f"extractors, split cache warm: {n / warm:8.1f} articles/s  (target >= 100)")


if __name__ == "__main__":
    main()
