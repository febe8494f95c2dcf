"""ingest(): the seeds, the shared Naver corpus, and the nothing-lost invariant."""

from __future__ import annotations

import pandas as pd
import pytest

from ainews import ingest, load_corpus
from ainews.ingest import ARTICLE_COLUMNS

EXPECTED = {  # file -> (lang, outlet, byline, date_text)
    "000_184a82934e8be5b3.txt": ("en", "The Asia Business Daily", "", "July 18"),
    "001_4f580c823a1dd540.txt": ("en", "The Asia Business Daily", "", ""),
    "002_0cbbea8c10b7a584.txt": ("en", "The Asia Business Daily", "", "September 10"),
    "003_c232df0707fb9e00.txt": ("ko", "머니S", "정태관", "13일"),
    "004_4e6021488248aa45.txt": ("en", "The Asia Business Daily", "", "the 7th"),
}


def _invariant(articles: pd.DataFrame, report: pd.DataFrame) -> None:
    files = report[report["level"] == "file"]
    assert (files["n_inputs"] == files["n_ingested"] + files["n_duplicate"] + files["n_skipped"]).all()
    assert files["n_ingested"].sum() + files["n_duplicate"].sum() == len(articles)
    assert files["n_duplicate"].sum() == (articles["dup_of"] != "").sum()
    assert report["reason"].where(report["status"] != "ingested", "x").fillna("").str.len().gt(0).all()


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return ingest(seeds_dir)


def test_seed_columns_and_types(seeds):
    articles, report = seeds
    assert list(articles.columns[: len(ARTICLE_COLUMNS)]) == ARTICLE_COLUMNS
    assert len(articles) == 5 and articles["doc_id"].is_unique
    assert str(articles["published"].dtype).startswith("datetime64")
    assert (articles["n_chars"] == articles["body"].str.len()).all()
    _invariant(articles, report)


@pytest.mark.parametrize("name,expected", EXPECTED.items())
def test_seed_metadata(seeds, name, expected):
    row = seeds[0].set_index("source").loc[name]
    assert (row["lang"], row["outlet"], row["byline"], row["date_text"]) == expected
    assert pd.isna(row["published"])  # pasted pages state no year


def test_doc_id_from_content_not_order(tmp_path, seeds, seed_texts):
    # the same articles under other names, listed in another order: the same ids
    for i, (name, text) in enumerate(sorted(seed_texts.items(), reverse=True)):
        (tmp_path / f"{i}_{name}").write_text(text, encoding="utf-8")
    renamed = load_corpus(tmp_path)
    assert sorted(renamed["doc_id"]) == sorted(seeds[0]["doc_id"])


def test_duplicates_are_marked_not_dropped(tmp_path, seed_texts):
    text = seed_texts["002_0cbbea8c10b7a584.txt"]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b copy.txt").write_text(text, encoding="utf-8")
    # a reprint: same story, another footer
    (tmp_path / "c.txt").write_text(text.replace("© The Asia Business Daily", "ⓒ 다른신문") + "\nRead more at example.com\n",
                                    encoding="utf-8")
    articles, report = ingest(tmp_path)
    assert len(articles) == 3
    original = articles.loc[articles["source"] == "a.txt", "doc_id"].item()
    assert set(articles.loc[articles["source"] != "a.txt", "dup_of"]) == {original}
    assert set(report["status"]) == {"ingested", "duplicate"}
    _invariant(articles, report)


