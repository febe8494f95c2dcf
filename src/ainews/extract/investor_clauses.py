"""Clause rules for the investor of an amount: names in a stretch of text (the entity lists and, in
Korean, the NER tagger), and the owner the amount's own phrase gives it ("삼성전자 380조원",
"X의 Y 인수", "X에 N원에 매각", "North Korea's investment in China", "Chinese investment",
"contributed by Japan")."""

from __future__ import annotations

import re
from functools import lru_cache

from ._common import Article
from .entities import article_entities

# a short bracket between a name and its particle: "SK하이닉스(000660)가", "마이크로소프트(MS)는"
_BRACKET = re.compile(r"\s?[(（][^()（）\n]{1,20}[)）]")


def _after_name(body: str, end: int, n: int = 4) -> str:
    """The characters after a name, past a short bracket ("SK하이닉스(000660)가" -> "가")."""
    m = _BRACKET.match(body, end)
    return body[m.end() if m else end:(m.end() if m else end) + n]


@lru_cache(maxsize=8192)
def _tagged(text: str) -> tuple[tuple[str, int, int], ...]:
    from .ner import shipped_tagger

    tagger = shipped_tagger()
    return tuple(tagger.entities(text)) if tagger is not None else ()


def _mentions(art: Article, lo: int, hi: int, *, tagged: bool = False) -> list[dict]:
    """Names in ``body[lo:hi]``: the article's entities, and with ``tagged`` (Korean) the names the
    NER tagger finds there that the entity lists miss (a company on no list: "DB하이텍은"), as
    organisations: the person finder already knows the people of the article, and the tagger
    often reads a company as a person or place ("셀트리온이", "오라클")."""
    ents = [e for e in article_entities(art)
            if lo <= e["start"] and e["end"] <= hi and e["kind"] in ("org", "person", "place")]
    if not tagged or art.lang != "ko" or hi <= lo:
        return ents
    lo2 = max(lo, hi - 300)
    taken = [(e["start"], e["end"]) for e in ents]
    extra = []
    for _, a, b in _tagged(art.body[lo2:hi]):
        a, b = a + lo2, b + lo2
        if b - a >= 2 and not any(a < e and s < b for s, e in taken):
            extra.append({"kind": "org", "text": art.body[a:b], "start": a, "end": b, "tagged": True})
    return sorted(ents + extra, key=lambda e: e["start"]) if extra else ents


# the buyer of a sale: "IDQ가 아이온큐에 3000억원에 매각됐다"
_SOLD = re.compile(r"\s?(?:에|을|를)?\s?(?:매각|팔[렸았리])")
_SOLD_TO = re.compile(r"(?<![A-Za-z가-힣0-9&·\-])([A-Za-z가-힣0-9&·\-]{2,20})에\s+$")
_OWN_CUT = re.compile(r"[,;]|[다요][.!?]|\]")


def _is_place(name: str | None) -> bool:
    from ._lexicon import place_matchers

    return bool(name) and place_matchers()[3].get(name.replace(" 정부", "").strip()) is not None


def _owner(art: Article, start: int, end: int, s0: int, kind: str, lex: dict) -> str | None:
    """The organisation the amount's own phrase gives it to (Korean): written right before it
    ("삼성전자 380조원, SK하이닉스 122조원"), or in the possessive ("삼성전자의 국가산업단지
    360조원", "유니언퍼시픽의 노퍽서던 인수(850억 달러)"); for a sale, the buyer ("아이온큐에
    3000억원에 매각")."""
    body = art.body
    lo = max(s0, start - 40)
    for m in _OWN_CUT.finditer(body, lo, start):
        lo = m.end()
    ments = [e for e in _mentions(art, lo, start, tagged=True) if e["kind"] == "org" and e["text"] not in lex["stop"]]
    if kind == "acquisition" and _SOLD.match(body, end):
        buyers = [e["text"] for e in ments if re.match(r"^에(?!서)", _after_name(body, e["end"], 2))]
        m = _SOLD_TO.search(body, lo, start)
        if m and m.group(1) not in lex["stop"] and not _is_place(m.group(1)):
            buyers.append(m.group(1))
        if buyers:
            return buyers[-1]
    if not ments:
        return None
    if kind == "funding":
        return None  # the company next to a round is the one raising it, not the investor
    for e in reversed(ments):
        between = body[e["end"]:start]
        if re.fullmatch(r"\s*(?:(?:약|총|최대|최소)\s?)?", between) or (
                re.match(r"^의\s", _after_name(body, e["end"], 2)) and "(" not in between.strip("(")):
            return e["text"]
    # a list item "…, 삼성전자 미래연구단지(기흥캠퍼스) 20조원": the organisation heading the item
    e = ments[0]
    if lo > s0 and not body[lo:e["start"]].strip() and re.match(r"^\s[^\s]", body[e["end"]:e["end"] + 2]):
        return e["text"]
    return None
