"""Keyword in context: every occurrence of a term with the text around it, for validation."""

from __future__ import annotations

import re

import pandas as pd

from ..lang import load_concepts
from .lexicon import form_pattern

__all__ = ["kwic"]

KWIC_COLUMNS = ["doc_id", "left", "match", "right", "start", "end"]


def _pattern(term: str) -> re.Pattern:
    # A concept id stands for all of its surface forms; anything else is one surface form.
    table = load_concepts()
    forms = list(table.loc[table.concept == term, "surface"]) or [term]
    forms.sort(key=len, reverse=True)
    return re.compile("|".join(form_pattern(f) for f in forms))


def kwic(articles: pd.DataFrame, term: str, *, window: int = 40, limit: int | None = None) -> pd.DataFrame:
    """Occurrences of ``term`` in the article bodies with ``window`` characters either side.

    Matching follows the theme lexicon's rules (``ainews.themes.form_pattern``): Korean
    particles may follow, English inflections match, a concept id from ``concepts.yml``
    (``data_sovereignty``) matches all of its Korean, English and Japanese forms.

    Args:
        articles: DataFrame with ``doc_id`` and ``body``.
        term: a surface form (``데이터 주권``, ``data centre``) or a concept id.
        window: characters of context on each side (line breaks shown as spaces).
        limit: keep at most this many rows (in article order).

    Returns:
        DataFrame ``doc_id, left, match, right, start, end`` with ``body[start:end] == match``.
    """
    if not isinstance(term, str) or not term.strip():
        raise ValueError("kwic needs a non-empty term (a surface form or a concept id)")
    if window < 0:
        raise ValueError(f"window must be >= 0, got {window}")
    rx = _pattern(term.strip())
    rows = []
    for doc_id, body in zip(articles["doc_id"].astype(str), articles["body"]):
        if not isinstance(body, str):
            continue
        for m in rx.finditer(body):
            left = body[max(0, m.start() - window): m.start()].replace("\n", " ")
            right = body[m.end(): m.end() + window].replace("\n", " ")
            rows.append((doc_id, left, m.group(0), right, m.start(), m.end()))
            if limit is not None and len(rows) >= limit:
                return pd.DataFrame(rows, columns=KWIC_COLUMNS)
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)
