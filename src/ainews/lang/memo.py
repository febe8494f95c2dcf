"""Answers of a slow, pure look-up kept in memory and in the on-disk memo table, across processes.

The extractors ask a few models the same small questions again and again (the NER tagger on a
window of text, kiwi on a candidate name). Each :class:`DiskMemo` keeps its answers under a
``kind`` and a ``version`` in the ``memo`` table beside the cached sentences
(:func:`ainews.lang.sentcache.load_memo`): read once per process, new answers written back by
:func:`save_memos` (the extractors call it after each pass over the articles). A process whose
answers are all on disk then never loads the model behind them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

__all__ = ["DiskMemo", "save_memos"]

_ALL: list[DiskMemo] = []


@lru_cache(maxsize=8)
def _folder(_processed: str | None, _data: str | None) -> str:
    # resolved once per environment: resolving paths on every question costs more than a look-up
    from ..config import processed_dir

    return str(processed_dir() / "tokens")


def _env() -> tuple[str | None, ...]:
    return tuple(os.environ.get(k) for k in ("AINEWS_PROCESSED", "AINEWS_DATA", "AINEWS_LEXICONS"))


class DiskMemo:
    """``key -> str`` answers of one question, memoised in memory and on disk.

    Args:
        kind: a name for the family of answers (the ``kind`` column of the memo table).
        version: returns what the answers depend on (model file, code, lexicons); called once
            per environment (cache and lexicon folders); the answers are stored under its value,
            so a change of what it names leaves the old answers unused.
    """

    def __init__(self, kind: str, version: Callable[[], str]):
        self.kind = kind
        self._version = version
        self._where_by_env: dict[tuple[str | None, ...], tuple[str, str]] = {}
        self._answers: dict[tuple[str, str], dict[str, str]] = {}
        self._pending: dict[tuple[str, str], dict[str, str]] = {}
        _ALL.append(self)

    def _where(self) -> tuple[str, str]:
        env = _env()
        where = self._where_by_env.get(env)
        if where is None:
            where = self._where_by_env[env] = (_folder(*env[:2]), self._version())
        return where

    def get(self, key: str, compute: Callable[[], str]) -> str:
        """The stored answer for ``key``, else ``compute()`` (kept, and written by :func:`save_memos`)."""
        where = self._where()
        answers = self._answers.get(where)
        if answers is None:
            from .sentcache import load_memo

            answers = self._answers[where] = load_memo(self.kind, where[1], cache_dir=where[0])
        found = answers.get(key)
        if found is None:
            found = answers[key] = self._pending.setdefault(where, {})[key] = compute()
        return found

    def save(self) -> None:
        """Write the answers found since the last save to the on-disk memo."""
        from .sentcache import save_memo

        while self._pending:
            (folder, version), items = self._pending.popitem()
            save_memo(self.kind, version, items, cache_dir=Path(folder))


def save_memos() -> None:
    """Write the new answers of every :class:`DiskMemo` of this process to disk."""
    for memo in _ALL:
        memo.save()
