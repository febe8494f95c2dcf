"""Labelled articles (the format of ``../shared/gold/``): read, check, and pair with articles.

A gold file is a JSON object keyed by article file name; each value holds a careful reader's
labels (``primary``, ``themes`` grades, ``speakers``, ``places``, ``amounts``...). See
``../shared/gold/guidelines.md`` for what each field means.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

__all__ = ["GoldError", "THEMES", "PRIMARY_LABELS", "load_gold", "match_articles"]

THEMES = ("data_sovereignty", "regional_hubs", "foreign_investment")
PRIMARY_LABELS = (*THEMES, "none")
_FIX = "each value must follow ../shared/gold/guidelines.md (fields primary, themes, speakers, places, amounts)"


class GoldError(ValueError):
    """A labelled file that cannot be used; the message names the file, the article and the fix."""


def _check_entry(path: Path, key: str, e) -> dict:
    where = f"{path}: article {key!r}"
    if not isinstance(e, dict):
        raise GoldError(f"{where} is a {type(e).__name__}, not an object; {_FIX}")
    primary = e.get("primary", "none") or "none"
    if primary not in PRIMARY_LABELS:
        raise GoldError(f"{where}: primary {primary!r} is not one of {', '.join(PRIMARY_LABELS)}")
    themes = e.get("themes") or {}
    if not isinstance(themes, dict):
        raise GoldError(f"{where}: themes must be an object of grades 0/1/2; {_FIX}")
    for t, g in themes.items():
        if g not in (0, 1, 2):
            raise GoldError(f"{where}: theme {t!r} has grade {g!r}; use 0 (absent), 1 (secondary) or 2 (main)")
    for field in ("speakers", "places", "amounts"):
        if not isinstance(e.get(field, []), list):
            raise GoldError(f"{where}: {field} must be a list; {_FIX}")
    amounts = []
    for i, a in enumerate(e.get("amounts", [])):
        try:
            value = float(a["value"])
        except (KeyError, TypeError, ValueError):
            raise GoldError(f"{where}: amount {i + 1} has no numeric value (write 5조원 as 5e12)") from None
        if not a.get("currency"):
            raise GoldError(f"{where}: amount {i + 1} has no currency (an ISO code such as KRW, USD, JPY)")
        amounts.append({**a, "value": value, "currency": str(a["currency"]).upper()})
    return {**e, "primary": primary, "themes": {t: int(g) for t, g in themes.items()},
            "speakers": [str(s) for s in e.get("speakers", [])],
            "places": [str(p) for p in e.get("places", [])], "amounts": amounts}


def load_gold(path) -> dict[str, dict]:
    """Read and check a gold file.

    Args:
        path: a JSON file keyed by article file name (the format of ``../shared/gold/``).

    Returns:
        ``{file name: labels}`` with amounts' values as floats and currencies upper-cased.

    Raises:
        GoldError: the file is missing, not JSON, or an entry breaks the guidelines' format; the
            message names the file, the article and what to change.
    """
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"{path} not found; pass a labelled JSON file in the format of ../shared/gold/")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path} is not UTF-8 JSON ({exc}); save it as a JSON object keyed by file name") from None
    if not isinstance(data, dict) or not data:
        raise GoldError(f"{path} must be a non-empty JSON object keyed by article file name")
    return {str(k): _check_entry(path, str(k), v) for k, v in data.items()}


def match_articles(gold: dict[str, dict], articles: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The articles the gold file names, in gold order, and the keys not found.

    A key matches an article whose ``source`` equals it, or whose ``source`` ends with it as a
    path (``sub/folder/KEY``). Articles marked as duplicates are kept: a label is about the text.

    Returns:
        ``(articles with a column gold_key, missing keys)``.
    """
    if "source" not in articles.columns:
        raise GoldError("articles need a source column (read them with ainews.ingest or ainews.load_corpus)")
    by_source = {}
    for i, src in enumerate(articles["source"].astype(str)):
        by_source.setdefault(src, i)
        by_source.setdefault(src.replace("\\", "/").rsplit("/", 1)[-1], i)
    rows, keys, missing = [], [], []
    for key in gold:
        i = by_source.get(key, by_source.get(key.rsplit("/", 1)[-1]))
        if i is None:
            missing.append(key)
        else:
            rows.append(i)
            keys.append(key)
    out = articles.iloc[rows].reset_index(drop=True).copy()
    out["gold_key"] = keys
    return out, missing
