"""File suffix -> reader: each reader yields :class:`Record` or :class:`Skip` for one input file.

A reader is ``read_<fmt>(path, rel) -> Iterator[Record | Skip]`` where ``rel`` is the file's path
relative to the input folder; it raises :class:`InputError` (before yielding anything) when the
whole file cannot be read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from .html import read_html
from .records import Record, Skip
from .tabular import read_csv, read_jsonl, read_xlsx

__all__ = ["READERS", "Reader"]

Reader = Callable[[Path, str], Iterator[Record | Skip]]

READERS: dict[str, Reader] = {
    ".html": read_html,
    ".htm": read_html,
    ".csv": read_csv,
    ".tsv": read_csv,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".xlsx": read_xlsx,
}
