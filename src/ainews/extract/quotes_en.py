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
# a capitalised name; commas only in a list closed by "and" ("Ministry of Land, Infrastructure and Transport")
_ORG_SEQ = re.compile(rf"{_CAP}(?:\s(?:(?:of|and|for|on|the|&)\s)*{_CAP})*(?:(?:,\s{_CAP})+,?\sand\s{_CAP})?")
_PLACE_WORDS = {"Province", "City", "County", "District", "Island", "Prefecture", "Peninsula", "Sea", "River"}
# an unnamed official of a named body: "a Unification Ministry official", "officials of the NIS"
_OFFICIAL = re.compile(rf"(?:an?\s|the\s)?(?P<org>{_CAP}(?:\s(?:of\s|for\s|and\s)?{_CAP})*)"
                       r"\s(?:official|officials|spokesperson|spokesman|spokeswoman|source|sources)\b")
_JOINED = re.compile(r"[a-z][.!?](?=[A-Z“\"])")
_TITLES_ONLY = re.compile(r"[\s,]*(?:(?:Rep|Reps|Sen|Dr|Prof|Mr|Ms|Mrs)\.\s|[A-Z][a-z]+\s){0,3}$")
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
    seg = body[lo:hi]
    last_word = seg.split()[-1].lower().strip(".,") if seg.split() else ""
    if (last_word in _PERSON_NOUNS or last_word in {r.lower() for r in lx.roles()["en"]}) \
            and last_word not in ("official", "officials", "spokesman", "spokeswoman", "spokesperson"):
        return None  # "the KCCI chief said": a person by title, not the organization
    lead = _LEAD.match(seg)
    rest = seg[lead.end():] if lead else seg
    m = _ORG_SEQ.match(rest)
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
        name = _LEAD.sub("", m.group("org"))
        if _is_org_name(name, ents, lo + m.start("org"), body):
            return name, "org", None, _expand(name, body, lo)
    m = _ORG_SEQ.match(rest)
    if m and not rest[m.end():].strip(" ,"):
        name = m.group(0).rstrip(".")
        # one capitalised word as the subject ("Interpark said"): an organization unless it reads as a
        # person's family name, a place or an unnamed group ("Police said")
        if " " not in name and _single_org(name, ents, body):
            name = _expand(name, body, lo)
            return name, "org", None, name
    return None


def _expand(name: str, body: str, before: int) -> str:
    """An abbreviation's full name written earlier in the article (NABO -> National Assembly Budget
    Office), matched by the initials of its capitalised words."""
    if not re.fullmatch(r"[A-Z]{2,6}", name):
        return name
    for m in _ORG_SEQ.finditer(body, 0, before):
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


def _recent(body, ents, lo, hi):
    """The person named last in ``body[lo:hi]``, outside quotes and not as a possessive ("Ahn's")."""
    people = [e for e in _people(ents, lo, hi) if not re.match(r"[’']s\b", body[e["end"]:e["end"] + 2])
              and ("-" in e["name"] or _titled(e.get("role")))
              and body.count("“", lo, e["start"]) <= body.count("”", lo, e["start"])]
    return people[-1] if people else None


def _titled(role: str | None) -> bool:
    """Whether a role phrase holds a title ("floor leader", "CEO of Kakao"), not just any apposition."""
    if not role:
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z.]+", role)}
    return bool(words & {r.lower() for r in lx.roles()["en"]} | words & _PERSON_NOUNS)


_PERSON_NOUNS = {"official", "spokesman", "spokeswoman", "spokesperson", "leader", "head", "chief", "member",
                 "lawmaker", "expert", "teacher", "student", "worker", "resident", "attorney", "lawyer", "singer",
                 "player", "consultant", "executive", "manager", "engineer", "scientist", "economist", "founder"}


def _subject(body, ents, lo, hi, last, prev_end=-1):
    """The speaker a subject phrase ``body[lo:hi]`` names: a person, a pronoun, or an organization."""
    people = _people(ents, lo, hi)
    if people:
        return speaker_of(people[0], ents), "named"
    if _rx()["pron"].match(body[lo:hi].lstrip(" ,")):
        # "...," he said: the person named last since the previous quote, else the last speaker
        q0 = body.rfind("“", 0, lo) if body.rfind("“", 0, lo) > body.rfind('"', 0, lo - 1) else body.rfind('"', 0, lo - 1)
        e = _recent(body, ents, max(prev_end, q0 - 400, 0), max(q0, 0))
        if e is not None:
            return speaker_of(e, ents), "pronoun"
        if last:
            return last, "pronoun"
    org = _org_named(body, ents, lo, hi) or _unnamed_official(body, ents, lo, hi)
    if org is not None:
        return org, "named"
    ref = _ORG_REF.match(body[lo:hi].strip(" ,"))
    if ref:
        org = _org_before(body, ents, lo, ref.group("noun"))
        if org is not None:
            return org, "pronoun"
    return None


