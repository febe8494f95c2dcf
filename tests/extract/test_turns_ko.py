"""Labelled speaker turns of Korean transcripts, on short texts written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

from ainews import extract_quotes
from ainews.extract.turns_ko import ko_turns


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a TV report's bracketed line
        ('전망입니다.[홍길동 한국은행 수석이코노미스트: 금리 인하가 이어질 것 같습니다.] 다음 소식입니다.', ["홍길동"]),
        ('[홍길동 / 산업연구원장 : 관세 효과가 내년에 나타날 것입니다.]', ["홍길동"]),
        # a foreign name in a caption, before its slash
        ('[존 스미스/챗봇 회사 창립자 : 많은 사용자가 위로를 받는다고 말합니다.]', ["존 스미스"]),
        # roundtable turns after a marker, "=" possibly left as an HTML entity
        ('좌담회를 열었다.◇김철수= 지금은 과도기라 체감이 어렵다.◇이영희&#x3D; 데이터 권리가 가장 큰 문제다.',
         ["김철수", "이영희"]),
        # a turn after the full name, a title and its short form
        ('좌담회 전문.”박민수 교수(이하 박): 유연성 자원 확보가 시급하다.이지은 센터장(이하 이): 정책이 모호하다.',
         ["박민수", "이지은"]),
        # the moderator, a digest's place marker and a photo credit are no speakers
        ('◇사회= 무엇부터 바꿔야 하는가.', []),
        ('◇미국= 다우지수는 소폭 올랐다. ◇일본= 닛케이지수는 내렸다.', []),
        ('사진: 연합뉴스 제공. 자료: 한국은행', []),
    ],
)
def test_ko_turns(text, names):
    assert [t["name"] for t in ko_turns(text)] == names


def test_turns_are_quote_rows_with_their_evidence():
    text = '좌담회를 열었다.◇김철수= 지금은 과도기라 체감이 어렵다.'
    q = extract_quotes(pd.DataFrame({"doc_id": ["t"], "body": [text], "lang": ["ko"]}))
    row = q.iloc[0]
    assert (row.speaker, row.speaker_how) == ("김철수", "turn")
    assert text[row.start:row.end] == row.quote == "지금은 과도기라 체감이 어렵다."
