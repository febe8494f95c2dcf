"""Sentence cache: split each text once, re-use its sentence spans in every later process.

Splitting Korean text runs kiwi's full analysis, the slowest step of extraction; every notebook
of the report runs in a fresh kernel, so an in-process cache does not carry over. Spans are
stored beside the tokens, in a ``sentences`` table of ``<processed_dir>/tokens/tokens.sqlite``
(the folder can be deleted at any time). A row's key is a hash of the text and the ``lang``
it was split with; its ``version`` (:func:`ainews.lang.sentences.split_version`) names what
the spans depend on: for Korean the user dictionary and the kiwipiepy (and model) version,
for other languages the splitting rules. Editing ``userdict_ko.tsv`` re-splits Korean texts
only.

Uncached texts are split in one batch: their Korean lines go to ``Kiwi.split_into_sents``
as one iterable, which kiwi spreads over its worker threads; results are identical to
:func:`ainews.sentences` text by text.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import warnings
from array import array
from collections.abc import Iterable, Sequence
from itertools import islice
from pathlib import Path

import pandas as pd

from .._cachedb import open_cache_db
from .korean import analyse_lines_ko
from .sentences import Sentence, _lines, _split_line_other, split_version

__all__ = ["cached_sentences", "sentence_spans", "get_sentences", "load_memo", "save_memo"]

Spans = list[tuple[int, int]]
_CHUNK = 512  # texts per batch: kiwi's threads stay busy, memory stays flat


def _key(lang: str | None, text: str) -> str:
    return hashlib.blake2b(f"sent\0{lang or ''}\0{text}".encode("utf-8"), digest_size=16).hexdigest()


def _pack(spans: Spans) -> bytes:
    flat = array("I", [x for span in spans for x in span])
    if sys.byteorder == "big":  # stored little-endian so a cache folder can be copied
        flat.byteswap()
    return flat.tobytes()


def _unpack(blob: bytes) -> Spans:
    flat = array("I")
    flat.frombytes(blob)
    if sys.byteorder == "big":
        flat.byteswap()
    return list(zip(flat[0::2], flat[1::2]))


class _Store:
    """The ``sentences`` table; any SQLite error turns the cache off with one warning."""

    def __init__(self, folder: Path):
        self.db = None
        try:
            self.db = open_cache_db(folder / "tokens.sqlite",
                                    "CREATE TABLE IF NOT EXISTS sentences (key TEXT, version TEXT, "
                                    "spans BLOB, PRIMARY KEY (key, version)) WITHOUT ROWID",
                                    "CREATE TABLE IF NOT EXISTS memo (kind TEXT, version TEXT, key TEXT, "
                                    "value TEXT, PRIMARY KEY (kind, version, key)) WITHOUT ROWID")
        except (OSError, sqlite3.Error) as exc:
            self._off(folder, exc)
        self.folder = folder

    def _off(self, folder: Path, exc: Exception) -> None:
        warnings.warn(f"sentence cache in {folder} is not usable ({exc}); splitting without it. "
                      "Set AINEWS_PROCESSED to a writable folder to keep split sentences.",
                      RuntimeWarning, stacklevel=4)
        if self.db is not None:
            self.db.close()
        self.db = None

    def get(self, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], Spans]:
        found: dict[tuple[str, str], Spans] = {}
        if self.db is None:
            return found
        by_version: dict[str, list[str]] = {}
        for k, v in pairs:
            by_version.setdefault(v, []).append(k)
        try:
            for v, keys in by_version.items():
                for i in range(0, len(keys), 500):
                    part = keys[i : i + 500]
                    q = (f"SELECT key, spans FROM sentences WHERE version=? "
                         f"AND key IN ({','.join('?' * len(part))})")
                    for k, blob in self.db.execute(q, [v, *part]):
                        found[(k, v)] = _unpack(blob)
        except sqlite3.Error as exc:
            self._off(self.folder, exc)
        return found

    def put(self, rows: list[tuple[str, str, Spans]]) -> None:
        if self.db is None or not rows:
            return
        try:
            self.db.executemany("INSERT OR REPLACE INTO sentences VALUES (?, ?, ?)",
                                [(k, v, _pack(s)) for k, v, s in rows])
            self.db.commit()
        except sqlite3.Error as exc:
            self._off(self.folder, exc)

    def memo_get(self, kind: str, version: str) -> dict[str, str]:
        if self.db is None:
            return {}
        try:
            return dict(self.db.execute("SELECT key, value FROM memo WHERE kind=? AND version=?",
                                        (kind, version)))
        except sqlite3.Error as exc:
            self._off(self.folder, exc)
            return {}

    def memo_put(self, kind: str, version: str, items: dict[str, str]) -> None:
        if self.db is None or not items:
            return
        try:
            self.db.executemany("INSERT OR REPLACE INTO memo VALUES (?, ?, ?, ?)",
                                [(kind, version, k, v) for k, v in items.items()])
            self.db.commit()
        except sqlite3.Error as exc:
            self._off(self.folder, exc)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def _folder(cache_dir: str | Path | None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    from ..config import processed_dir

    return processed_dir() / "tokens"


def _split_batch(items: list[tuple[str | None, str]], folder: Path | None = None) -> list[Spans]:
    """Spans of each ``(lang, text)``, Korean lines of all texts in one kiwi call.

    Kiwi's analysis also gives the tokens of each Korean line; those of the texts split as
    Korean throughout (``lang="ko"``, as the extractors split Korean articles) are kept in the
    token cache of ``folder``, so tokenizing these articles later reads them back.
    """
    plans = [_lines(text, lang) for lang, text in items]
    ko_lines = [line for plan in plans for _, line, ko in plan if ko]
    ko_results = iter(analyse_lines_ko(ko_lines))
    out, tokens = [], []
    for (lang, text), plan in zip(items, plans):
        spans: Spans = []
        toks: list[str] = []
        for offset, line, ko in plan:
            if ko:
                sp, tk = next(ko_results)
                spans.extend((offset + a, offset + b) for a, b in sp)
                toks.extend(tk)
            else:
                spans.extend((s.start, s.end) for s in _split_line_other(line, offset))
        out.append(spans)
        if lang == "ko":
            tokens.append((text, toks))
    if folder is not None and tokens:
        from .cache import store_ko_tokens

        store_ko_tokens(folder, tokens)
    return out


def store_spans(folder: Path, items: list[tuple[str, str, Spans]]) -> None:
    """Keep sentence spans found elsewhere (the Korean tokenizer's analysis) in the cache.

    Args:
        folder: the cache folder (as ``cache_dir`` of :func:`sentence_spans`).
        items: ``(lang, text, spans)``; blank texts are skipped.
    """
    rows = [(_key(lg, t), split_version(lg, t), sp) for lg, t, sp in items if t.strip()]
    if not rows:
        return
    store = _Store(folder)
    try:
        store.put(rows)
    finally:
        store.close()


def _normalize(texts, lang) -> tuple[list[str], list[str | None]]:
    if isinstance(texts, str):
        raise TypeError("sentence_spans expects an iterable of texts; use cached_sentences for one")
    texts = ["" if t is None or t != t else t for t in texts]  # None/NaN from a column
    for n, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"text #{n} is {type(t).__name__}, expected str: {t!r:.80}")
    if lang is None or isinstance(lang, str):
        langs = [lang or None] * len(texts)
    else:
        langs = [lg if isinstance(lg, str) and lg else None for lg in lang]
        if len(langs) != len(texts):
            raise ValueError(f"lang has {len(langs)} entries for {len(texts)} texts; give one per text")
    return texts, langs


def sentence_spans(texts: Iterable[str], *, lang: str | None | Sequence[str | None] = None,
                   cache_dir: str | Path | None = None) -> list[Spans]:
    """``(start, end)`` of the sentences of many texts, through the on-disk sentence cache.

    Cached texts are read back; the others are split in one batch (Korean lines spread over
    kiwi's worker threads) and stored. Spans equal those of :func:`ainews.sentences`.

    Args:
        texts: texts (article bodies); ``None``/NaN count as empty.
        lang: one language for all texts, one per text, or ``None`` to detect per line
            (as :func:`ainews.sentences` does).
        cache_dir: folder of the cache; default ``ainews.config.processed_dir() / "tokens"``.

    Returns:
        One list of ``(start, end)`` character offsets per text, in input order.
    """
    texts, langs = _normalize(texts, lang)
    store = _Store(_folder(cache_dir))
    out: list[Spans] = []
    try:
        it = iter(zip(langs, texts))
        while chunk := list(islice(it, _CHUNK)):
            out.extend(_chunk(chunk, store))
    finally:
        store.close()
    return out


def _chunk(chunk: list[tuple[str | None, str]], store: _Store) -> list[Spans]:
    ids = [(_key(lg, t), split_version(lg, t)) if t.strip() else None for lg, t in chunk]
    found = store.get(sorted({i for i in ids if i is not None}))
    todo: dict[tuple[str, str], int] = {}
    for n, i in enumerate(ids):
        if i is not None and i not in found and i not in todo:
            todo[i] = n
    if todo:
        fresh = _split_batch([chunk[n] for n in todo.values()], store.folder)
        new = dict(zip(todo, fresh))
        store.put([(k, v, s) for (k, v), s in new.items()])
        found.update(new)
    return [found[i] if i is not None else [] for i in ids]


def cached_sentences(text: str, *, lang: str | None = None,
                     cache_dir: str | Path | None = None) -> list[Sentence]:
    """:func:`ainews.sentences` read through the on-disk sentence cache (same results).

    Args:
        text: an article body.
        lang: as for :func:`ainews.sentences`.
        cache_dir: folder of the cache; default ``ainews.config.processed_dir() / "tokens"``.
    """
    spans = sentence_spans([text], lang=lang, cache_dir=cache_dir)[0]
    return [Sentence(text[s:e], s, e) for s, e in spans]


def get_sentences(articles: pd.DataFrame, *, cache_dir: str | Path | None = None) -> pd.DataFrame:
    """One row per sentence of each article, through the sentence cache.

    Args:
        articles: DataFrame with ``doc_id`` and ``body`` and optionally ``lang`` (missing or
            ``und`` values are detected per line).
        cache_dir: folder of the cache; default ``ainews.config.processed_dir() / "tokens"``.

    Returns:
        DataFrame with columns ``doc_id``, ``sentence_no`` (0-based within the article),
        ``start``, ``end`` (offsets into ``body``) and ``sentence`` (``body[start:end]``).
    """
    missing = {"doc_id", "body"} - set(getattr(articles, "columns", ()))
    if missing:
        raise ValueError(f"articles need columns doc_id and body; missing {sorted(missing)} "
                         "(build them with ainews.load_corpus())")
    bodies = articles["body"].tolist()
    langs = (articles["lang"].where(articles["lang"] != "und", None).tolist()
             if "lang" in articles.columns else None)
    rows = []
    for doc_id, body, spans in zip(articles["doc_id"].tolist(), bodies,
                                   sentence_spans(bodies, lang=langs, cache_dir=cache_dir)):
        rows.extend((str(doc_id), n, s, e, body[s:e]) for n, (s, e) in enumerate(spans))
    df = pd.DataFrame(rows, columns=["doc_id", "sentence_no", "start", "end", "sentence"])
    return df.astype({"sentence_no": "int64", "start": "int64", "end": "int64"})


def load_memo(kind: str, version: str, *, cache_dir: str | Path | None = None) -> dict[str, str]:
    """Answers stored under ``kind`` and ``version`` (small look-ups worth keeping across processes).

    The extractors keep kiwi's verdict on candidate Korean names here, so a process whose
    sentences are all cached does not need to load kiwi's model at all.

    Args:
        kind: a name for the family of answers (``"ko_name"``).
        version: what the answers depend on; other versions are not returned.
        cache_dir: folder of the cache; default ``ainews.config.processed_dir() / "tokens"``.

    Returns:
        ``key -> value`` for every stored answer.
    """
    store = _Store(_folder(cache_dir))
    try:
        return store.memo_get(kind, version)
    finally:
        store.close()


def save_memo(kind: str, version: str, items: dict[str, str], *,
              cache_dir: str | Path | None = None) -> None:
    """Store ``key -> value`` answers under ``kind`` and ``version`` (see :func:`load_memo`)."""
    if not items:
        return
    store = _Store(_folder(cache_dir))
    try:
        store.memo_put(kind, version, items)
    finally:
        store.close()
