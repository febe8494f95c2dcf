"""Token cache: tokenize each article (or paragraph) once, re-use it on every re-run.

Tokens are stored in an SQLite file ``<processed_dir>/tokens/tokens.sqlite`` (a key-value
table: random look-ups by key, appends, no need to hold the corpus in memory; the folder can
be deleted at any time). A row's key is a hash of the unit's text and its language pipeline;
its ``version`` names everything the tokens depend on:

* Korean texts: ``userdict_ko.tsv``, ``stopwords_ko.txt`` and the kiwipiepy version;
* Japanese texts: ``userdict_ja.tsv``, ``stopwords_ja.txt``, SudachiPy and sudachidict-core;
* all other texts: ``stopwords_en.txt``, ``terms_en.txt``, the multi-word English forms in
  ``concepts.yml`` and the simplemma version.

So editing the Korean user dictionary re-tokenizes the Korean texts only, editing the English
lists the English ones only. Concept ids are applied when tokens are read, never stored, so
editing ``concepts.yml`` re-tokenizes the English texts only (for its multi-word forms).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from . import tokens as _tokens
from .concepts import to_concepts
from .detect import detect_lang
from .english import en_version
from .japanese import ja_version
from .korean import analyse_ko, ko_version
from .sentcache import store_spans

__all__ = ["TokenUnit", "iter_article_tokens", "tokenize_articles", "paragraph_spans"]

_CHUNK = 256
_PARA = re.compile(r"\n[ \t]*\n")


class TokenUnit(NamedTuple):
    """Tokens of one article or paragraph, with offsets of the unit in the article body."""

    doc_id: str
    paragraph: int  # -1 for a whole article
    start: int
    end: int
    lang: str
    tokens: list[str]
    cached: bool


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of the paragraphs of ``body`` (split on blank lines).

    Leading and trailing white space is left out of each span; empty paragraphs are skipped.
    """
    spans, pos = [], 0
    for m in list(_PARA.finditer(body)) + [None]:
        end = m.start() if m else len(body)
        seg = body[pos:end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            spans.append((pos + lead, pos + len(seg.rstrip())))
        pos = m.end() if m else len(body)
    return spans


def _rows(articles) -> Iterator[Mapping]:
    if isinstance(articles, pd.DataFrame):
        missing = {"doc_id", "body"} - set(articles.columns)
        if missing:
            raise ValueError(f"articles need columns doc_id and body; missing {sorted(missing)}")
        cols = [c for c in ("doc_id", "body", "lang") if c in articles.columns]
        for values in articles[cols].itertuples(index=False, name=None):
            yield dict(zip(cols, values))
    else:
        yield from articles


def _units(articles, unit: str) -> Iterator[tuple[str, int, int, int, str, str]]:
    for n, row in enumerate(_rows(articles)):
        try:
            doc_id, body = str(row["doc_id"]), row["body"]
        except KeyError as exc:
            raise ValueError(f"article #{n} has no {exc} field; each needs doc_id and body") from None
        body = body if isinstance(body, str) else ""
        lang = row.get("lang")
        lang = lang if isinstance(lang, str) and lang in ("ko", "en", "ja") else None
        if unit == "article":
            yield doc_id, -1, 0, len(body), lang or detect_lang(body), body
        else:
            art_lang = lang or detect_lang(body)
            for i, (s, e) in enumerate(paragraph_spans(body)):
                yield doc_id, i, s, e, art_lang, body[s:e]


def _key(pipeline: str, text: str) -> str:
    return hashlib.blake2b(f"{pipeline}\0{text}".encode("utf-8"), digest_size=16).hexdigest()


class _Store:
    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(folder / "tokens.sqlite")
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS tokens (key TEXT, version TEXT, tokens TEXT, "
                        "PRIMARY KEY (key, version)) WITHOUT ROWID")

    def get(self, keys: list[str], version: str) -> dict[str, list[str]]:
        found = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            q = f"SELECT key, tokens FROM tokens WHERE version=? AND key IN ({','.join('?' * len(part))})"
            for k, toks in self.db.execute(q, [version, *part]):
                found[k] = json.loads(toks)
        return found

    def put(self, rows: list[tuple[str, str, list[str]]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO tokens VALUES (?, ?, ?)",
                            [(k, v, json.dumps(t, ensure_ascii=False)) for k, v, t in rows])
        self.db.commit()

    def close(self) -> None:
        self.db.close()


def iter_article_tokens(articles, *, cache_dir: str | Path | None = None, unit: str = "article",
                        concepts: bool = True) -> Iterator[TokenUnit]:
    """Stream the tokens of each article or paragraph, tokenizing only what is not cached.

    Args:
        articles: a DataFrame (or iterable of mappings) with ``doc_id`` and ``body`` and
            optionally ``lang``; bodies keep paragraphs separated by blank lines.
        cache_dir: folder of the cache; default ``ainews.config.processed_dir() / "tokens"``.
        unit: ``"article"`` (one unit per article) or ``"paragraph"`` (paragraphs of ``body``
            split on blank lines, with their index and character offsets).
        concepts: map tokens to concept ids with :func:`ainews.to_concepts`.

    Yields:
        :class:`TokenUnit` in input order; ``cached`` tells whether the tokens came from disk.
    """
    if unit not in ("article", "paragraph"):
        raise ValueError(f"unit must be 'article' or 'paragraph', not {unit!r}")
    if cache_dir is None:
        from ..config import processed_dir

        cache_dir = processed_dir() / "tokens"
    versions = {"ko": ko_version(), "en": en_version(), "ja": ja_version()}
    store = _Store(Path(cache_dir))
    try:
        it = _units(articles, unit)
        while chunk := list(islice(it, _CHUNK)):
            yield from _chunk(chunk, store, versions, concepts)
    finally:
        store.close()


def _chunk(chunk, store: _Store, versions: dict, concepts: bool) -> Iterator[TokenUnit]:
    pipes = [_tokens.pipeline_of(u[4]) for u in chunk]
    keys = [_key(p, u[5]) for p, u in zip(pipes, chunk)]
    found: dict[str, list[str]] = {}
    fresh: dict[str, list[str]] = {}
    for pipe in ("ko", "ja", "en"):
        idx = [i for i, p in enumerate(pipes) if p == pipe]
        if not idx:
            continue
        have = store.get(sorted({keys[i] for i in idx}), versions[pipe])
        found.update(have)
        todo = {keys[i]: i for i in idx if keys[i] not in have}
        if todo:
            texts = [chunk[i][5] for i in todo.values()]
            if pipe == "ko":
                # one kiwi analysis gives the tokens and the sentences: keep both
                done = analyse_ko(texts)
                toks = [t for _, t in done]
                store_spans(store.folder, [("ko", t, sp) for t, (sp, _) in zip(texts, done)])
            else:
                toks = _tokens.tokenize(texts, lang=pipe)
            new = dict(zip(todo, toks))
            store.put([(k, versions[pipe], t) for k, t in new.items()])
            fresh.update(new)
    for u, k in zip(chunk, keys):
        toks = fresh[k] if k in fresh else found[k]
        yield TokenUnit(u[0], u[1], u[2], u[3], u[4],
                        to_concepts(toks) if concepts else list(toks), k not in fresh)


def store_ko_tokens(folder: Path, items: list[tuple[str, list[str]]]) -> None:
    """Keep the tokens of Korean texts analysed by the sentence splitter in the token cache.

    Args:
        folder: the cache folder (``cache_dir`` of :func:`iter_article_tokens`).
        items: ``(text, tokens)`` of texts tokenized as Korean (:func:`ainews.lang.korean.analyse_ko`).
    """
    try:
        store = _Store(Path(folder))
    except (OSError, sqlite3.Error):
        return  # no writable cache: the tokens are simply computed again when asked for
    try:
        store.put([(_key("ko", t), ko_version(), toks) for t, toks in items])
    except sqlite3.Error:
        pass
    finally:
        store.close()


def tokenize_articles(articles, *, cache_dir: str | Path | None = None, unit: str = "article",
                      concepts: bool = True) -> pd.DataFrame:
    """Tokens per article (or paragraph) as a DataFrame, through the on-disk cache.

    Same arguments as :func:`iter_article_tokens`, which streams the same rows for corpora
    too large to hold as one table.

    Returns:
        DataFrame with columns ``doc_id``, ``paragraph`` (-1 for whole articles), ``start``,
        ``end`` (offsets of the unit in ``body``), ``lang``, ``tokens`` (list of str) and
        ``cached`` (bool).
    """
    return pd.DataFrame(list(iter_article_tokens(articles, cache_dir=cache_dir, unit=unit,
                                                 concepts=concepts)),
                        columns=list(TokenUnit._fields))
