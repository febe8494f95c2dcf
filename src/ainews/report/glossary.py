"""The glossary of the report: the bilingual concept map (``data/lexicons/concepts.yml``).

The concept map is optional for the report: without it the glossary says so instead of failing,
so the book builds on a checkout that does not have it yet.
"""

from __future__ import annotations

import pandas as pd

from ..lexicons import lexicon_path, load_yaml_lexicon
from .safety import safe_text

__all__ = ["get_glossary", "glossary_html"]

_COLUMNS = ["id", "kind", "label", "ko", "en", "ja"]


def get_glossary(name: str = "concepts.yml") -> pd.DataFrame:
    """One row per concept: ``id``, ``kind``, English ``label``, and the Korean, English and
    Japanese surface forms (joined with " · "), sorted by kind then label.

    Returns an empty table with these columns when the concept map does not exist.

    Raises:
        ValueError: the file exists but is not a ``concepts:`` mapping of id -> entry.
    """
    try:
        lexicon_path(name)
    except FileNotFoundError:
        return pd.DataFrame(columns=_COLUMNS)
    spec = load_yaml_lexicon(name) or {}
    concepts = spec.get("concepts") if isinstance(spec, dict) else None
    if not isinstance(concepts, dict):
        raise ValueError(f"{name}: expected a top-level `concepts:` mapping of concept id -> entry")
    rows = []
    for cid, entry in concepts.items():
        if not isinstance(entry, dict):
            raise ValueError(f"{name}: concept {cid!r} must be a mapping with kind, label, ko, en, ja")
        label = entry.get("label") or {}
        label = label.get("en") or label.get("ko") or cid if isinstance(label, dict) else str(label)
        forms = {lang: " · ".join(str(f) for f in (entry.get(lang) or [])) for lang in ("ko", "en", "ja")}
        rows.append({"id": str(cid), "kind": str(entry.get("kind", "")), "label": str(label), **forms})
    table = pd.DataFrame(rows, columns=_COLUMNS)
    return table.sort_values(["kind", "label"], key=lambda s: s.str.lower()).reset_index(drop=True)


def glossary_html(glossary: pd.DataFrame) -> str:
    """The glossary as an escaped HTML table (a note when it is empty)."""
    if glossary.empty:
        return ('<p class="ainews-muted">The concept map <code>data/lexicons/concepts.yml</code> is not '
                "present in this checkout, so the glossary is empty.</p>")
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("id", "kind", "concept", "Korean 한국어", "English", "Japanese 日本語"))
    body = "".join(
        "<tr>" + "".join(f"<td>{safe_text(r[c])}</td>" for c in _COLUMNS) + "</tr>"
        for r in glossary.to_dict("records")
    )
    return f'<table class="ainews-table ainews-glossary"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
