"""Properties of the cleaner on generated pages: never raises, idempotent, nothing active left.

Pages are drawn line by line from real material (seed lines, boilerplate the lexicon knows,
HTML debris) mixed with arbitrary Unicode, so the properties are exercised on the kinds of line
the cleaner actually sees.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ainews.ingest.clean import clean_page, clean_text
from ainews.ingest.markup import strip_active_markup, unescape_html

SEEDS = Path(__file__).resolve().parents[2] / "data" / "raw"

SEED_LINES = sorted({line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text("utf-8").splitlines()})
DEBRIS = [
    "본문 바로가기", "Text Size", "카카오톡 공유", "© The Asia Business Daily. All rights reserved.",
    "ⓒ 머니S 무단 전재 및 재배포 금지", "View original image", "[머니S포토] 다른 기사", "홍길동 기자 hong@example.com",
    "&amp;quot;AI&amp;quot; &lt;b&gt;bold&lt;/b&gt;", "<script>alert(1)</script>", "<script>", "</script>",
    "<img src=x onerror=alert(1)>", "&lt;iframe src=javascript:alert(1)&gt;", "<br>", "line<BR>break",
    "(서울=연합뉴스) 김철수 기자 = 정부는 발표했다.", "\u00a0\u200b\u3000", "", "   ",
]
LINES = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(DEBRIS),
    st.text(max_size=80),
    st.text(alphabet="<>&;/=\"' abcdefghijklmnopqrstuvwxyz#0123456789\n", max_size=60),
)
PAGES = st.lists(LINES, max_size=25).map("\n".join)
_ACTIVE = re.compile(r"<\s*/?\s*(script|iframe|style|object|embed)\b|<[^<>]*\bon[a-z]+\s*=", re.I)


@given(st.text())
def test_clean_text_never_raises_and_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert once == once.strip()


@given(PAGES)
def test_clean_text_on_page_material(text):
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=300)
@given(PAGES)
def test_page_body_is_a_fixpoint(text):
    page = clean_page(text)
    again = clean_page(page.body, title=page.title or None, find_headings=False)
    assert again.body == page.body
    assert not _ACTIVE.search(page.body)


@settings(max_examples=300)
@given(PAGES)
def test_reconstructed_page_cleans_to_itself(text):
    page = clean_page(text)
    rebuilt = "\n".join(p for p in (page.title, page.subtitle, page.body) if p)
    again = clean_page(rebuilt)
    assert (again.title, again.subtitle, again.body) == (page.title, page.subtitle, page.body)


@given(st.text())
def test_unescape_is_idempotent(text):
    once = unescape_html(text)
    assert unescape_html(once) == once


@given(PAGES)
def test_strip_active_markup_removes_everything_active(text):
    out, removed = strip_active_markup(unescape_html(text))
    assert not _ACTIVE.search(out)
    assert strip_active_markup(out) == (out, [])
