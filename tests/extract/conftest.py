"""Article frames for the extraction tests: the seeds and (until ainews.load_corpus lands) the Naver corpus."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from ainews import detect_lang

_KV = re.compile(r"^(\w+):[ \t]*(.*)$", re.M)


def _naver_frame(folder) -> pd.DataFrame:
    # Stand-in for ainews.load_corpus: front matter keys + the body after the second '---'.
    rows = []
    for p in sorted(folder.glob("*.md")):
        text = p.read_text(encoding="utf-8")
        _, fm, rest = text.split("---\n", 2)
        meta = dict(_KV.findall(fm))
        parts = rest.split("\n---\n")
        body = html.unescape(parts[1] if len(parts) > 2 else parts[-1]).strip()
        rows.append({"doc_id": meta.get("id", p.stem), "body": body, "lang": detect_lang(body),
                     "published": pd.to_datetime(meta.get("published_at"), errors="coerce")})
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def seed_articles(seed_texts) -> pd.DataFrame:
    rows = [{"doc_id": name[:3], "body": text, "lang": detect_lang(text)} for name, text in seed_texts.items()]
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def naver_articles(naver_dir) -> pd.DataFrame:
    try:
        from ainews import load_corpus  # type: ignore[attr-defined]
    except ImportError:
        return _naver_frame(naver_dir)
    return load_corpus(naver_dir)
