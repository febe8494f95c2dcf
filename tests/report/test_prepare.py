"""`ainews prepare`: the chapters' shared analyses computed ahead, on separate processes, into the
cache the chapters read."""

from __future__ import annotations

import pickle
import shutil

import pandas as pd

import ainews
from ainews.report import cached
from ainews.report.cache import cache_path
from ainews.report.prepare import prepare


def test_prepare_fills_the_cache_the_chapters_read(tmp_path, monkeypatch, seeds_dir):
    data = tmp_path / "data"
    shutil.copytree(seeds_dir, data)
    monkeypatch.setenv("AINEWS_DATA", str(data))
    monkeypatch.setenv("AINEWS_PROCESSED", str(tmp_path / "processed"))
    monkeypatch.setenv("AINEWS_CACHE", str(tmp_path / "cache"))
    groups = (("extract_amounts",), ("extract_quotes",))
    done = prepare(groups=groups, processes=2)
    # the shared inputs (tokens, sentences, vectors) first, then the analyses
    assert set(done) == {"warm-up", "extract_amounts", "extract_quotes"}
    articles = ainews.get_articles()
    for fn in (ainews.extract_amounts, ainews.extract_quotes):
        path = cache_path(fn, articles)
        assert path.is_file(), f"{fn.__name__} not stored where the chapters look"
        # what a chapter gets from the cache equals a fresh computation
        pd.testing.assert_frame_equal(pickle.loads(path.read_bytes()), fn(articles))
        pd.testing.assert_frame_equal(cached(fn, articles), fn(articles))
    assert prepare(groups=groups, processes=2) == {}  # nothing changed: nothing computed
    # a new article changes the key: the analyses are computed again
    (data / "new.md").write_text("---\ntitle: 새 기사\n---\n\n정부는 1조원을 투자한다고 밝혔다.\n", encoding="utf-8")
    assert set(prepare(groups=groups, processes=1)) == {"extract_amounts", "extract_quotes"}
