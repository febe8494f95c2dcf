"""Saved news pages (``.html``/``.htm``): main text and metadata with trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from ..lang import detect_lang
from ..lexicons import load_yaml_lexicon
from .columns import normalize_body
from .dates import parse_date
from .records import InputError, Record, Skip

__all__ = ["read_html"]

_MIN_CHARS = 50  # less main text than this is a front page, a redirect or an error page
_DATE = (r"(?P<date>\d{4}\s*[.\-/년年]\s*\d{1,2}\s*[.\-/월月]\s*\d{1,2}\s*[일日.]?"
         r"(?:\s*(?:\([^)]{1,4}\)\s*)?(?:오전|오후|午前|午後|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?)?)")


def _lexicon() -> dict[str, Any]:
    return load_yaml_lexicon("html.yml")


def _labelled_date(data: bytes) -> tuple[Any, str]:
    """The first date printed after a publication label in the page text, if any."""
    tree = load_html(data)
    if tree is None:
        return None, ""
    text = " ".join(tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)"
                               " and not(ancestor::noscript)]"))
    labels = "|".join(f"(?:{p})" for p in _lexicon()["published_labels"])
    m = re.search(rf"(?<!\w)(?:{labels})\s*[:：]?\s*{_DATE}", " ".join(text.split()), re.IGNORECASE)
    return parse_date(m["date"]) if m else (None, "")


def _clean_title(title: str, sitename: str, hostname: str) -> str:
    """Strip the site name that ``<title>`` often carries before or after the headline."""
    title = " ".join(title.split())
    names = {n.casefold() for n in (sitename, hostname) if n}
    for sep in _lexicon()["title_separators"]:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if tail.strip().casefold() in names and head.strip():
            return head.strip()
        head, _, tail = title.partition(sep)
        if head.strip().casefold() in names and tail.strip():
            return tail.strip()
    return title


def _clean_author(author: str | None) -> str:
    if not author:
        return ""
    placeholders = {p.casefold() for p in _lexicon()["author_placeholders"]}
    names = [a.strip() for a in author.split(";")]
    return "; ".join(a for a in names if a and a.casefold() not in placeholders)


def read_html(path: Path, rel: str) -> Iterator[Record | Skip]:
    """Read one saved news page.

    trafilatura extracts the main text (precision over recall, no comments) and the title,
    author, date, site name and URL. The site name is stripped from the title, placeholder
    authors ("No Author") are dropped, and a date the page prints after a label such as
    "Written:", "입력" or "公開日" overrides trafilatura's date guess.

    Args:
        path: the page.
        rel: its path relative to the input folder, used in ``source``.

    Yields:
        One :class:`Record` (format ``html``) with ``body`` as paragraphs separated by a
        blank line and the page's description, tags and image URL in ``extra``.

    Raises:
        InputError: the file cannot be read or holds no extractable article text.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{rel}: cannot be read ({exc.strerror}); check its permissions") from exc
    try:
        doc = trafilatura.bare_extraction(
            data, with_metadata=True, favor_precision=True, include_comments=False,
            date_extraction_params={"original_date": True, "extensive_search": True},
        )
    except (ValueError, TypeError) as exc:
        raise InputError(f"{rel}: not a readable HTML page ({exc}); save the page again as "
                         "HTML") from None
    body = normalize_body(doc.text if doc is not None else "")
    if len(body) < _MIN_CHARS:
        raise InputError(
            f"{rel}: no article text found in the page ({len(body)} characters of main text); "
            "save the article page itself (not a front page, a login wall or a script-only page), "
            "or paste the article text into a .txt file"
        )
    return _one(doc, body, data, rel)


def _one(doc: Any, body: str, data: bytes, rel: str) -> Iterator[Record | Skip]:
    published, date_text = _labelled_date(data)
    if published is None:
        published, date_text = parse_date(doc.date)
    sitename = doc.sitename or ""
    hostname = doc.hostname or ""
    title = _clean_title(doc.title or "", sitename, hostname)
    # trafilatura returns the keywords meta tag both whole ("a, b, c") and split; keep each once.
    tags = list(dict.fromkeys(t.strip() for tag in doc.tags or [] for t in tag.split(",") if t.strip()))
    extra = {k: v for k, v in {"description": doc.description, "tags": tags or None,
                               "categories": doc.categories or None, "image": doc.image,
                               "hostname": hostname or None}.items() if v}
    yield Record(
        source=rel, format="html", title=title, byline=_clean_author(doc.author),
        outlet=sitename or hostname, published=published, date_text=date_text,
        url=doc.url or "", body=body, lang=detect_lang(f"{title}\n{body}"), extra=extra,
    )
