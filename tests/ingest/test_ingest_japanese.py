"""Japanese input: legacy encodings (declared right or wrong), livedoor-style header files,
Japanese boilerplate, CSV/JSONL/Markdown/HTML, and relative dates (5日) made absolute."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ainews
from ainews.ingest.dates import find_ja_dates, resolve_ja_date
from ainews.ingest.encoding import decode_bytes

BODY = ("経済産業省は5日、生成AIの開発を支援するため、データセンターに約2兆2600億円を投じると"
        "発表した。\n「日本のAIは遅れている。投資を急ぐ」と武藤容治経済産業相は述べた。")
PAGE = ("生成AIに2兆円　政府が支援策\n【東京＝共同】" + BODY + "\n写真：ロイター\n"
        "（ワシントン＝山田太郎）\nこの記事をシェア\n■関連記事\n・ソフトバンク、AI投資を拡大\n"
        "・NTT、新モデルを発表\n無断転載を禁じます\n")


@pytest.mark.parametrize("stored", ["cp932", "shift_jis", "euc_jp", "iso2022_jp"])
@pytest.mark.parametrize("declared", ["", "utf-8", "shift_jis", "euc-jp", "euc-kr"])
def test_japanese_legacy_encodings_read_whatever_the_page_declares(stored, declared):
    head = f'<meta charset="{declared}">\n' if declared else ""
    assert decode_bytes((head + BODY).encode(stored), "page.txt") == head + BODY


@pytest.mark.parametrize("stored", ["cp949", "euc_kr"])
def test_korean_legacy_text_is_not_read_as_japanese(stored):
    text = "과학기술정보통신부는 인공지능 투자를 확대한다고 밝혔다. 광주에 데이터센터를 짓는다."
    assert decode_bytes(('<meta charset="euc-jp">' + text).encode(stored), "k.txt").endswith(text)


def test_pasted_japanese_page_drops_boilerplate_with_reasons(tmp_path):
    (tmp_path / "ja.txt").write_text(PAGE, encoding="utf-8")
    art = ainews.ingest(tmp_path)[0].iloc[0]
    assert art["lang"] == "ja" and art["title"] == "生成AIに2兆円 政府が支援策"
    assert art["body"] == BODY.replace("\n", "\n\n")
    reasons = dict(art["dropped"])
    assert reasons["【東京＝共同】"] == "section tag"
    assert reasons["写真：ロイター"] == "photo credit"
    assert reasons["この記事をシェア"] == "navigation"
    assert reasons["■関連記事"] == "related articles"
    # a headline of the related-articles list: dropped as the footer after 関連記事, or as link furniture
    assert reasons["・NTT、新モデルを発表"] in {"page footer", "not article text (short line among page furniture: links, buttons)"}
    assert reasons["無断転載を禁じます"] == "copyright"
    assert art["byline"] == "山田太郎"


def test_url_date_title_header_and_licence_files(tmp_path):
    folder = tmp_path / "it"
    folder.mkdir()
    (folder / "it-1.txt").write_text("http://news.example.jp/article/1/\n2012-02-20T09:00:00+0900\n"
                                     "AIの新製品が登場\n" + BODY + "\n", encoding="utf-8")
    # A header-less file is still read as a pasted page.
    (folder / "it-2.txt").write_text(PAGE.replace("2兆円", "3兆円"), encoding="cp932")
    (folder / "LICENSE.txt").write_text("クリエイティブ・コモンズ ライセンス", encoding="utf-8")
    (tmp_path / "README.txt").write_text("コーパスの説明", encoding="utf-8")
    arts, report = ainews.ingest(tmp_path)
    first = arts.set_index("source").loc["it/it-1.txt"]
    assert first["url"] == "http://news.example.jp/article/1/"
    assert first["published"] == pd.Timestamp("2012-02-20 09:00")
    assert first["title"] == "AIの新製品が登場" and first["body"].startswith("経済産業省は5日")
    assert arts.set_index("source").loc["it/it-2.txt", "title"] == "生成AIに3兆円 政府が支援策"
    skipped = report.set_index("source").loc[["it/LICENSE.txt", "README.txt"]]
    assert (skipped["status"] == "skipped").all()
    assert skipped["reason"].str.contains("licence or read-me file").all()


def test_csv_jsonl_markdown_in_japanese(tmp_path):
    pd.DataFrame({"title": ["生成AI支援"], "body": [BODY], "date": ["2026年1月5日"]}).to_csv(
        tmp_path / "a.csv", index=False, encoding="cp932")
    (tmp_path / "b.jsonl").write_text(json.dumps({"title": "AI投資", "body": BODY + "追加。",
                                                  "published": "2026-01-06"}, ensure_ascii=False),
                                      encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: ソブリンAI\npublished_at: 2026-01-07\n---\n\n"
                                   + BODY + "\n\n新しい段落。\n", encoding="utf-8")
    arts = ainews.ingest(tmp_path)[0].set_index("format")
    assert set(arts.index) == {"csv", "jsonl", "md"}
    assert (arts["lang"] == "ja").all()
    assert arts.loc["csv", "published"] == pd.Timestamp("2026-01-05")
    assert arts.loc["md", "title"] == "ソブリンAI"
    assert all("経済産業省は5日" in b for b in arts["body"])


def test_saved_nhk_page(html_dir):
    page = html_dir / "nhk.or.jp.k100.html"
    art = ainews.ingest(page)[0].iloc[0]
    assert art["lang"] == "ja" and art["title"] == "子どもへの体罰を禁止する法律ができる"
    assert art["body"].startswith("子どもへの虐待をなくすための法律")


def test_livedoor_folder_every_file_accounted_for(livedoor_dir):
    folder = livedoor_dir / "smax"  # one category keeps the test short
    files = [p for p in folder.iterdir() if p.is_file()]
    arts, report = ainews.ingest(folder)
    assert report["n_inputs"].sum() == len(files)
    assert report.set_index("source").loc["LICENSE.txt", "status"] == "skipped"
    assert len(arts) == len(files) - 1
    assert arts["url"].str.startswith("http://news.livedoor.com/").all()
    assert arts["published"].notna().all() and (arts["title"] != "").all()
    assert (arts["lang"] == "ja").all()


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("2026年1月5日", None, "2026-01-05"),
    ("2026年 1月 5日", None, "2026-01-05"),
    ("1月5日", "2026-01-07", "2026-01-05"),
    ("12月28日", "2026-01-07", "2025-12-28"),
    ("5日", "2026-01-07", "2026-01-05"),
    ("２８日", "2026-01-07", "2025-12-28"),
    ("5日", None, None),
    ("1月5日", None, None),
    ("2月30日", "2026-03-01", None),
])
def test_japanese_dates_become_absolute_when_a_year_is_known(text, reference, expected):
    got = resolve_ja_date(text, reference)
    assert (got, expected) == (None, None) or got == pd.Timestamp(expected)


def test_dates_found_in_text_with_offsets():
    text = "政府は5日、2026年1月5日から5日間の会合を開き、12月28日の決定を見直した。"
    found = find_ja_dates(text, "2026-01-07")
    assert [(text[s:e], str(ts.date())) for s, e, _, ts in found] == [
        ("5日", "2026-01-05"), ("2026年1月5日", "2026-01-05"), ("12月28日", "2025-12-28")]


@given(st.dates(min_value=pd.Timestamp("1990-01-01").date(), max_value=pd.Timestamp("2099-12-31").date()))
def test_written_japanese_date_round_trips(day):
    assert resolve_ja_date(f"{day.year}年{day.month}月{day.day}日") == pd.Timestamp(day)
    ref = pd.Timestamp(day) + pd.Timedelta(days=3)
    assert resolve_ja_date(f"{day.day}日", ref) == pd.Timestamp(day)
