"""Article metadata inferred from page text: outlet and publication date.

Outlets come from ``data/lexicons/outlets.yml`` (names, aliases, domains). Dates are made as
absolute as the text allows: a full date becomes ``published``; a partial one ("On September
10", "지난 7일", "13일") is kept as written in ``date_text``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..lexicons import lexicon_path, load_yaml_lexicon
from .dates import parse_date

__all__ = ["canonical_outlet", "infer_outlet", "find_date"]

_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9\-]+\.)+[a-z]{2,})", re.I)
_EMAIL_DOMAIN = re.compile(r"[\w.+\-]+@((?:[\w\-]+\.)+[a-z]{2,})", re.I)
_COPYRIGHT_NAME = re.compile(r"(?:©|ⓒ|\(c\)|copyright)\s*(?:\d{4}\s*)?([^(©ⓒ.,|]{2,40}?)\s*(?:\(|\.|,|all rights|무단|$)", re.I)
_DESK_LINE = re.compile(r"^(\S{1,12}?)\s*(?:[가-힣]{1,6}지사|[가-힣]{0,6}본부)?\s*(?:기자|특파원)입니다")

_FULL_DATES = (
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})\s*일?"),
    re.compile(
        r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d{2})",
        re.I,
    ),
)
_PARTIAL_DATES = (
    re.compile(r"\b(?:On\s+)?((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2})(?:st|nd|rd|th)?\b"),
    re.compile(r"\b[Oo]n\s+(the\s+\d{1,2}(?:st|nd|rd|th))\b"),
    re.compile(r"((?:지난|오는)\s*\d{1,2}일)"),
    re.compile(r"(?<![\d,.])(\d{1,2}일)(?!\s*(?:간|동안|째))"),
)


@lru_cache(maxsize=4)
def _outlets(path: str, mtime: float) -> tuple[dict, dict]:
    by_alias: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for o in load_yaml_lexicon("outlets.yml")["outlets"]:
        name = o["name"]
        for alias in [name, *o.get("aliases", [])]:
            by_alias[str(alias).lower()] = name
        for dom in o.get("domains", []):
            by_domain[str(dom).lower()] = name
    return by_alias, by_domain


def _tables() -> tuple[dict, dict]:
    p = lexicon_path("outlets.yml")
    return _outlets(str(p), p.stat().st_mtime)


def _domain_outlet(domain: str, by_domain: dict) -> str | None:
    parts = domain.lower().split(".")
    for i in range(len(parts) - 1):
        hit = by_domain.get(".".join(parts[i:]))
        if hit:
            return hit
    return None


def canonical_outlet(name: str) -> str:
    """The outlet's display name for a known alias or web domain ("world.kbs.co.kr" -> "KBS");
    other names are returned unchanged."""
    name = (name or "").strip()
    if not name:
        return ""
    by_alias, by_domain = _tables()
    hit = by_alias.get(name.lower())
    if hit:
        return hit
    m = _DOMAIN.fullmatch(name)
    return (_domain_outlet(m.group(1), by_domain) or name) if m else name


def infer_outlet(dropped: list[tuple[str, str]], *, byline_lines: list[str] | None = None) -> str:
    """Guess the outlet from the dropped boilerplate of a page.

    Order of evidence: a desk line ("머니S 호남지사 기자입니다"), a copyright line (its domain, then
    its name), an outlet named in brackets in other-headline lists ("[머니S포토]"), the domain of a
    reporter's e-mail address. Returns "" when nothing is known.
    """
    by_alias, by_domain = _tables()
    lines = [line for line, _ in dropped] + list(byline_lines or [])
    for line, reason in dropped:
        if reason == "reporter bio":
            m = _DESK_LINE.match(line)
            if m and m.group(1).lower() in by_alias:
                return by_alias[m.group(1).lower()]
    for line, reason in dropped:
        if reason == "copyright":
            for dom in _DOMAIN.findall(line):
                hit = _domain_outlet(dom, by_domain)
                if hit:
                    return hit
            m = _COPYRIGHT_NAME.search(line)
            if m:
                name = m.group(1).strip()
                return by_alias.get(name.lower(), name)
    for line in lines:
        for token in re.findall(r"\[([^\]]{1,20})\]", line):
            for alias, name in by_alias.items():
                if len(alias) > 1 and token.lower().startswith(alias):
                    return name
    for line in lines:
        for dom in _EMAIL_DOMAIN.findall(line):
            hit = _domain_outlet(dom, by_domain)
            if hit:
                return hit
    return ""


def find_date(header_lines: list[str], body: str) -> tuple[pd.Timestamp | None, str]:
    """Find the publication date in a page: ``(published, date_text)``.

    A full date in the header or footer lines is taken as the publication date. Otherwise the
    first partial date in the opening paragraph ("On September 10", "13일") is kept as written,
    since a day without a year cannot be made absolute.
    """
    for line in header_lines:
        for rx in _FULL_DATES:
            m = rx.search(line)
            ts = parse_date(m.group(0))[0] if m else None
            if ts is not None:
                return ts, ""
    first = " ".join(body.split("\n\n", 2)[:2])[:800]
    for rx in _PARTIAL_DATES:
        m = rx.search(first)
        if m:
            return None, m.group(1)
    return None, ""
