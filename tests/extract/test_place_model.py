"""The place-of-activity model: features, the shipped decision, and honest (out-of-fold) figures."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from ainews import extract_entities
from ainews.extract.entities import merged_mentions
from ainews.extract.place_activity import decide_places, place_model_path, place_scorer
from ainews.extract.place_features import FEATURES, place_features
from ainews.extract.places import _index, find_places

_BODY = ("(용인=연합뉴스) 김철수 기자 = SK하이닉스는 용인 반도체 클러스터에 첫 팹을 짓는다고 29일 밝혔다. "
         "용인시는 전력과 용수 공급을 서두르고 있다. 회사는 이날 서울 코엑스에서 열린 행사에서 계획을 발표했다. "
         "이상일 용인시장은 \"용인에 투자가 몰리고 있다\"고 말했다.")
_TITLE = "SK하이닉스, 용인 클러스터 첫 팹 착공"


def _features(body=_BODY, title=_TITLE):
    merged, in_org = merged_mentions(body, "ko")
    places = [m for m in merged if m["kind"] == "place"]
    ids, X = place_features(body, title, "ko", places, find_places(title, "ko"), _index()["meta"], in_org)
    return ids, pd.DataFrame(X, columns=FEATURES, index=ids)


def test_features_of_a_written_article():
    ids, f = _features()
    assert ids == ["KR-yongin", "KR-11"]
    yongin, seoul = f.loc["KR-yongin"], f.loc["KR-11"]
    assert yongin.in_title == 1 and seoul.in_title == 0
    assert yongin.log_mentions == pytest.approx(np.log1p(5))      # dateline, 용인, 용인시, 용인시장, 용인에
    assert yongin.n_dateline == 1 and yongin.frac_head_industry > 0 and yongin.near_strong > 0
    assert seoul.frac_venue == 1 and seoul.only_dateline_venue == 1
    assert yongin.kind_city == 1 and seoul.kind_metro == 1


def test_cues_before_an_english_place():
    body = "Hanwha Systems held a ceremony at the company's plant in Yongin. Officials in Seoul praised it."
    merged, in_org = merged_mentions(body, "en")
    places = [m for m in merged if m["kind"] == "place"]
    ids, X = place_features(body, "", "en", places, [], _index()["meta"], in_org)
    f = pd.DataFrame(X, columns=FEATURES, index=ids)
    assert f.loc["KR-yongin"].near_strong_before > 0.5 and f.loc["KR-yongin"].frac_strong_sentence == 1
    assert f.loc["KR-11"].near_strong_before == 0


def test_a_head_noun_after_a_list_heads_every_place_of_the_list():
    body = "용인은 기존 기흥·화성·평택 사업장과 가깝다. 광주와 전남, 나주혁신도시가 변한다."
    ids, X = place_features(body, "", "ko", find_places(body, "ko"), [], _index()["meta"])
    f = pd.DataFrame(X, columns=FEATURES, index=ids).frac_head_industry
    assert f["KR-yongin-giheung"] == f["KR-hwaseong"] == f["KR-pyeongtaek"] == 1 and f["KR-yongin"] == 0
    # a solid compound is the last place's own name: 나주혁신도시 does not head 광주 and 전남
    assert f["KR-naju"] == 1 and f["KR-29"] == f["KR-46"] == 0


def test_places_of_an_editors_note():
    body = ("편집자 주 = 광주·전남이 주목받고 있습니다. 나주혁신도시에는 공공기관 유치가 추진됩니다.\n\n"
            "(광주=연합뉴스) 광주시는 AI 집적단지를 조성한다.")
    ids, X = place_features(body, "", "ko", find_places(body, "ko"), [], _index()["meta"])
    f = pd.DataFrame(X, columns=FEATURES, index=ids).frac_note
    assert f["KR-46"] == f["KR-naju"] == 1 and 0 < f["KR-29"] < 1


def test_features_without_candidates():
    ids, X = place_features("미국과 중국이 경쟁한다.", "", "ko", find_places("미국과 중국이 경쟁한다.", "ko"), [],
                            _index()["meta"])
    assert ids == [] and X.shape == (0, len(FEATURES))


def _shipped():
    if place_scorer() is None:
        pytest.skip(f"no place model at {place_model_path()} (run `make train-places`)")
    return place_scorer()


def test_card_decision_is_the_skops_model():
    pytest.importorskip("skops")
    from ainews.extract.place_model import load_place_model

    sc = _shipped()
    model = load_place_model()
    _, f = _features()
    rng = np.random.default_rng(0)
    X = np.vstack([f.to_numpy(), f.to_numpy() * rng.uniform(0, 2, size=f.shape)])
    # both clip to the training range: random scalings send features outside it
    assert "lower" in sc and not np.allclose(np.clip(X, sc["lower"], sc["upper"]), X)
    z = np.clip(X, sc["lower"], sc["upper"]) @ np.asarray(sc["weights"]) + sc["intercept"]
    assert np.allclose(1 / (1 + np.exp(-z)), model.predict_proba(X)[:, 1], atol=1e-6)
    assert sc["threshold"] == model.threshold
    card = json.loads(place_model_path().with_suffix(".card.json").read_text(encoding="utf-8"))
    assert card["scoring"]["features"] == list(FEATURES)
    assert set(card["cross_validation"]["by_label_file"]) >= {"all", "naver-dev-gold.json"}
    assert card["leave_one_set_out"]


def test_shipped_model_on_a_written_article():
    _shipped()
    e = extract_entities(pd.DataFrame({"doc_id": ["x"], "lang": ["ko"], "title": [_TITLE], "body": [_BODY]}))
    p = e[e.kind == "place"]
    act = set(p[p.place_role == "activity"].place_id)
    assert act == {"KR-yongin"}
    assert p[p.place_id == "KR-11"].place_role.tolist() == ["venue"]
    assert p[p.place_role == "dateline"].text.tolist() == ["용인"]
    assert p[p.place_id == "KR-yongin"].place_score.between(0.5, 1).all()
    assert e[e.kind != "place"].place_score.isna().all()


def test_decide_places_follows_the_scorer():
    merged, in_org = merged_mentions(_BODY, "ko")
    rule = [dict(m) for m in merged if m["kind"] == "place"]
    n = len(FEATURES)
    reject = decide_places(_BODY, _TITLE, "ko", [dict(m) for m in rule], in_org,
                           scorer={"weights": [0.0] * n, "intercept": -5.0, "threshold": 0.5})
    assert "activity" not in {m["place_role"] for m in reject}
    assert [m["place_role"] for m in reject if m["place_role"] in ("dateline", "venue")] == \
        [m["place_role"] for m in rule if m["place_role"] in ("dateline", "venue")]
    accept = decide_places(_BODY, _TITLE, "ko", [dict(m) for m in rule], in_org,
                           scorer={"weights": [0.0] * n, "intercept": 5.0, "threshold": 0.5})
    assert {m["place_id"] for m in accept if m["place_role"] == "activity"} == {"KR-yongin"}
    assert all(m["place_score"] == pytest.approx(1 / (1 + np.exp(-5)), abs=1e-4) for m in accept)


def test_stale_card_names_the_fix(tmp_path):
    card = {"scoring": {"features": ["log_mentions"], "weights": [1.0], "intercept": 0.0, "threshold": 0.5}}
    (tmp_path / "places.card.json").write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ValueError, match="train-places"):
        place_scorer(str(tmp_path / "places.skops"))


def test_out_of_fold_figures_match_the_card(naver_dir):
    """The evaluator's figure on the shared sample is the cross-validated one the card reports."""
    import ainews
    from ainews.evaluation import evaluate

    _shipped()
    gold = naver_dir.parents[1] / "gold" / "naver-dev-gold.json"
    if not gold.exists():
        pytest.skip(f"labelled articles not found at {gold}")
    card = json.loads(place_model_path().with_suffix(".card.json").read_text(encoding="utf-8"))
    want = card["cross_validation"]["by_label_file"]["naver-dev-gold.json"]
    res = evaluate(gold, ainews.ingest(naver_dir, progress=False)[0], tasks=["places"])
    got = dict(zip(res.summary.metric, res.summary.value))
    assert got["precision"] == pytest.approx(want["precision"], abs=0.001)
    assert got["recall"] == pytest.approx(want["recall"], abs=0.001)
    assert res.summary.how.iloc[0].startswith("5-fold cross-validated for 100 of 100 articles")


def test_shipped_model_on_japanese_text():
    """No Japanese article is labelled: Japanese cue words make the same features as Korean ones."""
    _shipped()
    body = ("熊本県菊陽町にTSMCの半導体工場が完成した。熊本県は半導体産業の集積を進めており、菊陽町では工場の稼働に"
            "合わせて道路の整備も進む。北海道千歳市ではラピダスが次世代半導体の工場を建設している。東京で開かれた記者会見で"
            "発表した。")
    e = extract_entities(pd.DataFrame({"doc_id": ["j"], "lang": ["ja"], "title": ["TSMC熊本工場が完成"], "body": [body]}))
    p = e[e.kind == "place"]
    assert {"JP-kikuyo", "JP-chitose", "JP-43"} <= set(p[p.place_role == "activity"].place_id)
    assert p[p.place_id == "JP-13"].place_role.tolist() == ["venue"]
