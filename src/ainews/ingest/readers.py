"""File extension -> reader. Each reader yields :class:`~ainews.ingest.records.Record` or
:class:`~ainews.ingest.records.Skip` and raises ``InputError`` for a file it cannot read."""

from __future__ import annotations

from .text import read_markdown, read_text

__all__ = ["READERS", "METADATA_NAMES", "read_metadata"]

READERS = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
}

# A file with one of these names at the top of the data folder overrides inferred metadata.
METADATA_NAMES = {"metadata.csv"}


def read_metadata(path):
    import pandas as pd

    return pd.read_csv(path, dtype=str).set_index("file")
