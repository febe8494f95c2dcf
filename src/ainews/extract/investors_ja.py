"""Who invests, and where, in a Japanese sentence: the topic or subject before the amount.

Japanese news states the investor as the sentence's topic (ノースウインド・クラウドは…4400億円を
投資する) or subject (欧州の投資ファンドが…買収した), and the destination as a place marked with
に/で/へ (日本に, 東京都と大阪府で). The subject phrase is read with SudachiPy's tags, as the
speakers of Japanese quotes are (:func:`ainews.extract.quotes_ja._who`): a person stands for the
organisation named beside them, a government word (政府, 経済産業省, 北海道庁) makes a government.
"""

from __future__ import annotations

import re

__all__ = ["investor_ja", "destination_word_ja"]

# the topic (は) or subject (が) phrase of a clause; は inside a word (はじめ) is rare in news
_TOPIC = re.compile(r"([^、。「」はが]{1,40})(?:は|が)(?![ぁ-ん])")
# a company written in katakana or Latin letters at the end of a phrase (…大手ノースウインド・クラウド)
_NAME_RUN = re.compile(r"[ァ-ヴーA-Za-z0-9&・＆]{3,}$")
_GOVERNMENT = re.compile(r"政府|[省庁]$|^(?:国|県|市|都|府|道)$|自治体|[都道府県]庁$|[都道府県市]$")
_PLACE_MARK = re.compile(r"^(?:に|で|へ|内|国内|向け)")


def _subject_phrases(before: str) -> list[str]:
    """Topic and subject phrases of the amount's clause, nearest to the amount first."""
    clause = before.split("。")[-1]
    return [m.group(1).strip() for m in _TOPIC.finditer(clause)][::-1]


def _resolve(phrase: str) -> tuple[str | None, str | None]:
    from .quotes_ja import _who

    head = phrase.split("の")[-1]
    if _GOVERNMENT.search(head) or phrase.endswith("政府"):
        who = _who(phrase)
        return (who["name"] if who and who["kind"] == "org" else head), "government"
    who = _who(phrase)
    if who is not None:
        name = who["org"] if who["kind"] == "person" else who["name"]
        if name:
            return name, "government" if _GOVERNMENT.search(name) else "org"
    name = _proper_org(phrase)
    return (name, "org") if name else (None, None)


def _proper_org(phrase: str) -> str | None:
    """The last organisation-like proper noun of ``phrase`` (トヨタ自動車), or a run of katakana or
    Latin letters the dictionary does not know (ノースウインド・クラウド): a company's name."""
    from ..lang.japanese import get_sudachi

    morphs = list(get_sudachi()[0].tokenize(phrase))
    for m in reversed(morphs):
        pos = m.part_of_speech()
        if pos[0] == "名詞" and pos[1] == "固有名詞" and pos[2] not in ("人名", "地名"):
            return m.surface()
    run = _NAME_RUN.search(phrase)
    if run:
        inside = [m for m in morphs if m.begin() >= run.start() and m.surface() != "・"]
        # one dictionary word (ファンド, クラウド) is a common noun; several joined, or a word the
        # dictionary lacks, is a name
        if "・" in run.group(0) or len(inside) >= 2 or any(m.is_oov() for m in inside):
            return run.group(0).strip("・")
    return None


def investor_ja(body: str, start: int, s0: int, *, kind: str) -> tuple[str | None, str | None]:
    """``(investor, investor_kind)`` of the amount at ``body[start:]`` in the sentence from ``s0``.

    ``investor_kind`` is ``'government'`` or ``'org'``; a budget with no subject is the
    government's (``政府``).
    """
    for phrase in _subject_phrases(body[s0:start]):
        name, ikind = _resolve(phrase)
        if name:
            return name, ikind
    if kind == "budget":
        return "政府", "government"
    return None, None


def destination_word_ja(body: str, end: int) -> bool:
    """Whether the place ending at ``end`` is marked as where money goes or work happens (に, で, へ)."""
    return bool(_PLACE_MARK.match(body[end:end + 3]))
