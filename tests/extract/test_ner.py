"""The Korean NER tagger: KLUE reading, span decoding and the shipped model on sentences written here."""

from __future__ import annotations

import pytest

from ainews.extract.ner import KoreanNER, model_path, read_klue, shipped_tagger, spans_of

_TSV = """## 주석 : ##
## klue-ner-v1_dev_00000-wikitree\t<김철수:PS> 씨는 <서울:LC>에 산다.
김\tB-PS
철\tI-PS
수\tI-PS
 \tO
씨\tO
는\tO

## klue-ner-v1_dev_00001-wikitree\t<3일:DT> <삼성:OG>
3\tB-DT
일\tI-DT
 \tO
삼\tB-OG
성\tI-OG
"""


def test_read_klue(tmp_path):
    path = tmp_path / "mini.tsv"
    path.write_text(_TSV, encoding="utf-8")
    data = read_klue(path)
    assert [d[0] for d in data] == ["klue-ner-v1_dev_00000-wikitree", "klue-ner-v1_dev_00001-wikitree"]
    assert data[0][1] == "김철수 씨는"
    assert spans_of(data[0][2]) == [("PS", 0, 3)]
    assert spans_of(data[1][2]) == [("OG", 3, 5)]  # DT is dropped


def test_read_klue_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="klue-ner"):
        read_klue(tmp_path / "absent.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("## klue-x\tx\nno tab here\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:2"):
        read_klue(bad)


@pytest.mark.parametrize(
    ("tags", "spans"),
    [(["B-PS", "I-PS", "O", "B-OG"], [("PS", 0, 2), ("OG", 3, 4)]), (["I-LC", "I-LC"], [("LC", 0, 2)]),
     (["B-PS", "B-PS"], [("PS", 0, 1), ("PS", 1, 2)]), ([], [])],
)
def test_spans_of(tags, spans):
    assert spans_of(tags) == spans


def test_missing_model_names_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="ainews.extract.ner train"):
        KoreanNER().load(tmp_path / "none.crfsuite")


@pytest.mark.skipif(not model_path().is_file(), reason="NER model not trained (make ner-model)")
@pytest.mark.parametrize(
    ("text", "label", "surface"),
    [("박찬욱 감독은 새 영화를 공개했다.", "PS", "박찬욱"),
     ("문창기 팀장은 회의에서 계획을 설명했다.", "PS", "문창기"),
     ("삼성전자는 평택에 공장을 짓는다.", "OG", "삼성전자")],
)
def test_shipped_model(text, label, surface):
    ents = shipped_tagger().entities(text)
    assert (label, text.index(surface), text.index(surface) + len(surface)) in ents
