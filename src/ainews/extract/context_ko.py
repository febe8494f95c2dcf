"""Korean quote speakers named outside the quote's sentence.

Helper of :mod:`ainews.extract.quotes`. Two layouts of Korean news name the speaker in an earlier
sentence of the same paragraph:

- a sentence with no subject of its own continues the topic of the sentence before it: ``지귀연
  부장판사는 ... 논란의 중심에 섰다. 의혹까지 불거졌지만 "..."며 의혹을 부인했다`` (the subject is
  dropped, as Korean does when it does not change);
- a quote standing alone (no quotative ending after it) right after a sentence that announces
  speech: ``이해인 수녀는 ... 글에서 이렇게 말했다. "..."``, ``... 그리고 정리했다. "..."``.

The earlier sentence must open with its subject: a person the entity finder names (or a name
before a title that kiwi reads as a name) followed by the subject particle, and no quote may stand
between it and the quote.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx
from ._common import sentence_of

# words ending in 은/는/이/가 that are no subject: adverbials (최근에는, 이번에는, 이와 함께), time
# words, and common nouns ending in 이/가 (같이, 추가, 평가)
_NOT_SUBJECT_END = re.compile(r"(?:에는|에서는|로는|으로는|에게는|까지는|부터는|에선|때는|데는|만큼은|서는|"
                              r"같이|함께|추가|평가|가격|참가|증가|국가|전문가|작가|대가|이같이)$")
_SUBJECT_WORD = re.compile(r"(?<![가-힣])([가-힣A-Za-z0-9·]+)(?:은|는|이|가)(?=[\s,])")


@lru_cache(maxsize=1)
def _rx() -> dict:
    q = lx.quote_verbs()
    r = lx.roles()
    return {
        # "이렇게 말했다.", "다음과 같이 밝혔다:", "그리고 정리했다."
        "announce": re.compile(rf"(?:{lx.alt(q['ko_announce_verbs'])})[.:]$"),
        "opener": re.compile(rf"^\s*(?P<name>(?:{r['surname_alt']})[가-힣]{{1,2}})(?:\([^()\n]{{0,30}}\))?"
                             rf"(?P<mid>(?:[^\S\n][^\s\"“”'‘’]+?){{0,3}}?)[^\S\n]?(?P<role>[^\s\"“”'‘’]*?(?:{r['ko_alt']}))"
                             r"(?:\([^()\n]{0,30}\))?(?:은|는|이|가)(?=[\s,])"),
    }


def _has_subject(text: str, ents: list[dict], lo: int) -> bool:
    """Whether ``text`` (starting at ``lo``) holds a subject of its own: a person named in it or a
    word marked by 은/는/이/가 that is no adverbial."""
    if any(e["kind"] == "person" and lo <= e["start"] < lo + len(text) for e in ents):
        return True
    for m in _SUBJECT_WORD.finditer(text):
        if not _NOT_SUBJECT_END.search(m.group(0)[:-1]) and not _NOT_SUBJECT_END.search(m.group(0)):
            return True
    return False


def _opening_subject(body: str, s0: int, s1: int, ents: list[dict]):
    """The person that opens the sentence ``body[s0:s1]`` as its subject, as a speaker tuple."""
    from .persons import ko_name_ok
    from .speakers import speaker_of

    lead = len(body[s0:s1]) - len(body[s0:s1].lstrip())
    m = _rx()["opener"].match(body, s0, s1)
    if m is None:
        return None
    e = next((x for x in ents if x["kind"] == "person" and x["start"] == s0 + lead), None)
    if e is not None and not (e.get("role") or "").endswith("기자"):
        return speaker_of(e, ents)
    name = m.group("name")
    if name in lx.orgs()["known"] or name in lx.place_matchers()[3]:
        return None
    if not ko_name_ok(name):
        # a name that is also a common word (문인): the tagger's second opinion
        from .ko_names import crf_person

        if not crf_person(body, m.start("name"), m.end("name"), size=len(name), near=False):
            return None
    return name, "person", m.group("role"), " ".join(m.group("mid").split()) or None


def _previous(art, s0: int) -> tuple[int, int] | None:
    """The sentence before the one starting at ``s0`` in the same paragraph."""
    body = art.body
    k = s0
    while k > 0 and body[k - 1] in " \t":
        k -= 1
    if k <= 0 or body[k - 1] == "\n":
        return None
    p0, p1 = sentence_of(art, k - 1)
    return (p0, s0) if p0 < s0 else None


def topic_speaker(art, s0: int, q0: int, ents: list[dict], *, sentences: int = 3):
    """The speaker of a quote at ``q0`` whose sentence (from ``s0``) has no subject: the person
    opening one of the ``sentences`` sentences before it in the paragraph, none of them quoting or
    opening with another subject."""
    body = art.body
    if _has_subject(body[s0:q0], ents, s0):
        return None
    cur = s0
    for _ in range(sentences):
        prev = _previous(art, cur)
        if prev is None:
            return None
        p0, p1 = prev
        if re.search(r"[\"“”]", body[p0:p1]):
            return None
        who = _opening_subject(body, p0, p1, ents)
        if who is not None:
            return who
        # a sentence opening with another subject (an organization, 그는) ends the search
        first = _SUBJECT_WORD.search(body, p0, min(p1, p0 + 30))
        if first is not None and not _NOT_SUBJECT_END.search(first.group(1)) and first.start() - p0 <= 12:
            return None
        cur = p0
    return None


def announced_speaker(art, q0: int, ents: list[dict]):
    """The speaker of a quote at ``q0`` standing alone right after a sentence that announces it
    ("이해인 수녀는 ... 이렇게 말했다. "...""): that sentence's opening subject, or the topic it
    continues (:func:`topic_speaker`)."""
    body = art.body
    k = len(body[:q0].rstrip(" \t"))
    if k < 2 or body[k - 1] not in ".:" or q0 - k > 2:
        return None
    p0, _ = sentence_of(art, k - 2)
    text = body[p0:k]
    if not text or re.search(r"[\"“”]", text) or not _rx()["announce"].search(text):
        return None
    from .speakers import ko_subject, speaker_of

    e = ko_subject(body, p0, k, ents)
    if e is not None and e["kind"] == "person":
        return speaker_of(e, ents)
    return _opening_subject(body, p0, k, ents) or topic_speaker(art, p0, k, ents)
