"""Clean text pasted from a news web page: classify each line as article text or boilerplate.

Every input line ends up somewhere: in ``title``, ``subtitle``, ``captions``, ``byline``, the
``body`` paragraphs, or ``dropped`` as a ``(line, reason)`` pair. The patterns are data
(``data/lexicons/boilerplate.yml``, extended by the per-language files of ``_EXTRA``, e.g.
``boilerplate_ja.yml``); this module only applies them in page order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicons import lexicon_path, load_yaml_lexicon
from .content import REASON_MENU, content_verdicts
from .inline import compile_inline, cut_inline
from .markup import strip_active_markup, unescape_html

__all__ = ["CleanPage", "clean_page", "clean_text"]

_WS = re.compile(r"[ \t\u00a0\u200b\u3000]+")
# Body text ends its paragraphs with sentence punctuation; titles and subtitles usually do not.
_SENTENCE_END = re.compile(r"([.!?。]|다\.?|[.!?]['\"\u201d\u2019])\s*$")
_TITLE_MAX = 200
_SUBTITLE_MAX = 160
_FOOTER_MAX = 120
_HEAD_LINES = 4  # a headline and up to three subtitle lines


@dataclass
class CleanPage:
    """The result of cleaning one pasted page."""

    title: str = ""
    subtitle: str = ""
    body: str = ""
    byline: str = ""
    captions: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Rules:
    exact: dict
    patterns: tuple
    captions: tuple
    bylines: tuple
    dateline: re.Pattern
    prefixes: tuple
    tails: tuple
    spans: tuple
    ends: frozenset = frozenset({"copyright", "reporter bio"})


# Per-language boilerplate files loaded alongside boilerplate.yml (same keys, lists appended).
_EXTRA = ("boilerplate_ja.yml",)


def _merged() -> dict:
    data = dict(load_yaml_lexicon("boilerplate.yml"))
    for name in _EXTRA:
        extra = load_yaml_lexicon(name) or {}
        for key, value in extra.items():
            if isinstance(value, dict):
                data[key] = {**data.get(key, {}), **{k: list(data.get(key, {}).get(k, [])) + list(v)
                                                     for k, v in value.items()}}
            elif isinstance(value, list):
                data[key] = list(data.get(key, [])) + value
    return data


@lru_cache(maxsize=4)
def _rules_for(path: str, mtime: float) -> _Rules:
    data = _merged()
    exact = {}
    for reason, lines in data.get("exact", {}).items():
        for line in lines:
            exact[_norm(str(line)).lower()] = reason.replace("_", " ")
    patterns = tuple(
        (re.compile(p["regex"], re.I), p["reason"], int(p.get("max_len", 10**9)))
        for p in data.get("patterns", [])
    )
    captions = tuple(re.compile(p, re.I) for p in data.get("caption_patterns", []))
    bylines = tuple(re.compile(p, re.I) for p in data.get("byline_patterns", []))
    dateline = re.compile(data["dateline_pattern"])
    prefixes = tuple((re.compile(p["regex"], re.I), p["reason"]) for p in data.get("strip_prefixes", []))
    ends = frozenset({"copyright", "reporter bio", *data.get("ends_article", [])})
    return _Rules(exact, patterns, captions, bylines, dateline, prefixes, *compile_inline(data), ends)


def _rules() -> _Rules:
    paths = [lexicon_path(n) for n in ("boilerplate.yml", *_EXTRA)]
    return _rules_for("|".join(map(str, paths)), sum(p.stat().st_mtime for p in paths))


def _norm(line: str) -> str:
    return _WS.sub(" ", line).strip()


def clean_text(text: str) -> str:
    """Normalize a text fragment: unescape HTML entities, drop active HTML (scripts, event
    handlers), collapse spaces, strip. Idempotent.
    """
    if not text:
        return ""
    return _norm(strip_active_markup(unescape_html(text))[0])


def _boilerplate_reason(line: str, rules: _Rules) -> str | None:
    reason = rules.exact.get(line.lower())
    if reason:
        return reason
    for rx, why, max_len in rules.patterns:
        if len(line) <= max_len and rx.search(line):
            return why
    return None


def _byline_name(line: str, rules: _Rules) -> str | None:
    """The reporter's name if ``line`` is a byline ('' for an e-mail-only line), else None."""
    if len(line) > _FOOTER_MAX:
        return None
    for rx in rules.bylines:
        m = rx.match(line)
        if m:
            return (m.groupdict().get("name") or "").strip()
    return None