def test_bad_files_are_skipped_with_reasons(tmp_path, seed_texts):
    (tmp_path / "good.txt").write_text(seed_texts["004_4e6021488248aa45.txt"], encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04junk")
    (tmp_path / "only_boilerplate.txt").write_text("본문 바로가기\nText Size\n© The Asia Business Daily. All rights reserved.\n")
    (tmp_path / "cp949.txt").write_bytes(seed_texts["003_c232df0707fb9e00.txt"].encode("cp949", errors="ignore"))
    articles, report = ingest(tmp_path, max_mb=20)
    status = report.set_index("source")["status"].to_dict()
    reasons = report.set_index("source")["reason"].to_dict()
    assert status["good.txt"] == "ingested" and status["cp949.txt"] == "ingested"
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["picture.txt"]
    assert "unknown file type '.docx'" in reasons["notes.docx"]
    assert "boilerplate" in reasons["only_boilerplate.txt"]
    korean = articles.set_index("source").loc["cp949.txt"]
    assert korean["lang"] == "ko" and "광주광역시는 13일" in korean["body"]
    _invariant(articles, report)


def test_cli_exit_codes(tmp_path, seeds_dir, capsys):
    from ainews.cli import main

    assert main(["ingest", str(seeds_dir), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert (tmp_path / "out" / "articles.parquet").is_file()
    assert "ingested 5 articles" in capsys.readouterr().out
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"")
    assert main(["ingest", str(bad), "--out", str(tmp_path / "out2"), "-q"]) == 1


def test_naver_corpus_ingests_fully(naver_dir):
    articles, report = ingest(naver_dir, progress=False)
    n_files = sum(1 for _ in naver_dir.glob("*.md"))
    files = report[report["level"] == "file"]
    assert files["n_inputs"].sum() == n_files == 1311
    _invariant(articles, report)
    assert len(articles) >= 1300
    assert (articles["lang"].isin(["ko", "en"])).all()
    assert (articles["outlet"] != "").all() and (articles["title"] != "").all()
    assert articles["published"].notna().all()
    assert not articles["body"].str.contains("Crawled at|&quot;|&#x27;", regex=True).any()
    assert not articles["title"].str.contains("&quot;").any()
    # bylines are names, not "name(e-mail)" or "name 기자"
    assert not articles["byline"].str.contains("@|기자$", regex=True).any()


def test_metadata_csv_overrides(tmp_path, seed_texts):
    (tmp_path / "col.txt").write_text(seed_texts["001_4f580c823a1dd540.txt"], encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,title,published,outlet\ncol.txt,Data sovereignty column,2024-05-02,The Asia Business Daily\n",
        encoding="utf-8",
    )
    articles, report = ingest(tmp_path)
    row = articles.iloc[0]
    assert row["title"] == "Data sovereignty column"
    assert row["published"] == pd.Timestamp("2024-05-02")
    assert "metadata.csv overrides applied" in row["notes"]
    assert report.set_index("source").loc["metadata.csv", "status"] == "skipped"
    _invariant(articles, report)


def test_mixed_formats_folder(tmp_path, seed_texts, html_dir):
    import shutil

    (tmp_path / "a.txt").write_text(seed_texts["000_184a82934e8be5b3.txt"], encoding="utf-8")
    shutil.copy(next(html_dir.glob("*.html")), tmp_path / "page.html")  # temporary copy, test only
    (tmp_path / "rows.jsonl").write_text(
        '{"title": "t1", "body": "첫 번째 기사 본문입니다. 광주에서 인공지능 포럼이 열렸다."}\n{broken\n', encoding="utf-8")
    articles, report = ingest(tmp_path)
    assert set(articles["format"]) == {"txt", "html", "jsonl"}
    assert (report["status"] == "skipped").sum() == 1  # the broken JSONL line
    _invariant(articles, report)


def test_bigkinds_export_ingests_fully(bigkinds_xlsx):
    articles, report = ingest(bigkinds_xlsx)
    _invariant(articles, report)
    files = report[report["level"] == "file"]
    assert files["n_inputs"].sum() == 2315
    assert files["n_skipped"].sum() == 0  # every row has text; none may be lost to cleaning
    assert articles["body_truncated"].all() and (articles["format"] == "bigkinds").all()
    assert articles["published"].dt.year.eq(2020).all()
    assert {"bk_persons", "bk_places", "bk_orgs", "bk_keywords"} <= set(articles.columns)


@pytest.mark.parametrize(
    "name,expected",
    [("world.kbs.co.kr", "KBS"), ("www.asiae.co.kr", "The Asia Business Daily"), ("Yonhap", "연합뉴스"),
     ("연합뉴스", "연합뉴스"), ("Some Local Paper", "Some Local Paper"), ("", "")],
)
def test_canonical_outlet(name, expected):
    from ainews.ingest.meta import canonical_outlet

    assert canonical_outlet(name) == expected
