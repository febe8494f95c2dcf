"""Find debris in built report pages: what a reader should never see.

Warnings printed into a page (``UserWarning:``, an ``ipykernel_`` temp-file path), raw pandas
reprs (``Name: count, dtype: int64``), missing values shown as ``NaN``/``NaT``, numbers in
scientific notation (``1.426119e+10``) and resources loaded from the network (the report must
work offline). Used by ``tests/report/test_debris.py`` on the built HTML and by the browser test.
"""

from __future__ import annotations

import re

__all__ = ["find_debris", "visible_text"]

_TEXT_PATTERNS = {
    "warning printed": re.compile(r"\b[A-Z]\w*Warning: "),
    "ipykernel temp path": re.compile(r"ipykernel_\d+"),
    "pandas Series repr": re.compile(r"Name: [^,\n]{1,60}, dtype: \w+|\bdtype: (?:int|float|object|bool|datetime|category|string)\w*"),
    "missing value shown": re.compile(r"(?<![\w.])(?:NaN|NaT|nan|<NA>)(?![\w.])"),
    "scientific notation": re.compile(r"(?<![\w.])\d\.\d+e[+-]\d{2,}(?![\w.])"),
    "traceback": re.compile(r"Traceback \(most recent call last\)"),
}
_NETWORK = re.compile(
    r"<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc=[\"']?(?:https?:)?//(?!127\.0\.0\.1|localhost)[^\"' >]+"
    r"|<link\b[^>]*\bhref=[\"']?(?:https?:)?//(?!127\.0\.0\.1|localhost)[^\"' >]+"
    r"|url\([\"']?(?:https?:)?//(?!127\.0\.0\.1|localhost)[^)\"']+",
    re.I)


def visible_text(page: str) -> str:
    """The text a reader sees: scripts, styles, tags and data URLs removed, entities decoded."""
    import html

    # <noscript> shows only when JavaScript is off (itables puts its "notebook trusted?" note there).
    page = re.sub(r"<(script|style|template|noscript)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+", " ", page)
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(page)


def find_debris(page: str) -> list[str]:
    """Each piece of debris in an HTML page, as ``"<kind>: …context…"``; empty when clean."""
    found = []
    text = visible_text(page)
    for kind, rx in _TEXT_PATTERNS.items():
        for m in rx.finditer(text):
            found.append(f"{kind}: …{' '.join(text[max(0, m.start() - 60):m.end() + 40].split())}…")
    for m in _NETWORK.finditer(re.sub(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+", "", page)):
        found.append(f"resource from the network: {m.group(0)[:160]}")
    return found
