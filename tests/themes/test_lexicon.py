"""The theme lexicon is data: forms compile as documented, a user adds a theme by editing the file."""

from __future__ import annotations

import re
import shutil

import pytest

import ainews
from ainews.config import LEXICONS
from ainews.themes import form_pattern, load_themes, score_themes


@pytest.mark.parametrize("form, text, expected", [
    ("데이터 주권", "데이터주권을 지켜야 한다", "데이터주권"),
    ("데이터 주권", "데이터 주권이", "데이터 주권"),
    ("광주", "광주광역시는 포럼을", "광주"),
    ("광주", "전광주 대회", None),                       # short Korean form inside a word
    ("지사", "도지사가 말했다", None),                   # governor is not a branch office
    ("invest", "Amazon invested heavily", "invested"),
    ("data center", "new data-centers in Japan", "data-centers"),
    ("share ~ data", "to share manufacturing data", "share manufacturing data"),
    ("MOU", "signed an MOU with", "MOU"),
    ("MOU", "a mouse", None),                           # acronyms are case-sensitive
    ("new oil", "called the New Oil of", "New Oil"),
])
def test_form_pattern(form, text, expected):
    m = re.search(form_pattern(form), text)
    assert (m.group(0) if m else None) == expected


def test_shipped_lexicon_has_the_report_themes():
    lex = load_themes()
    assert {"data_sovereignty", "regional_hubs", "foreign_investment"} <= set(lex.themes.theme)
    assert set(lex.themes.columns) >= {"theme", "name_ko", "name_en", "description"}
    assert {"resource", "sovereignty", "cooperation", "leak_risk"} <= set(
        lex.frames.query("theme == 'data_sovereignty'").frame)
    assert "national_ai" in set(lex.frames.query("theme == 'data_sovereignty'").frame)
    # weight-0 terms are markers for the learned model; every theme still has scoring terms
    assert (lex.terms.weight >= 0).all()
    assert (lex.terms[lex.terms.weight > 0].groupby("theme").size() > 0).all()
    assert all(len(ex) >= 3 for ex in lex.themes["examples"])


_FOURTH = """
  semiconductors:
    name_ko: 반도체
    name_en: Semiconductors
    description: Chips, foundries and memory.
    terms:
      - {concept: semiconductor, weight: 3}
      - {en: [foundry, wafer], ko: [파운드리, 웨이퍼], weight: 2}
"""


@pytest.fixture
def lexicon_dir_with_fourth_theme(tmp_path, monkeypatch):
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, folder)
    themes = folder / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8") + _FOURTH, encoding="utf-8")
    monkeypatch.setenv("AINEWS_LEXICONS", str(folder))
    return folder


def test_a_fourth_theme_needs_no_code(lexicon_dir_with_fourth_theme, seeds_dir, tmp_path):
    articles = ainews.load_corpus(seeds_dir)
    tokens = ainews.tokenize_articles(articles, cache_dir=tmp_path / "tokens")
    result = score_themes(articles, tokens=tokens)
    assert "semiconductors" in set(result.scores.theme)
    column = articles[articles.source.str.startswith("001")].doc_id.iloc[0]
    semi = result.scores.query("theme == 'semiconductors' and doc_id == @column")
    assert semi.score.iloc[0] > 0
    hits = result.hits.query("theme == 'semiconductors'")
    assert {"semiconductor", "foundry"} <= {t.lower() for t in hits.text}
    assert "semiconductors" in set(result.summary().theme)


@pytest.mark.parametrize("entry, message", [
    ("  broken:\n    name_en: Broken\n", "has no `terms:`"),
    ("  broken:\n    terms:\n      - {concept: no_such_concept, weight: 1}\n", "not in concepts.yml"),
    ("  broken:\n    terms:\n      - {en: [x], weight: heavy}\n", "not a number"),
    ("  broken:\n    frames: {a: {}}\n    terms:\n      - {en: [x], frame: b}\n", "frame 'b'"),
])
def test_malformed_theme_is_named(tmp_path, monkeypatch, entry, message):
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, folder)
    themes = folder / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8") + entry, encoding="utf-8")
    monkeypatch.setenv("AINEWS_LEXICONS", str(folder))
    with pytest.raises(ValueError, match=re.escape(message)) as err:
        load_themes()
    assert "broken" in str(err.value) and "themes.yml" in str(err.value)


def test_lexicon_version_is_the_content_not_the_path(tmp_path, monkeypatch):
    """A shipped model is compared with the lexicon by content, so a clone elsewhere gets no warning."""
    import shutil

    from ainews.config import LEXICONS
    from ainews.themes import load_themes

    here = load_themes().version
    shutil.copytree(LEXICONS, tmp_path / "lexicons")
    monkeypatch.setenv("AINEWS_LEXICONS", str(tmp_path / "lexicons"))
    assert load_themes().version == here
    (tmp_path / "lexicons" / "themes.yml").write_text(
        (LEXICONS / "themes.yml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert load_themes().version != here
