"""``tokenize``: one entry point for Korean, English and anything else.

Korean texts go to kiwi in batches (spread over its worker threads), Japanese texts to
SudachiPy (:mod:`ainews.lang.japanese`); other texts go through the English pipeline. Results come back in input order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from .detect import detect_lang
from .english import tokenize_en
from .japanese import tokenize_ja
from .korean import tokenize_ko

__all__ = ["tokenize", "pipeline_of"]

# Texts are grouped in batches this large: big enough that kiwi's threads stay busy,
# small enough that memory stays flat on a corpus of any size.
_BATCH = 512


def pipeline_of(lang: str | None) -> str:
    """Which tokenizer handles ``lang``: ``ko`` for Korean, ``ja`` for Japanese, ``en`` for the rest."""
    return lang if lang in ("ko", "ja") else "en"


_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _lang_of(text: str, lang: str | None) -> str:
    if lang:
        return lang
    found = detect_lang(text) if text else "und"
    if found == "und" and _HANGUL.search(text):
        # Too short to call (a headline, "광주의"), but only kiwi can read Hangul.
        return "ko"
    return found


def _batch(texts: list[str], lang: str | None) -> list[list[str]]:
    langs = [_lang_of(t, lang) for t in texts]
    out: list[list[str] | None] = [None] * len(texts)
    ko_idx = [i for i, lg in enumerate(langs) if pipeline_of(lg) == "ko"]
    if ko_idx:
        for i, toks in zip(ko_idx, tokenize_ko(texts[i] for i in ko_idx)):
            out[i] = toks
    ja_idx = [i for i, lg in enumerate(langs) if lg == "ja"]
    if ja_idx:
        for i, toks in zip(ja_idx, tokenize_ja(texts[i] for i in ja_idx)):
            out[i] = toks
    for i in range(len(texts)):
        if out[i] is None:
            out[i] = tokenize_en(texts[i])
    return out  # type: ignore[return-value]


def _stream(texts: Iterable[str], lang: str | None) -> Iterator[list[str]]:
    it = iter(texts)
    while batch := list(islice(it, _BATCH)):
        batch = [t if isinstance(t, str) else _bad(t) for t in batch]
        yield from _batch(batch, lang)


def _bad(value) -> str:
    if value is None or value != value:  # None or NaN from a DataFrame column
        return ""
    raise TypeError(f"tokenize expects strings, got {type(value).__name__}: {value!r:.80}")


def tokenize(texts: str | Iterable[str], *, lang: str | None = None):
    """Normalized content tokens of one text or many.

    Korean (kiwipiepy with the project's user dictionary): nouns, proper nouns, roots and
    foreign words, particles and endings dropped, so 광주는 / 광주에서 / 광주의 give 광주.
    Japanese (SudachiPy, split mode C, with ``userdict_ja.tsv``): nouns in normalised form,
    so 経済産業省 and 生成AI stay whole (``生成ai``).
    English (and any other language): lower-cased simplemma lemmas without stopwords.
    Multi-word terms become one token joined by ``_`` (``생성형_ai``, ``data_sovereignty``).
    Tokens are surface forms; map them to bilingual concept ids with :func:`to_concepts`.

    Args:
        texts: a string, or an iterable of strings (``None``/NaN count as empty).
        lang: ``ko``, ``en``, ``ja`` or ``und`` for all texts; detected per text if ``None``.

    Returns:
        For a string, its list of tokens. For a list, tuple or pandas Series, a list of token
        lists in the same order. For any other iterable (a generator, a file), an iterator
        that streams token lists in input order.
    """
    if isinstance(texts, str):
        return _batch([texts], lang)[0]
    if isinstance(texts, (list, tuple)) or type(texts).__name__ == "Series":
        return list(_stream(texts, lang))
    return _stream(texts, lang)
