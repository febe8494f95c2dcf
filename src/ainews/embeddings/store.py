"""Sentence-vector cache: each distinct sentence is encoded once, then read back from disk.

Vectors live in an SQLite file ``<processed_dir>/embeddings/vectors.sqlite`` (key-value, random
look-ups, appends; the folder can be deleted at any time). A row's key is a hash of the
sentence text; its ``version`` names the encoder (package and version), so upgrading the encoder
re-encodes everything and never mixes vectors of two models. Vectors are stored as float16
(1 KB per sentence; cosine similarities change by less than 1e-3).
"""

from __future__ import annotations

import hashlib
import sqlite3
import warnings
from pathlib import Path

import numpy as np

from .._cachedb import open_cache_db

__all__ = ["VectorStore", "text_key"]


def text_key(text: str) -> str:
    """Cache key of one sentence: a 128-bit hash of its text."""
    return hashlib.blake2b(f"vec\0{text}".encode("utf-8"), digest_size=16).hexdigest()


class VectorStore:
    """The ``vectors`` table; an unusable folder turns the cache off with one warning.

    Args:
        folder: where ``vectors.sqlite`` lives (created if missing).
        version: the encoder version the vectors belong to.
        dim: vector length.
    """

    def __init__(self, folder: str | Path, version: str, dim: int):
        self.version, self.dim, self.db = version, dim, None
        folder = Path(folder)
        try:
            self.db = open_cache_db(folder / "vectors.sqlite",
                                    "CREATE TABLE IF NOT EXISTS vectors (key TEXT, version TEXT, vec BLOB, "
                                    "PRIMARY KEY (key, version)) WITHOUT ROWID")
        except (OSError, sqlite3.Error) as exc:
            warnings.warn(f"vector cache in {folder} is not usable ({exc}); encoding without it. "
                          "Set AINEWS_PROCESSED to a writable folder to keep sentence vectors.",
                          RuntimeWarning, stacklevel=3)
            self.db = None

    def get(self, keys: list[str]) -> dict[str, np.ndarray]:
        """Cached vectors (float32) of those keys that are in the store."""
        found: dict[str, np.ndarray] = {}
        if self.db is None:
            return found
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            q = f"SELECT key, vec FROM vectors WHERE version=? AND key IN ({','.join('?' * len(part))})"
            for k, blob in self.db.execute(q, [self.version, *part]):
                v = np.frombuffer(blob, dtype="<f2")
                if v.size == self.dim:
                    found[k] = v.astype(np.float32)
        return found

    def put(self, items: dict[str, np.ndarray]) -> None:
        """Store vectors by key."""
        if self.db is None or not items:
            return
        rows = [(k, self.version, np.asarray(v, dtype="<f2").tobytes()) for k, v in items.items()]
        try:
            self.db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
            self.db.commit()
        except sqlite3.Error as exc:
            warnings.warn(f"could not write sentence vectors ({exc}); continuing without the cache",
                          RuntimeWarning, stacklevel=3)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
