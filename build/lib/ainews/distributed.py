"""Past one machine: reading, cleaning, tokenizing and extraction as partitions on a dask.distributed cluster.

The work splits the way :func:`ainews.ingest` does: the client lists the inputs and reads
``metadata.csv`` (:func:`~ainews.ingest.core.plan_inputs`), the workers run the per-file step
(:func:`~ainews.ingest.core.ingest_inputs`) on partitions of file paths, and the client runs the
corpus-wide steps (:func:`~ainews.ingest.core.assemble`: ids, duplicates, report). Both engines
share these functions, so they produce the same tables.

Workers open the files themselves: on a real cluster the input folder must be on a filesystem
every worker sees at the same path (NFS, a cluster filesystem, or the same mount everywhere).

Tokenizing and extraction run as partitions too (:func:`analyze_dask`, the Dask engine of
:func:`ainews.analyze`), with Kiwi built once per worker by :class:`Warmup`.

Further per-partition steps (tokenizing, extraction) plug in as ``steps``: importable functions
``step(rows) -> rows`` run on each partition's article rows on the worker. Expensive objects
such as the Kiwi analyzer are built once per worker process by cached getters
(``ainews.lang.get_kiwi`` caches its Kiwi per process), since a worker process runs many partitions;
:class:`Warmup` builds them when a worker starts rather than in its first task.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
from dask.distributed import WorkerPlugin

from .ingest.core import MAX_MB, _partitions, assemble, ingest_inputs, plan_inputs

__all__ = ["analyze_dask", "connect", "ingest_dask", "Warmup"]

Step = Callable[[list[dict]], list[dict]]


def _run_partition(items: list, max_mb: float, meta: pd.DataFrame | None,
                   steps: Sequence[Step] = ()) -> tuple[list[dict], list[dict]]:
    rows, report = ingest_inputs(items, max_mb=max_mb, meta=meta)
    for step in steps:
        rows = step(rows)
    return rows, report


class Warmup(WorkerPlugin):
    """A dask WorkerPlugin that calls cached getters (e.g. ``"ainews.lang:get_kiwi"``) once when
    each worker starts, so expensive models are built once per worker, before any task.

    Args:
        getters: ``"module:function"`` names of argument-free, cached functions.
    """

    name = "ainews-warmup"

    def __init__(self, getters: Sequence[str] = ()):
        self.getters = tuple(getters)
        # One plugin per set of getters: registering another set must not replace this one.
        self.name = f"ainews-warmup:{','.join(self.getters)}"

    def setup(self, worker) -> None:
        """Called by dask on each worker at start."""
        for spec in self.getters:
            module, _, func = spec.partition(":")
            getattr(importlib.import_module(module), func)()

    def teardown(self, worker) -> None:
        """Nothing to release: cached objects live as long as the worker process."""


KIWI = "ainews.lang:get_kiwi"


def _analyze_part(part: tuple, extract: bool):
    from .analysis import analyze_partition

    return analyze_partition(*part, extract=extract)


@contextmanager
def connect(scheduler: str | None = None, *, n_workers: int = 2) -> Iterator:
    """A ``dask.distributed.Client`` of a running scheduler, or of a LocalCluster for the block.

    Args:
        scheduler: address of a running scheduler (``tcp://host:8786``); ``None`` starts a
            LocalCluster of ``n_workers`` single-threaded worker processes, closed on exit.
        n_workers: worker processes of the LocalCluster (ignored with ``scheduler``).
    """
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def ingest_dask(path, *, scheduler: str | None = None, max_mb: float = MAX_MB, npartitions: int | None = None,
                steps: Sequence[Step] = (), warmup: Sequence[str] = (),
                n_workers: int = 2, client=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`ainews.ingest` with reading and cleaning run on a dask.distributed cluster.

    Args:
        path: the data folder or a single file; on a real cluster it must be readable by every
            worker at the same path.
        scheduler: address of a running scheduler (``tcp://host:8786``); ``None`` starts a
            LocalCluster of ``n_workers`` single-threaded worker processes for this call.
        max_mb: files larger than this are skipped with a reason.
        npartitions: number of partitions of the file list (default: 4 per worker thread).
        steps: extra per-partition steps run on the workers after cleaning (importable
            functions ``rows -> rows``).
        warmup: cached getters (``"module:function"``) each worker calls once at start.
        n_workers: worker processes of the LocalCluster (ignored with ``scheduler``).
        client: a connected ``dask.distributed.Client`` to use instead of ``scheduler``.

    Returns:
        ``(articles, report)``, equal to what :func:`ainews.ingest` returns for ``path``.
    """
    inputs, report, meta = plan_inputs(Path(path).absolute())
    if client is None:
        with connect(scheduler, n_workers=n_workers) as client:
            return _ingest_on(client, inputs, report, meta, max_mb, npartitions, steps, warmup)
    return _ingest_on(client, inputs, report, meta, max_mb, npartitions, steps, warmup)


def _ingest_on(client, inputs, report, meta, max_mb, npartitions, steps, warmup):
    if warmup:
        client.register_plugin(Warmup(warmup))
    threads = sum(client.nthreads().values()) or 1
    parts = _partitions(inputs, npartitions or threads * 4)
    meta_f = client.scatter(meta, broadcast=True) if meta is not None else None
    futures = client.map(_run_partition, parts, max_mb=max_mb, meta=meta_f, steps=tuple(steps), pure=False)
    rows: list[dict] = []
    for r, rep in client.gather(futures):  # partition order = input order
        rows.extend(r)
        report.extend(rep)
    return assemble(rows, report)


def analyze_dask(articles_or_path, *, scheduler: str | None = None, unit: str = "article", extract: bool = True,
                 concepts: bool = True, cache: bool = True, cache_dir=None, npartitions: int | None = None,
                 n_workers: int = 2, client=None):
    """:func:`ainews.analyze` with tokenizing and extraction run as partitions on a Dask cluster.

    Each worker builds Kiwi once, when it starts or joins (:class:`Warmup` with
    ``ainews.lang:get_kiwi``), and re-uses it for all its partitions. The token cache stays on
    the client: only units it lacks are sent, and the workers' tokens are written back into it.

    Args:
        articles_or_path: an article DataFrame, or a data folder/file, which is then ingested on
            the same cluster (:func:`ingest_dask`) and analyzed without its duplicates.
        scheduler: address of a running scheduler; ``None`` starts a LocalCluster for this call.
        unit, extract, concepts, cache, cache_dir: as in :func:`ainews.analyze`.
        npartitions: partitions of the articles (default: 4 per worker thread, more for
            corpora over 512 articles per partition).
        n_workers: worker processes of the LocalCluster (ignored with ``scheduler``).
        client: a connected ``dask.distributed.Client`` to use instead of ``scheduler``.

    Returns:
        :class:`ainews.analysis.Analysis`, equal to what the local engine returns.
    """
    from . import analysis as an

    if isinstance(articles_or_path, pd.DataFrame):
        an.check(articles_or_path, unit)  # before starting a cluster
    if client is None:
        with connect(scheduler, n_workers=n_workers) as client:
            return analyze_dask(articles_or_path, unit=unit, extract=extract, concepts=concepts, cache=cache,
                                cache_dir=cache_dir, npartitions=npartitions, client=client)

    articles = articles_or_path
    if not isinstance(articles, pd.DataFrame):
        articles, _ = ingest_dask(articles_or_path, client=client)
        articles = articles[articles["dup_of"] == ""].reset_index(drop=True)
    client.register_plugin(Warmup([KIWI]))
    threads = sum(client.nthreads().values()) or 1
    store = an.open_store(cache, cache_dir)
    try:
        # At least 4 partitions per thread (balance), at most ~512 articles each (task size, memory).
        nparts = npartitions or max(threads * 4, -(-len(articles) // 512))
        p = an.plan(articles, unit=unit, store=store, nparts=nparts)
        # Scattered, not embedded in the tasks: the articles go straight to the workers.
        data = client.scatter([part for part in p.parts])
        futures = [client.submit(_analyze_part, d, extract=extract, pure=False) for d in data]
        return an.assemble(p, client.gather(futures), store=store, concepts=concepts, extract=extract)
    finally:
        if store is not None:
            store.close()
