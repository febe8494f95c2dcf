"""Plain-text articles that start with a fixed header: URL line, date line, title line, body.

This is the layout of the livedoor news corpus (and of many scraped-news dumps): a file reads

    http://news.livedoor.com/article/detail/6294340/
    2012-02-20T09:00:00+0900
    Title of the article
    Body...

When the first non-blank line is a URL and the next one parses as a full date, both are taken
as metadata, the third line as the title, and the rest as the body (still cleaned of
boilerplate, but not searched for a title or subtitle: the header already gave the title).
"""

from __future__ import annotations

import re

from .dates import parse_date
from .records import Record

__all__ = ["apply_url_date_header", "NOTE"]

_URL = re.compile(r"^https?://\S+$")
NOTE = "URL, date and title read from the first three lines"


def apply_url_date_header(rec: Record) -> bool:
    """Move a URL / date / title header of ``rec.raw_text`` into its fields.

    Returns:
        ``True`` when the header was found (``rec`` is updated in place), else ``False``.
    """
    text = rec.raw_text or ""
    lines = text.lstrip("\ufeff\n\r ").split("\n", 3)
    if len(lines) < 3 or not _URL.match(lines[0].strip()):
        return False
    published, date_text = parse_date(lines[1].strip())
    if published is None:
        return False
    rec.url, rec.published, rec.date_text = lines[0].strip(), published, ""
    rec.title = lines[2].strip()
    rec.body, rec.raw_text = (lines[3] if len(lines) > 3 else ""), None
    rec.dropped.extend([(lines[0].strip(), "URL line"), (lines[1].strip(), "date line")])
    rec.extra.setdefault("notes", []).append(NOTE)
    return True
