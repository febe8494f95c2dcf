"""Speaker turns of Korean transcripts: direct speech that a label introduces instead of quote marks.

Helper of :mod:`ainews.extract.quotes`. Roundtables, interviews and TV reports print a speaker's
words after a label, and the labelling guidelines count them as direct quotes:

- a TV report's bracketed line: ``[홍길동 한국은행 이코노미스트: 금리가 ...]``;
- a roundtable turn after a marker and ``=``: ``◇홍길동= 지금은 ...`` (``=`` may be left as the HTML
  entity ``&#x3D;`` by the scraper);
- a turn after the full name, a title and its short form: ``홍길동 교수(이하 홍): 유연성이 ...``.

The label must read as a person: a family name and one or two syllables (a foreign name of two
words in a TV caption, before its slash), with a title or a marker that only transcripts use. Later turns under the short form (``홍:``) belong to the same person and
need no separate row, since a speaker is listed once per article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx
from ._common import evidence
from .speakers import split_role

_TEXT = r"(?P<text>[^\n\]]{8,1500}?)"


@lru_cache(maxsize=1)
def _rx() -> list[re.Pattern]:
    r = lx.roles()
    name = rf"(?P<name>(?:{r['surname_alt']})[가-힣]{{1,2}})"
    title = rf"(?P<role>(?:[^\s:\]\[]{{1,20}}[^\S\n]){{0,4}}?[^\s:\]\[]{{0,6}}?(?:{r['ko_alt']}))"
    return [
        # [홍길동 한국은행 이코노미스트: ...], [홍길동 / 장관 : ...], [존 스미스/오픈AI 창립자 : ...]
        re.compile(rf"\[(?:(?P<foreign>[가-힣]{{1,5}}[^\S\n][가-힣]{{1,5}})(?=[^\S\n]?/)|{name})"
                   rf"(?:[^\S\n]?/[^\S\n]?|[^\S\n]){title}[^\S\n]?:[^\S\n]?{_TEXT}\]"),
        # ◇홍길동= ...  (up to the next marker or line end)
        re.compile(rf"[◇◆△▲■]{name}(?:[^\S\n](?P<role>[가-힣A-Za-z]{{1,10}}))?[^\S\n]?(?:=|&#x3D;)[^\S\n]?"
                   r"(?P<text>[^\n◇◆△▲■]{8,3000})"),
        # 홍길동 교수(이하 홍): ...
        re.compile(rf"(?<![가-힣A-Za-z0-9]){name}[^\S\n](?P<role>{r['ko_alt']})\(이하[^\S\n]?[^()\n]{{1,10}}\)"
                   r"[^\S\n]?:[^\S\n]?(?P<text>[^\n]{8,3000}?)(?=[가-힣]{1,4}(?:[^\S\n][가-힣]{1,4})?\(이하|"
                   r"[가-힣]{1,3}(?:[^\S\n][가-힣]{1,3})?:|\n|$)"),
    ]


def ko_turns(body: str) -> list[dict]:
    """Labelled speaker turns of a Korean text: dicts with ``name, role, start, end`` (the span of
    the words spoken), in text order."""
    if ":" not in body and "=" not in body and "&#x3D;" not in body:
        return []
    found, labels = [], set(lx.quote_verbs()["ko_turn_labels"])
    for i, rx in enumerate(_rx()):
        for m in rx.finditer(body):
            name = m.group("name") or m.group("foreign")
            # a marker with no title ("◇홍길동= "): a three-syllable name, since digests use the same
            # marker for places and companies ("◇미국= ")
            if name in labels or name in lx.orgs()["known"] or name in lx.place_matchers()[3] \
                    or (m.group("name") and len(name) not in (2, 3)) or (i == 1 and len(name) != 3):
                continue
            text_start, text_end = m.start("text"), m.end("text")
            # words, not a caption or a list: at least one space and a Hangul syllable
            if " " not in m.group("text").strip() or not re.search(r"[가-힣]", m.group("text")):
                continue
            found.append({"name": name, "role": m.group("role"), "start": text_start,
                          "end": text_end})
    found.sort(key=lambda t: t["start"])
    return found


def turn_rows(art, rows: list[dict]) -> list[dict]:
    """Quote rows (the columns of :func:`ainews.extract.quotes.extract_quotes`) for the labelled
    turns of an article that no quote row of ``rows`` covers."""
    quoted = [(r["start"], r["end"]) for r in rows if r["doc_id"] == art.doc_id]
    out = []
    for t in ko_turns(art.body):
        if any(a < t["end"] and t["start"] < b for a, b in quoted):
            continue
        role, org = split_role(t["role"])
        out.append({**evidence(art, t["start"], t["end"]), "speaker": t["name"], "speaker_kind": "person",
                    "role": role, "organization": org, "speaker_how": "turn",
                    "quote": art.body[t["start"]:t["end"]], "verb": ":"})
    return out
