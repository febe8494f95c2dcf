"""``ingest``: every file in a data folder -> one clean, typed article table and a report.

Invariant: every input (a file, or a row of a tabular file) is accounted for in the report as
``ingested``, ``duplicate`` or ``skipped``, with a reason a user can act on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import pandas as pd

from ..lang.detect import detect_lang
from .clean import clean_page, clean_text
from .dedup import find_duplicates
from .furniture import folder_furniture, forget_folders
from .photo import PHOTO_ITEM, photo_caption
from .meta import canonical_outlet, find_date, infer_outlet
from .readers import READERS, METADATA_NAMES, read_metadata
from .records import InputError, Record, Skip
from .walk import iter_inputs

__all__ = ["ingest", "load_corpus", "plan_inputs", "ingest_input", "ingest_inputs", "assemble",
           "ARTICLE_COLUMNS", "REPORT_COLUMNS"]

ARTICLE_COLUMNS = [
    "doc_id", "source", "format", "lang", "outlet", "title", "subtitle", "byline", "published",
    "date_text", "url", "body", "n_chars", "dup_of", "captions", "dropped", "body_truncated", "notes",
]
REPORT_COLUMNS = ["source", "level", "status", "reason", "n_inputs", "n_ingested", "n_duplicate", "n_skipped"]
MAX_MB = 20
# Files that travel with a corpus but are not articles (licence, read-me, change log).
_NOT_ARTICLES = re.compile(r"^(licen[cs]e|copying|readme|changes|changelog|notice)([._-].*)?$", re.I)


def _finish(rec: Record, meta: pd.DataFrame | None, keep_photo_items: bool = False,
            furniture: dict[str, int] | None = None) -> dict | Skip:
    """Clean a record and infer what the page did not state; a Skip when no text is left."""
    find_headings = rec.raw_text is not None
    pasted = rec.format == "txt"  # a whole page pasted from a browser, furniture and all
    page = clean_page(rec.raw_text if find_headings else rec.body, title=rec.title or None,
                      find_headings=find_headings, detect_content=pasted,
                      furniture=furniture if pasted else None)
    dropped = list(rec.dropped) + page.dropped
    title = rec.title or page.title
    notes = list(rec.extra.get("notes", []))
    photo = photo_caption(title, page) if find_headings else None
    if photo is not None:
        if not keep_photo_items:
            return Skip(rec.source, PHOTO_ITEM + "; pass keep_photo_items=True to ingest it")
        # The caption is the item's only text: it is both the caption and what analyses read.
        page.captions, page.body = photo, "\n\n".join(photo)
        notes.append(PHOTO_ITEM + " (kept: keep_photo_items)")
    if not page.body and not find_headings and rec.body.strip():
        # A body given as a field (CSV, spreadsheet, HTML main text) is the article by
        # construction: when every line of it looks like boilerplate, keep it rather than lose it.
        page.body, page.captions, dropped = clean_text(rec.body), [], list(rec.dropped)
        notes.append("every line of the body looked like page boilerplate; kept as given")
    if not page.body:
        reasons = sorted({r for _, r in dropped})
        why = "no article text left after removing boilerplate"
        return Skip(rec.source, why + (f" ({len(dropped)} lines dropped as: {', '.join(reasons)})" if dropped else "")
                    + "; check that the file holds an article's text")
    row = {
        "source": rec.source, "format": rec.format, "title": title,
        "subtitle": rec.subtitle or page.subtitle, "byline": rec.byline or page.byline,
        "outlet": canonical_outlet(rec.outlet) or infer_outlet(dropped), "url": rec.url, "body": page.body,
        "captions": list(rec.captions) + page.captions, "dropped": dropped,
        "published": rec.published, "date_text": rec.date_text,
        "body_truncated": bool(rec.extra.get("body_truncated", False)),
        "notes": notes,
    }
    if row["published"] is None and not row["date_text"]:
        header = [line for line, _ in dropped] + row["subtitle"].splitlines()
        row["published"], row["date_text"] = find_date(header, page.body)
    if meta is not None:
        _apply_metadata(row, meta)
    row["lang"] = rec.lang or detect_lang(f"{row['title']}\n{row['body']}")
    for k, v in rec.extra.items():
        if k not in ("body_truncated", "notes"):
            row[k] = v
    return row


def _apply_metadata(row: dict, meta: pd.DataFrame) -> None:
    file_key = row["source"].split("#", 1)[0]
    for key in (file_key, Path(file_key).name):
        if key in meta.index:
            entry = meta.loc[key]
            for col in ("title", "subtitle", "outlet", "url", "byline"):
                if col in entry and pd.notna(entry[col]) and str(entry[col]).strip():
                    row[col] = clean_text(str(entry[col]))
            if "published" in entry and pd.notna(entry["published"]):
                row["published"], row["date_text"] = entry["published"], ""
            elif "date_text" in entry and pd.notna(entry["date_text"]) and str(entry["date_text"]).strip():
                row["published"], row["date_text"] = None, str(entry["date_text"])
            row["notes"].append("metadata.csv overrides applied")
            return


def _doc_id(row: dict) -> str:
    digest = hashlib.sha256(f"{row['title']}\n{row['body']}".encode("utf-8")).hexdigest()
    return digest[:16]


def _read_file(path: Path, rel: str, max_bytes: int) -> Iterable[Record | Skip]:
    reader = READERS.get(path.suffix.lower())
    if path.name.startswith("."):
        return [Skip(rel, "hidden file (name starts with '.'); rename it to ingest it")]
    if _NOT_ARTICLES.match(path.name) and path.suffix.lower() in (".txt", ".md", ".markdown", ""):
        return [Skip(rel, f"{path.name} is the corpus's licence or read-me file, not an article; "
                          "left in place and not ingested")]
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        return [Skip(rel, f"unknown file type '{path.suffix or '(none)'}'; convert it to one of {kinds}, "
                          "or move it out of the data folder")]
    try:
        size = path.stat().st_size
        if size == 0:
            return [Skip(rel, "empty file (0 bytes); remove it or put the article's text in it")]
        if size > max_bytes:
            return [Skip(rel, f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit; "
                              "split it into one file per article or raise --max-mb")]
        return list(reader(path, rel))
    except PermissionError:
        return [Skip(rel, "cannot read the file (permission denied); run `chmod +r` on it")]
    except InputError as exc:
        return [Skip(rel, str(exc))]
    except (OSError, ValueError, UnicodeError) as exc:
        return [Skip(rel, f"could not read the file ({type(exc).__name__}: {exc}); check that it is a "
                          f"valid {path.suffix} file")]


def plan_inputs(root: Path) -> tuple[list[tuple[str, str] | Skip], list[dict], pd.DataFrame | None]:
    """List the inputs of ``root`` and read its ``metadata.csv`` (the steps run once, centrally).

    Returns:
        ``(inputs, report, meta)``: the files to read, as ``(absolute path, relative name)`` or
        a :class:`Skip` for entries that cannot be read, in sorted order; the report rows so far
        (the metadata file's); the metadata table or ``None``.
    """
    inputs = list(iter_inputs(root))
    meta = None
    meta_rel = None
    for item in inputs:
        if not isinstance(item, Skip) and item[0].name.lower() in METADATA_NAMES and item[0].parent == root:
            meta_rel = item[1]
    report: list[dict] = []
    if meta_rel is not None:
        try:
            meta = read_metadata(root / meta_rel)
            report.append(_file_row(meta_rel, "skipped", "read as metadata (file name → title, published, "
                                    "outlet, url), not as articles", 1, 0, 0, 1))
        except InputError as exc:
            report.append(_file_row(meta_rel, "skipped", str(exc), 1, 0, 0, 1))
    todo = [item if isinstance(item, Skip) else (str(item[0].absolute()), item[1])
            for item in inputs if isinstance(item, Skip) or item[1] != meta_rel]
    return todo, report, meta


def ingest_input(item: tuple[str, str] | Skip, *, max_mb: float = MAX_MB,
                 meta: pd.DataFrame | None = None,
                 keep_photo_items: bool = False) -> tuple[list[dict], list[dict]]:
    """Read and clean one input: the per-file step that every engine runs (locally or on a worker).

    Args:
        item: ``(path, relative name)`` from :func:`plan_inputs`, or a :class:`Skip`.
        max_mb: files larger than this are skipped with a reason.
        meta: the ``metadata.csv`` table, or ``None``.
        keep_photo_items: keep photo items (see :func:`ingest`) instead of skipping them.

    Returns:
        ``(rows, report)``: the article rows (without ids or duplicate marks, which need the
        whole corpus) and the report rows of this input, its file-level row last.
    """
    if isinstance(item, Skip):
        return [], [_file_row(item.source, "skipped", item.reason, 1, 0, 0, 1)]
    path, rel = Path(item[0]), item[1]
    results = _read_file(path, rel, int(max_mb * 2**20))
    furniture = folder_furniture(path.parent) if path.suffix.lower() == ".txt" else None
    done = [_finish(r, meta, keep_photo_items, furniture) if isinstance(r, Record) else r for r in results]
    del results  # raw page text is not needed past cleaning
    tabular = len(done) != 1 or any("#" in (r.source if isinstance(r, Skip) else r["source"]) for r in done)
    rows: list[dict] = []
    report: list[dict] = []
    for r in done:
        if isinstance(r, Skip):
            if tabular:
                report.append({"source": r.source, "level": "row", "status": "skipped", "reason": r.reason})
        else:
            rows.append(r)
    n_ok, n_skip = len(rows), len(done) - len(rows)
    if not done:
        report.append(_file_row(rel, "skipped", "no articles found in the file; check that it holds "
                                "article text", 1, 0, 0, 1))
    elif tabular:
        report.append(_file_row(rel, "ingested" if n_ok else "skipped",
                                f"{n_ok} of {len(done)} rows read" if n_ok else "no row could be read; "
                                "see the row reasons", len(done), n_ok, 0, n_skip))
    else:
        r = done[0]
        report.append(_file_row(rel, "ingested" if n_ok else "skipped",
                                "; ".join(r.get("notes", [])) if n_ok else r.reason, 1, n_ok, 0, n_skip))
    return rows, report


def ingest_inputs(items, *, max_mb: float = MAX_MB, meta: pd.DataFrame | None = None,
                  keep_photo_items: bool = False) -> tuple[list[dict], list[dict]]:
    """:func:`ingest_input` over a batch of inputs (one partition), results concatenated in order."""
    forget_folders()
    rows: list[dict] = []
    report: list[dict] = []
    for item in items:
        r, rep = ingest_input(item, max_mb=max_mb, meta=meta, keep_photo_items=keep_photo_items)
        rows.extend(r)
        report.extend(rep)
    return rows, report


def ingest(path, *, max_mb: float = MAX_MB, progress: bool | None = None,
           workers: int = 1, keep_photo_items: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read every article in ``path`` (a folder, read recursively, or one file).

    Args:
        path: the data folder (e.g. ``data/raw``) or a single file.
        max_mb: files larger than this are skipped with a reason.
        progress: show a progress bar (default: only for more than 200 files on a terminal).
        workers: processes reading and cleaning files in parallel; the result does not depend on it.
        keep_photo_items: a photo item (a file holding only a photo's caption and credit, or one
            caption under a "[포토]"/"[Photo]" title) is skipped with the reason "photo item: a
            caption without article text" unless this is set; then it is kept with the caption
            in ``captions`` (and as its body, the only text it has).

    Returns:
        ``(articles, report)``: one row per article (duplicates included, marked in ``dup_of``)
        and one row per input file plus one per tabular row that was not ingested.
    """
    from tqdm.auto import tqdm

    inputs, report, meta = plan_inputs(Path(path))
    forget_folders()
    show = progress if progress is not None else len(inputs) > 200
    rows: list[dict] = []
    if workers > 1 and len(inputs) > 1:
        parts = _partitions(inputs, workers * 4)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            done = pool.map(partial(ingest_inputs, max_mb=max_mb, meta=meta,
                                    keep_photo_items=keep_photo_items), parts)
            for r, rep in tqdm(done, total=len(parts), disable=not show, desc="ingest"):
                rows.extend(r)
                report.extend(rep)
    else:
        for item in tqdm(inputs, disable=not show, unit="file", desc="ingest"):
            r, rep = ingest_input(item, max_mb=max_mb, meta=meta, keep_photo_items=keep_photo_items)
            rows.extend(r)
            report.extend(rep)
    return assemble(rows, report)


def _partitions(items: list, n: int) -> list[list]:
    """``items`` cut into at most ``n`` contiguous, nearly equal parts (order kept)."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (i < extra)
        out.append(items[start:end])
        start = end
    return [p for p in out if p]


def assemble(rows: list[dict], report: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The corpus-wide steps after reading: doc ids, duplicates, typed tables.

    Args:
        rows: article rows of every input, in input order.
        report: report rows of every input, in input order.
    """
    articles = _table(rows)
    _mark_duplicates(articles, report)
    rep = pd.DataFrame(report)
    for col in REPORT_COLUMNS:
        if col not in rep:
            rep[col] = pd.NA
    for col in ("n_inputs", "n_ingested", "n_duplicate", "n_skipped"):
        rep[col] = rep[col].astype("Int64")
    return articles, rep[REPORT_COLUMNS + [c for c in rep.columns if c not in REPORT_COLUMNS]]


def _file_row(source, status, reason, n_inputs, n_ingested, n_duplicate, n_skipped) -> dict:
    return {"source": source, "level": "file", "status": status, "reason": reason, "n_inputs": n_inputs,
            "n_ingested": n_ingested, "n_duplicate": n_duplicate, "n_skipped": n_skipped}


def _table(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for col in ARTICLE_COLUMNS:
        if col not in df:
            df[col] = pd.Series(dtype=object)
    if df.empty:
        df["published"] = pd.to_datetime(df["published"])
        return df[ARTICLE_COLUMNS]
    df["published"] = pd.to_datetime(df["published"].where(df["published"].notna(), None), errors="coerce")
    df["n_chars"] = df["body"].str.len().astype("int64")
    for col in ("title", "subtitle", "byline", "outlet", "url", "date_text", "lang", "format"):
        df[col] = df[col].fillna("").astype(str)
    df["doc_id"] = [_doc_id(r) for r in df[["title", "body"]].to_dict("records")]
    # Same text in two files: the ids must still be unique, and not depend on listing order.
    clash = df["doc_id"].duplicated(keep=False)
    df.loc[clash, "doc_id"] = [
        f"{d}-{hashlib.sha256(s.encode()).hexdigest()[:6]}" for d, s in zip(df.loc[clash, "doc_id"], df.loc[clash, "source"])
    ]
    df = df.sort_values("source", kind="stable").reset_index(drop=True)
    return df[ARTICLE_COLUMNS + [c for c in df.columns if c not in ARTICLE_COLUMNS]]


def _mark_duplicates(df: pd.DataFrame, report: list[dict]) -> None:
    if df.empty:
        return
    order = df.sort_values(["published", "source"], na_position="last", kind="stable").index
    dup = find_duplicates(df.loc[order, "body"].tolist(), df.loc[order, "doc_id"].tolist())
    df.loc[order, "dup_of"] = dup
    df["dup_of"] = df["dup_of"].fillna("")
    by_file = {r["source"]: r for r in report if r["level"] == "file"}
    for src, of in zip(df["source"], df["dup_of"]):
        if not of:
            continue
        file_key = src.split("#", 1)[0]
        original = df.loc[df["doc_id"] == of, "source"].iloc[0]
        entry = by_file.get(file_key)
        reason = f"duplicate of {original} (doc {of}); kept with dup_of set, left out of analyses"
        if entry is None:
            continue
        entry["n_ingested"] -= 1
        entry["n_duplicate"] += 1
        if "#" in src:
            report.append({"source": src, "level": "row", "status": "duplicate", "reason": reason})
        else:
            entry["status"], entry["reason"] = "duplicate", reason


def load_corpus(path) -> pd.DataFrame:
    """The ``articles`` table of :func:`ingest` (report discarded)."""
    return ingest(path)[0]
