"""Features of the learned theme decision: which sentences are embedded, money crossing borders."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ainews.themes import lexicon_scores
from ainews.themes.features import select_units
from ainews.themes.signals import SIGNAL_NAMES, signal_features


def _articles(bodies, titles=None):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(bodies))], "lang": "ko", "body": bodies,
                         "title": titles or [""] * len(bodies)})


def test_select_units_keeps_the_lead_and_the_sentences_with_hits():
    filler = " ".join(f"{i}번째 문장은 날씨 이야기다." for i in range(8))
    body = ("첫 문장이다. 둘째 문장이다. 셋째 문장이다. " + filler
            + " 오픈AI가 한국 지사를 설립하고 서울에 사무소를 연다. 첫 문장이다.")
    arts = _articles([body])
    spans = select_units(arts, lexicon_scores(arts), n_first=2, n_hits=1)["d0"]
    texts = [body[s:e] for s, e in spans]
    assert texts[:2] == ["첫 문장이다.", "둘째 문장이다."]
    assert len(texts) == 3 and "한국 지사" in texts[2]  # the one sentence with theme terms
    assert texts.count("첫 문장이다.") == 1  # a repeated sentence is embedded once
    assert spans == sorted(spans)


def test_investment_signals_tell_money_abroad_from_domestic_investment():
    arts = _articles(["삼성전자는 미국 텍사스 반도체 공장에 370억 달러를 투자한다고 밝혔다.",
                      "SK하이닉스는 경기도 용인 반도체 클러스터에 5조원을 투자한다고 밝혔다.",
                      "마이크로소프트는 일본 데이터센터에 29억 달러를 투자한다고 밝혔다.",
                      "코스피가 사흘 만에 하락 마감했다.",
                      "마이크로소프트는 한국 데이터센터에 29억 달러를 투자한다고 밝혔다."])
    M, names = signal_features(arts, lexicon_scores(arts))
    assert names == SIGNAL_NAMES and M.shape == (5, len(SIGNAL_NAMES))
    f = pd.DataFrame(np.expm1(M).round(), columns=names, index=["us", "domestic", "ms_japan", "stocks", "ms_korea"])
    assert f.at["us", "inv:events"] == 1 and f.at["us", "inv:abroad"] == 1
    assert f.at["ms_japan", "inv:crossborder"] == 1 and f.at["ms_japan", "inv:abroad"] == 0
    # a foreign firm's money into Korea: the border is crossed to the home country
    assert f.at["ms_korea", "inv:home_side"] == 1 and f.at["ms_korea", "inv:crossborder"] == 1
    # no other country and no foreign firm named: the article is not read for money at all
    assert not f.loc["domestic"].any() and not f.loc["stocks"].any()


def test_home_actor_columns_need_a_korean_or_japanese_side_in_the_sentence_of_the_money():
    arts = _articles(["삼성전자는 미국 텍사스 반도체 공장에 370억 달러를 투자한다고 밝혔다.",
                      "엔비디아는 미국 스타트업 그록에 200억 달러를 투자한다고 밝혔다.",
                      "엔비디아는 미국 스타트업 그록에 투자했다. 삼성전자는 실적을 발표했다."])
    M, names = signal_features(arts, lexicon_scores(arts))
    f = pd.DataFrame(M, columns=names, index=["samsung_us", "us_only", "apart"])
    # a Korean firm names the home side though no home country is named
    assert f.at["samsung_us", "inv:actor_share"] == 1 and f.at["samsung_us", "inv:home_abroad"] > 0
    # money between foreign firms, and a Korean firm only in another sentence: no home side
    assert f.at["us_only", "inv:actor_share"] == 0 and f.at["us_only", "inv:home_abroad"] == 0
    assert f.at["apart", "inv:actor_share"] == 0


def test_local_ai_columns_tell_a_local_ai_story_from_a_place_heavy_one():
    from ainews.themes import load_themes
    from ainews.themes.placing import placing_feature_names, placing_features

    arts = _articles(["광주시는 AI 집적단지에 데이터센터를 짓는다. 시는 예산을 늘렸다.",
                      "서울 아파트 가격이 올랐다. 부산과 대구도 올랐다."],
                     titles=["광주시, AI 데이터센터 유치", "서울 아파트 가격 46주 연속 상승"])
    lex = load_themes()
    M, names = placing_features(arts, lex)
    assert names == placing_feature_names(lex) and M.shape == (2, len(names))
    f = pd.DataFrame(M, columns=names, index=["hub", "housing"])
    assert f.at["hub", "local:title_ai"] == 1 and f.at["housing", "local:title_ai"] == 0
    assert f.at["housing", "local:title_place"] == 1 and f.at["housing", "local:place_share"] == 1
    assert f.at["hub", "local:ai_share"] == 0.5 and f.at["housing", "local:ai_share"] == 0
