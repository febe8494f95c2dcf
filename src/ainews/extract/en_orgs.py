"""Organizations as speakers of English quotes: a body named as the subject ("the Supreme Court
said"), an organization an "it" or "the ministry" refers to, and the body an unnamed official
speaks for ("a police officer said").

Helpers of :mod:`ainews.extract.quotes_en`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx
from .speakers import speaker_of

# a full stop inside a name (U.N., Co.) but not one that ends a sentence: after a lower-case letter,
# a stop before a capital ends it, with or without the space ("the Ministry of Unification.The event")
_CAP = r"[A-Z](?:[\w’'&\-]|(?<![a-z])\.|\.(?![A-Za-z]|\s+[A-Z]))*"
# a capitalised name; commas only in a list closed by "and" ("Ministry of Land, Infrastructure and Transport")
ORG_SEQ = re.compile(rf"{_CAP}(?:\s(?:(?:of|and|for|on|the|&)\s)*{_CAP})*(?:(?:,\s{_CAP})+,?\sand\s{_CAP}(?:\s{_CAP})*)?")
_PLACE_WORDS = {"Province", "City", "County", "District", "Island", "Prefecture", "Peninsula", "Sea", "River"}
# an unnamed official of a named body: "a Unification Ministry official", "officials of the NIS"
_OFFICIAL = re.compile(rf"(?:an?\s|the\s)?(?P<org>{_CAP}(?:\s(?:of\s|for\s|and\s)?{_CAP})*)"
                       r"\s(?:official|officials|spokesperson|spokesman|spokeswoman|source|sources)\b")
LEAD = re.compile(r"^(?:the|a|an|its|their)\s+(?:[\w’'-]+-based\s+)?", re.I)


def org_named(body: str, ents, lo: int, hi: int) -> tuple | None:
    """An organization speaking in ``body[lo:hi]`` (a subject noun phrase): an organization entity,
    the body of an unnamed official, or a capitalised name ending in an organization word."""
    seg = body[lo:hi]
    last_word = seg.split()[-1].lower().strip(".,") if seg.split() else ""
    if (last_word in PERSON_NOUNS or last_word in {r.lower() for r in lx.roles()["en"]}) \
            and last_word not in ("official", "officials", "spokesman", "spokeswoman", "spokesperson"):
        return None  # "the KCCI chief said": a person by title, not the organization
    lead = LEAD.match(seg)
    rest = seg[lead.end():] if lead else seg
    m = ORG_SEQ.match(rest)
    if m and not rest[m.end():].strip(" ,"):
        name = m.group(0).rstrip(".")
        words = name.split()
        if len(words) >= 2 and any(w.strip(",") in lx.orgs()["en_suffixes"] for w in words) \
                and _is_org_name(name, ents, lo, body):
            return name, "org", None, name
    orgs = [e for e in ents if lo <= e["start"] and e["end"] <= hi and e["kind"] == "org"]
    if orgs:
        name = re.sub(r"^[\w’'-]+-based\s+", "", speaker_of(orgs[0], ents)[0])
        return name, "org", None, name
    m = _OFFICIAL.search(seg)
    if m:
        name = LEAD.sub("", m.group("org"))
        if _is_org_name(name, ents, lo + m.start("org"), body):
            return name, "org", None, _expand(name, body, lo)
    m = ORG_SEQ.match(rest)
    if m and not rest[m.end():].strip(" ,"):
        name = m.group(0).rstrip(".")
        # one capitalised word as the subject ("Interpark said"): an organization unless it reads as a
        # person's family name, a place or an unnamed group ("Police said")
        if " " not in name and _single_org(name, ents, body):
            name = _expand(name, body, lo)
            return name, "org", None, name
    return None


_POSSESSOR = re.compile(r"^[A-Z][\w.\-]*[’']s\s+(?=[A-Z])")


def en_full_org(name: str, body: str) -> str:
    """The fullest form of an organization the article writes ("Security Council" -> U.N. Security
    Council), without a possessor before it ("Seoul’s Foreign Ministry" -> Foreign Ministry)."""
    if len(_POSSESSOR.sub("", name).split()) >= 2:
        name = _POSSESSOR.sub("", name)
    if not re.fullmatch(r"[A-Z][\w.’'&\- ]*", name) or " " not in name:
        return name
    best = name
    # capitalised words before the name: abbreviations (U.N.), not a sentence end, a possessive or
    # a sentence's first function word ("In Korea Exchange")
    word = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w&]*(?:-[A-Z][\w&]*)*)"
    for m in re.finditer(rf"(?<![\w.’'])(?:{word}\s){{1,3}}{re.escape(name)}\b", body):
        words = m.group(0).split()[: -len(name.split())]
        while words and words[0] in lx.roles()["en_org_openers"]:
            words = words[1:]
        full = " ".join([*words, name])
        if len(full) > len(best) and ORG_SEQ.fullmatch(full):
            best = full
    return best


def _expand(name: str, body: str, before: int) -> str:
    """An abbreviation's full name written earlier in the article (NABO -> National Assembly Budget
    Office), matched by the initials of its capitalised words."""
    if not re.fullmatch(r"[A-Z]{2,6}", name):
        return name
    for m in ORG_SEQ.finditer(body, 0, before):
        words = [w for w in m.group(0).replace(",", "").split() if w[0].isupper()]
        for i in range(len(words)):
            if "".join(w[0] for w in words[i:]) == name and len(words) - i >= 2:
                return " ".join(m.group(0).split()[m.group(0).split().index(words[i]):])
    return name


def _single_org(name: str, ents, body: str) -> bool:
    if name in lx.orgs()["known"]:
        return True
    if not re.fullmatch(r"[A-Z][A-Za-z0-9&\-]{2,}", name) or name in _not_subject():
        return False
    if re.fullmatch(rf"(?:{lx.roles()['en_ko_surname_alt']})", name) or name in lx.roles()["en"]:
        return False
    if any(e["kind"] == "person" and name in e["name"].split() for e in ents):
        return False
    # "Pan Wen, 37, ...": the first word of a two-word name elsewhere in the article is a person's
    if re.search(rf"\b{re.escape(name)} (?!(?:{lx.alt(lx.orgs()['en_suffixes'])})\b)[A-Z][a-z]+\b", body):
        return False
    return _is_org_name(name, ents, 0, "")


@lru_cache(maxsize=1)
def _not_subject() -> frozenset:
    return frozenset(lx.quote_verbs().get("en_not_subject", []))


def _is_org_name(name: str, ents, at: int, body: str) -> bool:
    if name.lower() in ("the", "a", "an") or name in lx.place_matchers()[3] or name.split()[-1] in _PLACE_WORDS:
        return False
    return not any(e["kind"] == "place" and e["text"] == name for e in ents)


PERSON_NOUNS = {"official", "spokesman", "spokeswoman", "spokesperson", "leader", "head", "chief", "member",
                 "lawmaker", "expert", "teacher", "student", "worker", "resident", "attorney", "lawyer", "singer",
                 "player", "consultant", "executive", "manager", "engineer", "scientist", "economist", "founder"}


# "...," it said / the ministry said: an organization named before
ORG_REF = re.compile(r"^(?:it|the\s(?P<mods>(?:[\w’'-]+\s){0,2}?)(?P<noun>ministry|office|agency|company|firm|council|court|party|group|"
                      r"commission|committee|government|association|federation|union|bank|institute|"
                      r"administration|department|prosecution|police|center|foundation|board))$", re.I)


def org_before(body, ents, lo, noun, mods=""):
    """The organization an "it" or "the ministry" after a quote refers to: the last organization named
    (within 1,500 characters) as the subject of a sentence, or whose name holds the noun; of those,
    one that shares the words before the noun ("the finance ministry": Ministry of Strategy and
    Finance over the Ministry of Health named later), in its fullest form written before
    ("the council": U.N. Security Council, not the later "Security Council")."""
    q0 = max(body.rfind("“", 0, lo), body.rfind('"', 0, lo - 1))
    start = max(0, q0 - 1500)
    cands = []
    names = []
    for m in ORG_SEQ.finditer(body, start, max(q0, 0)):
        # "the Ministry of National Defense and the Ministry of Science": two organizations
        parts = re.split(r"\s(?:and|&)\sthe\s(?=[A-Z])", m.group(0))
        names += [(p, m.end() if i == len(parts) - 1 else -1, m.start() if i == 0 else -1) for i, p in enumerate(parts)]
    for name, m_end, m_start in names:
        name = LEAD.sub("", name.rstrip("."))
        words = name.split()
        if len(words) < 2 or not any(w.strip(",") in lx.orgs()["en_suffixes"] for w in words):
            continue
        if noun:
            if noun.lower() in (w.lower().strip("’'s,") for w in words):
                cands.append(name)
        elif (m_end >= 0 and re.match(r"\s(?:\w+\s)?(?:said|says|announced|stated|added|claimed|noted)\b",
                                     body[m_end:m_end + 30])) \
                or (m_start >= 0 and re.search(r"according to (?:the )?$", body[max(0, m_start - 20):m_start])):
            cands.append(name)
    if not cands:
        return None
    wanted = {_stem(w) for w in (mods or "").split()} - {_stem(w) for w in _UNNAMED_STOP}
    shared = [c for c in cands if wanted & {_stem(w) for w in c.split()}]
    name = (shared or cands)[-1]
    fuller = [c[:c.index(" " + name) + 1 + len(name)] for c in cands if re.search(rf" {re.escape(name)}\b", c)]
    name = max([name, *fuller], key=len)
    return name, "org", None, name


# an unnamed official described by the body they speak for: "a police officer", "a Seoul city
# official", "an official from the Gwangju education office", "prosecutors"
_UNNAMED = re.compile(r"^(?:(?:an?|the|one)\s+)?(?:(?P<desc>[\w’'-]+(?:\s[\w’'-]+){0,3}?)\s+)?"
                      r"(?:official|officials|officer|officers|spokesperson|spokesman|spokeswoman)"
                      r"(?:\s+(?:from|of|at|with)\s+(?:the\s+)?(?P<of>[\w’'-]+(?:\s[\w’'-]+){0,4}))?$"
                      r"|^(?P<group>prosecutors|police|investigators)$", re.I)
# words that describe an official without naming a body ("a senior government official")
_UNNAMED_STOP = {"senior", "high", "high-ranking", "ranking", "top", "former", "local", "government", "city",
                 "state", "national", "korea", "korean", "south", "north", "the", "of", "and", "for",
                 "public", "relations", "chief", "anonymous", "another", "military", "defense"}


def _stem(word: str) -> str:
    return re.sub(r"(?:[’']s|s)$", "", word.lower().strip(",.’'"))


def unnamed_official(body: str, ents, lo: int, hi: int) -> tuple | None:
    """The organization an unnamed official speaks for (the gold convention lists it as the
    speaker): the organization named before in the article whose name shares the most words with
    the description ("a police officer" -> National Police Agency, "a Seoul city official" ->
    Seoul Metropolitan Government); None when no word is shared."""
    m = _UNNAMED.match(body[lo:hi].strip(" ,"))
    if not m:
        return None
    desc = " ".join(g for g in (m.group("desc"), m.group("of"), m.group("group")) if g)
    words = {_stem(w) for w in desc.split()} - {_stem(w) for w in _UNNAMED_STOP} - {""}
    if not words:
        return None
    names = {e["name"] for e in ents if e["kind"] == "org" and e["start"] < lo}
    for o in ORG_SEQ.finditer(body, 0, lo):
        name = LEAD.sub("", o.group(0).rstrip("."))
        if len(name.split()) >= 2 and any(w.strip(",") in lx.orgs()["en_suffixes"] for w in name.split()):
            names.add(name)
    best, score = None, 0
    # the one named last wins a tie; of two names at one place, the longer ("Ministry of Land,
    # Infrastructure and Transport" over "Ministry of Land")
    for name in sorted(names, key=lambda n: (body.rfind(n, 0, lo), len(n), n)):
        shared = len(words & {_stem(w) for w in name.split()})
        if shared >= score and shared:
            best, score = name, shared
    if best is None:
        return None
    return best, "org", None, best
