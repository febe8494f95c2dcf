"""Shared plumbing for the extractors: article validation, cached sentence splitting, canonical keys.

Every extractor walks the same articles and needs the same sentences; splitting Korean text is the
expensive step (kiwi), so the split is cached per ``(lang, body)``: in memory, shared by all
extractors of a process, and on disk (:mod:`ainews.lang.sentcache`), shared by every later process
such as the report's notebook kernels. Each extractor call first fetches the spans of all its
articles in one batch, so uncached Korean bodies are split together across kiwi's threads.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

import pandas as pd

from ..lang import detect_lang
from ..lang.sentcache import sentence_spans as _cached_spans

_BLOCK = 1024  # articles per batch of sentence splitting (less than the in-memory cache)
EVIDENCE = ["doc_id", "sentence", "sentence_start", "start", "end"]


class Article(NamedTuple):
    """One article as the extractors see it."""

    doc_id: str
    lang: str
    body: str
    published: pd.Timestamp | None
    title: str = ""


def _iter_articles(articles: pd.DataFrame, needs_sentences=None) -> Iterator[Article]:
    """Validate ``articles`` and yield one :class:`Article` per row (empty bodies skipped).

    Sentence spans are loaded (or split, in one batch) for each block of ``_BLOCK`` articles
    before the block is yielded; with ``needs_sentences`` (a function of the article), only for
    the articles of the block it is true of (the others are split when first asked, one by one).

    Raises:
        TypeError: if ``articles`` is not a DataFrame.
        ValueError: naming the missing columns, or the row whose body is not text.
    """
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(
            f"articles must be a pandas DataFrame with columns doc_id, body (and lang, published); "
            f"got {type(articles).__name__}"
        )
    missing = [c for c in ("doc_id", "body") if c not in articles.columns]
    if missing:
        raise ValueError(
            f"articles is missing column(s) {missing}; build it with ainews.load_corpus() or add them "
            "(doc_id: an id per article, body: the article text)"
        )
    it = _validated(articles)
    while block := list(islice(it, _BLOCK)):
        _SPLITS.fill([(a.lang, a.body) for a in block if needs_sentences is None or needs_sentences(a)])
        yield from block
    from ..lang.memo import save_memos

    save_memos()  # every DiskMemo of the process: NER answers, name verdicts of kiwi


def _validated(articles: pd.DataFrame) -> Iterator[Article]:
    has_lang = "lang" in articles.columns
    has_pub = "published" in articles.columns
    has_title = "title" in articles.columns
    for i, row in enumerate(articles.itertuples(index=False)):
        body = getattr(row, "body")
        if body is None or (isinstance(body, float) and pd.isna(body)):
            continue
        if not isinstance(body, str):
            raise ValueError(f"articles row {i} (doc_id={getattr(row, 'doc_id')!r}): body is "
                             f"{type(body).__name__}, expected str")
        if not body.strip():
            continue
        lang = getattr(row, "lang") if has_lang else None
        if not isinstance(lang, str) or lang in ("", "und"):
            lang = detect_lang(body)
        pub = getattr(row, "published") if has_pub else None
        pub = None if pub is None or pd.isna(pub) else pd.Timestamp(pub)
        title = getattr(row, "title") if has_title else ""
        yield Article(str(getattr(row, "doc_id")), lang, body, pub, title if isinstance(title, str) else "")


class _Split(NamedTuple):
    starts: list[int]
    ends: list[int]


class _SplitCache:
    """Sentence spans per ``(lang, body)``: the latest ``maxsize`` in memory, all on disk."""

    def __init__(self, maxsize: int = 4096):
        self.maxsize = maxsize
        self._data: OrderedDict[tuple[str, str], _Split] = OrderedDict()

    def get(self, lang: str, body: str) -> _Split:
        key = (lang, body)
        found = self._data.get(key)
        if found is None:
            self.fill([key])
            found = self._data[key]
        self._data.move_to_end(key)
        return found

    def fill(self, pairs: list[tuple[str, str]]) -> None:
        """Make sure the spans of ``pairs`` are in memory, reading or splitting the rest in one batch."""
        todo = []
        for p in dict.fromkeys(pairs):
            if p in self._data:
                self._data.move_to_end(p)  # so the new spans below do not evict it
            else:
                todo.append(p)
        if not todo:
            return
        spans = _cached_spans([b for _, b in todo], lang=[lg for lg, _ in todo])
        for key, sp in zip(todo, spans):
            self._data[key] = _Split([s for s, _ in sp], [e for _, e in sp])
        while len(self._data) > self.maxsize:
            self._data.popitem(last=False)

    def clear(self) -> None:
        """Forget the spans held in memory (the disk cache stays)."""
        self._data.clear()


_SPLITS = _SplitCache()


def _split(lang: str, body: str) -> _Split:
    return _SPLITS.get(lang, body)


_split.cache_clear = _SPLITS.clear  # type: ignore[attr-defined]


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of the article body (cached across extractors)."""
    sp = _split(article.lang, article.body)
    return list(zip(sp.starts, sp.ends))


def sentence_of(article: Article, pos: int) -> tuple[int, int]:
    """The sentence span containing offset ``pos`` (or the line around it when it falls between)."""
    sp = _split(article.lang, article.body)
    i = bisect.bisect_right(sp.starts, pos) - 1
    if i >= 0 and pos < sp.ends[i]:
        return sp.starts[i], sp.ends[i]
    body = article.body
    lo = body.rfind("\n", 0, pos) + 1
    hi = body.find("\n", pos)
    return lo, len(body) if hi < 0 else hi


def evidence(article: Article, start: int, end: int) -> dict:
    """The evidence columns of a fact spanning ``body[start:end]``."""
    s0, s1 = sentence_of(article, start)
    s1 = max(s1, end) if end <= s1 + 200 else s1
    return {"doc_id": article.doc_id, "sentence": article.body[s0:s1], "sentence_start": s0,
            "start": start, "end": end}


_NORM_DROP = re.compile(r"[\s\-\u2010-\u2015.'’·ㆍ,]+")
_ORG_FORMS = re.compile(r"^(?:㈜|\(주\)|주식회사)\s*|\s*(?:㈜|\(주\)|주식회사|,?\s*(?:Co|Corp|Inc|Ltd)\.?)$")


def _fallback_key(surface: str) -> str:
    s = unicodedata.normalize("NFKC", surface).strip()
    s = _ORG_FORMS.sub("", s)
    return _NORM_DROP.sub("", s).casefold()


@lru_cache(maxsize=65536)
def canonical(surface: str) -> str:
    """Canonical id of an entity surface form.

    Uses the project concept map (``ainews.lang.concepts.concept_of``) when it is available and knows
    the form; otherwise a spelling-insensitive key: NFKC, case-folded, without spaces, hyphens, dots
    and company-form markers, so "Chey Tae-won" and "Chey Taewon" share ``cheytaewon``.
    """
    concept = _concept_of(surface)
    if concept:
        return concept
    return _fallback_key(surface)


def _concept_of(surface: str) -> str | None:
    try:
        from ..lang.concepts import concept_of  # type: ignore[import-not-found]
    except ImportError:  # the concept map is optional; the fallback key still merges spellings
        return None
    try:
        return concept_of(surface)
    except Exception:  # noqa: BLE001 - a broken concept map must not stop extraction
        return None


def frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with exactly ``columns`` (in order), also when there are no rows."""
    df = pd.DataFrame(rows, columns=columns)
    for c in ("start", "end", "sentence_start"):
        if c in df.columns:
            df[c] = df[c].astype("int64")
    return df
