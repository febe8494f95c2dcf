"""The sentence cache: same spans as ainews.sentences, hits across processes, exact invalidation."""

from __future__ import annotations

import importlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ainews
import ainews.lang.sentcache as sentcache
from ainews.extract import _common
from ainews.extract.entities import _article_entities

# the module (``ainews.lang.sentences`` as an attribute is the function of the same name)
sentences_mod = importlib.import_module("ainews.lang.sentences")
KO_SEED = "003_c232df0707fb9e00.txt"
SRC = Path(__file__).resolve().parents[2] / "src"


def _spans(text, lang=None):
    return [(s.start, s.end) for s in ainews.sentences(text, lang=lang)]


@pytest.fixture(autouse=True)
def _empty_memory():
    """Each test starts with the extractors' in-memory caches empty (its disk cache is new)."""
    _common._split.cache_clear()
    _article_entities.cache_clear()


@pytest.fixture
def split_calls(monkeypatch):
    """Texts actually split by the cache (a cache hit splits nothing)."""
    seen: list[str] = []
    real = sentcache._split_batch

    def counting(items, folder=None):
        seen.extend(text for _, text in items)
        return real(items, folder)

    monkeypatch.setattr(sentcache, "_split_batch", counting)
    return seen


def _append(path, line):
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


@pytest.mark.parametrize("lang", [None, "given"])
def test_batch_equals_one_text_at_a_time_on_seeds(lexicon_copy, seed_texts, lang):
    texts = list(seed_texts.values())
    langs = [ainews.detect_lang(t) for t in texts] if lang else None
    got = ainews.lang.sentence_spans(texts, lang=langs)
    assert got == [_spans(t, lg) for t, lg in zip(texts, langs or [None] * len(texts))]
    assert all(len(s) > 10 for s in got)


def test_batch_equals_one_text_at_a_time_on_naver(lexicon_copy, naver_bodies):
    sample = random.Random(5).sample(sorted(naver_bodies.values()), 60)
    langs = [ainews.detect_lang(b) for b in sample]
    got = ainews.lang.sentence_spans(sample, lang=langs)
    assert got == [_spans(b, lg) for b, lg in zip(sample, langs)]
    # read back from disk: still the same
    assert ainews.lang.sentence_spans(sample, lang=langs) == got


def test_cached_sentences_are_sentences(lexicon_copy, seed_texts):
    for text in seed_texts.values():
        assert ainews.lang.cached_sentences(text) == ainews.sentences(text)
        assert ainews.lang.cached_sentences(text) == ainews.sentences(text)  # from disk


def test_rerun_is_a_cache_hit(lexicon_copy, seed_texts, split_calls):
    texts = list(seed_texts.values())
    first = ainews.lang.sentence_spans(texts)
    assert len(split_calls) == len(texts)
    split_calls.clear()
    assert ainews.lang.sentence_spans(texts) == first and split_calls == []
    assert (lexicon_copy.parent / "processed" / "tokens" / "tokens.sqlite").is_file()


def test_extractors_read_spans_from_disk_after_the_memory_cache_is_cleared(
        lexicon_copy, seed_articles, split_calls):
    first = ainews.extract_quotes(seed_articles)
    assert len(split_calls) == len(seed_articles)  # all articles split in one batch
    split_calls.clear()
    _common._split.cache_clear()
    assert ainews.extract_quotes(seed_articles).equals(first)
    assert split_calls == []


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_a_new_process_reads_the_spans_without_splitting(lexicon_copy, seed_texts):
    texts = list(seed_texts.values())
    first = ainews.lang.sentence_spans(texts)
    code = (
        "import json, sys, ainews, ainews.lang.sentcache as sc\n"
        "def fail(items): raise AssertionError('split again: %d texts' % len(items))\n"
        "sc._split_batch = fail\n"
        f"texts = json.loads({json.dumps(json.dumps(texts))})\n"
        "print(json.dumps(ainews.lang.sentence_spans(texts)))\n"
    )
    assert json.loads(_run(code)) == [[list(s) for s in spans] for spans in first]


def test_a_new_process_extracts_without_loading_kiwi(lexicon_copy, seed_articles):
    first = ainews.extract_entities(seed_articles)
    path = lexicon_copy.parent / "articles.pkl"
    seed_articles.to_pickle(path)
    code = (
        "import pandas as pd, ainews\n"
        "from ainews.lang import korean\n"
        f"e = ainews.extract_entities(pd.read_pickle({str(path)!r}))\n"
        "print(len(e), len(korean._KIWIS))\n"
    )
    assert _run(code) == f"{len(first)} 0"


