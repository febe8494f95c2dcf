"""Direct quotes and their speakers, in English and Korean (Japanese: :mod:`.quotes_ja`).

A double-quoted span is speech when a speech verb introduces it ("X said, "..."", "He continued,
"..."") or follows it (""...," X said"), or, in Korean, when a quotative ending follows the closing
mark ("..."고 말했다, "..."라며), also in single marks and 「」 when a speech verb follows. Event titles
and scare quotes ('Management Talk Show', "the new oil") have neither and are skipped. The speaker is
the person named before the quote (else after it: ""...," X said", ""..."라고 X는 말했다"), an
organization that is the subject or whose official speaks (LG AI연구원 관계자는), a title or pronoun
resolved to the article's person (회장은, 그는, he), or the previous speaker when quotes chain
("..."며 "..."고 말했다; 또 "..."). Quote marks per language are data (``quote_verbs.yml``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from . import _lexicon as lx
from ._common import _iter_articles, evidence, frame, sentence_of
from .context_ko import announced_speaker, topic_speaker
from .en_orgs import en_full_org
from .entities import article_entities
from .quotes_en import en_attribution
from .quotes_ja import quotes_ja
from .speakers import (alias_full_name, company_official, ko_bare_role, ko_joint, ko_official, ko_subject,
                       speaker_of, title_subject_quote)
from .speakers_ko import short_of_tagged, short_title_name, tagged_subject
from .turns_ko import turn_rows

__all__ = ["extract_quotes"]

COLUMNS = ["doc_id", "speaker", "speaker_kind", "role", "organization", "speaker_how", "quote", "verb",
           "sentence", "sentence_start", "start", "end"]


def _marks_rx(pairs) -> re.Pattern:
    alts = []
    for a, b in pairs:
        body = rf"[^{re.escape(b)}\n]{{2,1500}}?"
        if a == b == "'":  # an apostrophe inside English words is not a mark
            alts.append(rf"(?<![A-Za-z])'({body})'(?![A-Za-z])")
        else:
            alts.append(rf"{re.escape(a)}({body}){re.escape(b)}")
    return re.compile("|".join(alts))


@lru_cache(maxsize=1)
def _rx() -> dict:
    q = lx.quote_verbs()
    marks = q["quote_marks"]
    return {
        "quote": {lang: _marks_rx(pairs) for lang, pairs in marks.items()},
        "single": {lang: set(v) for lang, v in q["single_marks"].items()},
        "ko_after": re.compile(rf"^(?P<end>{lx.alt(q['ko_after_quote'])})"),
        "ko_not": re.compile(rf"^(?:{lx.alt(q['not_speech_after'])})"),
        "ko_verb": re.compile(rf"(?P<verb>{lx.alt(q['ko_verbs'])})"),
        "ko_pron": re.compile(r"(?<![가-힣])(?:그는|그녀는|그가|그녀가|그는|이들은)"),
    }


_KO_SUBJECT_TAIL = re.compile(r"(?:[^\S\n][^\s\"“”]{1,12}){0,3}?(?:은|는|이|가|측은)(?=[\s,])")
_KO_SENT_END = re.compile(r"(?<=[가-힣])(?:다|요)[.!?](?=[^\s\d.])")
# broadcast transcripts: "[강동혁 / 서명 참여 시민]"..."", "▶ 인터뷰 : 김재인 / 전남도 도로정책과장- "...""
_KO_CAPTION = re.compile(r"(?:\[|인터뷰[^\S\n]?:[^\S\n]?)(?P<name>[가-힣]{2,4})[^\S\n]?/[^\S\n]?[^\]\"“”\n/]{1,40}"
                         r"(?:\]|[^\S\n]?[-–])[^\S\n]?$")
_KO_LABEL = re.compile(r"(?:^|(?<=[\s.―\-”\"]))(?P<name>[가-힣]{2,4})[^\S\n]?:[^\S\n]?$")
_KO_PAREN_SOURCE = re.compile(r"\s?\(([^()\"“”\n]{4,80})\)")


def _SURNAMES() -> set:
    return lx.roles()["surnames"]


def _sentence_start(body: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (after the last full stop or line break)."""
    return max(body.rfind(".", 0, pos), body.rfind("\n", 0, pos), body.rfind("다. ", 0, pos)) + 1


