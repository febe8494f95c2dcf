"""Date parsing: the forms news tables and pages use; partial dates never get an invented year."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ainews.ingest.dates import parse_date


@pytest.mark.parametrize(("value", "expected"), [
    ("20201231", "2020-12-31"),
    (20201231, "2020-12-31"),
    ("2025-12-27", "2025-12-27"),
    ("2025-12-27 00:00", "2025-12-27"),
    ("2025-12-27T09:30:00+09:00", "2025-12-27 09:30"),
    ("2025-12-27T00:30:00Z", "2025-12-27 00:30"),
    ("2025.12.27", "2025-12-27"),
    ("2025.12.27.", "2025-12-27"),
    ("2025. 12. 27. 15:04", "2025-12-27 15:04"),
    ("2025/12/27", "2025-12-27"),
    ("2025년 12월 27일", "2025-12-27"),
    ("2025년 12월 27일 오후 3:04", "2025-12-27 15:04"),
    ("2025-12-27 오전 11:04:05", "2025-12-27 11:04:05"),
    ("2025.12.27(토) 08:00", "2025-12-27 08:00"),
    ("2025年12月27日", "2025-12-27"),
    ("2025年12月27日 午後3時", "2025-12-27 15:00"),
    ("Dec 27, 2025", "2025-12-27"),
    ("Sat, 27 Dec 2025 08:00:00 GMT", "2025-12-27 08:00"),
    (dt.date(2025, 12, 27), "2025-12-27"),
    (dt.datetime(2025, 12, 27, 9, 5), "2025-12-27 09:05"),
])
def test_parse_date(value, expected):
    assert parse_date(value) == (pd.Timestamp(expected), "")


@pytest.mark.parametrize("text", [
    "On September 10", "September 10", "Tuesday", "12월 27일", "지난주", "20201331", "2025-13-01",
    "1", "sometime last week", "3 hours ago",
])
def test_partial_or_bad_dates_stay_text(text):
    assert parse_date(text) == (None, text)


@pytest.mark.parametrize("value", [None, "", "   ", float("nan"), pd.NaT])
def test_no_date(value):
    assert parse_date(value) == (None, "")


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0)))
def test_written_forms_round_trip(moment):
    forms = [
        moment.strftime("%Y%m%d"),
        moment.strftime("%Y-%m-%d %H:%M"),
        moment.isoformat(),
        f"{moment.year}. {moment.month}. {moment.day}. {moment.hour:02d}:{moment.minute:02d}",
        f"{moment.year}년 {moment.month}월 {moment.day}일",
        f"{moment.year}年{moment.month}月{moment.day}日",
    ]
    for form in forms:
        ts, text = parse_date(form)
        assert text == "" and ts is not None, form
        assert ts.date() == moment.date(), form
        if ":" in form:
            assert (ts.hour, ts.minute) == (moment.hour, moment.minute), form


@given(st.text(max_size=40))
def test_never_raises_and_accounts_for_the_text(text):
    ts, rest = parse_date(text)
    if ts is not None:
        assert rest == "" and 1800 <= ts.year <= 2200
    else:
        assert rest == " ".join(text.split())  # kept as written (whitespace collapsed)
