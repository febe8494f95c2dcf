"""The learned theme decision: grades, evidence sentences, held-out predictions on real text."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from ainews.themes import ThemeModel, evaluation_predictions, load_model, score_themes

pytestmark = pytest.mark.skipif(load_model() is None, reason="data/models/themes.skops not trained "
                                "(run make train-themes)")


@pytest.fixture(scope="module")
def result(seeds):
    return score_themes(seeds)


def _shared():
    import os
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    return Path(os.environ.get("AINEWS_SHARED", root.parent / "shared")).resolve()


def test_grades_table(seeds, result):
    g = result.grades
    assert list(g.columns) == ["doc_id", "theme", "grade", "probability"]
    assert len(g) == len(seeds) * 3 and set(g.grade) <= {0, 1, 2}
    assert g.probability.between(0, 1).all() and result.model == "model"
    # the primary theme is present in the grades
    prim = result.primary.dropna(subset=["primary_theme"])
    merged = prim.merge(g, left_on=["doc_id", "primary_theme"], right_on=["doc_id", "theme"])
    assert (merged.grade >= 1).all() and len(merged) == len(prim)


def test_decisions_keep_sentences_in_the_article_language(seeds, result):
    d = result.decisions.merge(seeds[["doc_id", "seed", "body", "lang"]], on="doc_id")
    assert len(d)
    for r in d.itertuples():
        assert r.body[r.start:r.end] == r.sentence
        assert all(t in r.sentence for t in r.terms)
    ko = d[d.seed == "003"]  # the Korean seed: its evidence is Korean
    assert ko.sentence.str.contains("[가-힣]").all()
    top = d[(d.seed == "002") & (d.theme == "foreign_investment") & (d["rank"] == 1)]
    assert top.sentence.str.contains("OpenAI|Korea", regex=True).all() and len(top) == 1


def test_estimator_contract():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 520))
    y = pd.DataFrame({"a": [2] * 20 + [0] * 40, "b": [0] * 20 + [2] * 20 + [0] * 20})
    y["primary"] = ["a"] * 20 + ["b"] * 20 + ["none"] * 20
    X[:20, 515] += 4
    X[20:40, 516] += 4
    m = ThemeModel(random_state=0).fit(X, y)
    assert list(m.classes_) == ["a", "b", "none"]
    assert (m.predict(X[:40]) == np.array(["a"] * 20 + ["b"] * 20)).mean() > 0.9
    grades, proba = m.predict_grades(X)
    assert list(grades.columns) == ["a", "b"] and grades.to_numpy().max() == 2
    with pytest.raises(ValueError, match="primary"):
        ThemeModel().fit(X, y.drop(columns="primary"))


@pytest.mark.slow
def test_held_out_primaries_agree_with_readers(naver_dir):
    gold_file = _shared() / "gold" / "naver-dev-gold.json"
    if not gold_file.exists():
        pytest.skip(f"{gold_file} not found (set AINEWS_SHARED)")
    import ainews

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    articles = ainews.load_corpus(naver_dir)
    articles = articles[articles.source.isin(gold)]
    primary, grades, how = evaluation_predictions(articles)
    assert "cross-validated for 100 of 100" in how
    truth = articles.source.map(lambda s: gold[s]["primary"]).to_numpy()
    pred = primary.primary_theme.fillna("none").to_numpy()
    assert (truth == pred).mean() >= 0.8  # the lexicon alone: 0.64
    assert set(grades.columns) == {"doc_id", "theme", "grade"}


def test_label_files_find_their_corpus(tmp_path, monkeypatch):
    shared = _shared()
    gold_file = shared / "gold" / "naver-dev-gold.json"
    if not gold_file.exists():
        pytest.skip(f"{gold_file} not found (set AINEWS_SHARED)")
    from ainews.themes.training import labelled_articles, load_labels

    monkeypatch.setenv("AINEWS_SHARED", str(shared))
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    keys = sorted(gold)[:3]
    mine = tmp_path / "my-labels.json"  # no README: the folder is found from the keys
    mine.write_text(json.dumps({k: gold[k] for k in keys}, ensure_ascii=False), encoding="utf-8")
    labels = load_labels([mine])
    assert set(labels.corpus) == {"naver-ai-2025-12"} and sorted(labels.key) == keys
    articles, aligned = labelled_articles(labels)
    assert list(articles.source) == list(aligned.key) and len(articles) == 3
    with pytest.raises(FileNotFoundError, match="no such label file"):
        load_labels([tmp_path / "missing.json"])


def test_none_weight_moves_the_threshold_and_sets_are_held_out():
    from ainews.themes.fit import leave_one_set_out

    rng = np.random.default_rng(1)
    X = rng.normal(size=(90, 520))
    y = pd.DataFrame({"a": [2] * 30 + [0] * 60})
    y["primary"] = ["a"] * 30 + ["none"] * 60
    X[:30, 515] += 1.0
    m1 = ThemeModel(none_weight=1.0).fit(X, y)
    m9 = ThemeModel(none_weight=9.0).fit(X, y)
    # a heavier none only ever turns themes into none
    p1, p9 = m1.predict(X), m9.predict(X)
    assert ((p9 == "a") <= (p1 == "a")).all() and (p9 == "a").sum() < (p1 == "a").sum()
    sets = np.array(["s1", "s2", "s3"] * 30)
    held = leave_one_set_out(X, y, sets)
    assert held.shape == (90,) and set(held) <= {"a", "none"}
    assert leave_one_set_out(X, y, np.array(["one"] * 90)) is None
