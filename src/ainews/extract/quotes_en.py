"""Who speaks an English quote: the attribution before, after or around the quote marks.

Helper of :mod:`ainews.extract.quotes`. News English attributes a quote in a few shapes, tried in
this order:

- after the quote, verb first: ``"...," said Rep. Lee Yong-ho, floor spokesperson of ...``,
  ``"...," said a Unification Ministry official`` (the body speaks);
- after the quote, speaker first: ``"...," Chung said``, ``"...," the Supreme Court said in a
  statement``, ``"...," he said`` (the person last named or quoted);
- before the quote: ``Kim Jae-soo said, "..."``, ``According to Mayor Oh, "..."``, a headline's
  ``Chey Taewon: "..."``;
- a quote inside a reported sentence: ``President Park accused the opposition of trying to "..."``,
  ``Kim said the measures are "naive."``: the subject of the speech verb before the quote.

The speaker is a person entity of the article (full name resolved from a short mention), else an
organization named as the subject: an organization entity or a capitalised name ending in an
organization word (``Interpark`` needs the verb right after it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx
from .speakers import speaker_of

_CAP = r"[A-Z][\w’'&.\-]*"
_ORG_SEQ = re.compile(rf"{_CAP}(?:\s(?:(?:of|and|for|on|the|&)\s)*{_CAP})*")
# an unnamed official of a named body: "a Unification Ministry official", "officials of the NIS"
_OFFICIAL = re.compile(rf"(?:an?\s|the\s)?(?P<org>{_CAP}(?:\s(?:of\s|for\s|and\s)?{_CAP})*)"
                       r"\s(?:official|officials|spokesperson|spokesman|spokeswoman|source|sources)\b")
_JOINED = re.compile(r"[a-z][.!?](?=[A-Z“\"])")
_LEAD = re.compile(r"^(?:the|a|an|its|their)\s+(?:[\w’'-]+-based\s+)?", re.I)


@lru_cache(maxsize=1)
def _rx() -> dict:
    q = lx.quote_verbs()
    verbs = lx.alt(q["en_verbs"] + ["was quoted as saying", "were quoted as saying", "quoted as saying"])
    pron = lx.alt(q["en_pronouns"])
    # verbs and nouns of reported speech before a partial quote ("accused ... of trying to "..."")
    reported = lx.alt(q["en_verbs"] + q.get("en_reported", []))
    return {
        "verb_first": re.compile(rf"^[,.]?\s*(?P<verb>{verbs})\s+(?P<np>[^“”\"]{{1,160}})"),
        "np_first": re.compile(rf"^[,.]?\s*(?P<np>[^“”\".!?;]{{1,140}}?|[^“”\"!?;]{{1,60}}?)\s+"
                               rf"(?:(?:also|further|then|later|had|has|have|reportedly|once|earlier)\s+)?"
                               rf"(?P<verb>{verbs})\b"),
        "pron": re.compile(rf"^(?:{pron})\b"),
        "pron_any": re.compile(rf"\b(?:{pron})\b"),
        "reported": re.compile(rf"\b(?P<verb>{reported})\b", re.I),
        "np_span": re.compile(r"^[\w\s.’'&()\-]{0,80}$"),
    }


def _people(ents, lo, hi):
    return [e for e in ents if lo <= e["start"] and e["end"] <= hi and e["kind"] == "person"]


def _org_named(body: str, ents, lo: int, hi: int) -> tuple | None:
    """An organization speaking in ``body[lo:hi]`` (a subject noun phrase): an organization entity,
    the body of an unnamed official, or a capitalised name ending in an organization word."""
    orgs = [e for e in ents if lo <= e["start"] and e["end"] <= hi and e["kind"] == "org"]
    if orgs:
        name = re.sub(r"^[\w’'-]+-based\s+", "", speaker_of(orgs[0], ents)[0])
        return name, "org", None, name
    seg = body[lo:hi]
    m = _OFFICIAL.search(seg)
    if m:
        name = _LEAD.sub("", m.group("org"))
        if _is_org_name(name, ents, lo + m.start("org"), body):
            return name, "org", None, name
    lead = _LEAD.match(seg)
    rest = seg[lead.end():] if lead else seg
    m = _ORG_SEQ.match(rest)
    if m and not rest[m.end():].strip(" ,"):
        name = m.group(0).rstrip(".")
        words = name.split()
        if len(words) >= 2 and words[-1] in lx.orgs()["en_suffixes"] and _is_org_name(name, ents, lo, body):
            return name, "org", None, name
        if len(words) == 1 and name in lx.orgs()["known"]:
            return name, "org", None, name
    return None


def _is_org_name(name: str, ents, at: int, body: str) -> bool:
    if name.lower() in ("the", "a", "an") or name in lx.place_matchers()[3]:
        return False
    return not any(e["kind"] == "place" and e["text"] == name for e in ents)


def _subject(body, ents, lo, hi, last):
    """The speaker a subject phrase ``body[lo:hi]`` names: a person, a pronoun, or an organization."""
    people = _people(ents, lo, hi)
    if people:
        return speaker_of(people[0], ents), "named"
    if _rx()["pron"].match(body[lo:hi].lstrip(" ,")) and last:
        return last, "pronoun"
    org = _org_named(body, ents, lo, hi)
    if org is not None:
        return org, "named"
    return None


def en_after(body, m, ents, last):
    """``(speaker, how, verb)`` from the attribution after the quote, or None."""
    rx = _rx()
    # an attribution follows a quote that ends on a comma, question or exclamation mark ("...," he
    # said); a quote closed by a full stop ends its sentence
    if not re.search(r"[,?!—–-]\s*$", body[m.start():m.end() - 1]) and not re.match(r"\s*,", body[m.end():]):
        return None
    hi = min(len(body), m.end() + 200)
    nxt = re.search(r"[“\"]", body[m.end():hi])
    after = body[m.end(): m.end() + nxt.start()] if nxt else body[m.end():hi]
    vf = rx["verb_first"].match(after)
    if vf:
        lo = m.end() + vf.start("np")
        people = [e for e in _people(ents, lo, lo + 90) if rx["np_span"].match(body[lo:e["start"]])]
        if people:
            return speaker_of(people[0], ents), "named", vf.group("verb")
        np = vf.group("np")
        if rx["pron"].match(np) and last:
            return last, "pronoun", vf.group("verb")
        end = re.search(r"[,;]|\.(?:\s|$)", np)
        org = _org_named(body, ents, lo, lo + (end.start() if end else len(np)))
        if org is not None:
            return org, "named", vf.group("verb")
    nf = rx["np_first"].match(after)
    if nf:
        lo, hi = m.end() + nf.start("np"), m.end() + nf.end("np")
        found = _subject(body, ents, lo, hi, last)
        if found is not None:
            return (*found, nf.group("verb"))
    return None


def en_reported(body, m, ents, s0, last):
    """A quote inside a reported sentence: the subject before the first speech verb of the sentence."""
    rx = _rx()
    # the sentence splitter may miss a boundary where no space follows the full stop ("ministry.An expert")
    cut = [x.end() for x in _JOINED.finditer(body, s0, m.start())]
    lo = cut[-1] if cut else s0
    seg = body[lo:m.start()]
    if re.search(r"[“”\"]", seg):
        return None
    verbs = list(rx["reported"].finditer(seg))
    if not verbs:
        return None
    # the subject of the speech verb: the last person named before it, close to it, not a possessive
    for v in reversed(verbs):
        people = [e for e in _people(ents, max(lo, lo + v.start() - 100), lo + v.start())
                  if not re.match(r"[’']s\b", body[e["end"]:e["end"] + 2])]
        if people:
            return speaker_of(people[-1], ents), "named", v.group("verb")
    if rx["pron"].match(seg.lstrip()) and last:
        return last, "pronoun", verbs[0].group("verb")
    return None
