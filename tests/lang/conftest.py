"""Fixtures for the language layer: Naver bodies and a private copy of the lexicons."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pandas as pd
import pytest

from ainews.config import LEXICONS


def naver_body(path: Path) -> str:
    """Body of a naver-ai-2025-12 Markdown file: between the 2nd and 3rd ``---`` lines."""
    parts = path.read_text(encoding="utf-8").split("\n---\n")
    return html.unescape(parts[2]).strip() if len(parts) > 2 else ""


@pytest.fixture(scope="session")
def naver_bodies(naver_dir) -> dict[str, str]:
    return {p.stem: naver_body(p) for p in sorted(naver_dir.glob("*.md"))}


@pytest.fixture
def seed_articles(seed_texts) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(seed_texts), "body": list(seed_texts.values())})


@pytest.fixture
def lexicon_copy(tmp_path, monkeypatch) -> Path:
    """A writable copy of data/lexicons, with the cache redirected into ``tmp_path``."""
    lex = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, lex)
    monkeypatch.setenv("AINEWS_LEXICONS", str(lex))
    monkeypatch.setenv("AINEWS_PROCESSED", str(tmp_path / "processed"))
    return lex
