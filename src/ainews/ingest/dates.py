"""Dates as written in article tables and pages -> :class:`pandas.Timestamp`.

Only dates that carry a year, a month and a day become timestamps; anything less ("On
September 10", "Tuesday") stays text so no reader invents a year.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd
from dateutil import parser as _dateutil

__all__ = ["parse_date"]

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
