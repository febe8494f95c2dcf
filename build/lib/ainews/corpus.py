"""Getters: the only way analyses load articles (Nesta-style).

``get_articles()`` returns the ingested articles of the configured data folder
(:func:`ainews.config.data_dir`), reading ``data/processed`` when it is up to date and
re-ingesting when any input file, the package or an ingestion lexicon changed. The processed
folder can be deleted at any time; everything rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd

from . import __version__
from .config import data_dir, processed_dir
from .ingest import ingest
from .ingest.walk import iter_inputs
from .lexicons import lexicon_version

__all__ = [
    "get_articles", "get_ingest_report", "input_fingerprint", "is_up_to_date", "read_processed", "summarize_corpus", "write_processed",
]

ARTICLES_FILE = "articles.parquet"
REPORT_FILE = "ingest_report.csv"
MANIFEST_FILE = "ingest_manifest.json"
_LEXICONS = ("boilerplate.yml", "outlets.yml")


def input_fingerprint(source) -> str:
    """Hash of the input files' names, sizes and modification times, the package version and
    the ingestion lexicons: it changes whenever a re-ingest could give a different table."""
    h = hashlib.sha256(f"{__version__}|{lexicon_version(*_LEXICONS)}".encode())
    for item in iter_inputs(Path(source)):
        if isinstance(item, tuple):
            path, rel = item
            try:
                st = path.stat()
                h.update(f"{rel}|{st.st_size}|{st.st_mtime_ns}\n".encode())
            except OSError:
                h.update(f"{rel}|unreadable\n".encode())
        else:
            h.update(f"{item.source}|skip\n".encode())
    return h.hexdigest()[:20]


def _to_storable(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    if "dropped" in out:
        out["dropped"] = [[list(pair) for pair in d] for d in out["dropped"]]
    return out


def write_processed(articles: pd.DataFrame, report: pd.DataFrame, out_dir, *, fingerprint: str = "") -> Path:
    """Write ``articles.parquet``, ``ingest_report.csv`` (and a manifest) into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / (ARTICLES_FILE + ".tmp")
    _to_storable(articles).to_parquet(tmp, index=False)
    os.replace(tmp, out / ARTICLES_FILE)
    report.to_csv(out / REPORT_FILE, index=False)
    (out / MANIFEST_FILE).write_text(json.dumps({"fingerprint": fingerprint, "n_articles": len(articles)}))
    return out / ARTICLES_FILE


def read_processed(out_dir) -> pd.DataFrame:
    """Read ``articles.parquet`` back with Python lists and ``(line, reason)`` tuples."""
    df = pd.read_parquet(Path(out_dir) / ARTICLES_FILE)
    for col in ("captions", "notes"):
        if col in df:
            df[col] = [list(v) if v is not None else [] for v in df[col]]
    if "dropped" in df:
        df["dropped"] = [[tuple(p) for p in d] if d is not None else [] for d in df["dropped"]]
    return df


def is_up_to_date(out_dir, fingerprint: str) -> bool:
    """Whether ``out_dir`` holds an articles table written for inputs with ``fingerprint``
    (a missing or unreadable manifest means it must be rebuilt)."""
    out = Path(out_dir)
    manifest = out / MANIFEST_FILE
    if not (manifest.is_file() and (out / ARTICLES_FILE).is_file()):
        return False
    try:
        return json.loads(manifest.read_text()).get("fingerprint") == fingerprint
    except (OSError, ValueError):
        return False


def _ensure(source, rebuild: bool) -> Path:
    src = Path(source) if source is not None else data_dir()
    out = processed_dir(src)
    fp = input_fingerprint(src)
    if not rebuild and is_up_to_date(out, fp):
        return out
    articles, report = ingest(src)
    write_processed(articles, report, out, fingerprint=fp)
    return out


def get_articles(source=None, *, include_duplicates: bool = False, rebuild: bool = False) -> pd.DataFrame:
    """The articles of ``source`` (default: the configured data folder), ingesting if needed.

    Args:
        source: a data folder or file; default :func:`ainews.config.data_dir`.
        include_duplicates: keep rows whose ``dup_of`` is set (left out of analyses by default).
        rebuild: ingest again even when the processed table is up to date.
    """
    df = read_processed(_ensure(source, rebuild))
    if not include_duplicates:
        df = df[df["dup_of"] == ""].reset_index(drop=True)
    return df


def get_ingest_report(source=None) -> pd.DataFrame:
    """The ingestion report (one row per file, plus one per tabular row not ingested)."""
    report = pd.read_csv(_ensure(source, False) / REPORT_FILE, keep_default_na=False, dtype=str)
    # Row-level entries leave the per-file counts blank: read those columns as nullable integers.
    for col in ("n_inputs", "n_ingested", "n_duplicate", "n_skipped"):
        if col in report:
            report[col] = pd.to_numeric(report[col].replace("", None), errors="coerce").astype("Int64")
    return report


def summarize_corpus(articles: pd.DataFrame) -> pd.DataFrame:
    """One line per article for display: outlet, language, date, title, length."""
    date = articles["published"].dt.strftime("%Y-%m-%d").fillna("")
    date = date.where(date != "", articles["date_text"])
    title = articles["title"].where(articles["title"] != "", articles["body"].str.slice(0, 80) + "…")
    return pd.DataFrame({
        "doc_id": articles["doc_id"], "outlet": articles["outlet"], "lang": articles["lang"],
        "date": date, "title": title, "characters": articles["n_chars"],
    })
