"""Main-content detection for pasted page text, without knowing the site.

A page pasted from a browser arrives as one block per line: menus, link lists, the headline, the
article's paragraphs, share buttons, "related articles", comment threads, newsletter boxes, the
site footer. Nothing marks which is which, and no link information survives the paste. Each line
is judged from what it looks like and from its neighbours, after jusText (Pomikálek 2011):

1. Context-free: a line is *good* when it is long and dense in the stop words of its language (or,
   for text written without spaces, ends in sentence punctuation), *bad* when long but not
   text-like, *short* when too short to judge, *near-good* in between.
2. Context: short and near-good lines take the class of the text around them (a short sentence
   between two paragraphs is article text; a short line among menu items is a menu item).
3. Page furniture: a run of short lines mostly without sentence ends (a menu, a link list, a
   video player's controls) and a short line repeated on the page ("Reply", "Getty Images") are
   bad before neighbours are consulted, since a paste keeps no link information to tell them.

Restricting the article to the densest block of good lines (dropping good text beyond a long run
of furniture, as for comment threads) was measured on readability's 130 pages and left out: it
removed article text split by tables, code or image galleries (recall 0.86 -> 0.72-0.84 for gaps
of 800-3000 characters) and gained no precision.

Stop-word lists are jusText's (Wikipedia-derived, ~100 languages, including Korean); the
language is the one whose list covers the most words of the page. Lengths are counted with CJK
characters as 2.5 Latin letters, as a Hangul syllable carries about as much text as a short word.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["content_verdicts", "page_stoplist"]

LENGTH_LOW = 70
LENGTH_HIGH = 200
STOP_LOW = 0.30
STOP_HIGH = 0.32
STOP_SENTENCE = 0.10
MAX_HEADING_DISTANCE = 200
# This many short lines in a row, mostly without sentence ends, are a menu or a link list.
MENU_RUN = 4
MENU_ITEM_LEN = 40  # ...of this mean length at most (list items in an article are longer)
# A short line seen this many times on one page is furniture.
REPEATED = 3

_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff66-\uff9f]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
# Japanese closes a quoted sentence without 。 (「…と思います」): a kana before the closing bracket
# at the end of a line ends a sentence too.
_SENTENCE_END = re.compile(r"(([.!?。！？]|다\.?)[\"'”’」』)\]]*|[\u3040-\u30ff]」)$")
# 。 needs no space after it (Japanese and Chinese write the next sentence on); ！ and ？ do, as
# headlines and link items use them mid-line (「…！孫社長…」).
_SENTENCE_MARK = re.compile(r"[.!?！？](?:\s|$|[\"'”’」』])|。")
# A line ending in a full-width comma is a sentence wrapped at the line end (a blog or book
# review pasted with its line breaks), not a menu item.
_WRAPPED = re.compile(r"[、，]$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.U)
_SEPARATORS = re.compile(r"\s[|│·•/]\s")

REASON_NOT_TEXT = "not article text (short line among page furniture: links, buttons)"
REASON_MENU = "not article text (menu or link list: a run of short lines, or a line repeated on the page)"
REASON_NO_SENTENCES = "not article text (no sentences: list, widget or teaser)"


def _count(rx: re.Pattern, text: str) -> int:
    """How many characters of ``text`` the run pattern ``rx`` (``[...]+``) covers.

    Removing runs is several times faster than listing every character with ``findall``.
    """
    return len(text) - len(rx.sub("", text))


def weighted_length(line: str) -> float:
    """Length in Latin-letter equivalents: a CJK character counts 2.5."""
    n_cjk = _count(_CJK, line)
    return len(line) - n_cjk + 2.5 * n_cjk


@lru_cache(maxsize=1)
def _stop_index() -> dict[str, tuple[str, ...]]:
    import justext

    index: dict[str, list[str]] = {}
    for lang in justext.get_stoplists():
        if lang == "Simple_English":
            continue
        for w in justext.get_stoplist(lang):
            index.setdefault(w, []).append(lang)
    return {w: tuple(v) for w, v in index.items()}


@lru_cache(maxsize=128)
def _stoplist(lang: str) -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist(lang))


def page_stoplist(lines: list[str]) -> frozenset[str]:
    """The stop words of the page's language: the jusText list covering most of its words."""
    sample = "".join(lines)[:20_000]
    n_cjk = _count(_CJK, sample)
    n_hangul = _count(_HANGUL, sample)
    if n_cjk > len(sample) / 3 and n_hangul < n_cjk / 2:
        return frozenset()  # Chinese or Japanese: no spaces between words, sentences decide
    index = _stop_index()
    hits: dict[str, int] = {}
    for line in lines:
        for w in line.lower().split()[:400]:
            for lang in index.get(w, ()):
                hits[lang] = hits.get(lang, 0) + 1
    if not hits:
        return frozenset()
    return _stoplist(max(sorted(hits), key=hits.__getitem__))