def _ko_attribution(art, m, ents, seg_lo, s1, state, rx):
    """``(speaker, how, verb)`` of a Korean quote, or None when the quote is not speech."""
    body = art.body
    after = body[m.end():min(len(body), m.end() + 80)]
    ka = rx["ko_after"].match(after)
    # an interview's speaker label: "김철우 : "...""
    lab = _KO_LABEL.search(body, max(seg_lo, m.start() - 20), m.start())
    if lab:
        e = next((x for x in ents if x["kind"] == "person" and x["start"] == lab.start("name")), None)
        if e is not None:
            return speaker_of(e, ents), "named", ":"
        name = lab.group("name")
        # a label is a name even where kiwi doubts it, when the article gives it a title elsewhere
        if len(name) == 3 and name[0] in _SURNAMES() and re.search(
                rf"(?<![가-힣]){name}[^\S\n]?(?:{lx.roles()['ko_alt']})", body):
            return (name, "person", None, None), "named", ":"
    cap = _KO_CAPTION.search(body, max(seg_lo, m.start() - 70), m.start())
    if cap and cap.group("name")[0] in _SURNAMES():
        return (cap.group("name"), "person", None, None), "named", "/"
    if not ka:
        # a source in brackets after the quote: ""..."(염승환 LS증권 이사)"
        pa = _KO_PAREN_SOURCE.match(body, m.end(), min(len(body), m.end() + 100))
        if pa:
            lo, hi = pa.start(1), pa.end(1)
            people = [x for x in ents if x["kind"] == "person" and lo <= x["start"] and x["end"] <= hi]
            if people:
                return speaker_of(people[0], ents), "named", None
            # ""..."(요미우리신문)": an organization that is the whole bracket
            inner = body[lo:hi].strip()
            orgs = [x for x in ents if x["kind"] == "org" and x["text"] == inner and lo <= x["start"] < hi]
            if orgs:
                return speaker_of(orgs[0], ents), "named", None
        # a quote standing alone after a sentence announcing it: "X 수녀는 ... 이렇게 말했다. "...""
        who = (announced_speaker(art, m.start(), ents)
               if body[m.start()] not in rx["single"].get("ko", ()) and not rx["ko_not"].match(after) else None)
        if who is not None:
            return who, "context", None
        # a quote that opens a paragraph, its speaker the subject of the next sentence:
        # ""...6G는 진화하는 과정이다." 팔라비 마하잔 노키아 최고 기술 책임자는 ..."
        if body[m.end() - 2:m.end() - 1] in ".!?" or body[m.end():m.end() + 1] in ".":
            hi = min(len(body), m.end() + 100)
            e = ko_subject(body, m.end(), hi, ents)
            if e is not None and e["kind"] == "person" and e["start"] - m.end() <= 3 \
                    and not body[m.end():e["start"]].strip() and _KO_SUBJECT_TAIL.match(body, e["end"], hi):
                return speaker_of(e, ents), "named", None
            person = tagged_subject(body, m.end(), min(len(body), m.end() + 60), ents, from_start=True)
            if person is not None:
                return person, "named", None
        return None
    vm = rx["ko_verb"].search(body, m.end(), max(s1, m.end()) + 1)
    if body[m.start()] in rx["single"].get("ko", ()) and not vm:
        return None  # '하이퍼클로바 X'라는 이름: a title in single marks, not speech
    verb = vm.group("verb") if vm else ka.group("end")
    before_lo, q0 = seg_lo, m.start()
    # a sentence end the splitter missed ("...예정이다.왕 대표는 "..."): the subject is after it
    ends = [x.end() for x in _KO_SENT_END.finditer(body, before_lo, q0)]
    if ends:
        before_lo = ends[-1]
    last, prev_end, prev_sent, s0 = state["last"], state["prev_end"], state["prev_sent"], state["s0"]
    e = ko_subject(body, before_lo, q0, ents)
    if e is not None and e["kind"] == "person":
        state["joint"] = ko_joint(body, e, ents)
        return speaker_of(e, ents), "named", verb
    person = tagged_subject(body, before_lo, q0, ents)
    if person is not None:
        state.setdefault("tagged", []).append(person)
        return person, "named", verb
    if e is not None:
        state["joint"] = ko_joint(body, e, ents)
        return speaker_of(e, ents), "named", verb
    off = (ko_official(body, before_lo, q0, art.title) or company_official(body, before_lo, q0, ents, art.title)
           or title_subject_quote(body, before_lo, q0, ents, art.title))
    if off is not None:
        return off, "named", verb
    people = [x for x in ents if x["kind"] == "person"]
    e = ko_bare_role(body, before_lo, q0, people)
    if e is not None:
        return speaker_of(e, ents), "title", verb
    # "류 회장은", "던바 파트너는": a short form of a name the tagger read at an earlier quote
    person = (short_of_tagged(body, before_lo, q0, state.get("tagged", ()))
              or short_title_name(body, before_lo, q0, art.title))
    if person is not None:
        return person, "named", verb
    if rx["ko_pron"].search(body, before_lo, q0):
        # 그는: the person last named since the previous quote, else the last speaker
        # (not a person named after a pronoun subject in its own sentence: "그는 트럼프 대통령이 ...")
        recent = [x for x in people if max(prev_end, q0 - 600) <= x["start"] < q0
                  and not (x.get("role") or "").endswith("기자")
                  and not rx["ko_pron"].search(body, _sentence_start(body, x["start"]), x["start"])]
        if recent:
            return speaker_of(recent[-1], ents), "pronoun", verb
        if last:
            return last, "pronoun", verb
    chained = last and (prev_sent == s0 or m.start() - prev_end < 400)
    if chained and not body[before_lo:q0].strip(" ,.\n"):
        return last, "continued", verb
    # the speaker after the quote: ""..."라고 X 대표는 말했다"
    # (the subject right after the quotative ending, marked as subject: not a name later in the sentence)
    lo = m.end() + ka.end()
    hi = min(vm.start() if vm else len(body), lo + 40)
    e = ko_subject(body, lo, hi, ents)
    if e is not None and (e["start"] - lo <= 6 and _KO_SUBJECT_TAIL.match(body, e["end"], hi)):
        return speaker_of(e, ents), "named", verb
    # no subject in the quote's sentence: the person opening an earlier sentence of the paragraph
    who = topic_speaker(art, state["s0"], q0, ents)
    if who is not None:
        return who, "context", verb
    if chained:
        return last, "continued", verb
    return None, None, verb