def _is_caption(line: str, rules: _Rules) -> bool:
    return len(line) <= 600 and any(rx.search(line) for rx in rules.captions)


def _looks_like_heading(line: str, max_len: int) -> bool:
    return len(line) <= max_len and not _SENTENCE_END.search(line.rstrip("\"'\u201d\u2019 "))


def _strip_title_prefix(line: str, title: str) -> str | None:
    """If ``line`` starts with the title (a caption glued to a repeated title), the rest."""
    # A title of a word or two ("Lorem", "News") starts too many lines to mean anything.
    if title and len(title) >= 20 and line.startswith(title) and len(line) > len(title):
        return line[len(title):].strip()
    return None


def _lexicon_verdict(line: str, rules: _Rules) -> tuple[str | None, str | None, bool]:
    """``(boilerplate reason, byline name, is caption)`` of ``line``, each judged only when the
    ones before it did not decide the line (the order the page loop asks in)."""
    reason = _boilerplate_reason(line, rules)
    if reason:
        return reason, None, False
    name = _byline_name(line, rules)
    if name is not None:
        return None, name, False
    return None, None, _is_caption(line, rules)


def _lexicon_claims(line: str, rules: _Rules, known: dict | None = None) -> bool:
    """Whether a lexicon rule (boilerplate, byline, caption) already decides ``line``; the
    verdict is kept in ``known`` for the page loop."""
    verdict = _lexicon_verdict(line, rules)
    if known is not None:
        known[line] = verdict
    return bool(verdict[0]) or verdict[1] is not None or verdict[2]


def _content_drops(lines: list[str], rules: _Rules, title: str, furniture: dict[str, int],
                   known: dict | None = None) -> dict[int, str]:
    """Lines that main-content detection rejects, by index into ``lines``, with the reason
    (the lexicon verdicts it takes are kept in ``known``)."""
    drops = {i: f"site furniture (on {furniture[x]} pages of the folder)"
             for i, x in enumerate(lines) if x in furniture and x != title}
    idx = [i for i, x in enumerate(lines)
           if x and x != title and i not in drops and not _lexicon_claims(x, rules, known)]
    cand = [lines[i] for i in idx]
    heads = {k for k, x in enumerate(cand) if _looks_like_heading(x, _TITLE_MAX)}
    verdicts = content_verdicts(cand, headings=heads)
    if all(v is not None for v in verdicts):
        return drops  # no article text recognised: leave the page to the line rules
    # The headline and subtitles sit just above the first paragraph: left to the heading rules.
    first = next(k for k, v in enumerate(verdicts) if v is None)
    for k in range(first - 1, max(-1, first - 1 - _HEAD_LINES), -1):
        # the line next to the text may end a menu run (a headline right under the menu)
        if k not in heads or (verdicts[k] == REASON_MENU and k < first - 1):
            break
        verdicts[k] = None
    drops.update((i, v) for i, v in zip(idx, verdicts) if v is not None)
    return drops


