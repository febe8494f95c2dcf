"""ainews.embed: unit vectors, one space for Korean and English, and a sentence cache."""

from __future__ import annotations

import numpy as np
import pytest

import ainews
from ainews.embeddings import core, split_units


def _shared():
    import os
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    return Path(os.environ.get("AINEWS_SHARED", root.parent / "shared")).resolve()


def test_vectors_are_unit_length_and_cross_lingual(tmp_path):
    v = ainews.embed(["광주시가 인공지능 집적단지를 조성한다.",
                      "Gwangju is building an artificial intelligence cluster.",
                      "코스피가 사흘 만에 하락 마감했다."], cache_dir=tmp_path)
    assert v.shape == (3, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-5)
    sim = v @ v.T
    assert sim[0, 1] > sim[0, 2] + 0.2  # the translation is far closer than an unrelated sentence


def test_rerun_reads_every_sentence_from_the_cache(tmp_path):
    text = "오픈AI가 한국 지사를 설립했다. 서울에 사무소를 둔다.\nOpenAI opened an office in Seoul."
    first = ainews.embed(text, cache_dir=tmp_path)
    assert core.last_stats["encoded"] == 3
    again = ainews.embed(text, cache_dir=tmp_path)
    assert core.last_stats == {"sentences": 3, "cached": 3, "encoded": 0}
    assert np.allclose(first, again, atol=2e-3)  # float16 storage


def test_units_are_sentences_with_offsets():
    body = "AI 클러스터를 만든다. 광주시가 밝혔다.\n\n" + "긴 문장 " * 200
    spans = split_units(body)
    assert [body[s:e] for s, e in spans[:2]] == ["AI 클러스터를 만든다.", "광주시가 밝혔다."]
    assert all(e - s <= core.MAX_CHARS for s, e in spans)


def test_empty_text_and_bad_lang(tmp_path):
    assert not ainews.embed("", cache_dir=tmp_path).any()
    with pytest.raises(ValueError, match="lang must be one of"):
        ainews.embed("x", lang="kr")


