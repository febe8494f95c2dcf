"""Direct quotes and their speakers, in English and Korean (Japanese: :mod:`.quotes_ja`).

A double-quoted span is speech when a speech verb introduces it ("X said, "..."", "He continued,
"..."") or follows it (""...," X said"), or, in Korean, when a quotative ending follows the closing
mark ("..."고 말했다, "..."라며). Event titles and scare quotes ('Management Talk Show', "the new
oil") have neither and are skipped. Pronouns resolve to the last speaker (else the last person).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from . import _lexicon as lx
from ._common import _iter_articles, evidence, frame, sentence_of
from .entities import article_entities
from .quotes_ja import quotes_ja

__all__ = ["extract_quotes"]

COLUMNS = ["doc_id", "speaker", "speaker_role", "speaker_kind", "speaker_how", "quote", "verb",
           "sentence", "sentence_start", "start", "end"]

_QUOTE = re.compile(r'"([^"\n]{2,1500}?)"|“([^”\n]{2,1500})”')


@lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern]:
    q = lx.quote_verbs()
    verbs = lx.alt(q["en_verbs"])
    pron = lx.alt(q["en_pronouns"])
    return {
        "verb": re.compile(rf"\b(?P<verb>{verbs})\b"),
        "verb_tail": re.compile(r"[^\"“”.]{0,160}?[,:]\s*$"),
        "verb_after": re.compile(rf"^[,.]?\s*(?:(?P<who>[A-Z][\w’'\- ]{{0,40}}?|{pron})\s+(?P<verb>{verbs})\b"
                                 rf"|(?P<verb2>{verbs})\s+(?P<who2>[A-Z][\w\- ]{{0,40}}?)[,.])"),
        "adding": re.compile(rf"^,?\s*(?:and\s+)?(?P<verb>{verbs})\b[^\"“]{{0,40}}$"),
        "pron": re.compile(rf"\b(?:{pron})\b"),
        "ko_after": re.compile(rf"^(?P<end>{lx.alt(q['ko_after_quote'])})"),
        "ko_not": re.compile(rf"^(?:{lx.alt(q['not_speech_after'])})"),
        "ko_verb": re.compile(rf"(?P<verb>{lx.alt(q['ko_verbs'])})"),
        "ko_pron": re.compile(r"(?<![가-힣])(?:그는|그녀는|그가|그녀가)"),
        "headline": re.compile(r"(?P<who>[A-Z][\w\- ]{2,40}):\s*$"),
    }


def _person_at(ents, lo, hi, last=True):
    c = [e for e in ents if lo <= e["start"] and e["end"] <= hi and e["kind"] in ("person", "org")]
    people = [e for e in c if e["kind"] == "person"] or c
    if not people:
        return None
    return people[-1] if last else people[0]


def extract_quotes(articles: pd.DataFrame) -> pd.DataFrame:
    """Direct quotes of each article with their speaker.

    Args:
        articles: DataFrame with ``doc_id``, ``body`` (and optionally ``lang``).

    Returns:
        DataFrame with columns ``doc_id, speaker, speaker_role, speaker_kind, speaker_how, quote,
        verb, sentence, sentence_start, start, end``; ``body[start:end]`` is the quoted text without
        its quote marks. ``speaker_how`` is ``named``, ``pronoun`` (resolved to the last speaker or
        person), ``continued`` (same speaker as the previous quote) or ``unresolved``.
    """
    rx = _rx()
    rows: list[dict] = []
    for art in _iter_articles(articles):
        body = art.body
        if art.lang == "ja":
            rows.extend(quotes_ja(art))
            continue
        if '"' not in body and "“" not in body:
            continue
        ents = article_entities(art)
        last_speaker = None  # (name, role, kind)
        prev_end, prev_sent = -1, None
        for m in _QUOTE.finditer(body):
            g = 1 if m.group(1) is not None else 2
            qs, qe = m.start(g), m.end(g)
            s0, s1 = sentence_of(art, m.start())
            seg_lo = max(s0, prev_end if prev_sent == s0 else s0)
            before, after = body[seg_lo:m.start()], body[m.end():min(len(body), m.end() + 80)]
            speaker, how, verb = None, None, None
            if art.lang == "ko":
                if rx["ko_not"].match(after) and not rx["ko_after"].match(after):
                    continue
                ka = rx["ko_after"].match(after)
                if not ka:
                    continue
                vm = rx["ko_verb"].search(body, m.end(), s1 + 1)
                verb = vm.group("verb") if vm else ka.group("end")
                e = _person_at(ents, seg_lo, m.start(), last=False)
                if e is not None:
                    speaker, how = e, "named"
                elif rx["ko_pron"].search(before) and last_speaker:
                    speaker, how = last_speaker, "pronoun"
                elif last_speaker and (prev_sent == s0 or m.start() - prev_end < 400):
                    speaker, how = last_speaker, "continued"
            else:
                if len(body[qs:qe].split()) < 3:
                    continue
                vb = None
                for cand in rx["verb"].finditer(before):
                    if rx["verb_tail"].match(before, cand.end()):
                        vb = cand
                va = rx["verb_after"].match(after)
                hd = rx["headline"].search(before) if not vb else None
                if vb:
                    verb = vb.group("verb")
                    e = _person_at(ents, seg_lo, seg_lo + vb.start())
                    pron = rx["pron"].search(before[: vb.start()])
                    if e is not None and not (pron and pron.start() > e["end"] - seg_lo):
                        speaker, how = e, "named"
                    elif pron and last_speaker:
                        speaker, how = last_speaker, "pronoun"
                    elif prev_sent == s0 and last_speaker:
                        speaker, how = last_speaker, "continued"
                elif va:
                    verb = va.group("verb") or va.group("verb2")
                    e = _person_at(ents, m.end(), m.end() + va.end())
                    if e is not None:
                        speaker, how = e, "named"
                    elif last_speaker:
                        speaker, how = last_speaker, "pronoun"
                elif hd:
                    e = _person_at(ents, seg_lo + hd.start(), m.start())
                    if e is None:
                        continue
                    speaker, how, verb = e, "named", ":"
                else:
                    continue
            if isinstance(speaker, dict):
                speaker = (speaker["name"], speaker.get("role"), speaker["kind"])
            if speaker is not None:
                last_speaker = speaker
            ev = evidence(art, qs, qe)
            rows.append({**ev, "speaker": speaker[0] if speaker else None,
                         "speaker_role": speaker[1] if speaker else None,
                         "speaker_kind": speaker[2] if speaker else None,
                         "speaker_how": how or "unresolved", "quote": body[qs:qe], "verb": verb})
            prev_end, prev_sent = m.end(), s0
    return frame(rows, COLUMNS)
