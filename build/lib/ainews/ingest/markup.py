"""HTML left in article text: entities, line-break tags and active content.

Crawled text (Markdown from portals, CSV cells, pasted pages) sometimes carries HTML: escaped
entities, sometimes escaped twice (``&amp;quot;``), ``<br>`` tags, and now and then a script or
an iframe. Article text is shown in the report's HTML tables, so scripts, frames, style blocks and
tags with event handlers or ``javascript:`` links are removed, and the removal is recorded.
"""

from __future__ import annotations

import html
import re

__all__ = ["unescape_html", "strip_active_markup"]

# Elements whose content is code or another document, never article text.
_BLOCK = re.compile(r"<\s*(script|style|iframe|noscript|object|embed|template|svg|math)\b[^>]{0,2000}>"
                    r".*?<\s*/\s*\1\s*>", re.I | re.S)
# An opening or closing tag of those elements left alone (unclosed, or a stray end tag), and
# elements that load or redirect (link, meta, base, frame).
_LONE = re.compile(r"<\s*/?\s*(script|style|iframe|noscript|object|embed|template|svg|math|frameset|frame|"
                   r"link|meta|base)\b[^<>]{0,2000}>", re.I)
# Any tag carrying an event handler (onerror=, onclick=, ...) or a javascript: URL.
_HANDLER = re.compile(r"<\s*[a-z][\w:-]*\b[^<>]{0,2000}?(?:\bon[a-z]+\s*=|javascript\s*:)[^<>]{0,2000}>", re.I)
_BR = re.compile(r"<\s*br\s*/?\s*>", re.I)


def unescape_html(text: str) -> str:
    """Unescape HTML entities until none is left (crawls often escape text twice).

    Idempotent: unescaping the result again changes nothing.
    """
    for _ in range(4):
        if "&" not in text:
            break
        done = html.unescape(text)
        if done == text:
            break
        text = done
    return text


def strip_active_markup(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove scripts, frames, style blocks and tags with event handlers from ``text``.

    ``<br>`` tags become line breaks. Removed markup is returned as ``(markup, reason)`` pairs
    so that cleaning still accounts for every piece of the input.

    Returns:
        ``(text, removed)``.
    """
    if "<" not in text:
        return text, []
    removed: list[tuple[str, str]] = []

    def drop(reason: str, gap: str):
        def repl(m: re.Match) -> str:
            removed.append((" ".join(m.group(0).split()), reason))
            return gap
        return repl

    text = _BR.sub("\n", text)
    # Repeat: removing a nested tag can close up the text around it into a new one.
    for _ in range(8):
        before = len(removed)
        text = _BLOCK.sub(drop("HTML script or embedded content", "\n"), text)
        text = _LONE.sub(drop("HTML script or embedded content", " "), text)
        # An inline tag (an image inside a paragraph) leaves a space so the paragraph stays whole.
        text = _HANDLER.sub(drop("HTML tag with script (event handler)", " "), text)
        if len(removed) == before:
            break
    return text, removed
