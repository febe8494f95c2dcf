"""The pasted-page cleaner on the seed articles: titles, captions, bylines, boilerplate, body."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ainews.ingest.clean import clean_page

SEED_TITLES = {
    "000_184a82934e8be5b3.txt": 'Chey Taewon: "To Compete With Chinese AI, We Must Share Data With Japan"',
    "001_4f580c823a1dd540.txt": "",  # the pasted column starts with its first paragraph: no title line
    "002_0cbbea8c10b7a584.txt": "Jason Kwon, OpenAI CSO, Holds First Press Conference in Korea",
    "003_c232df0707fb9e00.txt": '"광주AI산업, 스토리 있고 차별화된 실행전략 필요"',
    "004_4e6021488248aa45.txt": 'Oh Se-hoon: "Making Seoul an AI Cradle... We Will Not Lose in the AI War"',
}
# Number of body paragraphs in each seed, counted by reading the pages.
SEED_PARAGRAPHS = {
    "000_184a82934e8be5b3.txt": 8,
    "001_4f580c823a1dd540.txt": 7,
    "002_0cbbea8c10b7a584.txt": 10,
    "003_c232df0707fb9e00.txt": 9,
    "004_4e6021488248aa45.txt": 7,
}
BOILERPLATE = [
    "본문 바로가기", "bar_progress", "Text Size", "All rights reserved", "Join us on social!",
    "카카오톡 공유", "코스피 : 3085.90", "원달러", "[머니S포토]", "View original image",
    "AI translation services", "정기구독신청", "이 기자의 다른기사", "ctk3312@mt.co.kr", "Today’s Briefing",
]


@pytest.mark.parametrize("name,title", SEED_TITLES.items())
def test_seed_title(seed_texts, name, title):
    assert clean_page(seed_texts[name]).title == title


@pytest.mark.parametrize("name,n", SEED_PARAGRAPHS.items())
def test_every_body_paragraph_kept(seed_texts, name, n):
    page = clean_page(seed_texts[name])
    paragraphs = page.body.split("\n\n")
    assert len(paragraphs) == n
    # each kept paragraph is a line of the page, unchanged
    raw_lines = {" ".join(line.split()) for line in seed_texts[name].splitlines()}
    assert all(p in raw_lines for p in paragraphs)


@pytest.mark.parametrize("name", SEED_TITLES)
def test_no_boilerplate_left_in_body(seed_texts, name):
    page = clean_page(seed_texts[name])
    for junk in BOILERPLATE:
        assert junk not in page.body
    assert page.title not in page.body or not page.title


@pytest.mark.parametrize("name", SEED_TITLES)
def test_every_line_accounted_for(seed_texts, name):
    page = clean_page(seed_texts[name])
    placed = " ".join([page.title, page.subtitle, page.body, *page.captions, *(l for l, _ in page.dropped)])
    for line in seed_texts[name].splitlines():
        line = " ".join(line.split())
        if line:
            assert line in placed or any(line.endswith(c) for c in page.captions), line


def test_caption_glued_to_title_is_separated(seed_texts):
    page = clean_page(seed_texts["000_184a82934e8be5b3.txt"])
    assert page.captions == [
        "Jung Sinah, CEO of Kakao, and Chey Taewon, Chairman of the Korea Chamber of Commerce and Industry, "
        "are having a dialogue at the 'Management Talk Show,' a side event of the KCCI Summer Forum held in "
        "Gyeongju on the 18th. Korea Chamber of Commerce and Industry"
    ]


def test_korean_page(seed_texts):
    page = clean_page(seed_texts["003_c232df0707fb9e00.txt"])
    assert page.subtitle == "광주광역시, 제7차 AI산업육성 조찬포럼 개최"
    assert page.byline == "정태관"
    assert len(page.captions) == 1 and page.captions[0].endswith("/사진=광주광역시")
    reasons = dict((line, why) for line, why in page.dropped)
    assert reasons["• 코스피 : 3085.90하락 64.0318:03 01/15"] == "stock ticker"
    assert reasons["• [머니S포토] 기아차 31년만에 '기아'로 사명 공식 변경"] == "list of other headlines"
    assert any(why == "caption repeated" for _, why in page.dropped)


def test_photographer_is_not_byline(seed_texts):
    page = clean_page(seed_texts["002_0cbbea8c10b7a584.txt"])
    assert page.byline == ""
    assert page.captions[0].endswith("Photo by Park Yujin")
    assert page.subtitle.startswith('"Cooperation with Industry')


def test_multi_line_subtitle(seed_texts):
    page = clean_page(seed_texts["004_4e6021488248aa45.txt"])
    assert page.subtitle.splitlines() == [
        "Discussion with Executives on AI Utilization Plans",
        "Revolutionizing Daily Life... From Education to Administration",
        "Announcement of Support Measures Including AI Vision Next Week",
    ]


@pytest.mark.parametrize(
    "line,body",
    [
        ("(서울=연합뉴스) 조성흠 기자 = 수출 기업의 경기 전망이 반등했다.", "수출 기업의 경기 전망이 반등했다."),
        ("[부산=뉴시스] 하경민 기자 = 부산시는 행정서비스를 구축했다.", "부산시는 행정서비스를 구축했다."),
        ("[로이터=연합뉴스 자료사진]챗GPT와 같은 AI 챗봇이 비판에 직면했다.", "챗GPT와 같은 AI 챗봇이 비판에 직면했다."),
    ],
)
def test_dateline_and_credit_prefixes(line, body):
    page = clean_page(line, title="제목")
    assert page.body == body


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_cleaner_never_raises_and_is_idempotent(text):
    page = clean_page(text)
    again = clean_page(page.body, title=page.title or None, find_headings=False)
    assert again.body == page.body
