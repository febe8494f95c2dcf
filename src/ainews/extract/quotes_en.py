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
  ``Kim said the measures are "naive."``: the subject of the speech verb before the quote, and a
  quote after a sentence reporting its speaker (both in :mod:`.reported_en`).

The speaker is a person entity of the article (full name resolved from a short mention), else an
organization named as the subject: an organization entity or a capitalised name ending in an
organization word (``Interpark`` needs the verb right after it). A pronoun after the quote ("...," she
said) is the subject of the last sentence naming a person, not a person named as an object
("During her visit to Speaker Chung, Park called ...").
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx
from .en_orgs import ORG_REF, PERSON_NOUNS, org_before, org_named, unnamed_official
from .reported_en import _people, en_context, en_reported
from .speakers import speaker_of

# title abbreviations whose stop ends no sentence (Rep. Kim, Reps. Kim and Lee, Dr. Park)
_ABBR = "(?:" + "|".join(rf"(?<=\b{a})" for a in ("Rep", "Reps", "Sen", "Sens", "Dr", "Prof", "Mr", "Ms", "Mrs",
                                                  "Gen", "Lt", "Col", "Gov")) + ")"
# a sentence's full stop, not an abbreviation's (Rep. Woo, U.S. firms)
_SENT_STOP = re.compile(rf"(?<![A-Z])(?!{_ABBR})[.!?](?=\s*[A-Z“\"])")
# a person named as the object of a preposition or as the second of two ("to Speaker Chung")
_AFTER_PREP = re.compile(r"\b(?i:to|with|of|like|by|from|for|at|on|about|against|and|than|toward|towards|"
                         r"including)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}$")
_TITLES_ONLY = re.compile(r"[\s,]*(?:(?:Rep|Reps|Sen|Dr|Prof|Mr|Ms|Mrs)\.\s|[A-Z][a-z]+\s){0,3}$")


@lru_cache(maxsize=1)
def _rx() -> dict:
    q = lx.quote_verbs()
    verbs = lx.alt(q["en_verbs"] + ["was quoted as saying", "were quoted as saying", "quoted as saying"])
    pron = lx.alt(q["en_pronouns"])
    return {
        "verb_first": re.compile(rf"^[,.]?\s*(?P<verb>{verbs})\s+(?P<np>[^“”\"]{{1,160}})"),
        # (a title's abbreviation keeps its stop: ""...," Reps. Kim and Lee, ..., said jointly")
        "np_first": re.compile(rf"^[,.]?\s*(?P<np>(?:[^“”\".!?;]|{_ABBR}\.){{1,140}}?|[^“”\"!?;]{{1,60}}?)\s+"
                               rf"(?:(?:also|further|then|later|had|has|have|reportedly|once|earlier)\s+)?"
                               rf"(?P<verb>{verbs})\b"),
        "pron": re.compile(rf"^(?:{pron})\b"),
        "pron_any": re.compile(rf"\b(?:{pron})\b"),
        "np_span": re.compile(r"^[\w\s.’'&()\-]{0,80}$"),
        # a speech verb that introduces a quote ("X said, "...""), the words after it up to a comma
        "verb": re.compile(rf"\b(?P<verb>{lx.alt(q['en_verbs'])})\b", re.IGNORECASE),
        "verb_tail": re.compile(r"[^\"“”.]{0,160}?[,:]\s*$"),
        "verb_after": re.compile(rf"^[,.]?\s*(?:(?P<who>[A-Z][\w’'\- ]{{0,40}}?|{pron})(?:,[^,\"“”]{{1,80}},)?"
                                 rf"\s+(?P<verb>{lx.alt(q['en_verbs'])})\b"
                                 rf"|(?P<verb2>{lx.alt(q['en_verbs'])})\s+(?P<who2>[A-Z][\w\- ]{{0,40}}?)[,.])"),
        "pron_word": re.compile(rf"\b(?:{pron})\b"),
        # ""...," the CEO said": a bare title, resolved to the article's person with that title
        "title_after": re.compile(rf"^[,.]?\s*the\s+(?P<title>{lx.roles()['en_alt']})\s+"
                                  rf"(?P<verb>{lx.alt(q['en_verbs'])})\b", re.IGNORECASE),
        "headline": re.compile(r"(?P<who>[A-Z][\w\- ]{2,40}):\s*$"),
        "the_title": re.compile(rf"the\s+(?P<title>{lx.roles()['en_alt']})\b", re.I),
    }


