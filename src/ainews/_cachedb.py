"""One way to open the on-disk caches (split sentences, sentence vectors): SQLite files that the
report's kernels and worker processes read and write at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

__all__ = ["open_cache_db"]


def open_cache_db(path: Path, *schema: str) -> sqlite3.Connection:
    """Open (creating folder and file) the SQLite cache ``path``: write-ahead log, a 60 s busy
    timeout for concurrent writers, and each ``CREATE TABLE IF NOT EXISTS`` of ``schema`` run.

    Raises:
        OSError, sqlite3.Error: the cache cannot be used (the caller turns caching off).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=60)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        for statement in schema:
            db.execute(statement)
    except sqlite3.Error:
        db.close()
        raise
    return db
