"""Readers for article tables: CSV/TSV, JSON Lines, xlsx, and the optional ``metadata.csv``.

Each reader yields one :class:`Record` or :class:`Skip` per data row, so every row is accounted
for; a file that cannot be read at all raises :class:`InputError` before the first row.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from ..lexicons import load_yaml_lexicon
from .columns import (ColumnMap, cell_text, match_columns, name_to_field, norm_name, row_to_record,
                      unique_names)
from .dates import parse_date
from .encoding import decode_bytes
from .records import InputError, Record, Skip
from .xlsx import read_xlsx

__all__ = ["read_csv", "read_jsonl", "read_xlsx", "read_metadata", "METADATA_FIELDS"]

METADATA_FIELDS = ("title", "subtitle", "byline", "outlet", "published", "url", "lang")
_DELIMITERS = (",", "\t", ";", "|")

# Article bodies can exceed the csv module's default 128 KiB field limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _read_text(path: Path, rel: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{rel}: cannot be read ({exc.strerror}); check its permissions") from exc
    return decode_bytes(data, rel)


def _delimiter(text: str, suffix: str) -> str:
    # The header line is the best witness: it rarely holds quoted delimiters, unlike article text
    # (csv.Sniffer guesses wrong on long quoted bodies full of commas).
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        return "\t" if suffix == ".tsv" else ","
    return best


def _csv_rows(text: str, rel: str, suffix: str) -> tuple[list[str], Iterator[tuple[int, list[str] | str]]]:
    """The header and an iterator of ``(start line, cells)``, or ``(line, error)`` for a bad row."""
    text = text.lstrip("\ufeff")
    # newline="" so only \n and \r end lines (str.splitlines would also split on U+2028 etc.).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, suffix))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"{rel}: the header line cannot be parsed as CSV ({exc}); re-export the "
                         "table as CSV with a header row") from None
    if not header or not any(h.strip() for h in header):
        raise InputError(f"{rel}: no header row (the file is empty or starts with a blank line); "
                         "put the column names on the first line")

    def rows() -> Iterator[tuple[int, list[str] | str]]:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, f"row cannot be parsed as CSV ({exc}); fix its quoting"
                continue
            if any(c.strip() for c in cells):
                yield start, cells

    return unique_names(header), rows()


def read_csv(path: Path, rel: str) -> Iterator[Record | Skip]:
    """Read a CSV or TSV of articles, one article per row.

    The encoding is detected (UTF-8 with or without BOM, UTF-16, CP949/EUC-KR, ...), the
    delimiter (``,``, tab, ``;``, ``|``) is taken from the header line, and columns are matched
    by name through ``data/lexicons/columns.yml``; unknown columns go to ``extra``. Rows are
    named ``rel#row=N`` with N the line on which the row starts (the header is line 1).

    Args:
        path: the file.
        rel: its path relative to the input folder, used in ``source``.

    Yields:
        A :class:`Record` per article row, a :class:`Skip` per row that is not one
        (no body text, unparseable, more cells than the header).

    Raises:
        InputError: the file cannot be decoded, has no header, or no column holds article text.
    """
    header, rows = _csv_rows(_read_text(path, rel), rel, path.suffix.lower())
    cmap = match_columns(header, rel)
    return _csv_records(header, rows, cmap, rel)


def _csv_records(header: list[str], rows: Iterator[tuple[int, list[str] | str]], cmap: ColumnMap,
                 rel: str) -> Iterator[Record | Skip]:
    n = len(header)
    for line, cells in rows:
        source = f"{rel}#row={line}"
        if isinstance(cells, str):
            yield Skip(source, cells)
            continue
        if len(cells) > n and any(c.strip() for c in cells[n:]):
            yield Skip(source, f"row has {len(cells)} cells but the header has {n}; quote fields "
                               "that contain the delimiter")
            continue
        yield row_to_record(dict(zip(header, cells)), cmap, source, "csv")


def _json_items(text: str, rel: str) -> list[tuple[str, Any]]:
    """``(source, parsed object or error message)`` for each non-blank line."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("["):
        # A JSON array saved as .jsonl: accept it whole rather than failing on every line.
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError:
            items = None
        if isinstance(items, list):
            return [(f"{rel}#item={i}", obj) for i, obj in enumerate(items, start=1)]
    out: list[tuple[str, Any]] = []
    for i, line in enumerate(text.lstrip("\ufeff").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            out.append((f"{rel}#line={i}", json.loads(line)))
        except json.JSONDecodeError as exc:
            out.append((f"{rel}#line={i}", _BadLine(
                f"line is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line")))
    return out


class _BadLine(str):
    """Marks a JSONL line that did not parse (its value is the reason)."""


def read_jsonl(path: Path, rel: str) -> Iterator[Record | Skip]:
    """Read JSON Lines of articles, one JSON object per line.

    Keys are matched like CSV columns (``data/lexicons/columns.yml``); nested lists (e.g. a
    list of authors or of paragraphs) are joined. A line that is not valid JSON, or not an
    object, is skipped with its line number (``rel#line=N``) and the other lines are read.

    Raises:
        InputError: the file cannot be decoded or no object has an article text key.
    """
    items = _json_items(_read_text(path, rel), rel)
    objects = [obj for _, obj in items if isinstance(obj, dict)]
    if not objects:
        if not items:
            raise InputError(f"{rel}: no JSON lines in the file; put one JSON object per line")
        if all(isinstance(obj, _BadLine) for _, obj in items):
            raise InputError(f"{rel}: no line is valid JSON ({items[0][1]}); write one JSON "
                             "object per line")
        raise InputError(f"{rel}: the lines are not JSON objects; write one object per line "
                         'such as {"title": ..., "body": ...}')
    keys = list(dict.fromkeys(k for obj in objects for k in obj))
    match_columns(keys, rel)  # fails early, naming every key seen, when no key holds text
    return _jsonl_records(items, rel)


def _jsonl_records(items: list[tuple[str, Any]], rel: str) -> Iterator[Record | Skip]:
    maps: dict[tuple[str, ...], ColumnMap | str] = {}
    for source, obj in items:
        if isinstance(obj, _BadLine):
            yield Skip(source, str(obj))
            continue
        if not isinstance(obj, dict):
            yield Skip(source, f"line is a JSON {type(obj).__name__}, not an object; write one "
                               "object per line")
            continue
        key = tuple(obj)
        if key not in maps:
            try:
                maps[key] = match_columns(list(key), source)
            except InputError:
                keys = ", ".join(map(repr, key)) or "none"
                maps[key] = (f"row has no body text (no article text key among its keys: {keys}); "
                             "add a \"body\" key or remove the line")
        cmap = maps[key]
        if isinstance(cmap, str):
            yield Skip(source, cmap)
        else:
            yield row_to_record(obj, cmap, source, "jsonl")


def read_metadata(path: Path) -> pd.DataFrame:
    """Read the optional ``metadata.csv`` that overrides what was inferred from each file.

    Columns: the file name (``file``, ``filename``, ``파일``, ...) and any of title, subtitle,
    byline, outlet, published (any date form :func:`parse_date` reads), url, lang, matched by
    the same names as article tables. Blank cells override nothing.

    Returns:
        A DataFrame indexed by file name (as written, ``/``-separated) with the metadata
        columns present in the file; ``published`` (datetime64) comes with ``date_text`` for
        dates that could not be parsed.

    Raises:
        InputError: no file-name column, a row without a file name, or a file named twice;
            the message names the file, the row and the fix.
    """
    rel = path.name
    header, rows = _csv_rows(_read_text(path, rel), rel, path.suffix.lower())
    file_names = {norm_name(n) for n in load_yaml_lexicon("columns.yml")["metadata_file"]}
    file_col = next((h for h in header if norm_name(h) in file_names), None)
    if file_col is None:
        raise InputError(f"{path}: no file-name column among {', '.join(map(repr, header))}; add a "
                         "column 'file' holding each article's file name")
    cmap = _metadata_map(header, file_col)
    if not cmap:
        raise InputError(f"{path}: no metadata column besides {file_col!r}; add any of "
                         "title, subtitle, byline, outlet, published, url, lang")
    records: dict[str, dict[str, Any]] = {}
    first_row: dict[str, int] = {}
    for line, cells in rows:
        if isinstance(cells, str):
            raise InputError(f"{path}, row {line}: {cells}")
        row = dict(zip(header, cells))
        name = cell_text(row.get(file_col)).replace("\\", "/")
        if not name:
            raise InputError(f"{path}, row {line}: no file name in column {file_col!r}; fill it in "
                             "or delete the row")
        if name in records:
            raise InputError(f"{path}, row {line}: {name!r} is already described on row "
                             f"{first_row[name]}; keep one row per file")
        first_row[name] = line
        rec: dict[str, Any] = {}
        for fld, col in cmap.items():
            value = cell_text(row.get(col))
            if fld == "published":
                rec["published"], rec["date_text"] = parse_date(value)
                rec["date_text"] = rec["date_text"] or None
            else:
                rec[fld] = " ".join(value.split()) or None
        records[name] = rec
    columns = [f for f in METADATA_FIELDS if f in cmap]
    if "published" in cmap:
        columns.append("date_text")
    out = pd.DataFrame.from_dict(records, orient="index", columns=columns)
    out.index.name = "file"
    if "published" in out:
        out["published"] = pd.to_datetime(out["published"])
    return out


def _metadata_map(header: list[str], file_col: str) -> dict[str, str]:
    lookup = name_to_field()
    out: dict[str, str] = {}
    for col in header:
        fld = lookup.get(norm_name(col))
        if col != file_col and fld in METADATA_FIELDS and fld not in out:
            out[fld] = col
    return out
