"""TopicModel on the seeds (automatic k) and on the Naver corpus (fixed k)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ainews import TopicModel


def test_sklearn_conventions(seed_articles):
    m = TopicModel(3, method="lda", random_state=7)
    assert vars(m)["n_topics"] == 3 and not hasattr(m, "model_")  # __init__ only stores
    assert m.fit(seed_articles) is m
    with pytest.raises(RuntimeError, match="not fitted"):
        TopicModel().get_topic_terms()


def test_automatic_k_is_chosen_from_the_scan(seed_model):
    sel = seed_model.selection_
    assert sel["k"].min() == 2 and sel["k"].max() <= len(seed_model.units_) // 5
    assert sel.loc[sel["chosen"], "k"].item() == seed_model.n_topics_
    assert sel["coherence"].between(-1, 1).all() and sel["stability"].between(0, 1).all()
    assert seed_model.selection_reason_.startswith(f"{seed_model.n_topics_} topics were chosen")


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_same_input_and_seed_give_identical_topics_and_shares(seed_articles, method):
    a = TopicModel(4, method=method, random_state=3).fit(seed_articles)
    b = TopicModel(4, method=method, random_state=3).fit(seed_articles)
    pd.testing.assert_frame_equal(a.topic_terms_, b.topic_terms_)
    pd.testing.assert_frame_equal(a.doc_topics_, b.doc_topics_)
    assert np.array_equal(a.unit_topics_, b.unit_topics_)


def test_article_shares_are_length_weighted_means_of_paragraphs(seed_model):
    m = seed_model
    assert np.allclose(m.doc_topics_.sum(axis=1), 1.0)
    doc = m.units_["doc_id"].iloc[0]
    rows = (m.units_["doc_id"] == doc).to_numpy() & m._has
    w = m.units_.loc[rows, "weight"].to_numpy()
    expected = w @ m.unit_topics_[rows] / w.sum()
    assert np.allclose(m.doc_topics_.loc[doc].to_numpy(), expected)


def test_topics_are_ordered_by_size(seed_model):
    size = seed_model.doc_topics_.mean()  # articles here are of similar length
    w = seed_model.units_["weight"].to_numpy() * seed_model._has
    by_text = w @ seed_model.unit_topics_
    assert list(np.argsort(-by_text, kind="stable")) == list(range(seed_model.n_topics_))
    assert len(size) == seed_model.n_topics_


def test_korean_and_english_share_concept_terms(seed_model):
    assert {"artificial_intelligence", "gwangju"} <= set(seed_model.terms_)
    assert set(seed_model.language_overlap_) == {"ko", "en"}
    assert all(v > 0 for v in seed_model.language_overlap_.values())


def test_topic_terms_and_labels(seed_model):
    terms = seed_model.get_topic_terms(5)
    assert terms.groupby("topic")["rank"].max().eq(5).all()
    assert (terms.groupby("topic")["weight"].apply(lambda s: s.is_monotonic_decreasing)).all()
    assert len(seed_model.topic_labels_) == seed_model.n_topics_
    assert any("(" in label and any("\uac00" <= ch <= "\ud7a3" for ch in label)
               for label in seed_model.topic_labels_)  # a Korean label with its English name


def test_document_topics_table(seed_model, seed_articles):
    doc = seed_model.get_document_topics()
    assert set(doc["doc_id"]) == set(seed_articles["doc_id"])
    assert {"title", "lang", "outlet", "topic", "label", "share"} <= set(doc.columns)
    shares = doc[[f"topic_{t}" for t in range(seed_model.n_topics_)]].to_numpy()
    assert np.allclose(doc["share"], shares.max(axis=1))


def test_transform_reproduces_fitted_shares(seed_model, seed_articles):
    again = seed_model.transform(seed_articles)
    assert (again.idxmax(axis=1) == seed_model.doc_topics_.idxmax(axis=1)).all()
    assert np.abs(again.to_numpy() - seed_model.doc_topics_.to_numpy()).max() < 0.1


def test_representative_paragraphs_point_into_body(seed_model, seed_articles):
    reps = seed_model.get_representative_paragraphs(3)
    bodies = dict(zip(seed_articles["doc_id"], seed_articles["body"]))
    assert set(reps["topic"]) == set(range(seed_model.n_topics_))
    for r in reps.itertuples():
        assert bodies[r.doc_id][r.start:r.end] == r.text and r.share >= 0.3


def test_naver_fixed_k(naver_model, naver_articles):
    m = naver_model
    kept = naver_articles[naver_articles["dup_of"] == ""]
    assert m.n_duplicates_excluded_ == len(naver_articles) - len(kept) > 0
    assert m.n_topics_ == 8 and len(m.doc_topics_) == len(kept)
    assert m.doc_topics_.notna().all(axis=1).mean() > 0.98
    assert set(m.language_overlap_) == {"ko", "en"}
    # topics speak Korean here: most top terms are Hangul tokens or concepts
    top = m.get_topic_terms(10)
    assert top["display"].str.contains("[\uac00-\ud7a3]").mean() > 0.5


def test_naver_reduced_scan(naver_articles):
    m = TopicModel(k_range=[4, 8], n_restarts=2, unit="article").fit(naver_articles)
    assert list(m.selection_["k"]) == [4, 8] and m.n_topics_ in (4, 8)
    assert m.selection_["stability"].between(0, 1).all()
