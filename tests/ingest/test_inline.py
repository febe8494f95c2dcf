"""Boilerplate glued inside a paragraph: cut out where it sits, the article's text kept as written."""

from __future__ import annotations

import html
import re

import pytest

from ainews import ingest
from ainews.ingest.clean import clean_page

CASES = [
    ("정부는 예산을 늘리겠다고 말했다. hkm@yna.co.kr",
     "정부는 예산을 늘리겠다고 말했다.", {"reporter e-mail"}),
    ("시장 신뢰를 높일 계획이다.※CBS노컷뉴스는 여러분의 제보로 함께 세상을 바꿉니다. 각종 비리를 알려주세요."
     "이메일 : jebo@cbs.co.kr카카오톡 : @노컷뉴스",
     "시장 신뢰를 높일 계획이다.", {"tip-off plea"}),
    ("영상에 담았습니다.■ 제보하기▷ 전화 : 02-781-1234▷ 이메일 : kbs1234@kbs.co.kr▷ 네이버, 유튜브에서 KBS뉴스를 구독해주세요!",
     "영상에 담았습니다.", {"tip-off plea"}),
    ("시는 축제를 열었다.[춘천시 제공. 재판매 및 DB 금지] 관람객은 10만명이었다.",
     "시는 축제를 열었다. 관람객은 10만명이었다.", {"photo credit"}),
    ("기회를 확대할 방침이다. ▶AI 예산 늘린다 ▶반도체 특별법 통과",
     "기회를 확대할 방침이다.", {"list of other headlines"}),
    ("주목됩니다.#환율 #코스피 #증시연합뉴스TV 기사문의 및 제보 : 카톡/라인 jebo23",
     "주목됩니다.", {"tip-off plea", "hashtags"}),
    ("뒷받침하겠다고 밝혔다. ⓒ 한국경제 무단전재 및 재배포 금지",
     "뒷받침하겠다고 밝혔다.", {"copyright"}),
]


@pytest.mark.parametrize("line,kept,reasons", CASES)
def test_footer_cut_from_the_line(line, kept, reasons):
    page = clean_page(line, title="제목")
    assert page.body == kept
    got = {why for _, why in page.dropped}
    assert reasons <= got, page.dropped


@pytest.mark.parametrize("line", [
    "이들 채널이 확보한 구독자 수는 모두 2억2100만명, 누적 조회수는 630억회에 달한다.",
    "▶AI에 대한 기대 그리고 갈등AI는 이제 게임 개발에 깊숙하게 개입하기 시작했다. 많은 회사들이 각종 AI 툴을 "
    "본격적으로 활용하고 있는 가운데 엔씨소프트의 계열사는 13년 넘게 축적한 연구개발 자원을 바탕으로 새 도구를 내놓았다. "
    "업계는 이 도구가 개발 기간을 크게 줄일 것으로 내다봤다.",  # a ▶ section heading run into its paragraph
    "경찰은 제보를 받고 현장에 출동해 용의자를 붙잡았다고 밝혔다.",
    "The company said its subscription revenue grew 20 percent.",
])
def test_article_text_is_not_cut(line):
    page = clean_page(line, title="제목")
    assert page.body == line
    assert page.dropped == []


def test_dateline_in_a_later_paragraph():
    text = "첫 문단은 배경을 설명한다.\n(서울=연합뉴스) 홍길동 기자 = 정부가 계획을 발표했다."
    page = clean_page(text, title="제목")
    assert page.body == "첫 문단은 배경을 설명한다.\n\n정부가 계획을 발표했다."
    assert ("(서울=연합뉴스) 홍길동 기자 =", "dateline") in page.dropped


_FOOTER = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|무단\s*전재|재배포\s*금지|▶[^▶]{0,150}(?:https?://|▶)"
                     r"|제보\s*(?:하기|는|를\s*기다|로\s*함께|가\s*뉴스|[:：])|구독\s*(?:하기|해\s*주세요|하세요|신청|버튼)")


@pytest.fixture(scope="module")
def naver_articles(naver_dir):
    return ingest(naver_dir, progress=False)[0]


def test_naver_footers_left_in_at_most_one_percent_of_lines(naver_articles):
    lines = [p for body in naver_articles["body"] for p in body.split("\n\n") if p.strip()]
    left = [p for p in lines if _FOOTER.search(p)]
    assert len(left) <= 0.01 * len(lines), left[:5]
    cut = {why for d in naver_articles["dropped"] for _, why in d}
    assert {"reporter e-mail", "tip-off plea", "copyright", "photo credit"} <= cut


def test_naver_cuts_keep_the_article_text(naver_articles, naver_dir):
    """Every kept paragraph is made of pieces of the source, as written (entities decoded)."""
    for src, body in naver_articles[["source", "body"]].head(400).itertuples(index=False):
        raw = " ".join(html.unescape(html.unescape((naver_dir / src).read_text(encoding="utf-8"))).split())
        for para in body.split("\n\n"):
            assert para[:15] in raw and para[-15:] in raw, (src, para[:60])
            assert all(word in raw for word in para.split()), (src, para[:60])


def test_new_reasons_reach_the_cleaning_table(naver_articles):
    """The Data and method chapter's table of removals reads the reasons from `dropped`."""
    from ainews.report import get_cleaning_summary

    summary = get_cleaning_summary(naver_articles).set_index("reason")
    for reason in ("reporter e-mail", "tip-off plea", "photo credit"):
        assert summary.loc[reason, "lines"] > 0
    assert "@" not in " ".join(summary["examples"])  # contact details masked
