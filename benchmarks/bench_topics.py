"""Automatic-k topic fit on the shared Naver corpus: seconds per fit, total, peak memory.

Target: the whole k scan (every k x 3 restarts) under 120 s on a 2-core machine, peak memory
under 2 GB (sparse matrices throughout). Tokenization is timed apart: it is cached on disk by
the language layer and not part of the fit.

The corpus bodies are mostly one block of text, so its "paragraphs" are few (about 2,200 for
1,295 articles). To measure the scan at the size of a 15,000-paragraph corpus too, the second
run cuts each unit's tokens into consecutive pieces of about 22 tokens (pseudo-paragraphs)
and scans those with the same code.

Run: `make bench` or `.venv/bin/python benchmarks/bench_topics.py [FOLDER]`.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

from ainews import TopicModel, load_corpus, tokenize_articles
from ainews.topics import selection, units

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared"))
CANDIDATES = [SHARED / "corpora" / "naver-ai-2025-12", Path("/work/shared/corpora/naver-ai-2025-12")]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _clock():
    return time.perf_counter(), time.process_time()


def _report(name, table, wall, cpu, n_restarts, single):
    print(f"\n== {name}")
    for r in table.itertuples():
        mark = "  <- chosen" if r.chosen else ""
        print(f"  k={r.k:>2}: {r.seconds / n_restarts:6.2f} s per fit  coherence {r.coherence:.3f}  "
              f"stability {r.stability:.2f}{mark}")
    print(f"  whole scan: {wall:.1f} s wall, {cpu:.1f} s CPU ({len(table)} k x {n_restarts} fits; "
          f"target < 120 s)")
    print(f"  scan / one fit at the chosen k: {wall / single:.1f}x")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else next((p for p in CANDIDATES if p.exists()), None)
    if folder is None or not folder.exists():
        print("skip: shared Naver corpus not found (pass a folder of articles)")
        return
    articles = load_corpus(folder)
    print(f"corpus: {len(articles)} articles ({(articles['dup_of'] != '').sum()} duplicates left out)")
    t0 = time.perf_counter()
    toks = tokenize_articles(articles[articles["dup_of"] == ""], unit="paragraph")
    print(f"tokens of {len(toks)} paragraphs: {time.perf_counter() - t0:.1f} s (from the on-disk cache "
          "when warm)")
    rss0 = _peak_mb()

    w0, c0 = _clock()
    model = TopicModel(random_state=0).fit(articles)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    w1 = time.perf_counter()
    TopicModel(model.n_topics_, random_state=0, n_restarts=1).fit(articles)
    single = time.perf_counter() - w1
    print(f"\nvocabulary: {len(model.terms_)} terms; {model.selection_reason_}")
    _report(f"automatic k, {len(model.units_)} paragraphs", model.selection_, wall, cpu,
            model.n_restarts, single)

    # the same scan on ~15,000 pseudo-paragraphs
    pieces = [t[i:i + 22] for t in toks["tokens"] for i in range(0, max(len(t), 1), 22)]
    pieces = [p for p in pieces if p]
    w0, c0 = _clock()
    min_df, max_df = units.auto_df(len(pieces))
    vec = units.make_vectorizer("nmf", min_df, max_df, None)
    X = units.fit_matrix(vec, pieces, unit="paragraph", min_df=min_df, max_df=max_df)
    win = selection.window_matrix(pieces, vec.vocabulary_)
    ks = selection.candidate_ks(X.shape[0], X.shape[1])
    table, _ = selection.scan_k(X, win, ks, method="nmf", random_state=0)
    k, table, _ = selection.choose_k(table)
    wall2, cpu2 = time.perf_counter() - w0, time.process_time() - c0
    w1 = time.perf_counter()
    selection.make_model("nmf", k, 0).fit(X)
    single2 = time.perf_counter() - w1
    print(f"\nsparse matrix: {X.shape[0]} x {X.shape[1]}, {X.nnz} non-zeros "
          f"({X.data.nbytes / 2**20:.1f} MB of values)")
    _report(f"automatic k, {len(pieces)} pseudo-paragraphs", table, wall2, cpu2, 3, single2)
    print(f"\npeak memory (max RSS of the process): {_peak_mb():.0f} MB "
          f"(after loading and tokens: {rss0:.0f} MB; target < 2048 MB)")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(CPU seconds are the figure to compare when the machine is shared)")


if __name__ == "__main__":
    main()
