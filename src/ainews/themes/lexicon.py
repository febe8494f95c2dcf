"""Read and compile ``data/lexicons/themes.yml``: themes, sub-frames and weighted terms.

A term is a group of surface forms (Korean, English, Japanese, and/or every form of a concept
from ``concepts.yml``) sharing one weight, one frame and an optional ``with`` condition. Forms
are compiled to regular expressions that tolerate Korean particles and English inflection, so
hits keep exact character offsets into the article body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..lang import load_concepts
from ..lexicons import lexicon_path, lexicon_version, load_yaml_lexicon

__all__ = ["THEMES", "ThemeLexicon", "load_themes", "form_pattern"]

THEMES = "themes.yml"
_DEFAULTS = {"length_prior": 100.0, "min_score": 12.0}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_ID = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class _Term:
    theme: str
    key: str  # "<theme>:<n>", stable within one lexicon version
    frame: str
    weight: float
    forms: tuple[str, ...]
    pattern: re.Pattern
    context: re.Pattern | None
    exclude: re.Pattern | None = None
    # words one of which every match contains (the first word of each form; lower-case for
    # English words, which match in any case), or None: a quick test before the pattern runs
    anchors: tuple[tuple[str, bool], ...] | None = None


@dataclass(frozen=True)
class ThemeLexicon:
    """The compiled theme lexicon.

    Attributes:
        settings: ``length_prior`` and ``min_score`` (see the file's header).
        themes: one row per theme: ``theme, name_ko, name_en, description, examples`` (example
            sentences of the theme in any language, compared with article sentences by meaning).
        frames: one row per sub-frame: ``theme, frame, name_en, name_ko``.
        terms: one row per term: ``theme, term, frame, weight, forms, context``.
        version: content hash of ``themes.yml`` and ``concepts.yml``.
    """

    settings: dict
    themes: pd.DataFrame
    frames: pd.DataFrame
    terms: pd.DataFrame
    version: str
    compiled: tuple  # of _Term, the matchers used by find_hits


def _piece_pattern(form: str, cjk: bool) -> str:
    pieces = [p.strip() for p in form.strip().split(" ~ ")]
    gap = r"[^\n]{0,12}?" if cjk else r"(?:\W+\w+){0,3}?\W+"
    space = r"[\s\-]*" if cjk else r"[\s\-]+"
    return gap.join(space.join(re.escape(w) for w in p.split()) for p in pieces)


def _kind(form: str) -> str:
    if _CJK.search(form):
        head = re.sub(r"\s", "", form.split(" ~ ")[0])
        return "ko_short" if _HANGUL.match(head) and len(head) <= 2 else "cjk"
    letters = re.sub(r"[^A-Za-z]", "", form)
    return "acronym" if letters.isupper() and len(letters) <= 5 else "latin"


_WRAP = {
    "ko_short": "(?<![\uac00-\ud7a3])(?:{})",
    "cjk": "(?:{})",
    # Latin words end at anything but a Latin letter or digit: Korean and Japanese attach
    # particles to them ("AI가", "AIを", "생성형AI"), which a \w boundary would refuse
    "acronym": "(?<![A-Za-z0-9])(?:{})(?:s)?(?![A-Za-z0-9])",
    "latin": "(?i:(?<![A-Za-z0-9])(?:{})(?:s|es|ed|d|ing)?(?![A-Za-z0-9]))",
}


def _grouped(forms) -> str:
    # One group per kind of form (instead of one per form) keeps the alternation cheap: the
    # look-arounds and case folding are tested once per position, not once per form.
    groups: dict[str, list[str]] = {}
    for f in sorted({str(f).strip() for f in forms if str(f).strip()}, key=len, reverse=True):
        kind = _kind(f)
        groups.setdefault(kind, []).append(_piece_pattern(f, kind in ("ko_short", "cjk")))
    return "|".join(_WRAP[k].format("|".join(v)) for k, v in groups.items())


def form_pattern(form: str) -> str:
    """Regular expression (a string) for one surface form of a theme lexicon.

    Spaces match any run of spaces or hyphens (optional between Korean/Japanese words),
    `` ~ `` a short gap (three English words or 12 characters), English words match whole
    with -s/-es/-ed/-d/-ing endings and ignore case unless the form is an all-capital acronym
    (a Korean particle or Japanese kana right after or a Korean word right before does not
    hide them: "AI가", "生成AIを"), and Korean forms of at most two syllables must not follow another Hangul syllable.

    >>> bool(re.search(form_pattern("데이터 주권"), "데이터주권을 지켜야"))
    True
    >>> bool(re.search(form_pattern("share ~ data"), "share manufacturing data"))
    True
    >>> bool(re.search(form_pattern("AI"), "AI가 바꾼다")), bool(re.search(form_pattern("AI"), "OPENAI"))
    (True, False)
    """
    if not form or not form.strip():
        raise ValueError("empty form")
    return _grouped([form])


def _anchors(forms) -> tuple[tuple[str, bool], ...] | None:
    """``(word, any case)`` per form: its first word, which every match of the form contains
    as written (Korean, Japanese, acronyms) or in any case (English words); None when a form's
    first word is not plain ASCII in an any-case form (case folding beyond ASCII is not modelled)."""
    out = set()
    for f in forms:
        f = str(f).strip()
        if not f:
            continue
        first = f.split(" ~ ")[0].split()[0]
        if _kind(f) == "latin":
            if not first.isascii():
                return None
            out.add((first.lower(), True))
        else:
            out.add((first, False))
    return tuple(sorted(out)) or None


def _concept_forms() -> dict[str, list[str]]:
    table = load_concepts()
    return table.groupby("concept")["surface"].apply(list).to_dict()


def _alternation(forms: list[str]) -> re.Pattern:
    # Longest forms first so "데이터 국외 이전" wins over "국외 이전" at the same position.
    return re.compile(_grouped(forms))


def _forms_of(spec: dict, concepts: dict, where: str) -> list[str]:
    forms: list[str] = []
    ids = list(spec.get("concepts") or [])
    if spec.get("concept"):
        ids.append(spec["concept"])
    for cid in ids:
        if cid not in concepts:
            raise ValueError(f"{where}: concept {cid!r} is not in concepts.yml; add it there or "
                             "list the surface forms under ko:/en:/ja:")
        forms.extend(concepts[cid])
    for lang in ("ko", "en", "ja"):
        forms.extend(str(f) for f in spec.get(lang) or [])
    if not forms:
        raise ValueError(f"{where}: a term needs `concept:`, `concepts:` or `ko:`/`en:`/`ja:` forms")
    return forms


def _context(items, concepts: dict, where: str) -> re.Pattern | None:
    if not items:
        return None
    forms: list[str] = []
    for item in items:
        item = str(item)
        forms.extend(concepts[item] if item in concepts else [item])
    try:
        return _alternation(forms)
    except re.error as exc:  # pragma: no cover - escaped forms always compile
        raise ValueError(f"{where}: bad `with` form ({exc})") from exc


@lru_cache(maxsize=4)
def _compile(version: str, where: str) -> ThemeLexicon:
    # ``where`` (the file's path) only keys the cache: two lexicon folders never share an entry,
    # while ``version`` stays a hash of the content, the same in every checkout.
    path = lexicon_path(THEMES)
    data = load_yaml_lexicon(THEMES) or {}
    themes = data.get("themes")
    if not isinstance(themes, dict) or not themes:
        raise ValueError(f"{path}: expected a top-level `themes:` mapping of theme id -> "
                         "{name_ko, name_en, description, frames, terms}")
    settings = {**_DEFAULTS, **(data.get("settings") or {})}
    concepts = _concept_forms()
    rows, frames, terms, compiled = [], [], [], []
    for tid, spec in themes.items():
        where = f"{path}: theme {tid!r}"
        if not _ID.fullmatch(str(tid)) or not isinstance(spec, dict):
            raise ValueError(f"{where}: use a lower-case id (letters, digits, _) and a mapping")
        if not spec.get("terms"):
            raise ValueError(f"{where}: has no `terms:`; list weighted terms")
        rows.append({"theme": tid, "name_ko": spec.get("name_ko") or tid,
                     "name_en": spec.get("name_en") or tid,
                     "description": " ".join(str(spec.get("description") or "").split()),
                     "examples": [str(x).strip() for x in spec.get("examples") or [] if str(x).strip()]})
        known = spec.get("frames") or {}
        for fid, names in known.items():
            names = names or {}
            frames.append({"theme": tid, "frame": fid, "name_en": names.get("name_en") or fid,
                           "name_ko": names.get("name_ko") or names.get("name_en") or fid})
        for n, term in enumerate(spec["terms"]):
            twhere = f"{where}, term #{n + 1}"
            if not isinstance(term, dict):
                raise ValueError(f"{twhere}: expected a mapping with weight and forms")
            try:
                weight = float(term.get("weight", 1))
            except (TypeError, ValueError):
                raise ValueError(f"{twhere}: weight {term.get('weight')!r} is not a number") from None
            frame = str(term.get("frame") or "other")
            if known and frame not in known:
                raise ValueError(f"{twhere}: frame {frame!r} is not one of {sorted(known)}")
            forms = _forms_of(term, concepts, twhere)
            key = f"{tid}:{n + 1}"
            ctx = _context(term.get("with"), concepts, twhere)
            excl = [str(x) for x in term.get("except") or []]
            compiled.append(_Term(tid, key, frame, weight, tuple(forms), _alternation(forms), ctx,
                                  _alternation(excl) if excl else None, _anchors(forms)))
            terms.append({"theme": tid, "term": key, "frame": frame, "weight": weight,
                          "forms": forms, "context": [str(x) for x in term.get("with") or []],
                          "except": excl})
    return ThemeLexicon(settings, pd.DataFrame(rows), pd.DataFrame(frames, columns=["theme", "frame", "name_en", "name_ko"]),
                        pd.DataFrame(terms), version, tuple(compiled))


def load_themes() -> ThemeLexicon:
    """The theme lexicon, compiled (re-read whenever ``themes.yml`` or ``concepts.yml`` changes).

    Raises:
        ValueError: naming the file, theme and term when an entry is malformed.
    """
    return _compile(lexicon_version(THEMES, "concepts.yml"), str(lexicon_path(THEMES)))
