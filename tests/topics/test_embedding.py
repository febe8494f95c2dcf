"""EmbeddingTopicModel: estimator contract, per-language labels, evidence, determinism."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import ainews
from ainews import EmbeddingTopicModel, load_corpus

# Two subjects, each written in Korean, English and Japanese (written for these tests).
CHIPS = {
    "ko": ["삼성전자가 평택에 반도체 공장을 짓는다. 메모리 반도체 생산을 늘린다.",
           "SK하이닉스는 고대역폭 메모리 반도체 수출이 늘었다고 밝혔다.",
           "정부는 반도체 공장 건설에 보조금을 준다. 반도체 산업 지원이다."],
    "en": ["Samsung Electronics is building a chip factory to make more memory chips.",
           "SK Hynix said exports of high-bandwidth memory chips rose sharply.",
           "The government will subsidise new semiconductor factories and chip plants."],
    "ja": ["サムスン電子は半導体工場を建設し、メモリー半導体の生産を増やす。",
           "SKハイニックスは高帯域メモリー半導体の輸出が増えたと発表した。",
           "政府は半導体工場の建設に補助金を出す。半導体産業の支援だ。"],
}
WEATHER = {
    "ko": ["내일은 전국에 눈이 내리고 기온이 크게 떨어지겠다.",
           "강원 산간에는 폭설이 내려 도로가 얼어붙었다. 한파가 이어진다.",
           "주말에는 비가 그치고 맑은 날씨가 이어지겠다."],
    "en": ["Snow will fall across the country tomorrow and temperatures will drop sharply.",
           "Heavy snow froze the mountain roads as the cold wave continued.",
           "The rain will stop at the weekend and clear skies will follow."],
    "ja": ["明日は全国で雪が降り、気温が大きく下がる見込みだ。",
           "山間部では大雪で道路が凍結した。寒波が続いている。",
           "週末には雨がやみ、晴れの天気が続く見込みだ。"],
}


@pytest.fixture(scope="module")
def three_langs() -> pd.DataFrame:
    rows = []
    for subject, texts in (("chips", CHIPS), ("weather", WEATHER)):
        for lang, bodies in texts.items():
            for i, body in enumerate(bodies):
                rows.append({"doc_id": f"{subject}-{lang}-{i}", "lang": lang, "subject": subject,
                             "title": "", "body": body})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def fitted(three_langs, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cache")
    return EmbeddingTopicModel(2, random_state=0, cache_dir=tmp / "tok", vector_cache_dir=tmp / "vec").fit(three_langs)


def test_estimator_contract(three_langs, fitted, tmp_path):
    m = EmbeddingTopicModel(2, random_state=1)
    assert vars(m)["n_topics"] == 2 and not hasattr(m, "labels_")  # __init__ only stores
    with pytest.raises(RuntimeError, match="not fitted"):
        m.get_topic_terms()
    assert fitted.n_topics_ == 2 and len(fitted.topics_) == 2
    assert len(fitted.labels_) == len(three_langs) == len(fitted.doc_ids_)
    assert fitted.vectors_.shape == (len(three_langs), 512)
    assert np.allclose(fitted.doc_topics_.sum(axis=1), 1.0)
    # topic 0 is the largest
    assert fitted.topics_["n_articles"].is_monotonic_decreasing
    sim = fitted.transform(three_langs)
    assert sim.shape == (len(three_langs), 2) and sim.to_numpy().max() <= 1 + 1e-6
    assert (fitted.predict(three_langs) == fitted.labels_).all()
    with pytest.raises(ValueError, match="n_topics=40"):
        EmbeddingTopicModel(40, vector_cache_dir=tmp_path).fit(three_langs)


def test_subjects_meet_across_three_languages(three_langs, fitted):
    # Korean, English and Japanese articles on one subject share one topic.
    topic = pd.Series(fitted.labels_, index=fitted.doc_ids_)
    by_subject = topic.groupby(three_langs.set_index("doc_id")["subject"]).nunique()
    assert by_subject.tolist() == [1, 1]
    mix = fitted.get_language_mix()
    assert (mix["n_languages"] == 3).all() and mix["entropy"].gt(0.99).all()


def test_each_topic_is_labelled_in_each_of_its_languages(fitted):
    labels = fitted.get_topic_labels(5)
    assert set(map(tuple, labels[["topic", "lang"]].to_numpy())) == {
        (t, lg) for t in range(2) for lg in ("ko", "en", "ja")}
    chips = fitted.labels_[list(fitted.doc_ids_).index("chips-ko-0")]
    terms = fitted.get_topic_terms(5, lang="each")
    mine = terms[terms["topic"] == chips].groupby("lang")["display"].agg(list)
    assert "반도체" in mine["ko"] and "半導体" in mine["ja"]
    assert {"chip", "semiconductor"} & set(" ".join(mine["en"]).lower().split())


def test_central_sentences_are_evidence_with_offsets(three_langs, fitted):
    ev = fitted.get_representative_sentences(1, per_language=True)
    assert len(ev) == 6  # one per topic and language
    bodies = dict(zip(three_langs["doc_id"], three_langs["body"]))
    for r in ev.itertuples():
        assert bodies[r.doc_id][r.start:r.end] == r.sentence
        assert r.doc_id.split("-")[1] == r.lang


def test_fixed_random_state_gives_identical_topics(three_langs, fitted, tmp_path):
    again = EmbeddingTopicModel(2, random_state=0, cache_dir=tmp_path).fit(three_langs)
    assert np.array_equal(again.labels_, fitted.labels_)
    pd.testing.assert_frame_equal(again.topic_terms_, fitted.topic_terms_)


def test_seeds_choose_k_and_group_by_language(seeds_dir):
    arts = load_corpus(seeds_dir)
    m = ainews.topic_model(method="embedding", random_state=0).fit(arts)
    assert m.selection_["chosen"].sum() == 1 and m.n_topics_ == m.selection_.loc[m.selection_["chosen"], "k"].item()
    by_lang = m.get_topics_by("lang")
    assert np.allclose(by_lang.groupby("lang")["share"].sum(), 1.0)
    assert set(by_lang["lang"]) == set(arts["lang"])


def test_topic_model_names_the_other_models():
    assert isinstance(ainews.topic_model(3, method="nmf"), ainews.TopicModel)
    with pytest.raises(ValueError, match="method must be one of"):
        ainews.topic_model(method="bertopic")


def test_livedoor_categories_are_recovered(livedoor_dir):
    from sklearn.metrics import v_measure_score

    arts = pd.concat([load_corpus(livedoor_dir / c).assign(category=c)
                      for c in ("sports-watch", "it-life-hack")])
    arts = arts[arts["dup_of"] == ""].reset_index(drop=True)
    m = EmbeddingTopicModel(2, random_state=0, n_restarts=1, max_sentences=1).fit(arts)
    assert v_measure_score(arts["category"], m.labels_) > 0.6
    # Japanese labels come from the Japanese tokens.
    assert set(m.get_topic_terms(5, lang="each")["lang"]) == {"ja"}


def test_words_of_the_main_language_keep_translations_together(tmp_path):
    # 60 Korean news passages and their English translations as separate articles: the default
    # space adds the Korean words, and each English article borrows those of its nearest Korean
    # articles by meaning, so a translation still shares its original's topic.
    from tests.conftest import CORPORA

    folder = CORPORA / "parallel-ko-en"
    if not folder.exists():
        pytest.skip(f"shared corpus not found at {folder} (set AINEWS_SHARED)")
    text = {lg: (folder / f"korean-english-park.dev.{lg}").read_text(encoding="utf-8").splitlines()
            for lg in ("ko", "en")}
    arts = pd.DataFrame([{"doc_id": f"{lg}-{i}", "lang": lg, "title": "",
                          "body": "\n".join(text[lg][i * 5:(i + 1) * 5])}
                         for i in range(60) for lg in ("ko", "en")])
    m = EmbeddingTopicModel(6, random_state=0, n_restarts=1, cache_dir=tmp_path).fit(arts)
    topic = pd.Series(m.labels_, index=m.doc_ids_)
    together = np.mean([topic[f"ko-{i}"] == topic[f"en-{i}"] for i in range(60)])
    assert together >= 0.75, together
    assert (m.get_language_mix()["n_languages"] == 2).all()
    # The words are in the clustering space: meanings alone cluster differently.
    alone = EmbeddingTopicModel(6, random_state=0, n_restarts=1, lexical_weight=0,
                                cache_dir=tmp_path).fit(arts)
    assert not np.array_equal(alone.labels_, m.labels_)


def test_words_can_join_the_clustering_space(three_langs, fitted, tmp_path):
    with pytest.raises(ValueError, match="lexical_weight"):
        EmbeddingTopicModel(2, lexical_weight=1.5, cache_dir=tmp_path).fit(three_langs)
    with pytest.raises(ValueError, match="lexical_weight"):
        EmbeddingTopicModel(2, lexical_weight="words", cache_dir=tmp_path).fit(three_langs)
    m = EmbeddingTopicModel(2, lexical_weight=0.5, random_state=0, cache_dir=tmp_path).fit(three_langs)
    assert m.n_topics_ == 2 and m.vectors_.shape == fitted.vectors_.shape  # vectors stay the meanings


def test_default_vectors_are_the_lead_and_title_the_report_pre_encodes(tmp_path):
    # Each article's vector: its first two distinct body units and its whole title, the texts
    # the theme model embeds for every article and the report's warm-up encodes beforehand.
    from ainews.embeddings.core import split_units
    from ainews.report.warm import vector_texts
    from ainews.topics.embedding import LEAD_SENTENCES

    arts = pd.DataFrame([{"doc_id": f"{s}-{i}", "lang": "en", "title": f"Title {s} {i}. Second part",
                          "body": " ".join(WEATHER["en"] if s == "w" else CHIPS["en"]) + f" Extra {i}."}
                         for s in ("w", "c") for i in range(3)])
    m = EmbeddingTopicModel(2, random_state=0, cache_dir=tmp_path / "tok",
                            vector_cache_dir=tmp_path / "vec").fit(arts)
    assert m.max_sentences == LEAD_SENTENCES == 2
    assert (m.sentences_.groupby("doc_id").size() == 2).all()
    first = {d: [b[s:e] for s, e in split_units(b)[:2]] for d, b in zip(arts["doc_id"], arts["body"])}
    assert all(r.sentence == first[r.doc_id][r.sentence_no] for r in m.sentences_.itertuples())
    wanted = set(m.sentences_["sentence"]) | set(arts["title"])  # the title is one unit
    assert wanted <= set(vector_texts(arts, max_sentences=2))
    # every sentence on request
    every = EmbeddingTopicModel(2, random_state=0, max_sentences=None, cache_dir=tmp_path / "tok",
                                vector_cache_dir=tmp_path / "vec").fit(arts)
    assert len(every.sentences_) == sum(len(split_units(b)) for b in arts["body"])
