"""Excel workbooks of articles: BigKinds news exports and any sheet with recognizable columns."""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl

from ..lexicons import load_yaml_lexicon
from .columns import ColumnMap, cell_text, match_columns, row_to_record, unique_names
from .records import InputError, Record, Skip

__all__ = ["read_xlsx", "is_bigkinds"]

_HEADER_SEARCH = 10  # rows scanned for the header (some exports put a title row above it)
_OLE2 = b"\xd0\xcf\x11\xe0"


def _bk() -> dict[str, Any]:
    return load_yaml_lexicon("columns.yml")["bigkinds"]


def is_bigkinds(header: list[str]) -> bool:
    """Whether a header row is the BigKinds export layout (all its signature columns)."""
    names = {h.strip() for h in header}
    return all(col in names for col in _bk()["signature"])


def _load(path: Path, rel: str) -> openpyxl.Workbook:
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise InputError(f"{rel}: cannot be read ({exc.strerror}); check its permissions") from exc
    if head == _OLE2:
        raise InputError(f"{rel}: an old Excel 97-2003 (.xls) workbook named .xlsx; open it in Excel "
                         "and save it as .xlsx")
    try:
        with warnings.catch_warnings():
            # BigKinds workbooks carry no default style; openpyxl warns and applies its own.
            warnings.simplefilter("ignore", UserWarning)
            # Normal (not read-only) mode: BigKinds exports declare a wrong sheet size (A1:A1),
            # which read-only mode trusts; normal mode is only ~1.4x slower (bench_readers.py).
            return openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError, IndexError,
            AttributeError, SyntaxError) as exc:
        # SyntaxError covers lxml/ElementTree parse errors of a damaged sheet inside the zip.
        detail = str(exc) or type(exc).__name__
        raise InputError(f"{rel}: not a valid .xlsx workbook ({detail}); re-export it from "
                         "Excel/BigKinds") from None


def _find_header(rows: list[tuple[Any, ...]]) -> tuple[int, list[str]] | None:
    """Index and names of the header: the first row (of the first few) naming a body column."""
    first = None
    for i, row in enumerate(rows[:_HEADER_SEARCH]):
        if not any(cell_text(c) for c in row):
            continue
        names = unique_names(row)
        if first is None:
            first = (i, names)
        try:
            match_columns(names, "")
            return i, names
        except InputError:
            continue
    return first


def _split(value: Any) -> list[str]:
    return [t.strip() for t in cell_text(value).split(",") if t.strip()]


def _bigkinds_extra(row: dict[str, Any]) -> dict[str, Any]:
    bk = _bk()
    lists = set(bk["lists"])
    extra: dict[str, Any] = {"body_truncated": True}
    for col, key in bk["extra"].items():
        if col not in row:
            continue
        if key in lists:
            extra[key] = _split(row[col])
        elif key in ("bk_category", "bk_incident"):
            # Three ranked columns (분류1-3) become one list, best first.
            value = cell_text(row[col])
            extra.setdefault(key, [])
            if value:
                extra[key].append(value)
        else:
            extra[key] = cell_text(row[col])
    return extra


def _bigkinds_map(header: list[str]) -> ColumnMap:
    fields = {fld: col for col, fld in _bk()["fields"].items() if col in header}
    known = set(fields.values()) | set(_bk()["extra"])
    return ColumnMap(fields=fields, extra=[h for h in header if h not in known])


def _sheet_rows(ws: Any) -> list[tuple[Any, ...]]:
    return list(ws.iter_rows(values_only=True))


def read_xlsx(path: Path, rel: str) -> Iterator[Record | Skip]:
    """Read the articles in an Excel workbook.

    A sheet whose header holds the BigKinds columns (뉴스 식별자, 일자, 언론사, 본문, ...) is
    read as a BigKinds export: format ``bigkinds``, 일자 (YYYYMMDD) as ``published``, and its
    analysis columns kept in ``extra`` (``bk_id``, ``bk_category``, ``bk_incident``,
    ``bk_persons``, ``bk_places``, ``bk_orgs``, ``bk_keywords``, ``bk_features``,
    ``bk_excluded``; comma lists split) with ``body_truncated=True``, since BigKinds cuts
    bodies to 200 characters. Any other sheet is matched by column names like a CSV (format
    ``xlsx``). Rows are named ``rel#sheet=NAME&row=N`` with N the Excel row number; entirely
    empty rows are not data and are passed over.

    Args:
        path: the workbook.
        rel: its path relative to the input folder, used in ``source``.

    Yields:
        A :class:`Record` per article row and a :class:`Skip` per row (or unrecognized sheet)
        that is not one.

    Raises:
        InputError: the file is not a readable workbook or no sheet has an article text column.
    """
    wb = _load(path, rel)
    sheets: list[tuple[str, list[tuple[Any, ...]], tuple[int, list[str]] | None]] = []
    try:
        for ws in wb.worksheets:
            rows = _sheet_rows(ws)
            sheets.append((ws.title, rows, _find_header(rows)))
    finally:
        wb.close()
    maps: dict[str, ColumnMap | InputError] = {}
    for title, _rows, found in sheets:
        if found is None:
            continue
        header = found[1]
        try:
            maps[title] = (_bigkinds_map(header) if is_bigkinds(header)
                           else match_columns(header, f"{rel}#sheet={title}"))
        except InputError as exc:
            maps[title] = exc
    if not any(isinstance(m, ColumnMap) for m in maps.values()):
        if not maps:
            raise InputError(f"{rel}: every sheet is empty; export the articles with a header row")
        raise next(iter(maps.values()))  # the first sheet's error lists its columns
    return _records(rel, sheets, maps)


def _records(rel: str, sheets: list, maps: dict[str, ColumnMap | InputError]) -> Iterator[Record | Skip]:
    for title, rows, found in sheets:
        if found is None:
            continue
        cmap = maps[title]
        if isinstance(cmap, InputError):
            yield Skip(f"{rel}#sheet={title}", f"sheet skipped: {cmap}")
            continue
        start, header = found
        bigkinds = is_bigkinds(header)
        for i in range(start + 1, len(rows)):
            values = rows[i]
            if not any(cell_text(c) for c in values):
                continue
            row = dict(zip(header, values))
            source = f"{rel}#sheet={title}&row={i + 1}"
            if bigkinds:
                yield row_to_record(row, cmap, source, "bigkinds", extra=_bigkinds_extra(row))
            else:
                yield row_to_record(row, cmap, source, "xlsx")