def _recent(body, ents, lo, hi):
    """The person named last in ``body[lo:hi]``, outside quotes and not as a possessive ("Ahn's")."""
    people = [e for e in _people(ents, lo, hi) if not re.match(r"[’‘']s\b", body[e["end"]:e["end"] + 2])
              and ("-" in e["name"] or _titled(e.get("role")))
              and body.count("“", lo, e["start"]) <= body.count("”", lo, e["start"])]
    if not people:
        return None
    # the subject of the last sentence that names a person: its first person that is no object of a
    # preposition ("Like Jang, Kang also left ..."; "During her visit to Speaker Chung, Park called";
    # "Park and Prime Minister Abe signed"; "Baek, the joint leader, urged Choo to ...")
    subjects = [e for e in people if not _AFTER_PREP.search(body, max(lo, e["start"] - 60), e["start"])] or people
    ends = [x.end() for x in _SENT_STOP.finditer(body, lo, subjects[-1]["start"])]
    return next(e for e in subjects if e["start"] >= (ends[-1] if ends else lo))


def _titled(role: str | None) -> bool:
    """Whether a role phrase holds a title ("floor leader", "CEO of Kakao"), not just any apposition."""
    if not role:
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z.]+", role)}
    return bool(words & {r.lower() for r in lx.roles()["en"]} | words & PERSON_NOUNS)




def _subject(body, ents, lo, hi, last, prev_end=-1, q0=None):
    """The speaker a subject phrase ``body[lo:hi]`` names (after a quote opening at ``q0``): a person,
    a pronoun, or an organization."""
    people = _people(ents, lo, hi)
    if people:
        return speaker_of(people[0], ents), "named"
    if _rx()["pron"].match(body[lo:hi].lstrip(" ,")):
        # "...," he said: the person named last since the previous quote, else the last speaker
        if q0 is None:
            q0 = max(body.rfind("“", 0, lo), body.rfind('"', 0, lo - 1))
        e = _recent(body, ents, max(prev_end, q0 - 400, 0), max(q0, 0))
        if e is not None:
            return speaker_of(e, ents), "pronoun"
        if last:
            return last, "pronoun"
    org = org_named(body, ents, lo, hi) or unnamed_official(body, ents, lo, hi)
    if org is not None:
        return org, "named"
    ref = ORG_REF.match(body[lo:hi].strip(" ,"))
    if ref:
        org = org_before(body, ents, lo, ref.group("noun"), ref.group("mods"))
        if org is not None:
            return org, "pronoun"
    return None




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
        # "...," said the chairman at a press conference: the person with that title named before
        title = rx["the_title"].match(np)
        if title:
            cands = [e for e in ents if e["kind"] == "person" and e["start"] < m.start()
                     and title.group("title").lower() in (e.get("role") or "").lower()]
            if cands:
                return speaker_of(cands[-1], ents), "title", vf.group("verb")
        end = re.search(r"[,;]|\.(?:\s|$|[A-Z“\"])", np)  # also a stop with its space lost (".This")
        np_hi = lo + (end.start() if end else len(np))
        org = org_named(body, ents, lo, np_hi) or unnamed_official(body, ents, lo, np_hi)
        if org is not None:
            return org, "named", vf.group("verb")
    nf = rx["np_first"].match(after)
    if nf:
        lo, hi = m.end() + nf.start("np"), m.end() + nf.end("np")
        found = _subject(body, ents, lo, hi, last, prev_end, m.start())
        if found is not None:
            return (*found, nf.group("verb"))
    if vf or nf:  # an attribution with no speaker we can name ("the rally organizers said")
        return None, None, (vf or nf).group("verb")
    # no verb: ""...," Rep. Park Jie-won, an interim leader of the party." (the name right after)
    people = [e for e in _people(ents, m.end(), m.end() + 40) if _TITLES_ONLY.match(body, m.end(), e["start"])]
    if people and body[m.end():people[0]["end"] + 2].rstrip().endswith((",", ".")):
        return speaker_of(people[0], ents), "named", None
    return None


