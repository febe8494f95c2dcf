"""Article tables: CSV/TSV, JSONL, xlsx (BigKinds and generic) and metadata.csv."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from collections import Counter

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ainews.ingest.columns import normalize_body
from ainews.ingest.readers import READERS
from ainews.ingest.records import InputError, Record, Skip
from ainews.ingest.tabular import read_csv, read_jsonl, read_metadata, read_xlsx

BK_EXTRA = ["bk_id", "bk_category", "bk_incident", "bk_persons", "bk_places", "bk_orgs",
            "bk_keywords", "bk_features", "bk_excluded", "body_truncated"]


# --- BigKinds -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bigkinds(bigkinds_xlsx):
    return list(read_xlsx(bigkinds_xlsx, bigkinds_xlsx.name))


@pytest.fixture(scope="module")
def bigkinds_frame(bigkinds_xlsx):
    """The export as pandas reads it, to check the reader against an independent parse."""
    with pytest.warns(UserWarning, match="no default style"):
        return pd.read_excel(bigkinds_xlsx, dtype=str)


def test_bigkinds_every_row_accounted_for(bigkinds, bigkinds_frame):
    assert all(isinstance(r, (Record, Skip)) for r in bigkinds)
    kinds = Counter(type(r).__name__ for r in bigkinds)
    assert len(bigkinds_frame) == 2315
    assert kinds["Record"] + kinds["Skip"] == len(bigkinds_frame) == len(bigkinds)
    assert kinds["Record"] == 2315  # every row has a body
    assert len({r.source for r in bigkinds}) == len(bigkinds)


def test_bigkinds_fields_match_the_sheet(bigkinds, bigkinds_frame):
    recs = [r for r in bigkinds if isinstance(r, Record)]
    assert {r.format for r in recs} == {"bigkinds"}
    assert [r.title for r in recs] == [" ".join(t.split()) for t in bigkinds_frame["제목"]]
    assert [r.outlet for r in recs] == bigkinds_frame["언론사"].str.strip().tolist()
    assert [r.url for r in recs] == bigkinds_frame["URL"].fillna("").str.strip().tolist()
    assert [r.extra["bk_id"] for r in recs] == bigkinds_frame["뉴스 식별자"].tolist()
    assert [r.published for r in recs] == pd.to_datetime(bigkinds_frame["일자"], format="%Y%m%d").tolist()
    assert recs[0].source.endswith("#sheet=sheet&row=2")


def test_bigkinds_dates_languages_and_extra(bigkinds):
    recs = [r for r in bigkinds if isinstance(r, Record)]
    assert all(r.published.year == 2020 for r in recs)
    assert all(r.date_text == "" for r in recs)
    assert all(set(BK_EXTRA) <= set(r.extra) for r in recs)
    assert all(r.extra["body_truncated"] is True for r in recs)
    assert all(len(r.body.replace("\n\n", " ")) <= 200 for r in recs)
    assert Counter(r.lang for r in recs).most_common(1)[0][0] == "ko"
    first = recs[0]
    assert first.extra["bk_persons"] == ["슈퍼주니어", "영탁", "임영웅"]
    assert first.extra["bk_category"] == ["문화>전시_공연", "문화>방송_연예", "IT_과학>콘텐츠"]
    assert sum(bool(r.extra["bk_excluded"]) for r in recs) == 101  # rows marked 중복/예외
    assert all(isinstance(r.extra[k], list) for r in recs for k in ("bk_orgs", "bk_keywords"))


def test_truncated_bigkinds_file_is_input_error(bigkinds_xlsx, tmp_path):
    cut = tmp_path / "cut.xlsx"
    data = bigkinds_xlsx.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"cut\.xlsx: not a valid \.xlsx workbook .*re-export it"):
        read_xlsx(cut, "cut.xlsx")


def test_copied_bigkinds_file_reads_like_the_original(bigkinds_xlsx, tmp_path, bigkinds):
    copy = tmp_path / "export.xlsx"
    shutil.copy(bigkinds_xlsx, copy)
    assert len(list(READERS[".xlsx"](copy, "export.xlsx"))) == len(bigkinds)


# --- generic xlsx ---------------------------------------------------------------------------

def test_junk_zip_is_input_error(tmp_path):
    junk = tmp_path / "junk.xlsx"
    with zipfile.ZipFile(junk, "w") as zf:
        zf.writestr("readme.txt", "not a workbook")
    with pytest.raises(InputError, match=r"junk\.xlsx: not a valid \.xlsx workbook"):
        read_xlsx(junk, "junk.xlsx")


@pytest.mark.parametrize(("data", "match"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, r"old Excel 97-2003 \(\.xls\)"),
    (b"title,body\nx,y\n", r"not a valid \.xlsx workbook"),
    (b"", r"not a valid \.xlsx workbook"),
])
def test_not_a_workbook(tmp_path, data, match):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(data)
    with pytest.raises(InputError, match=match):
        read_xlsx(bad, "bad.xlsx")


def test_generic_xlsx_with_recognizable_columns(tmp_path):
    path = tmp_path / "clips.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Clips"
    ws.append(["Headline", "Article Text", "Published At", "Publisher", "Link", "Note"])
    ws.append(["AI chips", "Line one.\nLine two.", dt.datetime(2025, 12, 27, 9, 30), "Nikkei",
               "https://example.com/a", "checked"])
    ws.append([None, None, None, None, None, None])  # blank row: not data
    ws.append(["No text", None, "2025-12-28", "Nikkei", None, None])
    ws.append(["Date as text", "Body text.", "2025년 12월 28일", "연합뉴스", None, None])
    other = wb.create_sheet("Notes")
    other.append(["remark", "owner"])
    other.append(["to check", "kim"])
    wb.save(path)
    out = list(read_xlsx(path, "clips.xlsx"))
    assert [type(o).__name__ for o in out] == ["Record", "Skip", "Record", "Skip"]
    first, skip, third, sheet = out
    assert first.source == "clips.xlsx#sheet=Clips&row=2"
    assert (first.format, first.title, first.outlet, first.url) == ("xlsx", "AI chips", "Nikkei",
                                                                    "https://example.com/a")
    assert first.body == "Line one.\n\nLine two."
    assert first.published == pd.Timestamp("2025-12-27 09:30")
    assert first.extra == {"Note": "checked"}
    assert (skip.source, skip.reason) == ("clips.xlsx#sheet=Clips&row=4", "row has no body text")
    assert third.published == pd.Timestamp("2025-12-28")
    assert sheet.source == "clips.xlsx#sheet=Notes" and "'remark', 'owner'" in sheet.reason


def test_xlsx_unknown_layout_lists_columns(tmp_path):
    path = tmp_path / "odd.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["id", "score"])
    wb.active.append([1, 0.5])
    wb.save(path)
    with pytest.raises(InputError, match=r"odd\.xlsx#sheet=Sheet: no body column among the columns "
                                         r"found \('id', 'score'\); .*본문"):
        read_xlsx(path, "odd.xlsx")


# --- CSV ------------------------------------------------------------------------------------

KO_ROWS = [
    ("AI 반도체 경쟁 격화", "삼성전자와 SK하이닉스가 HBM 증산에 나섰다.\n정부도 지원을 약속했다.",
     "2025년 12월 27일", "머니S", "김기자", "메모1"),
    ("일본 AI 투자", "일본 정부가 AI 데이터센터 투자를 늘린다.", "2025.12.28", "아시아경제", "", ""),
]


def _write_csv(path, header, rows, *, encoding="utf-8", sep=","):
    import csv
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=sep)
        w.writerow(header)
        w.writerows(rows)


@pytest.mark.parametrize(("encoding", "sep", "suffix"), [
    ("cp949", ",", ".csv"), ("euc-kr", ";", ".csv"), ("utf-8-sig", ",", ".csv"),
    ("utf-16", "\t", ".tsv"), ("utf-8", "|", ".csv"),
])
def test_csv_korean_headers_encodings_delimiters(tmp_path, encoding, sep, suffix):
    path = tmp_path / f"news{suffix}"
    _write_csv(path, ["제목", "본문", "일자", "언론사", "기자", "비고"], KO_ROWS, encoding=encoding, sep=sep)
    out = list(READERS[suffix](path, path.name))
    assert all(isinstance(o, Record) for o in out) and len(out) == 2
    a, b = out
    assert (a.source, a.format, a.title, a.outlet, a.byline) == (
        f"news{suffix}#row=2", "csv", "AI 반도체 경쟁 격화", "머니S", "김기자")
    assert a.body == "삼성전자와 SK하이닉스가 HBM 증산에 나섰다.\n\n정부도 지원을 약속했다."
    assert a.published == pd.Timestamp("2025-12-27") and a.lang == "ko"
    assert a.extra == {"비고": "메모1"}
    assert b.source == f"news{suffix}#row=4"  # row 2 spans lines 2-3 (a quoted line break)
    assert b.published == pd.Timestamp("2025-12-28") and b.extra == {}


def test_csv_rows_missing_or_extra_cells(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text(
        "Title,Body,Date,URL\n"
        '"Full row","Body, with a comma and ""quotes"".",2025-12-27,https://a.example\n'
        "Short row,Body only\n"
        "Title only\n"
        "\n"
        "Too many,Body,2025-12-27,https://b.example,surplus\n"
        "Trailing delimiter,Body text,2025-12-27,https://c.example,,\n"
        "Bad date,Body text,sometime last week,\n"
        'Odd separators,"Body\u2028with a line separator\x0c",2025-12-27,\n',
        encoding="utf-8",
    )
    out = list(read_csv(path, "ragged.csv"))
    assert [(type(o).__name__, o.source.split("#")[1]) for o in out] == [
        ("Record", "row=2"), ("Record", "row=3"), ("Skip", "row=4"), ("Skip", "row=6"),
        ("Record", "row=7"), ("Record", "row=8"), ("Record", "row=9")]
    assert out[0].body == 'Body, with a comma and "quotes".'
    assert out[1].published is None and out[1].url == ""
    assert out[2].reason == "row has no body text"
    assert "row has 5 cells but the header has 4" in out[3].reason
    assert (out[5].published, out[5].date_text) == (None, "sometime last week")
    assert out[6].body == "Body\n\nwith a line separator"  # U+2028 is a line break


def test_csv_unknown_layout_error_lists_found_and_expected(tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text("id,score,Label\n1,0.5,x\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_csv(path, "data/scores.csv")
    msg = str(err.value)
    assert msg.startswith("data/scores.csv: no body column among the columns found ('id', 'score', 'Label')")
    for name in ("body", "text", "content", "본문", "article", "data/lexicons/columns.yml"):
        assert name in msg


@pytest.mark.parametrize(("content", "match"), [
    (b"", "no header row"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "binary content"),
])
def test_csv_unreadable_file(tmp_path, content, match):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=match):
        read_csv(path, "x.csv")


# --- JSONL ----------------------------------------------------------------------------------

def test_jsonl_broken_line_is_skipped_and_the_rest_read(tmp_path):
    lines = [
        json.dumps({"title": "First", "text": "First body.", "published_at": "2025-12-27T09:00:00+09:00",
                    "publisher": "Yonhap", "authors": ["Kim", "Lee"], "tags": ["ai"]}, ensure_ascii=False),
        '{"title": "Broken", "text": "no closing brace"',
        "",
        json.dumps({"headline": "Third", "content": ["Para one.", "Para two."], "lang": "en"}),
        "[1, 2]",
        json.dumps({"title": "Fourth", "text": ""}),
        json.dumps({"title": "日本語", "body": "日本政府は人工知能への投資を拡大すると発表した。"}, ensure_ascii=False),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(read_jsonl(path, "feed.jsonl"))
    assert [(type(o).__name__, o.source) for o in out] == [
        ("Record", "feed.jsonl#line=1"), ("Skip", "feed.jsonl#line=2"), ("Record", "feed.jsonl#line=4"),
        ("Skip", "feed.jsonl#line=5"), ("Skip", "feed.jsonl#line=6"), ("Record", "feed.jsonl#line=7")]
    first, broken, third, array, empty, ja = out
    assert (first.format, first.title, first.outlet, first.byline) == ("jsonl", "First", "Yonhap", "Kim, Lee")
    assert first.published == pd.Timestamp("2025-12-27 09:00") and first.extra == {"tags": ["ai"]}
    assert "line is not valid JSON" in broken.reason and "fix or remove the line" in broken.reason
    assert third.body == "Para one.\n\nPara two." and third.lang == "en"
    assert "not an object" in array.reason
    assert empty.reason == "row has no body text"
    assert ja.lang == "ja"


def test_json_array_in_jsonl_file(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps([{"title": "A", "body": "Alpha text."}, {"title": "B", "body": "Beta."}]),
                    encoding="utf-8")
    out = list(read_jsonl(path, "dump.jsonl"))
    assert [o.source for o in out] == ["dump.jsonl#item=1", "dump.jsonl#item=2"]


@pytest.mark.parametrize(("text", "match"), [
    ('{"id": 1, "score": 2}\n{"id": 2}\n', r"no body column among the columns found \('id', 'score'\)"),
    ("not json\nat all\n", "no line is valid JSON"),
    ("   \n\n", "no JSON lines"),
    ("[1, 2, 3]", "not JSON objects"),
])
def test_jsonl_unreadable_file(tmp_path, text, match):
    path = tmp_path / "x.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=match):
        read_jsonl(path, "x.jsonl")


# --- metadata.csv ---------------------------------------------------------------------------

def test_read_metadata(tmp_path):
    path = tmp_path / "metadata.csv"
    path.write_text(
        "파일,제목,일자,언론사,URL,memo\n"
        "000_184a82934e8be5b3.txt,AI 반도체,2025-12-27 00:00,머니S,https://a.example,x\n"
        "sub\\001.txt,,September 10,아시아경제,,\n"
        "002.txt,Chips,,,,\n",
        encoding="cp949",
    )
    meta = read_metadata(path)
    assert list(meta.index) == ["000_184a82934e8be5b3.txt", "sub/001.txt", "002.txt"]
    assert list(meta.columns) == ["title", "outlet", "published", "url", "date_text"]
    assert meta.loc["000_184a82934e8be5b3.txt", "published"] == pd.Timestamp("2025-12-27")
    assert pd.isna(meta.loc["sub/001.txt", "published"])
    assert meta.loc["sub/001.txt", "date_text"] == "September 10"
    assert pd.isna(meta.loc["sub/001.txt", "title"])  # blank overrides nothing
    assert str(meta["published"].dtype).startswith("datetime64")


@pytest.mark.parametrize(("text", "match"), [
    ("title,url\nA,https://a\n", r"metadata\.csv: no file-name column among 'title', 'url'; add a column 'file'"),
    ("file,memo\na.txt,x\n", r"no metadata column besides 'file'"),
    ("file,title\na.txt,A\n,B\n", r"metadata\.csv, row 3: no file name in column 'file'"),
    ("file,title\na.txt,A\nb.txt,B\na.txt,C\n", r"row 4: 'a.txt' is already described on row 2"),
])
def test_read_metadata_errors_name_file_row_and_fix(tmp_path, text, match):
    path = tmp_path / "metadata.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=match):
        read_metadata(path)


def test_readers_map():
    assert set(READERS) == {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".csv", ".tsv", ".jsonl", ".ndjson", ".xlsx"}
    assert READERS[".tsv"] is read_csv and READERS[".ndjson"] is read_jsonl


def test_jsonl_object_without_text_key_names_its_keys(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"title": "A", "body": "Alpha text."}\n{"id": 7, "score": 1}\n', encoding="utf-8")
    good, bad = read_jsonl(path, "mixed.jsonl")
    assert isinstance(good, Record)
    assert bad.source == "mixed.jsonl#line=2"
    assert bad.reason.startswith("row has no body text") and "'id', 'score'" in bad.reason


# Letters, digits, punctuation, spaces and line breaks (decode_bytes drops control characters).
_cell = st.text(alphabet=st.characters(whitelist_categories=("L", "N", "P", "Zs"),
                                       whitelist_characters="\n\r\t,;\""), max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_cell, _cell, _cell), min_size=1, max_size=8),
       st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_csv_every_row_accounted_for(tmp_path_factory, rows, sep, encoding):
    import csv
    import io
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=sep, quoting=csv.QUOTE_ALL)
    writer.writerow(["title", "body", "memo"])
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "p.csv"
    path.write_bytes(buf.getvalue().encode(encoding))
    out = list(read_csv(path, "p.csv"))
    written = [r for r in rows if any(c.strip() for c in r)]  # all-blank rows are not data
    assert len(out) == len(written)
    assert [o.source for o in out] == sorted({o.source for o in out}, key=lambda s: int(s.split("=")[1]))
    for rec, (title, body, _memo) in zip(out, written):
        if isinstance(rec, Record):
            assert body.split() and rec.body == normalize_body(rec.body)
            assert bool(rec.title) == bool(title.split())
        else:
            assert rec.reason == "row has no body text" and not body.split()
