"""Sentence splitting with character offsets into the source text.

Korean uses kiwipiepy's ``split_into_sents`` (the shared ``Kiwi`` with the user dictionary); other languages use a
rule that splits after ., ! or ? (and closing quotes) followed by white space and an upper-case
letter, digit or quote, keeping common abbreviations (Mr., U.S., Co.) intact. Paragraph breaks
(blank lines or line breaks) always end a sentence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .detect import detect_lang
from .korean import get_kiwi

__all__ = ["Sentence", "sentences", "get_kiwi"]


class Sentence(NamedTuple):
    """A sentence and its ``[start, end)`` character offsets in the source text."""

    text: str
    start: int
    end: int


_LINE = re.compile(r"[^\n]+")
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "co", "corp", "inc", "ltd", "no",
    "vs", "etc", "gen", "gov", "sen", "rep", "u.s", "u.k", "e.g", "i.e", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m",
}
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9\uac00-\ud7a3])")


def _split_line_en(line: str, offset: int) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
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


def _split_line_ko(line: str, offset: int) -> list[Sentence]:
    out = []
    for sent in get_kiwi().split_into_sents(line):
        out.append(Sentence(sent.text, offset + sent.start, offset + sent.end))
    return out


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
    for m in _LINE.finditer(text):
        line = m.group(0)
        if not line.strip():
            continue
        line_lang = lang or detect_lang(line)
        if line_lang == "ko":
            out.extend(_split_line_ko(line, m.start()))
        else:
            out.extend(_split_line_en(line, m.start()))
    return out