def _context_free(line: str, wlen: float, stop: frozenset[str]) -> str:
    words = line.lower().split()
    if wlen < LENGTH_LOW:
        return "short"
    n_sep = len(_SEPARATORS.findall(line))
    if n_sep >= 2 and len(words) < 4 * (n_sep + 1):
        return "bad"  # "Home | News | Sport": items between separators, not sentences
    if stop and len(words) >= 4:
        density = sum(w in stop for w in words) / len(words)
        if density >= STOP_HIGH:
            return "good" if wlen > LENGTH_HIGH else "neargood"
        if density >= STOP_LOW:
            return "neargood"
        # A sentence (or a lead-in ending in ':') with some function words: judged by its neighbours.
        if density >= STOP_SENTENCE and (line.endswith(":") or _SENTENCE_END.search(line)):
            return "neargood"
        if _count(_CJK, line) < len(line) / 2:
            return "bad"
        # Text mostly in CJK characters: few listed words, still prose when made of sentences.
    marks = len(_SENTENCE_MARK.findall(line + " "))
    if marks and _SENTENCE_END.search(line):
        return "good" if wlen > LENGTH_HIGH else "neargood"
    return "neargood" if marks or _WRAPPED.search(line) else "bad"


def _neighbour(classes: list[str], i: int, step: int, ignore_neargood: bool) -> str:
    j = i + step
    while 0 <= j < len(classes):
        c = classes[j]
        if c in ("good", "bad") or (c == "neargood" and not ignore_neargood):
            return c
        j += step
    return "bad"


def content_verdicts(lines: list[str], *, headings: set[int] = frozenset()) -> list[str | None]:
    """Judge each line of a pasted page: ``None`` for article text, else why it is not.

    Args:
        lines: the candidate lines in page order (lines the lexicons already recognised are left out).
        headings: indexes of lines that look like headings (short, no sentence end); kept when good
            text follows within a few lines.

    Returns:
        One verdict per line.
    """
    if not lines:
        return []
    stop = page_stoplist(lines)
    wl = [weighted_length(x) for x in lines]
    cf = [_context_free(x, w, stop) for x, w in zip(lines, wl)]
    if "good" not in cf:
        # A page of short paragraphs: its best text is the near-good lines.
        cf = ["good" if c == "neargood" else c for c in cf]
    _mark_menus(cf, lines)
    cls = ["bad" if c == "menu" else c for c in cf]
    # Headings close before good text are near-good.
    for i in headings:
        if cls[i] != "short":
            continue
        dist, j = 0.0, i + 1
        while j < len(cls) and dist <= MAX_HEADING_DISTANCE:
            if cls[j] == "good":
                cls[i] = "neargood"
                break
            dist += wl[j]
            j += 1
    new = {}
    for i, c in enumerate(cls):
        if c != "short":
            continue
        prev, nxt = _neighbour(cls, i, -1, True), _neighbour(cls, i, 1, True)
        if prev == "good" and nxt == "good":
            new[i] = "good"
        elif prev == "bad" and nxt == "bad":
            new[i] = "bad"
        elif (prev == "bad" and _neighbour(cls, i, -1, False) == "neargood" and nxt == "good") or \
                (nxt == "bad" and _neighbour(cls, i, 1, False) == "neargood" and prev == "good"):
            new[i] = "good"
        else:
            new[i] = "bad"
    cls = [new.get(i, c) for i, c in enumerate(cls)]
    # A long line that is not prose (a table row, a code line) inside the text, between good
    # lines, belongs to the article.
    for i, c in enumerate(cf):
        if c == "bad" and wl[i] >= LENGTH_LOW and _neighbour(cls, i, -1, True) == "good" \
                and _neighbour(cls, i, 1, True) == "good":
            cls[i] = "neargood"
    for i, c in enumerate(cls):
        if c == "neargood":
            prev, nxt = _neighbour(cls, i, -1, True), _neighbour(cls, i, 1, True)
            cls[i] = "bad" if (prev, nxt) == ("bad", "bad") else "good"
    out: list[str | None] = []
    for i, c in enumerate(cls):
        if c == "good":
            out.append(None)
        else:
            out.append(REASON_MENU if cf[i] == "menu" else REASON_NOT_TEXT if cf[i] == "short"
                       else REASON_NO_SENTENCES)
    return out


def _mark_menus(cf: list[str], lines: list[str]) -> None:
    """Runs of short lines without sentences (menus, link lists, player controls) are bad, and so
    is a short line repeated on the page ("Reply", "Getty Images", "Read more")."""
    seen: dict[str, int] = {}
    for x, c in zip(lines, cf):
        if c == "short":
            seen[x] = seen.get(x, 0) + 1
    for k, x in enumerate(lines):
        if cf[k] == "short" and seen[x] >= REPEATED:
            cf[k] = "menu"
    i = 0
    while i < len(cf):
        if cf[i] != "short":
            i += 1
            continue
        j = i
        while j < len(cf) and cf[j] == "short":
            j += 1
        run = range(i, j)
        if len(run) >= MENU_RUN and sum(bool(_SENTENCE_END.search(lines[k]) or _WRAPPED.search(lines[k])) for k in run) < len(run) / 2 \
                and sum(len(lines[k]) for k in run) < MENU_ITEM_LEN * len(run):
            for k in run:
                cf[k] = "menu"
        i = j
