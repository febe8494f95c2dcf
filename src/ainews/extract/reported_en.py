"""English quotes inside or after a sentence that reports their speaker.

Helper of :mod:`ainews.extract.quotes_en`, for quotes with no attribution of their own:

- a quote inside a reported sentence: ``President Park accused the opposition of trying to "..."``,
  ``Gurry expressed his appreciation for its "constructive and active" role``: the subject of the
  speech verb before the quote;
- a quote standing alone after a sentence that reports its speaker: ``X said Tuesday that ....
  "..."``, ``..., according to the Ministry of Finance. "..."``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx
from .en_orgs import org_named
from .speakers import speaker_of

@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """English function words ("When asked ..., he said" opens with no subject)."""
    from ..lang.detect import _english_function_words

    return _english_function_words()


_JOINED = re.compile(r"[a-z][.!?](?=[A-Z“\"])")


@lru_cache(maxsize=1)
def _rx() -> dict:
    q = lx.quote_verbs()
    # verbs and nouns of reported speech before a partial quote ("accused ... of trying to "..."")
    reported = lx.alt(q["en_verbs"] + q.get("en_reported", []))
    return {
        "reported": re.compile(rf"\b(?P<verb>{reported})\b", re.I),
        "pron": re.compile(rf"^(?:{lx.alt(q['en_pronouns'])})\b"),
    }


def _people(ents, lo, hi):
    return [e for e in ents if lo <= e["start"] and e["end"] <= hi and e["kind"] == "person"]




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
                  if not re.match(r"[’‘']s\b", body[e["end"]:e["end"] + 2])]
        if people:
            return speaker_of(people[-1], ents), "named", v.group("verb")
    if rx["pron"].match(seg.lstrip()) and last:
        return last, "pronoun", verbs[0].group("verb")
    # an organization as the whole subject of the sentence's first speech verb ("IKEA said it had
    # plans ... but "..."", "The ministry said in a statement that it would "...""), not a person's title
    v = verbs[0]
    head = body[lo:lo + v.start()].strip()
    if head and len(head) <= 60 and "," not in head and (head.split()[0].lower() in ("the", "a", "an")
                                                        or head.split()[0].lower() not in _function_words()):
        org = org_named(body, ents, lo + v.start() - len(body[lo:lo + v.start()].lstrip()), lo + v.start())
        if org is not None:
            return org, "named", v.group("verb")
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
        org = org_named(body, ents, a0, a1)
        if org is not None:
            return org, "context", "according to"
        return None
    rx = _rx()
    for v in rx["reported"].finditer(sent):
        people = [e for e in _people(ents, max(s0, s0 + v.start() - 100), s0 + v.start())
                  if not re.match(r"[’‘']s\b", body[e["end"]:e["end"] + 2])]
        if people:
            return speaker_of(people[-1], ents), "context", v.group("verb")
    return None
