"""The engines agree: local (1 and 2 processes) and Dask produce the same articles and report."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from ainews import ingest
from ainews.cli import main as cli_main
from ainews.corpus import read_processed
from ainews.distributed import ingest_dask

pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def naver_local(naver_dir):
    return ingest(naver_dir, progress=False)


def test_dask_equals_local_on_naver(naver_dir, naver_local):
    articles, report = ingest_dask(naver_dir)  # a LocalCluster: 2 worker processes, 1 thread each
    files = report[report.level == "file"]
    # every one of the 1,311 files is accounted for (a few photo items are skipped, with their reason)
    assert int(files.n_inputs.sum()) == 1311 == len(articles) + int(files.n_skipped.sum())
    pd.testing.assert_frame_equal(articles, naver_local[0])
    pd.testing.assert_frame_equal(report, naver_local[1])


def test_two_processes_equal_one_on_naver(naver_dir, naver_local):
    articles, report = ingest(naver_dir, progress=False, workers=2)
    pd.testing.assert_frame_equal(articles, naver_local[0])
    pd.testing.assert_frame_equal(report, naver_local[1])


def _mixed_folder(root, seeds_dir):
    """Seeds, a duplicate, bad files and a metadata.csv that the workers must apply."""
    for p in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(p, root / p.name)
    shutil.copy(seeds_dir / "003_c232df0707fb9e00.txt", root / "다시 올린 기사.txt")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (root / "rows.jsonl").write_text('{"title": "T", "body": "Body of a JSON article about AI."}\n{broken\n',
                                     encoding="utf-8")
    (root / "metadata.csv").write_text("file,published,outlet\n001_4f580c823a1dd540.txt,2024-03-05,Example\n",
                                       encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_dask_on_a_running_scheduler_with_bad_files(tmp_path, seeds_dir, cluster):
    root = _mixed_folder(tmp_path, seeds_dir)
    local = ingest(root)
    articles, report = ingest_dask(root, scheduler=cluster.scheduler_address, npartitions=3)
    pd.testing.assert_frame_equal(articles, local[0])
    pd.testing.assert_frame_equal(report, local[1])
    row = articles.set_index("source").loc["001_4f580c823a1dd540.txt"]
    assert (row["outlet"], row["published"]) == ("Example", pd.Timestamp("2024-03-05"))
    assert (articles["dup_of"] != "").sum() == 1


def _add_marker(rows):
    for r in rows:
        r["worker_step"] = f"{len(r['body'])}"
    return rows


def test_extra_partition_steps_and_warmup(tmp_path, seeds_dir, cluster):
    import sys

    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import test modules
    root = _mixed_folder(tmp_path, seeds_dir)
    articles, _ = ingest_dask(root, scheduler=cluster.scheduler_address, steps=[_add_marker],
                              warmup=["ainews.lang:get_kiwi"])
    assert (articles["worker_step"] == articles["n_chars"].astype(str)).all()
    from dask.distributed import Client

    def _models_loaded():
        from ainews.lang import korean

        return len(korean._KIWIS)

    with Client(cluster.scheduler_address) as client:  # each worker built its Kiwi once, at start
        assert list(client.run(_models_loaded).values()) == [1, 1]


def test_cli_dask_engine(tmp_path, seeds_dir, cluster):
    root = tmp_path / "raw"
    root.mkdir()
    _mixed_folder(root, seeds_dir)
    args = ["ingest", str(root), "-q", "--out"]
    assert cli_main([*args, str(tmp_path / "dask"), "--engine", "dask", "--scheduler", cluster.scheduler_address]) == 0
    assert cli_main([*args, str(tmp_path / "local")]) == 0
    assert (tmp_path / "dask" / "articles.parquet").read_bytes() == (tmp_path / "local" / "articles.parquet").read_bytes()
    assert read_processed(tmp_path / "dask")["source"].tolist() == read_processed(tmp_path / "local")["source"].tolist()
