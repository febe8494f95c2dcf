"""Sentence splitting with character offsets into the source text.

Korean uses kiwipiepy's ``split_into_sents`` (the shared ``Kiwi`` with the user dictionary,
through :func:`ainews.lang.korean.analyse_lines_ko`, which also yields the line's tokens);
lines with kana or 。 (Japanese, Chinese) end sentences after 。！？ outside 「」『』（）
(:func:`ainews.lang.japanese.split_sentences_ja`); other languages use a
rule that splits after ., ! or ? (and closing quotes) followed by white space and an upper-case
letter, digit or quote (or, with no space, after a lower-case word and before a capitalised
one), keeping common abbreviations (Mr., U.S., Co.) intact. Paragraph breaks
(blank lines or line breaks) always end a sentence.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import NamedTuple

from ..lexicons import lexicon_version
# detect_lang says "ko" only for text with a character of this class
from .detect import _HANGUL, _KANA, detect_lang
from .japanese import _rules_key as _ja_rules_key, split_sentences_ja
from .korean import _LINE, USERDICT, analyse_lines_ko, get_kiwi

__all__ = ["Sentence", "sentences", "get_kiwi", "split_version"]

_CJK_STOP = re.compile(r"[。！？]")

# Bump when the splitting code changes in a way the patterns below do not show: cached
# sentence spans (ainews.lang.sentcache) carry this in their version.
SPLIT_RULES = 2


class Sentence(NamedTuple):
    """A sentence and its ``[start, end)`` character offsets in the source text."""

    text: str
    start: int
    end: int


_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "co", "corp", "inc", "ltd", "no",
    "vs", "etc", "gen", "gov", "sen", "rep", "u.s", "u.k", "e.g", "i.e", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m",
}
# A boundary is sentence-final punctuation (and closing quotes) before white space and a capital,
# digit or opening quote; or, glued without the space, after a lower-case word and before a
# capitalised word ("cyber terror threats.Seoul Metro", "he said.”By 2020"): pages and exports
# that join paragraphs without a break (93% of the Korea Herald 2016 articles) lose the space.
_SPACED = r"[.!?]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9\uac00-\ud7a3])"
_BOUNDARY = re.compile(_SPACED + r"|(?<=[a-z][a-z])[.!?]+[\"'\u201d\u2019)\]]*(?=[\"\u201c\u2018]?[A-Z][a-z])")
_SPACED_BOUNDARY = re.compile(_SPACED)  # for units that keep glued sentences together (embeddings)


def _split_line_en(line: str, offset: int, *, glued: bool = True) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in (_BOUNDARY if glued else _SPACED_BOUNDARY).finditer(line):
        head = line[start : m.start() + 1]
        last = re.search(r"([A-Za-z.]+)\.$", head.rstrip("\"'\u201d\u2019)]!?"))
        if last and last.group(1).lower().rstrip(".") in _ABBREV:
            continue
        end = m.end()
        seg = line[start:end].rstrip()
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append(Sentence(seg.strip(), offset + start + lead, offset + start + len(seg)))
        start = end
    seg = line[start:]
    if seg.strip():
        lead = len(seg) - len(seg.lstrip())
        s = seg.strip()
        out.append(Sentence(s, offset + start + lead, offset + start + lead + len(s)))
    return out


def _split_line_other(line: str, offset: int, *, glued: bool = True) -> list[Sentence]:
    """A line that does not go to kiwi: Japanese rules when it has kana or 。, else English
    (``glued=False``: no boundary without white space after the punctuation)."""
    if _KANA.search(line) or _CJK_STOP.search(line):
        return [Sentence(*s) for s in split_sentences_ja(line, offset)]
    return _split_line_en(line, offset, glued=glued)


def spaced_rule_sentences(line: str) -> list[Sentence]:
    """The rule splitter's sentences of one line (Japanese rules when it has kana or 。), without
    the boundary for sentences glued with no space: the units of the theme decision (its lexicon
    sentences and the sentence encoder's units), which measured better on them."""
    return _split_line_other(line, 0, glued=False) if line.strip() else []


def _split_line_ko(line: str, offset: int) -> list[Sentence]:
    spans = analyse_lines_ko([line])[0][0]
    return [Sentence(line[a:b], offset + a, offset + b) for a, b in spans]


def _lines(text: str, lang: str | None) -> list[tuple[int, str, bool]]:
    """The non-blank lines of ``text``: ``(offset, line, goes_to_kiwi)``."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group(0)
        if line.strip():
            out.append((m.start(), line, (lang or detect_lang(line)) == "ko"))
    return out


def split_version(lang: str | None, text: str = "") -> str:
    """Version of everything the sentences of ``text`` in ``lang`` depend on.

    Korean: the user dictionary (it changes kiwi's analysis) and the kiwipiepy and model
    versions; other languages: the splitting rules of this module. With ``lang=None`` each
    line is detected, so a text with Hangul depends on both.
    """
    parts = []
    if lang == "ko" or (not lang and _HANGUL.search(text)):
        parts.append(_ko_split_version())
    if lang != "ko":
        parts.append(_en_split_version())
    return "+".join(parts)


def _en_split_version() -> str:
    return _rules_hash(SPLIT_RULES)


@lru_cache(maxsize=4)
def _rules_hash(bump: int) -> str:
    rules = "\0".join([str(bump), _LINE.pattern, _BOUNDARY.pattern, _ja_rules_key(), *sorted(_ABBREV)])
    return "en-" + hashlib.blake2b(rules.encode("utf-8"), digest_size=6).hexdigest()


def _ko_split_version() -> str:
    return f"ko-{_kiwi_versions()}-{lexicon_version(USERDICT)}"


@lru_cache(maxsize=1)
def _kiwi_versions() -> str:
    import kiwipiepy

    try:
        import kiwipiepy_model

        model = kiwipiepy_model.__version__
    except (ImportError, AttributeError):  # a model installed another way: the library decides
        model = "?"
    return f"{kiwipiepy.__version__}/{model}"


def sentences(text: str, *, lang: str | None = None) -> list[Sentence]:
    """Split ``text`` into sentences carrying character offsets.

    Args:
        text: an article body (paragraphs separated by line breaks).
        lang: ``ko``, ``en``, ``ja`` or ``und``; detected per paragraph when ``None``.

    Returns:
        Sentences in text order; ``text[s.start:s.end] == s.text`` for each.
    """
    if not text or not text.strip():
        return []
    out: list[Sentence] = []
    for offset, line, ko in _lines(text, lang):
        out.extend(_split_line_ko(line, offset) if ko else _split_line_other(line, offset))
    return out
