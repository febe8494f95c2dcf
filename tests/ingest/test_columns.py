"""Column matching and row -> Record mapping shared by the tabular readers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ainews.ingest.columns import match_columns, normalize_body, norm_name, row_to_record, unique_names
from ainews.ingest.records import InputError, Record, Skip


@pytest.mark.parametrize(("header", "expected"), [
    (["Title", "Body", "Published At"], {"title": "Title", "body": "Body", "published": "Published At"}),
    (["제목", "본문", "일자", "언론사", "기고자"],
     {"title": "제목", "body": "본문", "published": "일자", "outlet": "언론사", "byline": "기고자"}),
    (["headline", "article_text", "publishedAt", "LINK"],
     {"title": "headline", "body": "article_text", "published": "publishedAt", "url": "LINK"}),
    (["見出し", "本文", "日付", "媒体"], {"title": "見出し", "body": "本文", "published": "日付", "outlet": "媒体"}),
])
def test_match_columns(header, expected):
    assert match_columns(header, "t.csv").fields == expected


def test_first_matching_column_wins_and_rest_is_extra():
    cmap = match_columns(["text", "content", "views"], "t.csv")
    assert cmap.fields == {"body": "text"} and cmap.extra == ["content", "views"]


def test_no_body_column():
    with pytest.raises(InputError, match=r"t\.csv: no body column among the columns found \('a', 'b'\)"):
        match_columns(["a", "b"], "t.csv")


@pytest.mark.parametrize(("name", "expected"), [("Published At", "publishedat"), ("published_at", "publishedat"),
                                                ("통합 분류1", "통합분류1"), ("U.R.L", "url")])
def test_norm_name(name, expected):
    assert norm_name(name) == expected


def test_unique_names():
    assert unique_names(["a", None, "a", " ", "a"]) == ["a", "column_2", "a.1", "column_4", "a.2"]


@pytest.mark.parametrize(("text", "expected"), [
    ("one\ntwo", "one\n\ntwo"),
    ("  one  \r\n\r\n\r\n two ", "one\n\ntwo"),
    ("soft\nwrap\n\nnext para", "soft wrap\n\nnext para"),
    (["p1", "", "p2"], "p1\n\np2"),
    (None, ""),
    ("\u00a0\n\t", ""),
])
def test_normalize_body(text, expected):
    assert normalize_body(text) == expected


@given(st.text())
def test_normalize_body_shape(text):
    body = normalize_body(text)
    assert normalize_body(body) == body
    if body:
        paragraphs = body.split("\n\n")
        assert all(p and p == p.strip() and "\n" not in p and "\r" not in p for p in paragraphs)


def test_row_to_record():
    cmap = match_columns(["title", "body", "date", "views"], "t.csv")
    rec = row_to_record({"title": " A  title ", "body": "Text here.", "date": "2025-12-27", "views": 3.0},
                        cmap, "t.csv#row=2", "csv")
    assert isinstance(rec, Record)
    assert (rec.title, rec.body, rec.extra) == ("A title", "Text here.", {"views": 3.0})
    skip = row_to_record({"title": "x", "body": "  "}, cmap, "t.csv#row=3", "csv")
    assert skip == Skip("t.csv#row=3", "row has no body text")
