"""Make untrusted article text safe to publish: escape HTML, mask contact details.

Article text comes from pasted web pages and exports: it may hold markup (``<script>``,
``<img onerror=…>``, ``javascript:`` links) and reporters' e-mail addresses and phone numbers.
Every page of the report that shows article text goes through :func:`safe_text`.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ..lexicons import lexicon_path, load_yaml_lexicon

__all__ = ["mask_contacts", "mask_table", "safe_text"]


@lru_cache(maxsize=4)
def _patterns(mtime: float) -> tuple[tuple[re.Pattern, str], ...]:
    spec = load_yaml_lexicon("contacts.yml")
    out = []
    for i, entry in enumerate(spec.get("mask") or []):
        try:
            out.append((re.compile(entry["pattern"], re.IGNORECASE), str(entry["replacement"])))
        except (KeyError, TypeError, re.error) as exc:
            raise ValueError(
                f"contacts.yml: entry {i} ({entry!r}) is not a valid mask ({exc}); "
                "each entry needs a `pattern` (a regular expression) and a `replacement`"
            ) from exc
    return tuple(out)


def mask_contacts(text: str) -> str:
    """Replace e-mail addresses and phone numbers in ``text`` with ``[email]`` / ``[phone]``.

    The patterns live in ``data/lexicons/contacts.yml``. Dates, years and amounts are left alone.

    Args:
        text: any text (``None`` and non-strings are returned as ``""`` / ``str(text)``).

    Returns:
        The text with every contact detail replaced.

    Example:
        >>> mask_contacts("기자 hong@example.co.kr, 02-123-4567")
        '기자 [email], [phone]'
    """
    if text is None:
        return ""
    text = str(text)
    if not text:
        return text
    for pattern, replacement in _patterns(lexicon_path("contacts.yml").stat().st_mtime):
        text = pattern.sub(replacement, text)
    return text


def safe_text(text: str) -> str:
    """Article text ready to be put inside HTML: contacts masked, then HTML-escaped.

    Markup in the text (``<script>``, ``<img onerror=…>``, quotes in attributes) is shown as
    characters and never interpreted.
    """
    return html.escape(mask_contacts(text), quote=True)


def mask_table(df):
    """A copy of a table with e-mail addresses and phone numbers masked in every text column.

    For evidence sentences, keyword-in-context lines and other article text shown in the report
    (pandas escapes markup when it renders a table; this removes contact details).
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype).startswith("str"):
            out[col] = [mask_contacts(v) if isinstance(v, str) else v for v in out[col]]
    return out
