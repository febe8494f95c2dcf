"""Quote-speaker accuracy against labelled articles (the contract's matching).

Per article, the set of distinct ``speaker`` values of :func:`ainews.extract_quotes` is compared
with the gold ``speakers`` after removing whitespace and lower-casing; precision and recall are
pooled over all articles (micro).

Usage: PYTHONPATH=src python benchmarks/bench_quotes.py [gold.json ...] [--corpus FOLDER] [-v]
(default: ../shared/gold/naver-dev-gold.json on ../shared/corpora/naver-ai-2025-12).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import ainews

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared"))


def _norm(s: str) -> str:
    return "".join(str(s).split()).lower()


def score(gold: dict, quotes, articles, verbose: bool = False) -> tuple[float, float, int]:
    by_source = dict(zip(articles.source, articles.doc_id))
    tp = n_pred = n_gold = 0
    for fname, lab in gold.items():
        doc = by_source.get(fname)
        if doc is None:
            continue
        g = {_norm(s) for s in lab.get("speakers") or []}
        p = {_norm(s) for s in quotes.loc[quotes.doc_id == doc, "speaker"].dropna()}
        tp += len(g & p)
        n_pred += len(p)
        n_gold += len(g)
        if verbose and g != p:
            print(f"{fname[:60]}\n   missed {sorted(g - p)}  wrong {sorted(p - g)}")
    return tp / max(n_pred, 1), tp / max(n_gold, 1), len(gold)


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv
    corpus = SHARED / "corpora" / "naver-ai-2025-12"
    if "--corpus" in args:
        i = args.index("--corpus")
        corpus = Path(args[i + 1])
        del args[i:i + 2]
    golds = [Path(a) for a in args] or [SHARED / "gold" / "naver-dev-gold.json"]
    articles = ainews.ingest(corpus, progress=False)[0]
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        sub = articles[articles.source.isin(gold)]
        quotes = ainews.extract_quotes(sub)
        p, r, n = score(gold, quotes, sub, verbose)
        print(f"{path.name}: {n} articles  speaker precision {p:.3f}  recall {r:.3f}")


if __name__ == "__main__":
    main()
