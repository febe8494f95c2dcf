"""Command line: ``ainews ingest PATH --out DIR [--analyze]``, ``ainews evaluate``, ``ainews fingerprint``."""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .config import ROOT, processed_dir

__all__ = ["main"]


def _ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest

    src = Path(args.path)
    if not src.exists():
        print(f"ainews ingest: {src} does not exist; pass the folder (or file) holding the articles", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else processed_dir(src)
    from .corpus import input_fingerprint, is_up_to_date

    if args.if_changed and is_up_to_date(out, input_fingerprint(src)):
        print(f"{out / 'articles.parquet'} is up to date with {src}; nothing to ingest")
        if args.analyze:
            from .corpus import read_processed

            with _engine(args) as client:
                _analyze(read_processed(out), out, args, client)
        return 0
    with _engine(args) as client:
        if client is not None:
            from .distributed import ingest_dask

            articles, report = ingest_dask(src, max_mb=args.max_mb, client=client)
        else:
            articles, report = ingest(src, max_mb=args.max_mb, progress=None if not args.quiet else False,
                                      workers=args.workers or 1)
        code = _report(articles, report, src, out)
        if args.analyze and code == 0:
            _analyze(articles, out, args, client)
    return code


@contextmanager
def _engine(args: argparse.Namespace) -> Iterator:
    """A Dask client for ``--engine dask`` (one cluster for ingest and analysis), else ``None``."""
    if args.engine != "dask":
        yield None
        return
    from .distributed import connect

    with connect(args.scheduler, n_workers=args.workers or 2) as client:
        yield client


def _analyze(articles, out: Path, args: argparse.Namespace, client) -> None:
    from .analysis import analyze, write_analysis

    articles = articles[articles["dup_of"] == ""].reset_index(drop=True)
    if client is not None:
        from .distributed import analyze_dask

        result = analyze_dask(articles, unit=args.unit, client=client)
    else:
        result = analyze(articles, unit=args.unit)
    paths = write_analysis(result, out)
    counts = ", ".join(f"{len(df)} {p.stem}" for p, df in zip(paths, result))
    print(f"analyzed {len(articles)} articles ({args.unit} units): {counts}")
    print(f"wrote {', '.join(p.name for p in paths)} in {out}")


def _report(articles, report, src: Path, out: Path) -> int:
    from .corpus import input_fingerprint, write_processed

    write_processed(articles, report, out, fingerprint=input_fingerprint(src))
    files = report[report["level"] == "file"]
    n_in = int(files["n_inputs"].sum())
    n_ok = int(files["n_ingested"].sum())
    n_dup = int(files["n_duplicate"].sum())
    n_skip = int(files["n_skipped"].sum())
    print(f"ingested {n_ok} articles, {n_dup} duplicates, {n_skip} skipped, from {n_in} inputs in {len(files)} files")
    print(f"wrote {out / 'articles.parquet'} and {out / 'ingest_report.csv'}")
    if n_skip:
        print(f"warning: {n_skip} inputs skipped; reasons in {out / 'ingest_report.csv'}:", file=sys.stderr)
        skipped = report[(report["status"] == "skipped") & ((report["level"] == "row") | (report["n_inputs"] == 1))]
        for src_, why in skipped[["source", "reason"]].head(10).itertuples(index=False):
            print(f"  {src_}: {why}", file=sys.stderr)
        if len(skipped) > 10:
            print(f"  … and {len(skipped) - 10} more", file=sys.stderr)
    return 0 if (n_ok + n_dup) > 0 else 1


def _fingerprint(args: argparse.Namespace) -> int:
    from .report.fingerprint import book_fingerprint

    print(book_fingerprint(args.path))
    return 0


def _train_themes(args: argparse.Namespace) -> int:
    from .themes.fit import train_themes

    try:
        train_themes(args.labels or None, out=args.out, folds=args.folds, random_state=args.seed)
    except (FileNotFoundError, ValueError) as exc:
        print(f"ainews train-themes: {exc}", file=sys.stderr)
        return 1
    return 0


def _train_places(args: argparse.Namespace) -> int:
    from .extract.place_fit import train_places

    try:
        train_places(args.labels or None, out=args.out, folds=args.folds, random_state=args.seed)
    except (FileNotFoundError, ValueError) as exc:
        print(f"ainews train-places: {exc}", file=sys.stderr)
        return 1
    return 0


def _evaluate_one(name: str, labels: Path, folder: Path, args: argparse.Namespace):
    from .evaluation import evaluate, load_gold
    from .ingest import ingest

    gold = load_gold(labels)
    articles, _ = ingest(folder, progress=False)
    result = evaluate(gold, articles, tasks=args.tasks)
    print(result.to_text(f"== {name}: {labels} on {folder}"))
    if result.missing:
        print(f"warning: {len(result.missing)} labelled articles not found in {folder}, e.g. {result.missing[0]}",
              file=sys.stderr)
    if args.out:
        out = Path(args.out) / (re.sub(r"[^\w]+", "-", name).strip("-").lower() if args.all else "")
        paths = result.write(out)
        print(f"wrote {len(paths)} CSV files in {out}")
    print()
    return result


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluation import GoldError, load_sets

    try:
        if not args.all:
            if not (args.gold and args.folder):
                print("ainews evaluate: pass GOLD.json FOLDER, or --all for the sets in data/gold/sets.yml",
                      file=sys.stderr)
                return 2
            for p in (args.gold, args.folder):
                if not Path(p).exists():
                    print(f"ainews evaluate: {p} does not exist", file=sys.stderr)
                    return 2
            _evaluate_one(Path(args.gold).stem, Path(args.gold), Path(args.folder), args)
            return 0
        ran = []
        for s in load_sets(args.sets):
            absent = [str(p) for p in (s["labels"], s["articles"]) if not p.exists()]
            if absent:
                print(f"skipping {s['name']}: {', '.join(absent)} not found (the shared corpora are not "
                      "beside this checkout; set them up as ../shared to evaluate)")
                continue
            result = _evaluate_one(s["name"], s["labels"], s["articles"], args)
            ran.append({"name": s["name"], "labels": s["labels_as_written"],
                        "n_articles": result.n_articles, "how": sorted({h for h in result.summary.how if h}),
                        "summary": result.summary.drop(columns="how").to_dict("records")})
        if not ran:
            print("no labelled set available: nothing evaluated")
        elif args.card:
            import datetime
            import json

            Path(args.card).write_text(json.dumps(
                {"date": datetime.date.today().isoformat(), "sets": ran}, ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8")
            print(f"wrote {args.card}")
        return 0
    except GoldError as exc:
        print(f"ainews evaluate: {exc}", file=sys.stderr)
        return 2


def _prepare(args) -> int:
    from .report.prepare import last_cpu, prepare

    t0 = time.perf_counter()
    done = prepare(args.path, processes=args.processes)
    if not done:
        print("the report's shared analyses are cached already; nothing to compute")
    else:
        steps = ", ".join(f"{n} ({s:.1f} s, {last_cpu[n]:.1f} s CPU)" if n in last_cpu else f"{n} ({s:.1f} s)"
                          for n, s in done.items())
        print(f"computed {steps} in {time.perf_counter() - t0:.1f} s on {args.processes} processes")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``ainews`` command."""
    parser = argparse.ArgumentParser(prog="ainews", description="ainews: news on the AI race in Korea and Japan")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="read a folder of articles into data/processed")
    p.add_argument("path", help="folder (read recursively) or single file of articles")
    p.add_argument("--out", help="output folder (default: data/processed, or a sub-folder for other inputs)")
    p.add_argument("--max-mb", type=float, default=20, help="skip files larger than this (default 20)")
    p.add_argument("--engine", choices=["local", "dask"], default="local", help="run locally or on a Dask cluster")
    p.add_argument("--scheduler", help="address of a dask.distributed scheduler (default: a LocalCluster)")
    p.add_argument("--workers", type=int, help="processes reading files (local engine, default 1) or "
                   "worker processes of the LocalCluster (dask engine without --scheduler, default 2)")
    p.add_argument("--analyze", action="store_true",
                   help="also tokenize and extract entities, amounts and quotes with the same engine; writes "
                   "tokens.parquet, entities.parquet, amounts.parquet and quotes.parquet beside the articles")
    p.add_argument("--unit", choices=["article", "paragraph"], default="article",
                   help="with --analyze: tokens per article (default) or per paragraph")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--if-changed", action="store_true",
                   help="do nothing when the processed table is up to date with the input files")
    f = sub.add_parser("fingerprint", help="print the hash of the data, package and lexicons the report depends on")
    f.add_argument("path", nargs="?", help="data folder (default: $AINEWS_DATA or data/raw)")
    pr = sub.add_parser("prepare", help="compute the analyses the report's chapters share, on several processes "
                        "(what `make book` runs before the notebooks)")
    pr.add_argument("path", nargs="?", help="data folder (default: $AINEWS_DATA or data/raw)")
    pr.add_argument("--processes", type=int, default=2, help="worker processes (default 2)")
    t = sub.add_parser("train-themes", help="fit the theme model on labelled articles (cross-validated) "
                       "and write data/models/themes.skops with its card")
    t.add_argument("labels", nargs="*", help="label files (JSON keyed by article source; default: "
                   "../shared/gold/naver-dev-gold.json and data/gold/*.json)")
    t.add_argument("--out", help="model file (default data/models/themes.skops)")
    t.add_argument("--folds", type=int, default=5, help="folds of the stratified cross-validation (default 5)")
    t.add_argument("--seed", type=int, default=0, help="random state of folds and solvers (default 0)")
    t = sub.add_parser("train-places", help="fit the place-of-activity model on labelled articles (cross-validated, "
                       "grouped by article) and write data/models/places.skops with its card")
    t.add_argument("labels", nargs="*", help="label files (JSON keyed by article source; default: "
                   "../shared/gold/naver-dev-gold.json and data/gold/*.json)")
    t.add_argument("--out", help="model file (default data/models/places.skops)")
    t.add_argument("--folds", type=int, default=5, help="folds of the cross-validation (default 5)")
    t.add_argument("--seed", type=int, default=0, help="random state of the fold assignment (default 0)")
    e = sub.add_parser("evaluate", help="compare themes, speakers, places, amounts and investments with labelled articles")
    e.add_argument("gold", nargs="?", help="labelled JSON file in the format of ../shared/gold/")
    e.add_argument("folder", nargs="?", help="the folder of articles the labels name")
    e.add_argument("--all", action="store_true", help="every set listed in --sets (what `make eval` runs)")
    e.add_argument("--sets", default=str(ROOT / "data" / "gold" / "sets.yml"),
                   help="YAML list of labelled sets (default data/gold/sets.yml)")
    e.add_argument("--tasks", nargs="+", choices=["themes", "speakers", "places", "amounts", "investments"],
                   help="evaluate only these tasks (default all)")
    e.add_argument("--out", help="write summary.csv, details.csv and per-task CSVs here")
    e.add_argument("--card", help="with --all: write every set's figures as JSON (the report reads "
                   "data/models/evaluation.card.json)")
    args = parser.parse_args(argv)
    if args.command == "train-themes":
        return _train_themes(args)
    if args.command == "train-places":
        return _train_places(args)
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "ingest":
        return _ingest(args)
    if args.command == "fingerprint":
        return _fingerprint(args)
    if args.command == "prepare":
        return _prepare(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
