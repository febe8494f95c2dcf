"""Identical rebuilds: the same inputs give byte-identical outputs; names and order change nothing
but the ``source`` column."""

from __future__ import annotations

import random
import shutil

import pandas as pd
import pytest

from ainews import ingest
from ainews.corpus import write_processed

CONTENT = ["doc_id", "format", "lang", "outlet", "title", "subtitle", "byline", "published", "date_text",
           "url", "body", "n_chars", "dup_of", "captions", "dropped", "body_truncated"]


def _corpus(folder, seeds_dir, html_dir=None):
    """The seeds, a duplicate, and a CSV table: enough variety for ids, dedup and row sources."""
    folder.mkdir()
    for p in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    shutil.copy(seeds_dir / "002_0cbbea8c10b7a584.txt", folder / "zz repost.txt")
    (folder / "table.csv").write_text(
        "title,body,date\nA,Seoul opens an AI hub for startups on Friday.,2025-12-26\n"
        "B,Busan tests AI cranes at its port.,2025-12-27\n", encoding="utf-8")
    return folder


def test_two_runs_write_identical_parquet(tmp_path, seeds_dir):
    src = _corpus(tmp_path / "raw", seeds_dir)
    a1, r1 = ingest(src)
    a2, r2 = ingest(src)
    pd.testing.assert_frame_equal(a1, a2)
    pd.testing.assert_frame_equal(r1, r2)
    p1 = write_processed(a1, r1, tmp_path / "out1")
    p2 = write_processed(a2, r2, tmp_path / "out2")
    assert p1.read_bytes() == p2.read_bytes()
    assert (tmp_path / "out1" / "ingest_report.csv").read_bytes() == (tmp_path / "out2" / "ingest_report.csv").read_bytes()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_names_and_order_change_only_sources(tmp_path, seeds_dir, seed):
    base = _corpus(tmp_path / "raw", seeds_dir)
    articles, _ = ingest(base)
    # The same files under shuffled names, some in sub-folders, created in another order.
    files = sorted(p for p in base.iterdir())
    rng = random.Random(seed)
    names = [f"{rng.randrange(10**6):06d}_{p.name}" for p in files]
    rng.shuffle(names)
    other = tmp_path / "shuffled"
    order = list(range(len(files)))
    rng.shuffle(order)
    for i in order:
        sub = other / ("sub" if i % 2 else "") / names[i]
        sub.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(files[i], sub.with_suffix(files[i].suffix))
    shuffled, _ = ingest(other)
    assert len(shuffled) == len(articles)
    # The two copies of one story: which is the original follows the names, the text does not.
    one, two = (df[df["body"].duplicated(keep=False)] for df in (articles, shuffled))
    assert sorted(one["body"]) == sorted(two["body"]) and (one["dup_of"] != "").sum() == 1 == (two["dup_of"] != "").sum()
    rest = [df[~df["body"].duplicated(keep=False)][CONTENT].sort_values("doc_id").reset_index(drop=True)
            for df in (articles, shuffled)]
    pd.testing.assert_frame_equal(rest[0], rest[1])


def test_whole_pipeline_rebuilds_identically(tmp_path, seeds_dir, monkeypatch):
    """Two full runs on the same inputs, each with its own empty cache folder: the same token
    cache keys, topic terms, theme scores and extracted tables."""
    import sqlite3

    import ainews
    from ainews.analysis import write_analysis

    src = _corpus(tmp_path / "raw", seeds_dir)
    runs = []
    for i in (1, 2):
        monkeypatch.setenv("AINEWS_PROCESSED", str(tmp_path / f"processed{i}"))
        articles = ainews.get_articles(src)
        analysis = ainews.analyze(articles)
        out = tmp_path / f"tables{i}"
        write_analysis(analysis, out)
        db = next((tmp_path / f"processed{i}").rglob("tokens.sqlite"))
        with sqlite3.connect(db) as con:
            keys = sorted(con.execute("SELECT key, version FROM tokens").fetchall())
        model = ainews.TopicModel(n_topics=3, random_state=0).fit(articles)
        themes = ainews.score_themes(articles)
        runs.append((keys, model.get_topic_terms(8), model.get_document_topics(), themes.scores, themes.evidence,
                     {p.name: p.read_bytes() for p in sorted(out.glob("*.parquet"))}))
    (k1, t1, d1, s1, e1, f1), (k2, t2, d2, s2, e2, f2) = runs
    assert k1 == k2 and len(k1) > 0
    pd.testing.assert_frame_equal(t1, t2)
    pd.testing.assert_frame_equal(d1, d2)
    pd.testing.assert_frame_equal(s1, s2)
    pd.testing.assert_frame_equal(e1, e2)
    assert f1.keys() == {"tokens.parquet", "entities.parquet", "amounts.parquet", "quotes.parquet"}
    assert f1 == f2
