"""Find theme-term hits in one article body, each with its sentence and character offsets.

Only lines that contain a candidate hit are split into sentences, with the project's
rule-based splitter (that of :func:`ainews.sentences` with ``lang="en"``: a sentence ends at
``.``, ``!`` or ``?`` and closing quotes before white space and an upper-case letter, digit,
quote or Hangul syllable; here without its rule for sentences glued with no space, as the
sentence encoder's units). It is used for Korean lines too because news Korean ends its sentences with
punctuation, and kiwi's analysis-based splitter costs tens of milliseconds per line, which
would dominate scoring a corpus.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..lang.sentences import spaced_rule_sentences
from .lexicon import ThemeLexicon

__all__ = ["Hit", "find_hits", "sentence_at"]


class Hit(NamedTuple):
    """One occurrence of a theme term: ``body[start:end] == text``."""

    theme: str
    term: str
    frame: str
    weight: float
    text: str
    start: int
    end: int
    sent_start: int
    sent_end: int


@lru_cache(maxsize=65536)
def _line_sentences(line: str) -> tuple[tuple[int, int], ...]:
    # no boundary without white space, as the sentence encoder's units (ainews.embeddings.split_units)
    return tuple((s.start, s.end) for s in spaced_rule_sentences(line))


def sentence_at(body: str, pos: int, lang: str | None = None) -> tuple[int, int]:
    """``[start, end)`` of the sentence of ``body`` that contains offset ``pos``.

    Falls back to the whole line when ``pos`` lies between the splitter's sentences.
    ``lang`` is accepted for symmetry with the extractors; the rule splitter serves all languages.
    """
    lo = body.rfind("\n", 0, pos) + 1
    hi = body.find("\n", pos)
    hi = len(body) if hi < 0 else hi
    for s, e in _line_sentences(body[lo:hi]):
        if s <= pos - lo < e:
            return lo + s, lo + e
    return lo, hi


def _keep_longest(hits: list[Hit]) -> list[Hit]:
    # Within one theme a position counts once: the longest term covering it wins
    # ("데이터 유출" is one leak hit, not also a "데이터" resource hit).
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), -h.weight))
    out: list[Hit] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
    return out


def find_hits(body: str, lexicon: ThemeLexicon, *, lang: str | None = None) -> list[Hit]:
    """All theme-term hits of one article body, in text order per theme.

    Args:
        body: the article text.
        lexicon: from :func:`ainews.load_themes`.
        lang: the article language (passed to the sentence splitter).

    Returns:
        Hits whose ``with`` condition (if any) holds in their sentence and that do not lie
        inside one of the term's ``except`` forms; overlapping hits of one theme are reduced
        to the longest.
    """
    if not isinstance(body, str) or not body:
        return []
    by_theme: dict[str, list[Hit]] = {}
    folded = body.lower()
    for term in lexicon.compiled:
        # a term none of whose first words occurs cannot match: skip its pattern
        if term.anchors is not None and not any(w in (folded if any_case else body) for w, any_case in term.anchors):
            continue
        blocked = None
        for m in term.pattern.finditer(body):
            if m.end() == m.start():
                continue
            if blocked is None:
                blocked = [(x.start(), x.end()) for x in term.exclude.finditer(body)] if term.exclude else []
            if any(s <= m.start() < e for s, e in blocked):
                continue
            s0, s1 = sentence_at(body, m.start(), lang)
            if term.context is not None and not term.context.search(body, s0, max(s1, m.end())):
                continue
            by_theme.setdefault(term.theme, []).append(
                Hit(term.theme, term.key, term.frame, term.weight, m.group(0), m.start(), m.end(), s0, s1))
    out: list[Hit] = []
    for hits in by_theme.values():
        out.extend(_keep_longest(hits))
    return out
