"""The token cache: hits on re-run, exact invalidation by lexicon, paragraph units."""

from __future__ import annotations

import pandas as pd
import pytest

import ainews

KO_SEED = "003_c232df0707fb9e00.txt"



def test_rerun_is_a_cache_hit(lexicon_copy, seed_articles, calls):
    first = ainews.tokenize_articles(seed_articles)
    assert len(calls) == len(seed_articles) and not first["cached"].any()
    calls.clear()
    second = ainews.tokenize_articles(seed_articles)
    assert calls == [] and second["cached"].all()
    assert second["tokens"].tolist() == first["tokens"].tolist()
    assert (lexicon_copy.parent / "processed" / "tokens" / "tokens.sqlite").is_file()


def test_cached_tokens_are_the_concept_mapped_tokens(lexicon_copy, seed_articles):
    df = ainews.tokenize_articles(seed_articles)
    for row, body in zip(df.itertuples(), seed_articles["body"]):
        assert row.tokens == ainews.to_concepts(ainews.tokenize(body))
    raw = ainews.tokenize_articles(seed_articles, concepts=False)
    assert raw["tokens"].tolist() == [ainews.tokenize(b) for b in seed_articles["body"]]


def _append(path, line):
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def test_user_dictionary_edit_invalidates_korean_only(lexicon_copy, seed_articles, calls):
    ainews.tokenize_articles(seed_articles)
    calls.clear()
    _append(lexicon_copy / "userdict_ko.tsv", "조찬포럼\tNNG\t0")
    df = ainews.tokenize_articles(seed_articles)
    assert calls == [seed_articles.set_index("doc_id").loc[KO_SEED, "body"]]
    assert "조찬포럼" in df.set_index("doc_id").loc[KO_SEED, "tokens"]
    assert df.loc[df["lang"] != "ko", "cached"].all()


def test_english_stopword_edit_invalidates_english_only(lexicon_copy, seed_articles, calls):
    ainews.tokenize_articles(seed_articles)
    calls.clear()
    _append(lexicon_copy / "stopwords_en.txt", "chairman")
    df = ainews.tokenize_articles(seed_articles)
    assert len(calls) == 4 and df.loc[df["lang"] == "ko", "cached"].all()
    assert not any("chairman" in toks for toks in df["tokens"])


def test_concept_edit_changes_output_without_retokenizing_korean(lexicon_copy, seed_articles, calls):
    ainews.tokenize_articles(seed_articles)
    calls.clear()
    path = lexicon_copy / "concepts.yml"
    _append(path, "  forum:\n    kind: term\n    ko: [포럼]\n    en: [forum]")
    df = ainews.tokenize_articles(seed_articles).set_index("doc_id")
    assert df.loc[KO_SEED, "cached"]
    assert "forum" in df.loc[KO_SEED, "tokens"] and "포럼" not in df.loc[KO_SEED, "tokens"]


def test_paragraph_units_carry_offsets(lexicon_copy, seed_articles):
    df = ainews.tokenize_articles(seed_articles, unit="paragraph")
    bodies = seed_articles.set_index("doc_id")["body"]
    assert (df["paragraph"] >= 0).all()
    for doc_id, group in df.groupby("doc_id"):
        assert group["paragraph"].tolist() == list(range(len(group)))
        body = bodies[doc_id]
        covered = "".join(body[row.start : row.end] for row in group.itertuples())
        assert "".join(covered.split()) == "".join(body.split())  # nothing lost
        for row in group.itertuples():
            para = body[row.start : row.end]
            assert para.strip() == para and "\n\n" not in para
            assert row.tokens == ainews.to_concepts(ainews.tokenize(para, lang=row.lang))


@pytest.mark.parametrize(
    ("body", "spans"),
    [("", []), ("a", [(0, 1)]), ("a\n\nb", [(0, 1), (3, 4)]), ("  a \n \n\n b\n", [(2, 3), (9, 10)])],
)
def test_paragraph_spans(body, spans):
    assert ainews.paragraph_spans(body) == spans


def test_streaming_accepts_mappings_and_bad_rows(lexicon_copy):
    rows = iter([{"doc_id": 1, "body": "광주의 인공지능"}, {"doc_id": 2, "body": None}])
    units = list(ainews.iter_article_tokens(rows))
    assert [u.doc_id for u in units] == ["1", "2"]
    assert units[0].tokens == ["gwangju", "artificial_intelligence"] and units[1].tokens == []
    with pytest.raises(ValueError, match="article #0 has no 'body'"):
        list(ainews.iter_article_tokens([{"doc_id": 1}]))
    with pytest.raises(ValueError, match="missing \\['body'\\]"):
        ainews.tokenize_articles(pd.DataFrame({"doc_id": [1]}))


def test_ingested_naver_articles_tokenize_by_paragraph(lexicon_copy, naver_dir, tmp_path):
    folder = tmp_path / "naver"
    folder.mkdir()
    for path in sorted(naver_dir.glob("*.md"))[::60]:  # a spread of outlets, linked not copied
        (folder / path.name).symlink_to(path)
    articles = ainews.load_corpus(folder)
    assert len(articles) >= 15
    df = ainews.tokenize_articles(articles, unit="paragraph")
    assert set(df["doc_id"]) == set(articles["doc_id"])
    bodies = articles.set_index("doc_id")["body"]
    for row in df.itertuples():
        para = bodies[row.doc_id][row.start : row.end]
        assert para.strip() and row.tokens == ainews.to_concepts(ainews.tokenize(para, lang=row.lang))
    again = ainews.tokenize_articles(articles, unit="paragraph")
    assert again["cached"].all() and again["tokens"].tolist() == df["tokens"].tolist()
