"""Shared fixtures: the seed articles and the third-party corpora in ../shared.

The corpora are read in place and never copied into the repository; tests that need them skip
with a clear reason when the folder is absent (a user's fresh clone does not have it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw"
SHARED = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared")).resolve()
CORPORA = SHARED / "corpora"
NAVER = CORPORA / "naver-ai-2025-12"
BIGKINDS = CORPORA / "bigkinds" / "NewsResult_20200101-20201231.xlsx"
HTML_PAGES = CORPORA / "html"
LIVEDOOR = CORPORA / "livedoor-ja"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared corpus not found at {path} (set AINEWS_SHARED to the folder holding corpora/)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """Raw text of each seed article, keyed by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def naver_dir() -> Path:
    return _need(NAVER)


@pytest.fixture(scope="session")
def bigkinds_xlsx() -> Path:
    return _need(BIGKINDS)


@pytest.fixture(scope="session")
def html_dir() -> Path:
    return _need(HTML_PAGES)


@pytest.fixture(scope="session")
def livedoor_dir() -> Path:
    """The livedoor news corpus (9 category folders of Japanese articles, CC BY-ND: read only)."""
    return _need(LIVEDOOR)


@pytest.fixture
def calls(monkeypatch):
    """Texts handed to the tokenizer by the token cache (counts real tokenization work)."""
    from ainews.lang import cache as cache_mod
    from ainews.lang import tokens as tokens_mod

    seen: list[str] = []
    real = tokens_mod.tokenize
    real_ko = cache_mod.analyse_ko  # Korean texts: tokens and sentences from one kiwi pass

    def counting(texts, *, lang=None):
        texts = list(texts)
        seen.extend(texts)
        return real(texts, lang=lang)

    def counting_ko(texts):
        texts = list(texts)
        seen.extend(texts)
        return real_ko(texts)

    monkeypatch.setattr(tokens_mod, "tokenize", counting)
    monkeypatch.setattr(cache_mod, "analyse_ko", counting_ko)
    return seen
