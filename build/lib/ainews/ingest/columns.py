"""Table rows -> :class:`Record`: column names matched through ``data/lexicons/columns.yml``.

Shared by the CSV, JSONL and xlsx readers so every tabular format maps the same headers the
same way and reports an unknown layout the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..lang import detect_lang
from ..lexicons import load_yaml_lexicon
from .dates import parse_date
from .records import InputError, Record, Skip

__all__ = ["ColumnMap", "match_columns", "row_to_record", "normalize_body", "cell_text",
           "unique_names", "norm_name", "name_to_field", "expected_names"]

FIELDS = ("title", "subtitle", "body", "published", "outlet", "url", "byline", "lang")
_NAME_JUNK = re.compile(r"[\s_\-./]+")
_LANGS = {"ko", "en", "ja"}


def norm_name(name: Any) -> str:
    """Column name as compared with the lexicon: case-folded, no spaces or ``_-./``."""
    return _NAME_JUNK.sub("", str(name)).casefold()


def _lexicon() -> dict[str, Any]:
    return load_yaml_lexicon("columns.yml")


def name_to_field() -> dict[str, str]:
    """Normalized header name -> article field, from the lexicon."""
    out: dict[str, str] = {}
    for fld, names in _lexicon()["fields"].items():
        for name in names:
            out.setdefault(norm_name(name), fld)
    return out


def expected_names(fld: str) -> list[str]:
    """The header names the lexicon accepts for article field ``fld``."""
    return [str(n) for n in _lexicon()["fields"][fld]]


@dataclass
class ColumnMap:
    """Which column fills which article field; ``extra`` columns are kept under their name."""

    fields: dict[str, str] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)


def unique_names(header: Iterable[Any]) -> list[str]:
    """Header cells as unique, non-empty names (``column_3`` for a blank, ``x.1`` for a repeat)."""
    seen: dict[str, int] = {}
    out = []
    for i, cell in enumerate(header, start=1):
        name = cell_text(cell) or f"column_{i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def match_columns(columns: Iterable[str], source: str, *, required: str = "body") -> ColumnMap:
    """Map a table's columns to article fields.

    Args:
        columns: the header names, in file order.
        source: the file (and sheet) named in an error message.
        required: the field without which no row can become an article.

    Raises:
        InputError: when no column matches ``required``; the message lists the columns found
            and the names expected.
    """
    lookup = name_to_field()
    cmap = ColumnMap()
    for col in columns:
        fld = lookup.get(norm_name(col))
        if fld and fld not in cmap.fields:
            cmap.fields[fld] = col
        else:
            cmap.extra.append(col)
    if required not in cmap.fields:
        found = ", ".join(repr(c) for c in columns) or "none"
        raise InputError(
            f"{source}: no {required} column among the columns found ({found}); name the article "
            f"text column one of {', '.join(expected_names(required))} (and optionally title, "
            "date, outlet, url, author); the accepted names are listed in "
            "data/lexicons/columns.yml"
        )
    return cmap


def cell_text(value: Any, *, sep: str = ", ") -> str:
    """A cell as stripped text: ``None``/NaN -> ``""``, lists joined with ``sep``."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (list, tuple)):
        return sep.join(t for t in (cell_text(v) for v in value) if t)
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # spreadsheets store 2020 as 2020.0
    return str(value).strip()


def _one_line(value: Any) -> str:
    return " ".join(cell_text(value).split())


def normalize_body(text: Any) -> str:
    """Article text as paragraphs separated by one blank line, whitespace collapsed.

    When the text marks paragraphs with blank lines, single line breaks inside a paragraph are
    soft wraps (broadcast scripts, BigKinds bodies) and become spaces; otherwise each
    non-empty line is a paragraph (most crawls put one paragraph per line).
    """
    raw = cell_text(text, sep="\n").replace("\r\n", "\n").replace("\r", "\n")
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    if "" in lines[1:-1] and any(a and b for a, b in zip(lines, lines[1:])):
        blocks, cur = [], []
        for line in lines + [""]:
            if line:
                cur.append(line)
            elif cur:
                blocks.append(" ".join(cur))
                cur = []
        return "\n\n".join(blocks)
    return "\n\n".join(line for line in lines if line)


def row_to_record(row: Mapping[str, Any], cmap: ColumnMap, source: str, fmt: str,
                  *, extra: dict[str, Any] | None = None) -> Record | Skip:
    """One table row as a :class:`Record`, or a :class:`Skip` saying why it is not an article.

    Args:
        row: column name -> cell value.
        cmap: from :func:`match_columns`.
        source: ``file#row=N`` (or ``#line=N``) naming the row.
        fmt: the ``Record.format`` value.
        extra: additional ``extra`` entries (e.g. BigKinds columns already parsed).
    """
    def get(fld: str) -> Any:
        col = cmap.fields.get(fld)
        return row.get(col) if col is not None else None

    body = normalize_body(get("body"))
    if not body:
        return Skip(source, "row has no body text; fill in its body cell or delete the row")
    published, date_text = parse_date(get("published"))
    title = _one_line(get("title"))
    lang = cell_text(get("lang")).lower()[:2]
    if lang not in _LANGS:
        lang = detect_lang(f"{title}\n{body}")
    kept = {col: row[col] for col in cmap.extra if col in row and cell_text(row[col]) != ""}
    kept.update(extra or {})
    return Record(
        source=source, format=fmt, title=title, subtitle=_one_line(get("subtitle")),
        byline=_one_line(get("byline")), outlet=_one_line(get("outlet")), published=published,
        date_text=date_text, url=_one_line(get("url")), body=body, lang=lang, extra=kept,
    )
