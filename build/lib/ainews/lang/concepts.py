"""One bilingual concept space: surface forms in Korean, English and Japanese -> concept ids.

``data/lexicons/concepts.yml`` lists each concept once with its kind (org, place, person,
term, ...), display labels and surface forms per language. Matching ignores case, spaces,
underscores, hyphens, dots, commas and middle dots, so ``Data Sovereignty``, ``data_sovereignty`` and
``데이터주권`` / ``데이터 주권`` each find their concept. English forms also match in
lemmatized form (``data centers`` -> ``data_center``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from ..lexicons import lexicon_path, lexicon_version, load_yaml_lexicon

__all__ = ["CONCEPTS", "load_concepts", "concept_of", "concept_label", "to_concepts"]

CONCEPTS = "concepts.yml"
_LANGS = ("ko", "en", "ja")
_KINDS = {"org", "place", "person", "term", "event", "law", "product", "group"}
_IGNORED = re.compile(r"[\s_\-.,·・'’]+")
_LATIN = re.compile(r"[A-Za-z]")
_ID = re.compile(r"[a-z][a-z0-9_]*")


@lru_cache(maxsize=500_000)
def _norm(surface: str) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFKC", surface).lower())


def _entries() -> dict:
    data = load_yaml_lexicon(CONCEPTS)
    concepts = (data or {}).get("concepts")
    if not isinstance(concepts, dict):
        raise ValueError(f"{lexicon_path(CONCEPTS)}: expected a top-level `concepts:` mapping "
                         "of concept id -> {kind, label, ko, en, ja}")
    return concepts


@lru_cache(maxsize=2)
def _table(version: str) -> tuple[pd.DataFrame, dict[str, str], dict[str, dict]]:
    from .english import word_key as _word_key

    rows, lookup, labels = [], {}, {}
    where = lexicon_path(CONCEPTS)
    for cid, spec in _entries().items():
        if not _ID.fullmatch(str(cid)) or not isinstance(spec, dict):
            raise ValueError(f"{where}: concept {cid!r} needs a lower-case id "
                             "(letters, digits, _) and a mapping of fields")
        kind = spec.get("kind", "term")
        if kind not in _KINDS:
            raise ValueError(f"{where}: concept {cid!r} has kind {kind!r}; use one of {sorted(_KINDS)}")
        label = spec.get("label") or {}
        labels[cid] = {"en": label.get("en") or cid, "ko": label.get("ko") or label.get("en") or cid,
                       "ja": label.get("ja") or label.get("en") or cid, "kind": kind}
        for lang in _LANGS:
            for surface in spec.get(lang) or []:
                surface = str(surface)
                rows.append((cid, kind, lang, surface, labels[cid]["en"], labels[cid]["ko"]))
                keys = {_norm(surface)}
                if lang == "en":
                    for case in (str, str.lower):
                        keys.add(_norm(" ".join(_word_key(case(w)) for w in surface.split())))
                for key in keys:
                    prev = lookup.setdefault(key, cid)
                    if prev != cid:
                        raise ValueError(f"{where}: surface {surface!r} belongs to both {prev!r} "
                                         f"and {cid!r}; keep it under one concept")
    df = pd.DataFrame(rows, columns=["concept", "kind", "lang", "surface", "label_en", "label_ko"])
    return df, lookup, labels


def _current():
    return _table(lexicon_version(CONCEPTS))


def load_concepts() -> pd.DataFrame:
    """The concept table, one row per surface form.

    Returns:
        DataFrame with columns ``concept`` (id), ``kind`` (org, place, person, term, ...),
        ``lang`` (ko, en, ja), ``surface``, ``label_en``, ``label_ko``.
    """
    return _current()[0].copy()


def concept_of(surface: str) -> str | None:
    """The concept id of a surface form or token, or ``None`` when it has none.

    >>> concept_of("마이크로소프트"), concept_of("MS"), concept_of("Microsoft")
    ('microsoft', 'microsoft', 'microsoft')
    """
    if not surface:
        return None
    lookup = _current()[1]
    found = lookup.get(_norm(surface))
    if found is None and _LATIN.search(surface):
        # Text spans are inflected ("data centers"); try their English lemmas.
        from .english import word_key

        found = lookup.get(_norm(" ".join(word_key(w) for w in surface.split())))
    return found


def concept_label(concept: str, lang: str = "en") -> str:
    """Display label of a concept id in ``lang`` (``en``, ``ko`` or ``ja``).

    Unknown ids are returned unchanged, so labels can be applied to any token.
    """
    entry = _current()[2].get(concept)
    if entry is None:
        return concept
    return entry.get(lang) or entry["en"]


def to_concepts(tokens: Iterable[str]) -> list[str]:
    """Map tokens to concept ids; tokens without a concept pass through unchanged.

    Args:
        tokens: tokens from :func:`ainews.tokenize` (or any strings).

    Returns:
        The tokens in order, each replaced by its concept id where it has one, e.g.
        ``['광주', 'gwangju', 'ai']`` -> ``['gwangju', 'gwangju', 'ai']``.
    """
    lookup = _current()[1]
    get = lookup.get
    return [get(_norm(t), t) for t in tokens]