def en_before_org(body, ents, lo, hi):
    """The organization that is the subject before a speech verb that introduces a quote ("The
    ministry said in a statement, "..."", "An official at the institute said, "...""): the whole
    subject, or the clause after its last comma ("In Seoul, the agency said"); None for a person."""
    cut = body.rfind(",", lo, hi)
    for a in (lo, cut + 1) if cut >= 0 else (lo,):
        a += len(body[a:hi]) - len(body[a:hi].lstrip())
        if a >= hi or not re.match(r"[\w’'\s.&-]+$", body[a:hi].rstrip()):
            continue
        b = a + len(body[a:hi].rstrip())
        found = _subject(body, ents, a, b, None)
        if found is not None and found[0][1] == "org":
            return found
    return None


def _joint_after(body, m, ents, name):
    """A second person written jointly with the speaker named after the quote ("...," Reps. Kim
    Yong-nam and Lee Un-ju ... said jointly), as speaker tuples."""
    people = _people(ents, m.end(), min(len(body), m.end() + 120))
    if len(people) < 2 or people[0]["name"] != name \
            or not re.fullmatch(r",?\s+and\s+", body[people[0]["end"]:people[1]["start"]]):
        return []
    return [speaker_of(people[1], ents)]


def _person_at(ents, lo, hi, last=True):
    c = [e for e in ents if lo <= e["start"] and e["end"] <= hi and e["kind"] in ("person", "org")]
    people = [e for e in c if e["kind"] == "person"] or c
    if not people:
        return None
    return people[-1] if last else people[0]


_JOINED_STOP = re.compile(r"[a-z][.!?](?=[A-Z])")


def en_attribution(art, m, qs, qe, ents, seg_lo, s0, state):
    """``(speaker, how, verb)`` of an English quote ``m`` (text ``body[qs:qe]``), or None when it is
    too short to be speech; ``state`` holds the last speaker and the previous quote's end."""
    rx = _rx()
    body = art.body
    if len(body[qs:qe].split()) < 3:
        return None
    # a sentence end the splitter missed ("...the communist country.The radio announcer said, "...")
    joined = [x.end() for x in _JOINED_STOP.finditer(body, seg_lo, m.start())]
    if joined:
        seg_lo = joined[-1]
    before, after = body[seg_lo:m.start()], body[m.end():min(len(body), m.end() + 80)]
    last = state["last"]
    vb = None
    for cand in rx["verb"].finditer(before):
        if rx["verb_tail"].match(before, cand.end()):
            vb = cand
    ta = rx["title_after"].match(after)
    if ta:
        title = ta.group("title").lower()
        cands = [e for e in ents if e["kind"] == "person" and e["start"] < m.start()
                 and title in (e.get("role") or "").lower()]
        if cands:
            return speaker_of(cands[-1], ents), "title", ta.group("verb")
    pron = None
    if vb:
        verb = vb.group("verb")
        if verb.lower() == "according to":  # "According to Mayor Oh, "...": the source follows the verb
            e = _person_at(ents, seg_lo + vb.end(), m.start(), last=False)
            if e is not None:
                return speaker_of(e, ents), "named", verb
        e = _person_at(ents, seg_lo, seg_lo + vb.start())
        pron = rx["pron_word"].search(before[: vb.start()])
        if e is not None and not (pron and pron.start() > e["end"] - seg_lo):
            return speaker_of(e, ents), "named", verb
        if pron and last:
            return last, "pronoun", verb
        if e is None and not pron:
            found = en_before_org(body, ents, seg_lo, seg_lo + vb.start())
            if found is not None:
                return found[0], found[1], verb
    found = en_after(body, m, ents, last, state["prev_end"])
    if found is not None:
        if found[0] is not None and found[1] == "named":
            state["joint"] = _joint_after(body, m, ents, found[0][0])
        return found
    if vb:
        if state["prev_sent"] == s0 and last:
            return last, "continued", vb.group("verb")
        return None, None, vb.group("verb")
    hd = rx["headline"].search(before)
    if hd:
        e = _person_at(ents, seg_lo + hd.start(), m.start())
        if e is not None:
            return speaker_of(e, ents), "named", ":"
    found = en_reported(body, m, ents, s0, last)
    if found is not None:
        return found
    va = rx["verb_after"].match(after)
    if va:
        return None, None, va.group("verb") or va.group("verb2")
    # a quote that runs on right after the previous one ("...," said X. "...")
    if last and state["prev_end"] >= 0 and not body[state["prev_end"]:m.start()].strip():
        return last, "continued", None
    return en_context(body, m, ents, state["prev_end"])