# "...," it said / the ministry said: an organization named before
_ORG_REF = re.compile(r"^(?:it|the\s(?P<noun>ministry|office|agency|company|firm|council|court|party|group|"
                      r"commission|committee|government|association|federation|union|bank|institute|"
                      r"administration|department|prosecution|police|center|foundation|board))$", re.I)


def _org_before(body, ents, lo, noun):
    """The organization an "it" or "the ministry" after a quote refers to: the last organization named
    (within 1,500 characters) as the subject of a sentence, or whose name holds the noun."""
    q0 = max(body.rfind("“", 0, lo), body.rfind('"', 0, lo - 1))
    start = max(0, q0 - 1500)
    cands = []
    for m in _ORG_SEQ.finditer(body, start, max(q0, 0)):
        name = _LEAD.sub("", m.group(0).rstrip("."))
        words = name.split()
        if len(words) < 2 or not any(w.strip(",") in lx.orgs()["en_suffixes"] for w in words):
            continue
        if noun:
            if noun.lower() in (w.lower().strip("’'s,") for w in words):
                cands.append(name)
        elif re.match(r"\s(?:\w+\s)?(?:said|says|announced|stated|added|claimed|noted)\b", body[m.end():m.end() + 30]) \
                or re.search(r"according to (?:the )?$", body[max(0, m.start() - 20):m.start()]):
            cands.append(name)
    if not cands:
        return None
    name = cands[-1]
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


def _unnamed_official(body: str, ents, lo: int, hi: int) -> tuple | None:
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
    for o in _ORG_SEQ.finditer(body, 0, lo):
        name = _LEAD.sub("", o.group(0).rstrip("."))
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


def en_after(body, m, ents, last, prev_end=-1):
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
        np_hi = lo + (end.start() if end else len(np))
        org = _org_named(body, ents, lo, np_hi) or _unnamed_official(body, ents, lo, np_hi)
        if org is not None:
            return org, "named", vf.group("verb")
    nf = rx["np_first"].match(after)
    if nf:
        lo, hi = m.end() + nf.start("np"), m.end() + nf.end("np")
        found = _subject(body, ents, lo, hi, last, prev_end)
        if found is not None:
            return (*found, nf.group("verb"))
    if vf or nf:  # an attribution with no speaker we can name ("the rally organizers said")
        return None, None, (vf or nf).group("verb")
    # no verb: ""...," Rep. Park Jie-won, an interim leader of the party." (the name right after)
    people = [e for e in _people(ents, m.end(), m.end() + 40) if _TITLES_ONLY.match(body, m.end(), e["start"])]
    if people and body[m.end():people[0]["end"] + 2].rstrip().endswith((",", ".")):
        return speaker_of(people[0], ents), "named", None
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


_ACCORDING = re.compile(r"according to\s+(?P<src>[^.;“”\"]{2,90}?)[.,;]?\s*$", re.I)


def en_context(body, m, ents, prev_end):
    """A quote standing alone after a sentence that reports its speaker ("X said Tuesday that ....
    "..."", "..., according to the Ministry of Finance. "...""): that sentence's speaker."""
    lo = max(prev_end, m.start() - 400, 0)
    para = body.rfind("\n", lo, m.start())
    lo = para + 1 if para >= 0 else lo
    seg = body[lo:m.start()].rstrip()
    if not seg or seg[-1] not in ".!?" or re.search(r"[“”\"]", seg):
        return None
    ends = [x.end() for x in re.finditer(r"[.!?](?=\s*[A-Z])", seg[:-1])]
    s0 = lo + (ends[-1] if ends else 0)
    sent = body[s0:lo + len(seg)]
    a = _ACCORDING.search(sent)
    if a:
        a0, a1 = s0 + a.start("src"), s0 + a.end("src")
        people = _people(ents, a0, a1)
        if people:
            return speaker_of(people[0], ents), "context", "according to"
        org = _org_named(body, ents, a0, a1)
        if org is not None:
            return org, "context", "according to"
        return None
    rx = _rx()
    for v in rx["reported"].finditer(sent):
        people = [e for e in _people(ents, max(s0, s0 + v.start() - 100), s0 + v.start())
                  if not re.match(r"[’']s\b", body[e["end"]:e["end"] + 2])]
        if people:
            return speaker_of(people[-1], ents), "context", v.group("verb")
    return None
