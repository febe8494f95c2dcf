"""Units, vectorizer bounds and the bad-input errors of TopicModel.fit."""

from __future__ import annotations

import pandas as pd
import pytest

from ainews import TopicModel
from ainews.topics.units import auto_df, build_units


@pytest.mark.parametrize("n_units, expected", [
    (5, (2, 1.0)), (10, (2, 0.8)), (41, (2, 0.8)), (99, (2, 0.8)), (100, (2, 0.5)), (2220, (3, 0.5)),
    (15000, (15, 0.5)),
])
def test_auto_df_adapts_to_size(n_units, expected):
    assert auto_df(n_units) == expected


def test_paragraph_units_keep_offsets_into_body(seed_articles):
    units, n_dup = build_units(seed_articles, unit="paragraph")
    assert n_dup == 0
    assert units["doc_id"].nunique() == len(seed_articles)
    assert len(units) > 5 * len(seed_articles) // 2  # several paragraphs per seed
    bodies = dict(zip(seed_articles["doc_id"], seed_articles["body"]))
    for u in units.itertuples():
        text = bodies[u.doc_id][u.start:u.end]
        assert text.strip() == text and text and u.weight == len(text)


def test_duplicates_left_out_by_default(seed_articles):
    dup = seed_articles.iloc[[0]].assign(doc_id="copy-of-first", dup_of=seed_articles["doc_id"].iloc[0])
    articles = pd.concat([seed_articles, dup], ignore_index=True)
    m = TopicModel(3).fit(articles)
    assert m.n_duplicates_excluded_ == 1
    assert "copy-of-first" not in m.doc_topics_.index
    m2 = TopicModel(3, include_duplicates=True).fit(articles)
    assert "copy-of-first" in m2.doc_topics_.index


@pytest.mark.parametrize("kwargs, message", [
    ({"n_topics": 500}, "n_topics=500"),
    ({"n_topics": 2, "min_df": 50}, "empty vocabulary"),
    ({"n_topics": 2, "method": "pca"}, "method must be"),
    ({"n_topics": 2, "unit": "sentence"}, "unit must be"),
])
def test_bad_parameters_give_actionable_errors(seed_articles, kwargs, message):
    with pytest.raises(ValueError, match=message):
        TopicModel(**kwargs).fit(seed_articles)


def test_too_few_units_for_automatic_k(seed_articles):
    one = seed_articles[seed_articles["lang"] == "ko"]
    with pytest.raises(ValueError, match="too little data to choose the number of topics"):
        TopicModel().fit(one)  # 9 paragraphs: fewer than 5 per topic for k=2


def test_only_empty_bodies():
    articles = pd.DataFrame({"doc_id": ["a", "b"], "body": ["", "the of and"], "lang": ["en", "en"]})
    with pytest.raises(ValueError, match="no content tokens"):
        TopicModel(2).fit(articles)


def test_languages_without_shared_terms():
    ko = "김치찌개는 돼지고기와 두부를 넣고 끓인다.\n\n된장찌개는 두부와 애호박을 넣고 끓인다."
    en = "The striker scored a goal in the derby.\n\nThe goalkeeper saved the penalty in the derby."
    articles = pd.DataFrame({"doc_id": ["k1", "k2", "e1", "e2"], "body": [ko, ko + " 두부", en, en],
                             "lang": ["ko", "ko", "en", "en"]})
    with pytest.raises(ValueError, match="share no term with the other languages"):
        TopicModel(2, min_df=2, max_df=1.0).fit(articles)


def test_articles_need_doc_id_and_body():
    with pytest.raises(ValueError, match="doc_id and body"):
        TopicModel(2).fit(pd.DataFrame({"text": ["x"]}))
