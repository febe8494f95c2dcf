"""The local analysis engine: the same tables as the single functions, through the token cache."""

from __future__ import annotations

import pandas as pd
import pytest

import ainews
from ainews.analysis import TOKEN_COLUMNS, assemble, plan, versions, write_analysis


@pytest.fixture(scope="module")
def seeds(seeds_dir) -> pd.DataFrame:
    articles, _ = ainews.ingest(seeds_dir, progress=False)
    return articles



@pytest.mark.parametrize("unit", ["article", "paragraph"])
def test_local_equals_the_single_functions(seeds, tmp_path, unit):
    result = ainews.analyze(seeds, unit=unit, cache_dir=tmp_path / "a")
    expected = ainews.tokenize_articles(seeds, unit=unit, cache_dir=tmp_path / "b").drop(columns="cached")
    pd.testing.assert_frame_equal(result.tokens, expected)
    pd.testing.assert_frame_equal(result.entities, ainews.extract_entities(seeds))
    pd.testing.assert_frame_equal(result.amounts, ainews.extract_amounts(seeds))
    pd.testing.assert_frame_equal(result.quotes, ainews.extract_quotes(seeds))
    assert list(result.tokens.columns) == TOKEN_COLUMNS
    assert len(result.entities) > 50 and len(result.quotes) > 10 and len(result.amounts) > 0


def test_partitions_do_not_change_the_tables(seeds):
    one = ainews.analyze(seeds, unit="paragraph", cache=False, npartitions=1)
    many = ainews.analyze(seeds, unit="paragraph", cache=False, npartitions=4)
    for a, b in zip(one, many):
        pd.testing.assert_frame_equal(a, b)


def test_fills_and_reads_the_token_cache(seeds, tmp_path, calls):
    first = ainews.analyze(seeds, cache_dir=tmp_path, extract=False)
    assert len(calls) == len(seeds)
    calls.clear()
    again = ainews.analyze(seeds, cache_dir=tmp_path, extract=False)
    assert calls == []
    pd.testing.assert_frame_equal(again.tokens, first.tokens)
    assert ainews.tokenize_articles(seeds, cache_dir=tmp_path)["cached"].all()
    assert again.entities is None and again.amounts is None and again.quotes is None


def test_same_text_twice_is_tokenized_once(seeds, calls):
    doubled = pd.concat([seeds, seeds.assign(doc_id=seeds["doc_id"] + "-copy")], ignore_index=True)
    result = ainews.analyze(doubled, cache=False, extract=False, npartitions=2)
    assert len(calls) == len(seeds)
    assert result.tokens["tokens"].iloc[: len(seeds)].tolist() == result.tokens["tokens"].iloc[len(seeds):].tolist()


def test_raw_tokens_without_concepts(seeds):
    result = ainews.analyze(seeds, cache=False, extract=False, concepts=False)
    assert result.tokens["tokens"].tolist() == [ainews.tokenize(b) for b in seeds["body"]]


@pytest.mark.parametrize("call, error, message", [
    (lambda s, d: ainews.analyze(s["body"], cache_dir=d), TypeError, "must be a pandas DataFrame"),
    (lambda s, d: ainews.analyze(s, unit="sentence", cache_dir=d), ValueError, "'article' or 'paragraph'"),
    (lambda s, d: ainews.analyze(s, engine="spark", cache_dir=d), ValueError, "'local' or 'dask'"),
    (lambda s, d: ainews.analyze(s.drop(columns="body"), cache_dir=d), ValueError, r"missing column\(s\) \['body'\]"),
])
def test_bad_arguments_are_named_before_any_work(seeds, tmp_path, call, error, message):
    with pytest.raises(error, match=message):
        call(seeds, tmp_path / "cache")
    assert not (tmp_path / "cache").exists()  # refused before the cache was opened


def test_a_worker_with_other_lexicons_is_refused(seeds):
    p = plan(seeds, unit="article", store=None, nparts=1)
    (part, todo), = p.parts
    vers = {**versions(), "ko": "ko1-other-dictionary"}
    with pytest.raises(RuntimeError, match="ko version differs.*same ainews"):
        assemble(p, [(vers, {}, {})], store=None, concepts=True, extract=False)


def test_write_analysis_round_trips(seeds, tmp_path):
    result = ainews.analyze(seeds, cache=False)
    paths = write_analysis(result, tmp_path)
    assert [p.name for p in paths] == ["tokens.parquet", "entities.parquet", "amounts.parquet", "quotes.parquet"]
    back = pd.read_parquet(tmp_path / "tokens.parquet")
    assert [list(t) for t in back["tokens"]] == result.tokens["tokens"].tolist()
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "quotes.parquet"), result.quotes)
