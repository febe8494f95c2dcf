"""Compiled matchers built once from the lexicons (gazetteer, organizations, roles, quote verbs)."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..lexicons import lexicon_path, load_yaml_lexicon

# What may follow a Korean name: a particle (by its first syllable), or no Hangul at all. Keeps
# 서울은/광주에서 matching while 서울대/한국인공지능게임협회 do not.
KO_PARTICLE = (r"은|는|이|가|을|를|의|에|와|과|도|로|으로|만|까지|부터|처럼|보다|측|께|랑|하고|엔|서|쪽|"
               r"조차|마저|뿐|라고|이라|이나|나|과의|와의")
KO_AFTER = rf"(?=$|[^가-힣]|(?:{KO_PARTICLE}))"
KO_BEFORE = r"(?<![가-힣])"
# What may follow a Latin-script name in Korean text: a whole particle ending the word ("CNN은",
# "TSMC와의", "AWS에서"), not the start of a longer Hangul name ("SK이노베이션", "LG전자").
LATIN_AFTER = (rf"(?![\w])|(?=(?:{KO_PARTICLE}|에서|에게|에는|에서는|와는|과는|로는|으로는|이다|였다|이며|이자)"
               r"(?![가-힣]))")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


@lru_cache(maxsize=1)
def gazetteer() -> pd.DataFrame:
    """The place gazetteer (``data/lexicons/gazetteer.csv``) as a DataFrame."""
    path = lexicon_path("gazetteer.csv")
    df = pd.read_csv(path, comment="#", keep_default_na=False, dtype=str)
    need = {"id", "kind", "country", "name_en", "name_ko", "name_ja", "aliases", "lat", "lon"}
    if not need <= set(df.columns):
        raise ValueError(f"{path}: needs columns {sorted(need)}; has {list(df.columns)}")
    for c in ("lat", "lon"):
        df[c] = pd.to_numeric(df[c], errors="raise")
    return df


@lru_cache(maxsize=1)
def place_index() -> dict[str, tuple[str, float, float]]:
    """Place id -> (English name, latitude, longitude), for look-ups per mention."""
    gz = gazetteer()
    return {i: (n, float(la), float(lo)) for i, n, la, lo in zip(gz["id"], gz["name_en"], gz["lat"], gz["lon"])}


@lru_cache(maxsize=1)
def place_matchers() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, str]]:
    """(English, Korean, Japanese) regexes over all place names, and surface -> place id."""
    gz = gazetteer()
    surf: dict[str, str] = {}
    en, ko, ja = set(), set(), set()
    for r in gz.itertuples(index=False):
        names = [r.name_en, r.name_ko, r.name_ja] + [a for a in r.aliases.split("|") if a]
        for n in names:
            n = n.strip()
            if not n:
                continue
            surf.setdefault(n, r.id)
            if re.search(r"[가-힣]", n):
                ko.add(n)
            elif re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", n):
                ja.add(n)
            else:
                en.add(n)
    ko_suffix = r"지역|형|권|내|시민|발|행|현지|전역|일대|정부|당국"
    en_re = re.compile(rf"(?<![\w.])(?:{_alt(en)})(?![\w]|\.\w)")
    ko_re = re.compile(rf"{KO_BEFORE}(?:{_alt(ko)})(?=$|[^가-힣]|(?:{KO_PARTICLE}|{ko_suffix}))")
    ja_re = re.compile(_alt(ja))
    return en_re, ko_re, ja_re, surf


@lru_cache(maxsize=1)
def orgs() -> dict:
    data = load_yaml_lexicon("orgs.yml") or {}
    known = {}
    for oid, forms in (data.get("known") or {}).items():
        for f in forms:
            known.setdefault(str(f), str(oid))
    ja_forms = []
    for oid, forms in (data.get("known_ja") or {}).items():
        for f in forms:
            known.setdefault(str(f), str(oid))
            ja_forms.append(str(f))
    en_forms = [f for f in known if not re.search(r"[가-힣]", f) and f not in ja_forms]
    ko_forms = [f for f in known if re.search(r"[가-힣]", f)]
    suffix_ko = data.get("ko_suffixes") or []
    return {
        "known": known,
        # not inside a dotted abbreviation or address (U.S.AID, www.kt.com); but a Korean sentence
        # end joined to the next sentence ("다뤘다.CBS는") is a sentence boundary
        "en_re": re.compile(rf"(?:(?<![\w.])|(?<=[가-힣][.!?]))(?:{_alt(en_forms)})(?:{LATIN_AFTER})"),
        # a Latin letter right after a Hangul name continues it ("삼성SDI" is no "삼성")
        "ko_re": re.compile(rf"{KO_BEFORE}(?:{_alt(ko_forms)})(?![A-Za-z]){KO_AFTER}"),
        # Japanese is written without spaces: names match anywhere, longest form first.
        "ja_re": re.compile(rf"(?<![A-Za-z])(?:{_alt(ja_forms)})(?![A-Za-z])" if ja_forms else r"(?!)"),
        "en_suffixes": set(data.get("en_suffixes") or []),
        "ko_suffix_words": [str(w) for w in suffix_ko],
        "ko_suffix_re": re.compile(
            rf"{KO_BEFORE}(?:㈜\s?|\(주\)\s?)?[가-힣A-Za-z0-9]{{2,}}?(?:{_alt(suffix_ko)}){KO_AFTER}"),
        "ko_prefix_re": re.compile(r"(?:㈜|\(주\))\s?([가-힣A-Za-z0-9][가-힣A-Za-z0-9&]*)"),
    }


@lru_cache(maxsize=1)
def roles() -> dict:
    data = load_yaml_lexicon("roles.yml") or {}
    en = [str(r) for r in data.get("en") or []]
    ko = [str(r) for r in data.get("ko") or []]
    surnames = str(data.get("ko_surnames") or "").split()
    return {
        "en": set(en),
        "en_not_name": set(str(w) for w in data.get("en_not_name") or []),
        "en_surname_not_alone": set(str(w) for w in data.get("en_ko_surname_not_alone") or []),
        "en_org_openers": set(str(w) for w in data.get("en_org_openers") or []),
        "en_ko_surname_alt": _alt([str(w) for w in data.get("en_ko_surnames") or []]),
        "en_alt": _alt(en),
        # a title right before a position: "said Rep. " (searched up to a name's start)
        "en_title_end": re.compile(rf"(?:^|\s)(?:{_alt(en)})\s+$"),
        "ko_alt": _alt(ko),
        "ko_set": set(ko),
        "surnames": set(surnames),
        "surname_alt": _alt(surnames),
    }


@lru_cache(maxsize=1)
def quote_verbs() -> dict:
    data = load_yaml_lexicon("quote_verbs.yml") or {}
    out = {k: [str(v) for v in (data.get(k) or [])] for k in
           ("en_verbs", "en_pronouns", "ko_after_quote", "ko_verbs", "not_speech_after", "ko_subject_after",
            "ko_official", "en_reported", "en_not_subject", "ko_turn_labels", "ko_announce_verbs")}
    out["quote_marks"] = {str(lang): [(str(a), str(b)) for a, b in pairs]
                          for lang, pairs in (data.get("quote_marks") or {}).items()}
    out["single_marks"] = {k[len("single_marks_"):]: [str(v) for v in vals]
                           for k, vals in data.items() if k.startswith("single_marks_")}
    return out


def alt(words) -> str:
    """Regex alternation of ``words``, longest first (public to the extract package)."""
    return _alt(words)


class WordMatch:
    """One hit of :func:`find_words`, read like a ``re.Match`` (``group(0)``, ``start()``, ``end()``)."""

    __slots__ = ("_text", "_start")

    def __init__(self, text: str, start: int):
        self._text, self._start = text, start

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("a word match has only group 0")
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._text)


@lru_cache(maxsize=32)
def _assertion(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def find_words(body: str, words, *, before: str, after: str) -> list[WordMatch]:
    """The matches ``re.finditer(rf"{before}(?:{alt(words)}){after}", body)`` gives, without
    compiling that pattern.

    Compiling a pattern with a Hangul class (``KO_BEFORE``, ``KO_AFTER``) costs a millisecond or
    two, as long as finding the words in an article; a pattern built per article from its own
    words is compiled once each time. Here only ``before`` and ``after`` are compiled (once).

    Args:
        body: the text.
        words: literal words; at each position the longest that matches (and is followed as
            ``after`` requires) wins, and the search goes on after it.
        before: a look-behind assertion (zero-width), e.g. :data:`KO_BEFORE`.
        after: a look-ahead assertion (zero-width), e.g. :data:`KO_AFTER`.
    """
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    starts = set()
    for w in ordered:
        i = body.find(w)
        while i >= 0:
            starts.add(i)
            i = body.find(w, i + 1)
    b_rx, a_rx = _assertion(before), _assertion(after)
    out: list[WordMatch] = []
    end = 0
    for i in sorted(starts):
        if i < end:
            continue
        m = b_rx.match(body, i)
        if m is None:
            continue
        if m.end() != i:
            raise ValueError(f"before={before!r} must be a zero-width assertion")
        for w in ordered:
            if body.startswith(w, i):
                m = a_rx.match(body, i + len(w))
                if m is None:
                    continue
                if m.end() != i + len(w):
                    raise ValueError(f"after={after!r} must be a zero-width assertion")
                out.append(WordMatch(w, i))
                end = i + len(w)
                break
    return out
