"""HTML pages: trafilatura main text and metadata on saved real pages (shared corpora)."""

from __future__ import annotations

import pandas as pd
import pytest

from ainews.ingest.html import read_html
from ainews.ingest.records import InputError, Record

PAGES = [
    # (file, title, lang, outlet, published date, a sentence of the body)
    ("japantimes.co.jp.surgical.html", "Losing face: 6,000 surgical masks stolen from Kobe hospital",
     "en", "The Japan Times", "2020-02-18", "Hyogo Prefectural Police is investigating"),
    ("nhk.or.jp.k100.html", "子どもへの体罰を禁止する法律ができる", "ja", "NEWS WEB EASY",
     "2019-06-19", "体罰を禁止することになりました"),
    ("world.kbs.co.kr-Temperatures.html", "Colder Temperatures Forecast for Wed. after Cold Wave Alert Tues.",
     "en", "world.kbs.co.kr", "2023-11-07", "Cheorwon in Gangwon Province claimed the coldest temperature"),
]

# Text of the pages' menus, related-news lists and footers that must not reach the body.
JUNK = ["Subscribe", "Privacy", "Copyright", "Related", "Sitemap", "cookie", "All Rights Reserved",
        "KBS Family Sites", "Go to Top", "Bahasa Indonesia", "NEWS WEB EASYについて", "著作権", "三省堂"]


@pytest.mark.parametrize(("name", "title", "lang", "outlet", "day", "sentence"), PAGES)
def test_read_html_real_pages(html_dir, name, title, lang, outlet, day, sentence):
    records = list(read_html(html_dir / name, name))
    assert len(records) == 1
    rec = records[0]
    assert isinstance(rec, Record)
    assert (rec.source, rec.format, rec.title, rec.lang, rec.outlet) == (name, "html", title, lang, outlet)
    assert rec.published.normalize() == pd.Timestamp(day)
    assert sentence in rec.body
    assert len(rec.body) > 300
    assert rec.url.startswith("http")
    assert not any(j.casefold() in rec.body.casefold() for j in JUNK)


@pytest.mark.parametrize("name", [p[0] for p in PAGES])
def test_html_body_has_no_script_and_clean_paragraphs(html_dir, name):
    raw = (html_dir / name).read_text(encoding="utf-8", errors="replace")
    assert "<script" in raw  # the page does carry scripts
    body = next(iter(read_html(html_dir / name, name))).body
    for marker in ("function(", "var ", "window.", "document.", "gtag", "{", "<"):
        assert marker not in body
    paragraphs = body.split("\n\n")
    assert len(paragraphs) >= 3
    assert all(p == p.strip() and p and "\n" not in p for p in paragraphs)


def test_labelled_date_beats_teaser_dates(html_dir):
    # The KBS page lists related news dated 2023-11-03 and prints "Written: 2023-11-07 15:03:30".
    rec = next(iter(read_html(html_dir / "world.kbs.co.kr-Temperatures.html", "kbs.html")))
    assert rec.published == pd.Timestamp("2023-11-07 15:03:30")


def test_placeholder_author_dropped(html_dir):
    rec = next(iter(read_html(html_dir / "japantimes.co.jp.surgical.html", "jt.html")))
    assert "no author" not in rec.byline.casefold()


@pytest.mark.parametrize("html", [
    "<html><head><title>Home</title><script>var x = 'lots of script text here';</script></head>"
    "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
    "",
    "<html><body></body></html>",
])
def test_page_without_main_text_is_input_error(tmp_path, html):
    page = tmp_path / "front.html"
    page.write_text(html, encoding="utf-8")
    with pytest.raises(InputError, match=r"front\.html: no article text found"):
        read_html(page, "front.html")


def test_small_article_page_in_tmp(tmp_path):
    page = tmp_path / "a.html"
    paras = "".join(f"<p>Paragraph {i} of the story about semiconductors and the AI race in Korea.</p>"
                    for i in range(6))
    page.write_text(
        "<html><head><title>Chip race heats up | Example News</title>"
        "<meta property='og:site_name' content='Example News'>"
        "<meta name='author' content='Kim Min-ji'></head><body><nav>Home News Sports</nav>"
        f"<article><h1>Chip race heats up</h1><p>Published: 2025.12.27 09:00</p>{paras}</article>"
        "<script>alert('x')</script></body></html>", encoding="utf-8")
    rec = next(iter(read_html(page, "a.html")))
    assert rec.title == "Chip race heats up"
    assert rec.outlet == "Example News"
    assert rec.byline == "Kim Min-ji"
    assert rec.published == pd.Timestamp("2025-12-27 09:00")
    assert "Paragraph 0 of the story" in rec.body and "alert" not in rec.body


def test_nhk_furigana_not_in_body(html_dir):
    # NHK News Web Easy prints readings over kanji (<ruby>虐待<rt>ぎゃくたい</rt></ruby>).
    raw = (html_dir / "nhk.or.jp.k100.html").read_text(encoding="utf-8")
    assert "ぎゃくたい" in raw
    body = next(iter(read_html(html_dir / "nhk.or.jp.k100.html", "nhk.html"))).body
    assert "虐待" in body and "ぎゃくたい" not in body


def test_euc_kr_page(tmp_path):
    paras = "".join(f"<p>{i}번째 문단: 정부는 인공지능 반도체 경쟁력을 높이기 위한 지원책을 발표했다.</p>"
                    for i in range(5))
    html = ("<html><head><meta charset='euc-kr'><title>AI 반도체 지원책 발표 - 예시일보</title>"
            "<meta property='og:site_name' content='예시일보'></head><body>"
            f"<article><h1>AI 반도체 지원책 발표</h1><p>입력 2025.12.27 오후 3:04</p>{paras}</article></body></html>")
    page = tmp_path / "ko.html"
    page.write_bytes(html.encode("euc-kr"))
    rec = next(iter(read_html(page, "ko.html")))
    assert (rec.title, rec.outlet, rec.lang) == ("AI 반도체 지원책 발표", "예시일보", "ko")
    assert rec.published == pd.Timestamp("2025-12-27 15:04")
    assert "인공지능 반도체 경쟁력" in rec.body
