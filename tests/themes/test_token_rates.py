"""The theme scores' length normaliser: content tokens estimated from characters (token_rates
of themes.yml) stay close to the tokens the language layer counts."""

from __future__ import annotations

import numpy as np
import pytest

import ainews
from ainews.lang import tokenize_articles
from ainews.themes import load_themes, score_themes
from ainews.themes.score import _token_counts

from tests.conftest import CORPORA, _need


def _sample(folder, n=120):
    arts, _ = ainews.ingest(_need(folder), progress=False)
    return arts.sample(n=min(n, len(arts)), random_state=3).reset_index(drop=True)


@pytest.mark.parametrize("corpus, lang", [("naver-ai-2025-12", "ko"), ("koreaherald-2016", "en"),
                                          ("livedoor-ja", "ja")])
def test_estimated_tokens_track_the_tokenizer_on_each_language(corpus, lang):
    arts = _sample(CORPORA / corpus)
    arts = arts[arts["lang"] == lang]
    lex = load_themes()
    est = _token_counts(arts, None, lex)
    tok = tokenize_articles(arts[["doc_id", "body", "lang"]])
    counted = {d: len(t) for d, t in zip(tok["doc_id"], tok["tokens"])}
    e = np.array([est[d] for d in arts["doc_id"]], dtype=float)
    c = np.array([counted[d] for d in arts["doc_id"]], dtype=float)
    assert abs(e.sum() / c.sum() - 1) < 0.10           # the rate itself: within 10% on a new sample
    assert np.corrcoef(e, c)[0, 1] > 0.9
    assert np.median(np.abs(e - c) / np.maximum(c, 1)) < 0.15


def test_exact_tokens_replace_the_estimate_and_leave_shares_alone(seeds_dir):
    arts, _ = ainews.ingest(seeds_dir, progress=False)
    tok = tokenize_articles(arts[["doc_id", "body", "lang"]])
    est = score_themes(arts, model=None)
    exact = score_themes(arts, tokens=tok, model=None)
    n = dict(zip(tok["doc_id"], tok["tokens"].map(len)))
    assert (exact.scores["n_tokens"] == exact.scores["doc_id"].map(n)).all()
    assert not (est.scores["n_tokens"] == exact.scores["n_tokens"]).all()
    # the normaliser is one number per article: the shares between themes do not depend on it
    np.testing.assert_allclose(est.scores["share"], exact.scores["share"])
    assert list(est.primary["primary_theme"]) == list(exact.primary["primary_theme"])
