"""The glossary of the report: the bilingual concept map (``data/lexicons/concepts.yml``).

The concept map is optional for the report: without it the glossary says so instead of failing,
so the book builds on a checkout that does not have it yet.
"""

from __future__ import annotations

import pandas as pd

from ..lexicons import lexicon_path, load_yaml_lexicon
from .safety import safe_text

__all__ = ["get_glossary", "glossary_html"]

_COLUMNS = ["id", "kind", "label", "label_ko", "label_ja", "ko", "en", "ja"]


def get_glossary(name: str = "concepts.yml") -> pd.DataFrame:
    """One row per concept: ``id``, ``kind``, its label in the three languages (``label``
    English, ``label_ko``, ``label_ja``: the concept map's label, else the first surface form of
    that language, else the English label) and the Korean, English and Japanese surface forms
    (joined with " · "), sorted by kind then label.

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
        labels = entry.get("label") or {}
        labels = labels if isinstance(labels, dict) else {"en": str(labels)}
        firsts = {lang: str((entry.get(lang) or [""])[0]) for lang in ("ko", "en", "ja")}
        label = labels.get("en") or labels.get("ko") or firsts["en"] or cid
        forms = {lang: " · ".join(str(f) for f in (entry.get(lang) or [])) for lang in ("ko", "en", "ja")}
        rows.append({"id": str(cid), "kind": str(entry.get("kind", "")), "label": str(label),
                     "label_ko": str(labels.get("ko") or firsts["ko"] or label),
                     "label_ja": str(labels.get("ja") or firsts["ja"] or label), **forms})
    table = pd.DataFrame(rows, columns=_COLUMNS)
    return table.sort_values(["kind", "label"], key=lambda s: s.str.lower()).reset_index(drop=True)


def glossary_html(glossary: pd.DataFrame) -> str:
    """The glossary as an escaped HTML table (a note when it is empty)."""
    if glossary.empty:
        return ('<p class="ainews-muted">The concept map <code>data/lexicons/concepts.yml</code> is not '
                "present in this checkout, so the glossary is empty.</p>")
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("id", "kind", "concept", "한국어", "日本語", "Korean forms", "English forms",
                    "Japanese forms"))
    body = "".join(
        "<tr>" + "".join(f"<td>{safe_text(r[c])}</td>" for c in _COLUMNS) + "</tr>"
        for r in glossary.to_dict("records")
    )
    return f'<table class="ainews-table ainews-glossary"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
