"""Exact and near-duplicate detection (the same story re-posted, a reprint with another footer).

Exact copies share a normalized-text hash. Near copies are found with MinHash LSH (datasketch)
over word 3-gram shingles: a pair whose estimated Jaccard similarity reaches ``threshold`` is a
duplicate. The earlier article (by publication date, then source path) is the original, so the
result does not depend on the order files were listed in.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

__all__ = ["find_duplicates", "text_key"]

_WORD = re.compile(r"\w+")
_NUM_PERM = 64
_MIN_WORDS = 20  # shorter texts are compared exactly only: too few shingles to judge similarity
# Near copies are judged on the first words only: enough for any news story, and it keeps one
# multi-megabyte text from costing seconds of hashing (exact copies still hash the whole text).
_MAX_WORDS = 20_000


def text_key(text: str) -> str:
    """Hash of the text with case, spacing and punctuation removed."""
    norm = " ".join(_WORD.findall(text.lower()))
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def _crc32(b: bytes) -> int:
    return zlib.crc32(b)


_BLANK: list[MinHash] = []


def _minhash(words: list[str]) -> MinHash:
    # Copies of one blank sketch: a new MinHash draws its permutations from a fresh random
    # generator every time (the same ones, as the seed is fixed), which cost more than hashing.
    if not _BLANK:
        _BLANK.append(MinHash(num_perm=_NUM_PERM, seed=1, hashfunc=_crc32))
    m = _BLANK[0].copy()
    shingles = {" ".join(words[i:i + 3]).encode("utf-8") for i in range(len(words) - 2)}
    m.update_batch(list(shingles))
    return m


def find_duplicates(texts: Sequence[str], ids: Sequence[str], *, threshold: float = 0.8) -> list[str]:
    """For each text, the id of an earlier copy, or ``""``.

    Args:
        texts: article bodies, already in canonical order (earliest first).
        ids: their doc ids, same order.
        threshold: estimated Jaccard similarity of word 3-grams at or above which two
            articles are the same story.

    Returns:
        A list parallel to ``texts``.
    """
    out = [""] * len(texts)
    seen: dict[str, str] = {}
    lsh = MinHashLSH(threshold=threshold, num_perm=_NUM_PERM)
    hashes: dict[str, MinHash] = {}
    for i, (text, doc_id) in enumerate(zip(texts, ids)):
        key = text_key(text)
        if key in seen:
            out[i] = seen[key]
            continue
        seen[key] = doc_id
        words = _WORD.findall(text.lower())
        if len(words) < _MIN_WORDS:
            continue
        mh = _minhash(words[:_MAX_WORDS])
        for cand in lsh.query(mh):
            if hashes[cand].jaccard(mh) >= threshold:
                out[i] = cand
                break
        if not out[i]:
            lsh.insert(doc_id, mh)
            hashes[doc_id] = mh
    return out
