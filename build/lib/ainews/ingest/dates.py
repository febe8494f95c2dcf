"""Dates as written in article tables and pages -> :class:`pandas.Timestamp`.

Only dates that carry a year, a month and a day become timestamps; anything less ("On
September 10", "Tuesday") stays text so no reader invents a year.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

import pandas as pd
from dateutil import parser as _dateutil

__all__ = ["parse_date", "resolve_ja_date", "find_ja_dates"]

# 2025년 12월 27일 (오후 3:04), 2025年12月27日, 2025.12.27., 2025. 12. 27 15:04
_YMD = re.compile(
    r"^(?P<y>\d{4})\s*(?:[년年]|[.\-/])\s*(?P<m>\d{1,2})\s*(?:[월月]|[.\-/])\s*(?P<d>\d{1,2})\s*[일日.]?"
    r"(?:\s*\([^)]*\))?"  # weekday in parentheses: (토), (土)
    r"(?:\s*(?P<ampm>오전|오후|午前|午後|AM|PM)?\s*(?P<H>\d{1,2})\s*[:시時]\s*(?P<M>\d{1,2})?"
    r"(?:\s*[:분分]\s*(?P<S>\d{1,2})?)?)?",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$")
_PM = {"오후", "午後", "pm"}
# Two defaults far apart: a field dateutil fills from the default differs between the two parses.
_DEFAULTS = (dt.datetime(1904, 1, 1), dt.datetime(1999, 12, 28))


def _plausible(ts: pd.Timestamp) -> bool:
    return 1800 <= ts.year <= 2200


def _naive(ts: pd.Timestamp) -> pd.Timestamp:
    # Keep the wall-clock time the outlet printed: one datetime64 column cannot mix time zones,
    # and the day as printed is what analyses group by.
    return ts.tz_localize(None) if ts.tzinfo is not None else ts


def _from_match(m: re.Match[str]) -> pd.Timestamp | None:
    hour = int(m["H"]) if m["H"] else 0
    if m["ampm"] and m["ampm"].lower() in _PM and hour < 12:
        hour += 12
    try:
        return pd.Timestamp(int(m["y"]), int(m["m"]), int(m["d"]), hour,
                            int(m["M"] or 0), int(m["S"] or 0))
    except ValueError:
        return None


def _dateutil_full(text: str) -> pd.Timestamp | None:
    try:
        a, b = (_dateutil.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None  # year, month or day missing from the text
    return pd.Timestamp(a)


def _parse_text(text: str) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(dt.datetime.fromisoformat(text))
    except ValueError:
        pass
    if m := _COMPACT.match(text):
        try:
            return pd.Timestamp(*(int(g) for g in m.groups() if g is not None))
        except ValueError:
            return None
    if m := _YMD.match(text):
        return _from_match(m)
    return _dateutil_full(text)


def parse_date(value: Any) -> tuple[pd.Timestamp | None, str]:
    """Parse a date as written in a table cell, a page or front matter.

    Accepts ``datetime``/``date`` objects, ``YYYYMMDD`` (BigKinds), ISO 8601 with or without a
    time and zone, ``2025-12-27 00:00``, ``2025.12.27``, ``2025/12/27``, ``2025년 12월 27일``
    (with ``오후 3:04``), ``2025年12月27日`` and English forms such as ``Dec 27, 2025``.
    Time zones are dropped, keeping the time as printed.

    Args:
        value: the cell or string; ``None``/NaN/empty mean no date.

    Returns:
        ``(timestamp, "")`` when the value names a full date, else ``(None, text)`` with the
        text as written (empty when there was no date at all).
    """
    if value is None or (isinstance(value, float) and value != value):
        return None, ""
    if isinstance(value, (dt.datetime, dt.date, pd.Timestamp)):
        if value is pd.NaT:
            return None, ""
        return _naive(pd.Timestamp(value)), ""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = " ".join(str(value).split())
    if not text:
        return None, ""
    ts = _parse_text(text)
    if ts is None or not _plausible(ts):
        return None, text
    return _naive(ts), ""


# Dates inside Japanese text -------------------------------------------------------------------
# 2026年1月5日, 1月5日, 5日 (the last two need a known year, and month, to become absolute).
_JA_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?:(?P<m>1[0-2]|0?[1-9])\s*月\s*)?(?P<d>3[01]|[12]\d|0?[1-9])\s*日"
    r"(?!本|曜[^日]|[間中後前])"
)
_NUM_BEFORE = re.compile(r"[\d０-９.,]$")


def resolve_ja_date(text: str, reference=None) -> pd.Timestamp | None:
    """An absolute date for ``2026年1月5日``, ``1月5日`` or ``5日`` (the whole of ``text``).

    Japanese news writes the day alone (「経済産業省は5日、…」) for a day near publication:
    the month and year come from ``reference`` (the publication date), and a day later than the
    reference's day means the previous month. ``1月5日`` takes the year of ``reference`` (the
    previous year when that date would fall more than a month after it).

    Args:
        text: the date as written (full-width digits allowed).
        reference: the publication date, or ``None`` (then only full dates resolve).

    Returns:
        The date, or ``None`` when it names no day or a year is needed and unknown.
    """
    m = _JA_DATE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if m is None:
        return None
    return _resolve(m, reference)


def _resolve(m: re.Match[str], reference) -> pd.Timestamp | None:
    ref = pd.Timestamp(reference) if reference is not None and not pd.isna(reference) else None
    day = int(m["d"])
    try:
        if m["y"]:
            if not m["m"]:
                return None
            return pd.Timestamp(int(m["y"]), int(m["m"]), day)
        if ref is None:
            return None
        if m["m"]:
            ts = pd.Timestamp(ref.year, int(m["m"]), day)
            return ts.replace(year=ref.year - 1) if ts > ref + pd.Timedelta(days=31) else ts
        year, month = ref.year, ref.month
        if day > ref.day:  # "28日" in an article of the 3rd: last month
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return pd.Timestamp(year, month, day)
    except ValueError:  # 2月30日
        return None


def find_ja_dates(text: str, reference=None) -> list[tuple[int, int, str, pd.Timestamp]]:
    """Every Japanese date in ``text`` that resolves: ``(start, end, as written, date)``.

    ``5日間`` (a duration), ``5日本`` and digits glued to a longer number are not dates.
    """
    norm = unicodedata.normalize("NFKC", text) if not text.isascii() else text
    if len(norm) != len(text):  # NFKC changed lengths: offsets would drift, match the original
        norm = text
    out = []
    for m in _JA_DATE.finditer(norm):
        if m.start() and _NUM_BEFORE.search(norm[m.start() - 1]):
            continue
        ts = _resolve(m, reference)
        if ts is not None:
            out.append((m.start(), m.end(), text[m.start():m.end()], ts))
    return out
