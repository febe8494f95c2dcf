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
from .tabular import read_csv, read_jsonl, read_metadata, read_xlsx
from .text import read_markdown, read_text

__all__ = ["METADATA_NAMES", "READERS", "Reader", "read_metadata"]

Reader = Callable[[Path, str], Iterator[Record | Skip]]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".csv": read_csv,
    ".tsv": read_csv,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".xlsx": read_xlsx,
}

# A file with one of these names at the top of the data folder overrides inferred metadata.
METADATA_NAMES = {"metadata.csv"}