def clean_page(text: str, *, title: str | None = None, find_headings: bool = True,
               detect_content: bool = False, furniture: dict[str, int] | None = None) -> CleanPage:
    """Split a pasted news page into title, subtitle, captions, byline, body and dropped lines.

    Args:
        text: the page text as pasted (one paragraph or page element per line).
        title: the title when already known (e.g. from front matter); otherwise the first
            heading-like line before the body is taken as the title.
        find_headings: look for title and subtitle lines before the body; off for text that
            is known to be body only (a CSV or spreadsheet column).
        detect_content: also judge each line by its shape and its neighbours
            (:mod:`ainews.ingest.content`) and drop the page furniture no lexicon names: menus,
            link lists, comment threads, related-article lists. For whole pages pasted from a
            browser; crawled Markdown and table cells hold the article already.
        furniture: with ``detect_content``, lines known to recur on other pages of the same
            site (:func:`ainews.ingest.furniture.folder_furniture`), with their page count.

    Returns:
        A :class:`CleanPage`; ``body`` paragraphs are separated by a blank line.
    """
    rules = _rules()
    out = CleanPage(title=clean_text(title or ""))
    # Whole-text pass first: a <script> block can span many lines.
    text, out.dropped = strip_active_markup(unescape_html(text or ""))
    subtitle: list[str] = []
    body: list[str] = []
    in_footer = False
    seen_captions: set[str] = set()

    lines = [clean_text(raw) for raw in text.splitlines()]
    # Lexicon verdicts per line, taken once: content detection asks for them first.
    known: dict[str, tuple] = {}
    rejected = _content_drops(lines, rules, out.title, furniture or {}, known) if detect_content else {}
    for k, line in enumerate(lines):
        for rx, why in rules.prefixes:
            m = rx.match(line)
            if m and m.end() < len(line):
                out.dropped.append((m.group(0).strip(), why))
                line = line[m.end():].strip()
        if not line:
            continue
        verdict = known.get(line)
        reason, name, is_caption = verdict if verdict is not None else _lexicon_verdict(line, rules)
        if reason:
            # A short last paragraph with the footer glued on: keep the sentence, drop the footer.
            head, cuts = cut_inline(line, rules.tails, rules.spans)
            if cuts and _SENTENCE_END.search(head) and not _boilerplate_reason(head, rules):
                reason, line = None, head
                out.dropped.extend(cuts)
                _, name, is_caption = _lexicon_verdict(line, rules)
        if reason:
            out.dropped.append((line, reason))
            if reason in rules.ends:
                in_footer = True
            continue
        if name is not None:
            if name and not out.byline:
                out.byline = name
            out.dropped.append((line, "byline" if name else "reporter e-mail"))
            if body:
                in_footer = True
            continue
        if out.title and line == out.title:
            out.dropped.append((line, "title repeated"))
            continue
        glued = _strip_title_prefix(line, out.title) if find_headings else None
        if glued is not None or is_caption:
            caption = glued if glued is not None else line
            if caption in seen_captions:
                out.dropped.append((line, "caption repeated"))
            else:
                seen_captions.add(caption)
                out.captions.append(caption)
                if glued is not None:
                    out.dropped.append((out.title, "title repeated before caption"))
            continue
        if k in rejected:
            out.dropped.append((line, rejected[k]))
            continue
        # Footers glued to the end of a paragraph go before the line is judged a heading.
        line, cuts = cut_inline(line, rules.tails, rules.spans)
        out.dropped.extend(cuts)
        if not line:
            continue
        if cuts and out.title and line == out.title:  # the title with hashtags or a footer glued on
            out.dropped.append((line, "title repeated"))
            continue
        if in_footer and len(line) <= _FOOTER_MAX:
            out.dropped.append((line, "page footer"))
            continue
        if find_headings and not body and not out.title and _looks_like_heading(line, _TITLE_MAX):
            out.title = line
            continue
        if find_headings and not body and _looks_like_heading(line, _SUBTITLE_MAX):
            subtitle.append(line)
            continue
        m = rules.dateline.match(line)
        if m:
            if m.group("name") and not out.byline:
                out.byline = m.group("name")
            out.dropped.append((m.group(0).strip(), "dateline"))
            line = line[m.end():].strip()
            if not line:
                continue
        body.append(line)

    out.subtitle = "\n".join(subtitle)
    out.body = "\n\n".join(body)
    return out