def test_user_dictionary_edit_invalidates_korean_spans_only(lexicon_copy, seed_texts, split_calls):
    texts = list(seed_texts.values())
    langs = [ainews.detect_lang(t) for t in texts]
    ainews.lang.sentence_spans(texts, lang=langs)
    split_calls.clear()
    _append(lexicon_copy / "userdict_ko.tsv", "조찬포럼\tNNG\t0")
    got = ainews.lang.sentence_spans(texts, lang=langs)
    assert split_calls == [seed_texts[KO_SEED]]
    assert got == [_spans(t, lg) for t, lg in zip(texts, langs)]


def test_english_rule_bump_invalidates_english_spans_only(lexicon_copy, seed_texts, split_calls,
                                                        monkeypatch):
    texts = list(seed_texts.values())
    langs = [ainews.detect_lang(t) for t in texts]
    ainews.lang.sentence_spans(texts, lang=langs)
    split_calls.clear()
    monkeypatch.setattr(sentences_mod, "SPLIT_RULES", sentences_mod.SPLIT_RULES + 1)
    ainews.lang.sentence_spans(texts, lang=langs)
    assert sorted(split_calls) == sorted(t for t, lg in zip(texts, langs) if lg != "ko")


def test_detected_per_line_depends_on_both_versions():
    ko = sentences_mod.split_version("ko")
    en = sentences_mod.split_version("en")
    assert sentences_mod.split_version(None, "광주에서 열렸다. Then it ended.") == f"{ko}+{en}"
    assert sentences_mod.split_version(None, "Only English here.") == en
    assert ko != en


def test_unusable_cache_folder_warns_and_still_splits(tmp_path, seed_texts):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    texts = list(seed_texts.values())
    with pytest.warns(RuntimeWarning, match="sentence cache .* not usable"):
        got = ainews.lang.sentence_spans(texts, cache_dir=blocker / "tokens")
    assert got == [_spans(t) for t in texts]


def test_get_sentences_table(lexicon_copy, seed_articles):
    df = ainews.lang.get_sentences(seed_articles)
    assert list(df.columns) == ["doc_id", "sentence_no", "start", "end", "sentence"]
    bodies = seed_articles.set_index("doc_id")["body"]
    assert all(bodies[r.doc_id][r.start:r.end] == r.sentence for r in df.itertuples())
    assert df.groupby("doc_id").size().to_dict() == {
        d: len(ainews.sentences(b)) for d, b in bodies.items()}


@pytest.mark.parametrize("texts, lang, error", [
    ("one text", None, TypeError),
    (["a", 3], None, TypeError),
    (["a", "b"], ["en"], ValueError),
])
def test_bad_input_is_named(lexicon_copy, texts, lang, error):
    with pytest.raises(error):
        ainews.lang.sentence_spans(texts, lang=lang)


def test_missing_texts_have_no_sentences(lexicon_copy):
    assert ainews.lang.sentence_spans([None, float("nan"), "", "  \n "]) == [[], [], [], []]


@given(st.lists(st.tuples(st.integers(0, 2**31), st.integers(0, 2**31)), max_size=50))
def test_span_packing_round_trips(spans):
    assert sentcache._unpack(sentcache._pack(spans)) == spans


def test_korean_tokens_and_sentences_come_from_one_analysis(lexicon_copy, seed_articles, split_calls, calls):
    """Tokenizing Korean articles fills the sentence cache, and splitting them fills the token cache."""
    arts = seed_articles.assign(lang=[ainews.detect_lang(b) for b in seed_articles["body"]])
    ko = arts[arts["lang"] == "ko"]
    assert len(ko) and len(ko) < len(arts), "the seeds hold Korean and other articles"
    ainews.tokenize_articles(ko)
    spans = ainews.lang.sentence_spans(ko["body"].tolist(), lang="ko")
    assert split_calls == []  # read back: the tokenizer's analysis stored them
    for body, sp in zip(ko["body"], spans):
        assert [(s.start, s.end) for s in ainews.sentences(body, lang="ko")] == sp
    other = arts[arts["lang"] != "ko"].assign(lang="ko", doc_id=lambda d: d.doc_id + "-ko")
    ainews.lang.sentence_spans(other["body"].tolist(), lang="ko")
    calls.clear()
    toks = ainews.tokenize_articles(other, concepts=False)
    assert calls == [] and toks["cached"].all()
    assert toks["tokens"].tolist() == [ainews.tokenize(b, lang="ko") for b in other["body"]]
