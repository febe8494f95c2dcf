"""The glossary renders the concept map when present and tolerates its absence."""

from __future__ import annotations

import shutil

import pytest

from ainews.config import LEXICONS
from ainews.report import get_glossary, glossary_html

CONCEPTS = """\
# test concept map
concepts:
  data_center:
    kind: term
    label: {en: data center, ko: 데이터센터, ja: データセンター}
    ko: [데이터센터, IDC]
    en: [data center]
    ja: [データセンター]
  gwangju:
    kind: place
    label: {en: Gwangju}
    ko: [광주, 광주시]
    en: [Gwangju]
  evil:
    kind: term
    label: {en: "<script>window.__xss=1</script>"}
    en: ["<img src=x onerror=alert(1)>"]
"""


@pytest.fixture
def lexicons(tmp_path, monkeypatch):
    for name in ("contacts.yml",):
        shutil.copy(LEXICONS / name, tmp_path / name)
    monkeypatch.setenv("AINEWS_LEXICONS", str(tmp_path))
    return tmp_path


def test_absent_concept_map_gives_empty_glossary(lexicons):
    table = get_glossary()
    assert table.empty and list(table.columns) == ["id", "kind", "label", "label_ko", "label_ja",
                                                   "ko", "en", "ja"]
    assert "not present" in glossary_html(table)


def test_concept_map_rendered(lexicons):
    (lexicons / "concepts.yml").write_text(CONCEPTS, encoding="utf-8")
    table = get_glossary().set_index("id")
    assert table.loc["data_center", "ko"] == "데이터센터 · IDC"
    assert table.loc["data_center", "ja"] == "データセンター"
    assert table.loc["gwangju", "kind"] == "place" and table.loc["gwangju", "ja"] == ""
    # Three labels per concept: the map's label, else the first form, else the English label.
    assert table.loc["data_center", ["label", "label_ko", "label_ja"]].tolist() == [
        "data center", "데이터센터", "データセンター"]
    assert table.loc["gwangju", ["label_ko", "label_ja"]].tolist() == ["광주", "Gwangju"]
    html = glossary_html(get_glossary())
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_malformed_concept_map_names_the_file(lexicons):
    (lexicons / "concepts.yml").write_text("concepts: [a, b]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="concepts.yml"):
        get_glossary()


def test_shipped_concept_map_has_three_forms_per_concept():
    table = get_glossary()
    assert len(table) > 50
    assert (table[["ko", "en", "ja"]] != "").sum().to_dict() == {
        "ko": int((table["ko"] != "").sum()), "en": int((table["en"] != "").sum()), "ja": len(table)}
    assert (table["label_ja"] != "").all()
