"""``analyze``: tokens and extracted facts of a corpus in one pass, locally or on a Dask cluster.

The work splits into a client part and a partition part, shared by both engines so that they
give the same tables:

* the client cuts the articles into units (articles or paragraphs), looks their tokens up in the
  token cache (:mod:`ainews.lang.cache`) and cuts the articles into partitions, each with the
  units still to tokenize;
* each partition (:func:`analyze_partition`, a pure function of its arguments) tokenizes its
  units with :func:`ainews.tokenize` and runs the three extractors
  (:func:`ainews.extract_entities`, :func:`ainews.extract_amounts`, :func:`ainews.extract_quotes`);
  the local engine runs the partitions in this process, :func:`ainews.distributed.analyze_dask`
  on the workers of a cluster, which never touch the cache (it is a file on the client);
* the client writes the new tokens into the cache (so a later run, local or distributed, is a
  cache hit), maps tokens to concept ids with :func:`ainews.to_concepts` as the cache does on
  read, and joins the partitions' rows into tables in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .lang import tokens as _tokens
from .lang.cache import TokenUnit, _key, _Store, _units
from .lang.concepts import to_concepts

__all__ = ["Analysis", "analyze", "analyze_partition", "write_analysis", "TOKEN_COLUMNS"]

TOKEN_COLUMNS = [f for f in TokenUnit._fields if f != "cached"]
# The extractors read the title too (a place named in the title weighs more; see extract.place_features).
_ARTICLE_COLUMNS = ("doc_id", "title", "body", "lang", "published")
_PART_ROWS = 256  # articles per partition of the local engine: bounds memory, not results
TABLES = ("tokens", "entities", "amounts", "quotes")


class Analysis(NamedTuple):
    """Tables of :func:`analyze`; the extraction tables are ``None`` when ``extract=False``."""

    tokens: pd.DataFrame
    entities: pd.DataFrame | None
    amounts: pd.DataFrame | None
    quotes: pd.DataFrame | None


class _Plan(NamedTuple):
    units: list[tuple]  # (doc_id, paragraph, start, end, lang, text) in input order
    keys: list[str]
    pipes: list[str]
    found: dict[str, list[str]]  # raw tokens read from the cache
    parts: list[tuple[pd.DataFrame, list[tuple[str, str, str]]]]  # articles, (key, pipe, text) to do


def versions() -> dict[str, str]:
    """Versions of what the results depend on: the Korean and English token pipelines and the
    extraction lexicons; a worker must report the same as the client."""
    from .lang.english import en_version
    from .lang.korean import ko_version
    from .lexicons import lexicon_version

    extract = lexicon_version("concepts.yml", "exchange_rates.csv", "gazetteer.csv", "orgs.yml",
                              "quote_verbs.yml", "roles.yml", "userdict_ko.tsv")
    return {"ko": ko_version(), "en": en_version(), "extract": extract}


def _extractors() -> dict[str, tuple[Callable, list[str]]]:
    from .extract import amounts, entities, quotes

    return {"entities": (entities.extract_entities, entities.COLUMNS),
            "amounts": (amounts.extract_amounts, amounts.COLUMNS),
            "quotes": (quotes.extract_quotes, quotes.COLUMNS)}


def analyze_partition(articles: pd.DataFrame, todo: list[tuple[str, str, str]], *,
                      extract: bool = True) -> tuple[dict[str, str], dict[str, list[str]], dict[str, list[dict]]]:
    """The per-partition work: tokenize ``todo`` units and run the extractors on ``articles``.

    Runs wherever the partition lands (this process or a Dask worker); reads no cache, writes
    no file. Korean is tokenized by the process-wide Kiwi of :func:`ainews.lang.get_kiwi`,
    built once per process.

    Args:
        articles: a slice of the corpus with ``doc_id``, ``body`` (and ``lang``, ``published``).
        todo: ``(key, pipeline, text)`` of the units to tokenize; ``pipeline`` is ``ko`` or ``en``.
        extract: also run the entity, amount and quote extractors.

    Returns:
        ``(versions, tokens, rows)``: :func:`versions` of this process, raw tokens (before
        concept mapping) by unit key, and the extracted rows of each table by table name.
    """
    fresh: dict[str, list[str]] = {}
    for pipe in ("ko", "en"):
        items = [(k, t) for k, p, t in todo if p == pipe]
        if items:
            fresh.update(zip([k for k, _ in items], _tokens.tokenize([t for _, t in items], lang=pipe)))
    rows: dict[str, list[dict]] = {}
    if extract:
        for name, (fn, _) in _extractors().items():
            rows[name] = fn(articles).to_dict("records")
    return versions(), fresh, rows


def _slices(n: int, size: int) -> Iterator[tuple[int, int]]:
    for a in range(0, n, size):
        yield a, min(n, a + size)


def check(articles, unit: str) -> None:
    """Raise a clear error for arguments :func:`analyze` cannot use (before any work starts)."""
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"articles must be a pandas DataFrame with doc_id and body; got {type(articles).__name__}")
    missing = [c for c in ("doc_id", "body") if c not in articles.columns]
    if missing:
        raise ValueError(f"articles is missing column(s) {missing}; build it with ainews.get_articles() "
                         "or add them (doc_id: an id per article, body: the article text)")
    if unit not in ("article", "paragraph"):
        raise ValueError(f"unit must be 'article' or 'paragraph', not {unit!r}")


def plan(articles: pd.DataFrame, *, unit: str, store: _Store | None, nparts: int) -> _Plan:
    """Client side, before the partitions: units, cache look-ups and partitions of the work."""
    check(articles, unit)
    articles = articles[[c for c in _ARTICLE_COLUMNS if c in articles.columns]].reset_index(drop=True)
    vers = versions()
    units, keys, pipes, found, parts = [], [], [], {}, []
    queued: set[str] = set()  # a text met twice is tokenized once
    size = max(1, -(-len(articles) // max(1, nparts)))
    for a, b in _slices(len(articles), size):
        part = articles.iloc[a:b]
        p_units = list(_units(part, unit))
        p_pipes = [_tokens.pipeline_of(u[4]) for u in p_units]
        p_keys = [_key(p, u[5]) for p, u in zip(p_pipes, p_units)]
        if store is not None:
            for pipe in ("ko", "en"):
                want = sorted({k for k, p in zip(p_keys, p_pipes) if p == pipe and k not in found})
                if want:
                    found.update(store.get(want, vers[pipe]))
        todo = []
        for u, k, p in zip(p_units, p_keys, p_pipes):
            if k not in found and k not in queued:
                queued.add(k)
                todo.append((k, p, u[5]))
        units += p_units
        keys += p_keys
        pipes += p_pipes
        parts.append((part, todo))
    return _Plan(units, keys, pipes, found, parts)


def assemble(p: _Plan, results: list[tuple], *, store: _Store | None, concepts: bool,
             extract: bool) -> Analysis:
    """Client side, after the partitions: check versions, fill the cache, build the tables."""
    mine = versions()
    fresh: dict[str, list[str]] = {}
    rows: dict[str, list[dict]] = {name: [] for name in TABLES[1:]}
    for vers, toks, part_rows in results:  # partition order = input order
        if vers != mine:
            bad = sorted(k for k in mine if vers.get(k) != mine[k])
            raise RuntimeError(f"a worker's {', '.join(bad)} version differs from this machine's ({vers} vs "
                               f"{mine}): install the same ainews, kiwipiepy, simplemma and data/lexicons "
                               "on every worker")
        fresh.update(toks)
        for name, r in part_rows.items():
            rows[name].extend(r)
    if store is not None and fresh:
        pipe_of = dict(zip(p.keys, p.pipes))
        store.put([(k, mine[pipe_of[k]], t) for k, t in fresh.items()])
    table = []
    for u, k in zip(p.units, p.keys):
        toks = fresh[k] if k in fresh else p.found[k]
        table.append((u[0], u[1], u[2], u[3], u[4], to_concepts(toks) if concepts else list(toks)))
    tokens = pd.DataFrame(table, columns=TOKEN_COLUMNS).astype({"paragraph": "int64", "start": "int64",
                                                                 "end": "int64"})
    if not extract:
        return Analysis(tokens, None, None, None)
    from .extract._common import frame

    tables = {name: frame(rows[name], cols) for name, (_, cols) in _extractors().items()}
    return Analysis(tokens, tables["entities"], tables["amounts"], tables["quotes"])


def open_store(cache: bool, cache_dir) -> _Store | None:
    """The token cache of the client (``None`` when ``cache`` is false)."""
    if not cache:
        return None
    if cache_dir is None:
        from .config import processed_dir

        cache_dir = processed_dir() / "tokens"
    return _Store(Path(cache_dir))


def analyze(articles: pd.DataFrame, *, engine: str = "local", scheduler: str | None = None,
            unit: str = "article", extract: bool = True, concepts: bool = True, cache: bool = True,
            cache_dir: str | Path | None = None, npartitions: int | None = None,
            n_workers: int = 2) -> Analysis:
    """Tokens, entities, amounts and quotes of ``articles``, locally or on a Dask cluster.

    Both engines return equal tables. Tokens equal :func:`ainews.tokenize_articles` (without its
    ``cached`` column) and go through the same on-disk cache; the extraction tables equal
    :func:`ainews.extract_entities`, :func:`ainews.extract_amounts` and
    :func:`ainews.extract_quotes` on the same articles.

    Args:
        articles: DataFrame with ``doc_id`` and ``body`` (and ``lang``, ``published``), e.g. from
            :func:`ainews.get_articles`.
        engine: ``"local"`` (this process) or ``"dask"`` (see ``ainews.distributed.analyze_dask``).
        scheduler: dask engine: address of a running scheduler; ``None`` starts a LocalCluster.
        unit: ``"article"`` or ``"paragraph"`` (paragraphs of ``body`` split on blank lines).
        extract: also extract entities, amounts and quotes.
        concepts: map tokens to concept ids with :func:`ainews.to_concepts`.
        cache: read and fill the token cache (default folder ``processed_dir() / "tokens"``).
        cache_dir: folder of the token cache.
        npartitions: partitions of the articles (local default: one per 256 articles; dask
            default: 4 per worker thread). Results do not depend on it.
        n_workers: dask engine: worker processes of the LocalCluster.

    Returns:
        :class:`Analysis` ``(tokens, entities, amounts, quotes)``; tokens has columns
        ``doc_id, paragraph, start, end, lang, tokens``.
    """
    if engine == "dask":
        from .distributed import analyze_dask

        return analyze_dask(articles, scheduler=scheduler, unit=unit, extract=extract, concepts=concepts,
                            cache=cache, cache_dir=cache_dir, npartitions=npartitions, n_workers=n_workers)
    if engine != "local":
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    check(articles, unit)
    store = open_store(cache, cache_dir)
    try:
        nparts = npartitions or -(-len(articles) // _PART_ROWS)
        p = plan(articles, unit=unit, store=store, nparts=nparts)
        results = [analyze_partition(part, todo, extract=extract) for part, todo in p.parts]
        return assemble(p, results, store=store, concepts=concepts, extract=extract)
    finally:
        if store is not None:
            store.close()


def write_analysis(result: Analysis, out_dir) -> list[Path]:
    """Write ``tokens.parquet`` (and ``entities``, ``amounts``, ``quotes``) into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in zip(TABLES, result):
        if df is not None:
            df.to_parquet(out / f"{name}.parquet", index=False)
            written.append(out / f"{name}.parquet")
    return written
