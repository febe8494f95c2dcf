"""Command line: ``ainews ingest PATH --out DIR [--analyze]``, ``ainews fingerprint``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .config import processed_dir

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
    t = sub.add_parser("train-themes", help="fit the theme model on labelled articles (cross-validated) "
                       "and write data/models/themes.skops with its card")
    t.add_argument("labels", nargs="*", help="label files (JSON keyed by article source; default: "
                   "../shared/gold/naver-dev-gold.json and data/gold/*.json)")
    t.add_argument("--out", help="model file (default data/models/themes.skops)")
    t.add_argument("--folds", type=int, default=5, help="folds of the stratified cross-validation (default 5)")
    t.add_argument("--seed", type=int, default=0, help="random state of folds and solvers (default 0)")
    args = parser.parse_args(argv)
    if args.command == "train-themes":
        return _train_themes(args)
    if args.command == "ingest":
        return _ingest(args)
    if args.command == "fingerprint":
        return _fingerprint(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
