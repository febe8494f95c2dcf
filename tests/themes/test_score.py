"""Theme scores on the seed articles (careful human reading) and on the Naver corpus."""

from __future__ import annotations

import pandas as pd
import pytest

import ainews
from ainews.themes import score_themes



@pytest.fixture(scope="module")
def seed_result(seeds):
    return score_themes(seeds)


def _by_seed(seeds, table):
    return table.merge(seeds[["doc_id", "seed"]], on="doc_id")


@pytest.mark.parametrize("seed, expected", [
    ("000", "data_sovereignty"),    # Korea-Japan manufacturing-data sharing
    ("001", "data_sovereignty"),    # data-centre column: data as oil, GDPR, LINE incident
    ("002", "foreign_investment"),  # OpenAI Korea branch
    ("003", "regional_hubs"),       # Gwangju AI industry forum
    ("004", "regional_hubs"),       # Seoul as an AI cradle
])
def test_primary_theme_of_seeds(seeds, seed_result, seed, expected):
    primary = _by_seed(seeds, seed_result.primary).set_index("seed")
    assert primary.at[seed, "primary_theme"] == expected


def test_data_centre_column_also_scores_on_foreign_investment(seeds, seed_result):
    scores = _by_seed(seeds, seed_result.scores)
    col = scores[scores.seed == "001"].sort_values("score", ascending=False)
    assert list(col.theme[:2]) == ["data_sovereignty", "foreign_investment"]
    fi = col.set_index("theme").at["foreign_investment", "score"]
    assert fi >= seed_result.min_score  # clearly present, not a stray hit
    terms = set(seed_result.hits.query("theme == 'foreign_investment' and doc_id == @col.doc_id.iloc[0]").text)
    assert {"Microsoft", "Amazon", "Oracle"} <= terms


def test_evidence_and_hits_point_into_body(seeds, seed_result):
    bodies = dict(zip(seeds.doc_id, seeds.body))
    for row in seed_result.hits.itertuples():
        assert bodies[row.doc_id][row.start:row.end] == row.text
        assert row.sentence_start <= row.start < row.sentence_end
    ev = seed_result.evidence
    assert len(ev) > 0
    for row in ev.itertuples():
        assert bodies[row.doc_id][row.start:row.end] == row.sentence
        assert all(t in row.sentence for t in row.terms)
    # ranked by strength within each theme
    for _, g in ev.groupby("theme"):
        assert g.strength.is_monotonic_decreasing
        assert list(g["rank"]) == list(range(1, len(g) + 1))


def test_scores_and_shares_are_consistent(seed_result):
    s = seed_result.scores
    assert (s.score >= 0).all() and s.share.between(0, 1).all()
    totals = s.groupby("doc_id").share.sum()
    assert ((totals - 1).abs() < 1e-9).all()
    # one row per article and theme
    assert len(s) == s.doc_id.nunique() * len(seed_result.lexicon.themes)


def test_paragraph_scores_locate_the_theme(seeds, seed_result):
    p = _by_seed(seeds, seed_result.paragraphs)
    gwangju = p[(p.seed == "003") & (p.theme == "regional_hubs")]
    assert len(gwangju) >= 3
    body = seeds.set_index("seed").at["003", "body"]
    top = gwangju.sort_values("score").iloc[-1]
    assert "광주" in body[top.start:top.end]


def test_no_primary_below_threshold(seeds):
    # the lexicon alone (no learned model) has a primary theme only from min_score up
    low = score_themes(seeds, min_score=1e9, model=None)
    assert low.primary.primary_theme.isna().all() and low.model == "lexicon"
    lex = score_themes(seeds, model=None)
    assert (lex.primary.dropna().score >= lex.min_score).all()


def test_longer_article_with_same_hits_scores_lower(seeds):
    # Length normalization: padding an article with theme-free text lowers its score.
    one = seeds[seeds.seed == "004"].copy()
    padded = one.copy()
    padded["doc_id"] = "padded"
    padded["body"] = one.body + "\n\n" + "The weather was mild and the river was calm. " * 60
    both = pd.concat([one, padded], ignore_index=True)
    s = score_themes(both).scores.query("theme == 'regional_hubs'").set_index("doc_id").score
    assert 0 < s["padded"] < s[one.doc_id.iloc[0]]


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="doc_id and body"):
        score_themes(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(TypeError, match="DataFrame"):
        score_themes(["not a frame"])


@pytest.mark.slow
def test_theme_shares_on_naver(naver_dir):
    articles = ainews.load_corpus(naver_dir)
    result = score_themes(articles)
    summary = result.summary().set_index("theme")
    print("\n" + summary[["n_primary", "pct_primary", "n_scored", "mean_score"]].round(2).to_string())
    for theme in ("data_sovereignty", "regional_hubs", "foreign_investment"):
        # each theme leads some articles but not most of a general AI-news corpus
        assert 1.0 <= summary.at[theme, "pct_primary"] <= 40.0, theme
    assert summary.at["none", "pct_primary"] < 95.0
    # the evidence of every theme includes Korean sentences
    ev = result.evidence
    for theme in ("data_sovereignty", "regional_hubs", "foreign_investment"):
        assert ev[ev.theme == theme].sentence.str.contains("[가-힣]").any()


def test_empty_bodies_have_no_theme():
    r = score_themes(pd.DataFrame({"doc_id": ["a", "b"], "body": ["", None], "lang": ["ko", "en"]}))
    assert r.primary.primary_theme.isna().all() and r.primary.second_theme.isna().all()
    assert r.evidence.empty and (r.scores.score == 0).all()
