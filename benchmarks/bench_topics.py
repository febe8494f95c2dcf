"""Automatic-k topic fit on the shared Naver corpus: seconds per fit, total, peak memory.

Target: the whole k scan (every k x 3 restarts) under 120 s on a 2-core machine, peak memory
under 2 GB (sparse matrices throughout). Tokenization is timed apart: it is cached on disk by
the language layer and not part of the fit.

The corpus bodies are mostly one block of text, so its "paragraphs" are few (about 2,200 for
1,295 articles). To measure the scan at the size of a 15,000-paragraph corpus too, the second
run cuts each unit's tokens into consecutive pieces of about 22 tokens (pseudo-paragraphs)
and scans those with the same code.

Then the two topic models are compared on one footing (``ainews.topics.compare``):

* the shared Naver corpus (Korean + English), each model choosing its own k and both at the
  same k: NPMI coherence of the top terms over the same article tokens (20-token windows and
  whole articles), language mixing (share of topics holding >= 2 languages, mean normalised
  entropy of their language shares, share of the rarer language's articles that share a topic
  with the other language), CPU seconds of the fit;
* the Korean-English parallel sentences (``../shared/corpora/parallel-ko-en``, read in place):
  every 5 consecutive lines (sentences of one news story) make a Korean and an English
  pseudo-article that say the same thing; both models with k = 10, and the share of pairs whose
  two articles get one topic (a representation where the languages meet puts them together);
* the livedoor corpus (``../shared/corpora/livedoor-ja``, 9 categories, read in place): V-measure
  of each article's topic against its category with k = 9. Target >= 0.55.

CPU seconds of the embedding model include encoding only for sentences not yet in the vector
cache; the count encoded is printed beside them.

With ``--card`` the figures are written to ``data/models/topics.card.json``, which the topics
chapter reads.

Run: `make bench` or `.venv/bin/python benchmarks/bench_topics.py [FOLDER] [--compare-only] [--skip-livedoor] [--card]`.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

from ainews import TopicModel, load_corpus, tokenize_articles
from ainews.topics import choice, compare, selection, units

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared"))
CANDIDATES = [SHARED / "corpora" / "naver-ai-2025-12", Path("/work/shared/corpora/naver-ai-2025-12")]
PARALLEL = [SHARED / "corpora" / "parallel-ko-en", Path("/work/shared/corpora/parallel-ko-en")]
LIVEDOOR = [SHARED / "corpora" / "livedoor-ja", Path("/work/shared/corpora/livedoor-ja")]
# Embedding all 135,000 livedoor sentences takes many minutes of CPU; titles and leads carry the
# category. The embedding model's default is the title and the first 2 units (LEAD_SENTENCES).
LIVEDOOR_SENTENCES = (2,)
# The embedding model adds the words of the corpus's main language to its clustering space by
# default (lexical_weight="auto"); meanings alone (0) are measured beside it on livedoor and on the
# translation pairs.
LEXICAL_WEIGHTS = (0.0,)


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
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = Path(args[0]) if args else next((p for p in CANDIDATES if p.exists()), None)
    if folder is None or not folder.exists():
        print("skip: shared Naver corpus not found (pass a folder of articles)")
        return
    articles = load_corpus(folder)
    if "--compare-only" not in sys.argv:
        bench_speed(articles)
    card = {"date": time.strftime("%Y-%m-%d"), "script": "benchmarks/bench_topics.py",
            "machine": f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start",
            "naver": compare_on_naver(articles, folder)}
    parallel = next((p for p in PARALLEL if p.exists()), None)
    if parallel is not None:
        card["parallel"] = compare_on_parallel(parallel)
    livedoor = next((p for p in LIVEDOOR if p.exists()), None)
    if "--skip-livedoor" in sys.argv:
        print("\nlivedoor skipped (--skip-livedoor)")
    elif livedoor is None:
        print("\nskip livedoor: ../shared/corpora/livedoor-ja not found")
    else:
        card["livedoor"] = compare_on_livedoor(livedoor_articles(livedoor))
    if "--card" in sys.argv:
        choice.write_card(card)
        print(f"\nwrote {choice.CARD.relative_to(ROOT)}")


def _print_table(table):
    cols = [c for c in ("method", "k", "coherence", "coherence_doc", "coherence_lang", "multilingual_topics", "entropy",
                        "minority_meet", "pair_agreement", "v_measure", "homogeneity", "completeness", "ari",
                        "cpu_seconds", "encoded") if c in table]
    print(table[cols].to_string(index=False, float_format=lambda x: f"{x:.3f}"))


def _run(articles, k, **kw):
    from ainews.embeddings import core

    before = core.totals["encoded"]
    table, models = compare.compare_topic_models(articles, k, **kw)
    table["encoded"] = core.totals["encoded"] - before  # all by the embedding model
    return table, models


def compare_on_naver(articles, folder) -> dict:
    langs = articles.loc[articles["dup_of"] == "", "lang"].value_counts().to_dict()
    print(f"\n== topic models compared on {sum(langs.values())} articles {langs}")
    table, models = _run(articles, None)
    _print_table(table)
    for method, m in models.items():
        print(f"  {method}: {m.selection_reason_}")
    k = models["nmf"].n_topics_
    print(f"\nboth with k = {k} (the term model's choice):")
    same_k = _run(articles, k)[0]
    _print_table(same_k)
    return {"corpus": folder.name, "n_articles": int(sum(langs.values())), "languages": langs,
            "own_k": table.to_dict("records"), "same_k": same_k.to_dict("records")}


def compare_on_parallel(folder, *, lines: int = 5, k: int = 10) -> dict:
    import pandas as pd

    text = {lg: (folder / f"korean-english-park.dev.{lg}").read_text(encoding="utf-8").splitlines()
            for lg in ("ko", "en")}
    n = min(map(len, text.values())) // lines
    arts = pd.DataFrame([{"doc_id": f"{lg}-{i}", "lang": lg, "title": "",
                          "body": "\n".join(text[lg][i * lines:(i + 1) * lines])}
                         for i in range(n) for lg in ("ko", "en")])
    pairs = [(f"ko-{i}", f"en-{i}") for i in range(n)]
    print(f"\n== parallel Korean-English: {n} pairs of pseudo-articles ({lines} sentences), k = {k}")
    table, _ = _run(arts, k, pairs=pairs)
    for w in LEXICAL_WEIGHTS:
        extra, _ = _run(arts, k, pairs=pairs, methods=("embedding",),
                        params={"embedding": {"lexical_weight": w}})
        table = pd.concat([table, extra.assign(method=f"embedding, lexical_weight={w}")], ignore_index=True)
    _print_table(table)
    return {"corpus": folder.name, "n_pairs": n, "lines": lines, "k": k, "rows": table.to_dict("records")}


def livedoor_articles(folder):
    """The livedoor articles (read in place), duplicates left out, with their category folder."""
    arts = load_corpus(folder)
    arts = arts[arts["dup_of"] == ""].copy()
    arts["category"] = arts["source"].str.split("/").str[0]
    return arts


def compare_on_livedoor(arts, sentences=LIVEDOOR_SENTENCES) -> dict:
    """V-measure with k = 9: the term model at its best settings, then the embedding model on
    each article's title plus its first ``n`` sentences for each ``n`` in ``sentences``
    (``None``: every sentence)."""
    print(f"\n== livedoor: {len(arts)} Japanese articles in {arts['category'].nunique()} categories, k = 9 "
          "(target V-measure >= 0.55)")
    settings = [("nmf (article units, min_df=20, max_df=0.2)",
                 {"nmf": {"unit": "article", "min_df": 20, "max_df": 0.2, "n_restarts": 1}}, ("nmf",))]
    settings += [(f"embedding, default (title + {'every sentence' if n is None else f'first {n} sentences'})",
                  {"embedding": {"max_sentences": n, "n_restarts": 1}}, ("embedding",)) for n in sentences]
    settings += [(f"embedding, lexical_weight={w} (title + first {sentences[0]} sentences)",
                  {"embedding": {"max_sentences": sentences[0], "n_restarts": 1, "lexical_weight": w}},
                  ("embedding",)) for w in LEXICAL_WEIGHTS]
    rows = []
    for name, params, methods in settings:
        table, _ = _run(arts, 9, methods=methods, params=params, category="category")
        table["setting"] = name
        _print_table(table.assign(method=name))
        rows.extend(table.to_dict("records"))
    return {"corpus": "livedoor-ja", "n_articles": len(arts), "k": 9, "target_v_measure": 0.55,
            "rows": rows}


if __name__ == "__main__":
    main()
