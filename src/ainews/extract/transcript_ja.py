"""Japanese transcripts: dialogue and interview lines written ``名前：発言`` (小沢：…, 吉田：…).

A line is a turn of a transcript when it starts with a short name and a colon, the same name opens
at least two lines of the article, and the name is a person's: the analyzer tags it as a given or
family name (人名), or it is written in katakana and is not a word of the dictionary (foreign
names and stage names, not labels such as メリット：). Anonymised
participants (Aさん, Bさん), interviewer marks (——, Q) and form labels (開催日時：, 例：) are not
speakers. The name is completed from the article (小沢 -> 小沢コージ) like a quote's speaker.
"""

from __future__ import annotations

import re
from collections import Counter

from ._common import evidence

__all__ = ["transcript_turns"]

_TURN = re.compile(r"(?m)^(?P<name>[^\s：:「」。、，,（）()]{1,12}?)(?:さん|氏)?[：:][ \u3000]*(?P<text>\S[^\n]*)$")
_KATA_NAME = re.compile(r"^[\u30a0-\u30ffー・＝]{2,}$")
_ANONYMOUS = re.compile(r"^(?:[A-ZＡ-Ｚa-z]|[0-9０-９]+)$")
MIN_TURNS = 2


def _is_person(name: str, analyzer) -> bool:
    if _ANONYMOUS.match(name):
        return False
    morphs = [m for m in analyzer.tokenize(name) if m.surface() not in ("・", "＝")]
    if _KATA_NAME.match(name):
        # A katakana word of the dictionary (メリット：, ポイント：) is a label; a name is tagged
        # 人名 or unknown to the dictionary (ジンソク).
        return all(m.part_of_speech()[2] == "人名" or m.is_oov() for m in morphs)
    return any(m.part_of_speech()[2] == "人名" for m in morphs)


def transcript_turns(art, analyzer, resolve) -> list[dict]:
    """Quote rows (the columns of :func:`ainews.extract_quotes`) for the turns of a transcript.

    Args:
        art: the article (``doc_id``, ``body``).
        analyzer: a SudachiPy tokenizer.
        resolve: ``name -> full name`` as written elsewhere in the article.
    """
    body = art.body
    turns = list(_TURN.finditer(body))
    counts = Counter(m.group("name") for m in turns)
    speakers = {n: resolve(n) for n, k in counts.items() if k >= MIN_TURNS and _is_person(n, analyzer)}
    rows = []
    for m in turns:
        name = m.group("name")
        if name not in speakers:
            continue
        qs, qe = m.start("text"), m.end("text")
        rows.append({**evidence(art, qs, qe), "speaker": speakers[name], "role": None,
                     "speaker_kind": "person", "speaker_how": "transcript", "quote": body[qs:qe],
                     "verb": "", "organization": None})
    return rows
