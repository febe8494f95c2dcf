"""Tokenizing and extraction on a Dask cluster give the local engine's tables, with one Kiwi per worker."""

from __future__ import annotations

import pandas as pd
import pytest

import ainews
import ainews.lang.tokens as tokens_mod
from ainews.cli import main as cli_main
from ainews.distributed import KIWI, analyze_dask

pytest.importorskip("dask.distributed")

TABLES = ["tokens.parquet", "entities.parquet", "amounts.parquet", "quotes.parquet"]


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def _kiwis(dask_worker):
    from ainews.lang import korean

    return len(korean._KIWIS), id(korean.get_kiwi()), sorted(dask_worker.plugins)


def _worker_kiwis(cluster) -> dict:
    from dask.distributed import Client

    with Client(cluster.scheduler_address) as client:
        return client.run(_kiwis)


def _assert_same(a, b):
    for x, y in zip(a, b, strict=True):
        pd.testing.assert_frame_equal(x, y)


@pytest.fixture(scope="module")
def seeds(seeds_dir) -> pd.DataFrame:
    return ainews.ingest(seeds_dir, progress=False)[0]


@pytest.mark.slow
def test_dask_equals_local_on_naver(naver_dir, cluster):
    articles, _ = ainews.ingest(naver_dir, progress=False)
    articles = articles[articles["dup_of"] == ""].reset_index(drop=True)
    # No cache on either side: every unit is tokenized, locally and on the workers.
    local = ainews.analyze(articles, cache=False)
    dask = analyze_dask(articles, scheduler=cluster.scheduler_address, cache=False)
    _assert_same(dask, local)
    assert len(dask.tokens) == len(articles) > 1200
    assert set(dask.tokens["lang"]) >= {"ko", "en"}
    assert len(dask.entities) > 5000 and len(dask.amounts) > 500 and len(dask.quotes) > 1000
    assert dask.entities["doc_id"].nunique() > 1000


def test_kiwi_is_built_once_per_worker(seeds, cluster, tmp_path):
    analyze_dask(seeds, scheduler=cluster.scheduler_address, cache=False, npartitions=4)
    first = _worker_kiwis(cluster)
    analyze_dask(seeds, scheduler=cluster.scheduler_address, cache=False, npartitions=4)
    again = _worker_kiwis(cluster)
    assert len(first) == 2
    for addr, (n_models, kiwi_id, plugins) in first.items():
        assert n_models == 1 and f"ainews-warmup:{KIWI}" in plugins
        assert again[addr][:2] == (1, kiwi_id)  # the same Kiwi object served both runs


def test_dask_paragraphs_fill_the_client_cache(seeds, cluster, tmp_path, monkeypatch):
    dask = analyze_dask(seeds, scheduler=cluster.scheduler_address, unit="paragraph", cache_dir=tmp_path,
                        npartitions=3)
    seen: list[str] = []
    real = tokens_mod.tokenize
    monkeypatch.setattr(tokens_mod, "tokenize", lambda texts, *, lang=None: seen.extend(texts) or real(texts, lang=lang))
    local = ainews.analyze(seeds, unit="paragraph", cache_dir=tmp_path)
    assert seen == []  # the workers' tokens were written into the client's cache
    _assert_same(dask, local)
    assert (dask.tokens["paragraph"] >= 0).all() and len(dask.tokens) > 3 * len(seeds)


def test_analyze_dask_from_a_folder(seeds_dir, seeds, cluster, tmp_path):
    from_folder = analyze_dask(seeds_dir, scheduler=cluster.scheduler_address, cache_dir=tmp_path)
    _assert_same(from_folder, ainews.analyze(seeds, cache=False))


def test_cli_analyze_dask_writes_the_local_tables(seeds_dir, cluster, tmp_path, monkeypatch):
    monkeypatch.setenv("AINEWS_PROCESSED", str(tmp_path / "processed"))  # the token cache
    args = ["ingest", str(seeds_dir), "-q", "--analyze", "--out"]
    assert cli_main([*args, str(tmp_path / "dask"), "--engine", "dask", "--scheduler", cluster.scheduler_address]) == 0
    assert cli_main([*args, str(tmp_path / "local")]) == 0
    for name in TABLES:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    quotes = pd.read_parquet(tmp_path / "local" / "quotes.parquet")
    articles = pd.read_parquet(tmp_path / "local" / "articles.parquet").set_index("doc_id")
    for q in quotes.itertuples():  # evidence survives the trip: offsets point into the body
        assert articles.at[q.doc_id, "body"][q.start:q.end] == q.quote