@pytest.mark.slow
def test_korean_sentences_find_their_english_translation(tmp_path):
    folder = _shared() / "corpora" / "parallel-ko-en"
    if not folder.exists():
        pytest.skip(f"{folder} not found (set AINEWS_SHARED)")
    ko = (folder / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()[:200]
    en = (folder / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()[:200]
    sim = ainews.embed(ko, cache_dir=tmp_path) @ ainews.embed(en, cache_dir=tmp_path).T
    assert (sim.argmax(axis=1) == np.arange(len(ko))).mean() >= 0.85


def test_embed_units_embeds_only_the_given_spans(tmp_path):
    import pandas as pd

    body = "AI 클러스터를 만든다. 광주시가 밝혔다. 날씨가 맑다."
    arts = pd.DataFrame({"doc_id": ["a", "b"], "body": [body, body]})
    table, vecs = core.embed_units(arts, cache_dir=tmp_path, spans={"a": [(0, 13), (24, 31)]})
    a = table[table.doc_id == "a"]
    assert a.sentence.tolist() == ["AI 클러스터를 만든다.", "날씨가 맑다."]
    assert len(table[table.doc_id == "b"]) == 3  # not in spans: every unit
    assert vecs.shape == (5, 512)


def _vectors(core, sentences, during=None):
    import numpy as np

    got, done = core._encode({f"k{i}": s for i, s in enumerate(sentences)}, during)
    return np.stack([got[f"k{i}"] for i in range(len(sentences))]), done


def test_a_large_batch_encoded_on_two_processes_gives_the_same_vectors(monkeypatch, seed_texts):
    import numpy as np

    from ainews.embeddings import core

    sentences = [line.strip() for text in seed_texts.values() for line in text.splitlines() if len(line.strip()) > 20][:40]
    monkeypatch.setattr(core, "PARALLEL_MIN", 10)
    monkeypatch.setenv("AINEWS_WORKERS", "2")
    two = _vectors(core, sentences)[0]
    monkeypatch.setenv("AINEWS_WORKERS", "1")
    one = _vectors(core, sentences)[0]
    assert two.shape == one.shape == (len(sentences), core.ENCODER_DIM)
    np.testing.assert_allclose(two, one, atol=1e-5)


def test_prestart_starts_the_encoder_process_only_for_uncached_text(monkeypatch, tmp_path, seed_texts):
    from ainews.embeddings import core

    bodies = list(seed_texts.values())
    monkeypatch.setattr(core, "PARALLEL_MIN", 10)
    monkeypatch.setenv("AINEWS_WORKERS", "2")
    monkeypatch.setattr(core, "_POOL", {})
    assert core.prestart_for(bodies, cache_dir=tmp_path)          # nothing cached: start it
    assert 2 in core._POOL and not core.prestart_for(bodies, cache_dir=tmp_path)  # already running
    # the started process encodes: same vectors as this process alone
    sentences = [b[s:e] for b in bodies for s, e in split_units(b)][:30]
    two = _vectors(core, sentences)[0]
    core._POOL[2].shutdown()
    monkeypatch.setattr(core, "_POOL", {})
    ainews.embed(bodies, cache_dir=tmp_path)                      # fill the cache (with a pool)
    for pool in core._POOL.values():
        pool.shutdown()
    monkeypatch.setattr(core, "_POOL", {})
    assert not core.prestart_for(bodies, cache_dir=tmp_path) and core._POOL == {}  # a re-run
    monkeypatch.setenv("AINEWS_WORKERS", "1")
    np.testing.assert_allclose(two, _vectors(core, sentences)[0], atol=1e-5)


def test_work_done_while_the_second_process_encodes(monkeypatch, seed_texts):
    from ainews.embeddings import core

    sentences = [line.strip() for text in seed_texts.values() for line in text.splitlines() if len(line.strip()) > 20][:40]
    monkeypatch.setattr(core, "PARALLEL_MIN", 10)
    monkeypatch.setenv("AINEWS_WORKERS", "2")
    ran = []
    two, done = _vectors(core, sentences, lambda: ran.append(1) or "signals")
    assert done == "signals" and ran == [1]
    monkeypatch.setenv("AINEWS_WORKERS", "1")
    np.testing.assert_allclose(two, _vectors(core, sentences)[0], atol=1e-5)


def test_sentences_prefetched_to_the_second_process_are_collected_by_the_next_call(monkeypatch, tmp_path, seed_texts):
    from ainews.embeddings import core

    bodies = list(seed_texts.values())
    sentences = list(dict.fromkeys(b[s:e] for b in bodies for s, e in split_units(b)))[:40]
    monkeypatch.setattr(core, "PARALLEL_MIN", 10)
    monkeypatch.setenv("AINEWS_WORKERS", "2")
    monkeypatch.setattr(core, "_POOL", {})
    assert core.prefetch(sentences[:25], cache_dir=tmp_path) == 0   # no second process: nothing handed over
    assert core.prestart(1000)
    try:
        assert core.prefetch(sentences[:25], cache_dir=tmp_path) == 25
        assert core.prefetch(sentences[:5], cache_dir=tmp_path) == 0    # already on its way
        # the next call needs only some of them, plus new ones: every prefetched vector is stored
        vecs = core.sentence_vectors(sentences[10:], cache_dir=tmp_path)
        assert core._AHEAD == [] and core.last_stats["encoded"] == 30
        assert core.sentence_vectors(sentences[:10], cache_dir=tmp_path).shape == (10, core.ENCODER_DIM)
        assert core.last_stats["cached"] == 10 and core.last_stats["encoded"] == 0
    finally:
        for pool in core._POOL.values():
            pool.shutdown()
    monkeypatch.setenv("AINEWS_WORKERS", "1")
    np.testing.assert_allclose(vecs, core.sentence_vectors(sentences[10:], cache_dir=tmp_path / "alone"), atol=1e-3)


def test_lead_units_are_the_first_distinct_units_of_the_whole_split(seed_texts):
    for body in seed_texts.values():
        seen, distinct = set(), []
        for s, e in split_units(body):
            if body[s:e] not in seen:
                seen.add(body[s:e])
                distinct.append((s, e))
        for n in (1, 2, 5, 500):
            assert core.lead_units(body, n) == distinct[:n]


def test_a_worker_of_another_pool_encodes_in_its_own_process_and_exits(monkeypatch):
    """A process of someone else's pool (ainews prepare's, a user's) never starts the encoder's
    second process: a spawned worker joins its children before any exit hook could stop them,
    so such a worker hung at exit, and the pool's shutdown with it."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    monkeypatch.setenv("AINEWS_WORKERS", "2")
    assert core._workers() == 2                                       # here, in the main process
    outer = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
    try:
        assert outer.submit(core._workers).result(timeout=120) == 1
        assert not outer.submit(core.prestart, 10 ** 6).result(timeout=120)
        workers = list(outer._processes.values())
    finally:
        outer.shutdown(wait=False)
    for p in workers:
        p.join(timeout=60)
        assert not p.is_alive()