def _paired_marks(qrx: re.Pattern, body: str):
    """The quotes of ``qrx`` in ``body``, in order. A straight double mark pairs with the next one,
    so one stray mark ("..., Kang added."" at a paragraph's end) would swap quotes and narration
    for the rest of the article. A "quote" whose second mark follows a space is narration (a
    closing mark never does: that mark opens the next quote), and so is one whose first mark is
    followed by a space (an opening mark never is) when its second is glued to the next word; the
    search then starts again after its first mark. (A quote with only its first mark the wrong
    way round is one whose opening mark was lost: it stays.)"""
    pos = 0
    while m := qrx.search(body, pos):
        pos = m.end()
        t = m.group(0)
        if t[0] == '"' and (t[-2:-1].isspace() or t[1:2].isspace() and body[m.end():m.end() + 1].isalnum()):
            pos = m.start() + 1
            continue
        yield m


def extract_quotes(articles: pd.DataFrame) -> pd.DataFrame:
    """Direct quotes of each article with their speaker.

    Args:
        articles: DataFrame with ``doc_id``, ``body`` (and optionally ``lang``).

    Returns:
        DataFrame with columns ``doc_id, speaker, speaker_kind, role, organization, speaker_how,
        quote, verb, sentence, sentence_start, start, end``; ``body[start:end]`` is the quoted text
        without its quote marks. ``speaker`` is the person's full name as written (no title), or the
        organization when no person is named (``speaker_kind`` ``person`` or ``org``); ``role`` and
        ``organization`` are the speaker's title and affiliation as the article states them.
        ``speaker_how`` is ``named``, ``title`` (a bare title resolved to the person), ``joint`` (a
        second speaker written jointly with the subject: the quote once more), ``pronoun``
        (resolved to the last speaker or person), ``continued`` (same speaker as the previous
        quote), ``turn`` (a transcript's labelled turn, no quote marks) or ``unresolved``.
    """
    rx = _rx()
    rows: list[dict] = []
    for art in _iter_articles(articles):
        body = art.body
        if art.lang == "ja":
            rows.extend(quotes_ja(art))
            continue
        lang = "ko" if art.lang == "ko" else "en"
        qrx = rx["quote"].get(lang) or rx["quote"]["en"]
        if not qrx.search(body):
            if lang == "ko":
                rows.extend(turn_rows(art, rows))
            continue
        ents = article_entities(art)
        state = {"last": None, "prev_end": -1, "prev_sent": None, "s0": None}
        for m in _paired_marks(qrx, body):
            g = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i) is not None)
            qs, qe = m.start(g), m.end(g)
            s0, s1 = sentence_of(art, m.start())
            seg_lo = max(s0, state["prev_end"] if state["prev_sent"] == s0 else s0)
            state["s0"] = s0
            state["joint"] = []
            if lang == "ko":
                found = _ko_attribution(art, m, ents, seg_lo, s1, state, rx)
            else:
                found = en_attribution(art, m, qs, qe, ents, seg_lo, s0, state)
            if found is None:
                continue
            speaker, how, verb = found
            if speaker is not None:
                state["last"] = speaker
            ev = evidence(art, qs, qe)
            name, kind, role, org = speaker if speaker else (None, None, None, None)
            if kind == "org":
                name = org = alias_full_name(name, body, qs) if lang == "ko" else en_full_org(name, body)
            rows.append({**ev, "speaker": name, "speaker_kind": kind, "role": role, "organization": org,
                         "speaker_how": how or "unresolved", "quote": body[qs:qe], "verb": verb})
            # speakers written jointly with the subject ("산업통상부와 관세청은"): the same quote again
            for name, kind, role, org in state["joint"]:
                if kind == "org":
                    name = org = alias_full_name(name, body, qs)
                rows.append({**rows[-1], "speaker": name, "speaker_kind": kind, "role": role,
                             "organization": org, "speaker_how": "joint"})
            state["prev_end"], state["prev_sent"] = m.end(), s0
        if lang == "ko":
            rows.extend(turn_rows(art, rows))
    return frame(rows, COLUMNS)
