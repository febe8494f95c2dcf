"""Japanese tokens (SudachiPy + userdict_ja.tsv), sentences that respect 「」, cache for ja."""

from __future__ import annotations

import pandas as pd
import pytest

import ainews
from ainews.lang.japanese import read_userdict_ja, split_sentences_ja, tokenize_ja

ARTICLE = (
    "経済産業省は5日、生成AIの開発を支援するため、ソフトバンクグループのデータセンターに"
    "約2兆2600億円を投じると発表した。経済安全保障の観点から、ソブリンAIの整備を急ぐ。\n"
    "「日本のAIは遅れている。投資を急ぐ」と武藤容治経済産業相は述べた。"
)


def test_terms_stay_whole_and_function_words_go():
    toks = ainews.tokenize(ARTICLE, lang="ja")
    for term in ("経済産業省", "生成ai", "ソフトバンクグループ", "データセンター", "経済安全保障", "ソブリンai"):
        assert term in toks
    for gone in ("は", "の", "を", "する", "ため", "為", "5", "2兆2600億"):
        assert gone not in toks


def test_detected_japanese_goes_to_sudachi_not_the_english_path():
    # Before Japanese had its own pipeline, whole clauses came back as one token.
    toks = ainews.tokenize(ARTICLE)
    assert max(len(t) for t in toks) <= 12
    assert "発表" in toks


def test_normalised_forms_merge_spelling_variants():
    assert tokenize_ja(["コンピュータ", "コンピューター"]).__next__() == ["コンピューター"]
    assert ainews.tokenize("ＡＩ基本法", lang="ja") == ["ai基本法"]


def test_japanese_tokens_meet_korean_and_english_in_concepts():
    ja = ainews.to_concepts(ainews.tokenize("生成AIとデータセンター", lang="ja"))
    ko = ainews.to_concepts(ainews.tokenize("생성형 AI와 데이터센터", lang="ko"))
    assert ja == ko == ["generative_ai", "data_center"]


def test_user_dictionary_entries_are_one_token_each():
    for word, _, _ in read_userdict_ja():
        assert len(tokenize_ja([word + "を"]).__next__()) == 1, word


def test_user_dictionary_edit_changes_tokens(lexicon_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("AINEWS_CACHE", str(tmp_path / "cache"))  # the edited build stays in tmp
    path = lexicon_copy / "userdict_ja.tsv"
    assert ainews.tokenize("防衛装備移転を議論", lang="ja") != ["防衛装備移転", "議論"]
    path.write_text(path.read_text(encoding="utf-8") + "防衛装備移転\t普通名詞\n", encoding="utf-8")
    assert ainews.tokenize("防衛装備移転を議論", lang="ja") == ["防衛装備移転", "議論"]
    assert [p.suffix for p in (tmp_path / "cache" / "sudachi").iterdir()] == [".dic"]


@pytest.mark.parametrize(("line", "expected"), [
    ("AIが進む。投資が増える。", ["AIが進む。", "投資が増える。"]),
    ("「AIは重要だ。投資を急ぐ」と述べた。次だ！", ["「AIは重要だ。投資を急ぐ」と述べた。", "次だ！"]),
    ("首相（当時。現顧問）が話した。以上", ["首相（当時。現顧問）が話した。", "以上"]),
    ("本当か？」と問うた。", ["本当か？」", "と問うた。"]),
])
def test_sentences_do_not_end_inside_brackets(line, expected):
    assert [s for s, _, _ in split_sentences_ja(line)] == expected


def test_sentences_carry_offsets_into_the_body():
    sents = ainews.sentences(ARTICLE)
    assert len(sents) == 3
    for s in sents:
        assert ARTICLE[s.start:s.end] == s.text
    assert sents[2].text.startswith("「日本のAIは遅れている。")


def test_token_cache_serves_japanese(tmp_path):
    arts = pd.DataFrame({"doc_id": ["j1", "k1"], "body": [ARTICLE, "광주에서 인공지능 투자"],
                         "lang": ["ja", "ko"]})
    first = ainews.tokenize_articles(arts, cache_dir=tmp_path)
    again = ainews.tokenize_articles(arts, cache_dir=tmp_path)
    assert not first["cached"].any() and again["cached"].all()
    assert first["tokens"].tolist() == again["tokens"].tolist()
    assert "generative_ai" in first.loc[0, "tokens"] and "gwangju" in first.loc[1, "tokens"]


def test_a_repeated_line_gives_the_same_tokens_as_its_first_reading():
    from ainews.lang.japanese import tokenize_ja

    footer = "経済産業省は生成AIの開発を支援する。"
    texts = [f"北海道にデータセンターを建設する。\n{footer}", f"{footer}\n熊本県で半導体工場が稼働した。", footer]
    batch = list(tokenize_ja(texts))
    alone = [next(tokenize_ja([t])) for t in texts]
    assert batch == alone
    assert batch[2] == next(tokenize_ja([footer])) and "経済産業省" in batch[2]
