"""Clause rules for the investor of an amount: names in a stretch of text (the entity lists and, in
Korean, the NER tagger), and the owner the amount's own phrase gives it ("삼성전자 380조원",
"X의 Y 인수", "X에 N원에 매각", "North Korea's investment in China", "Chinese investment",
"contributed by Japan"), and kiwi's memoised verdict on whether a subject-marked word can be a name."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang.memo import DiskMemo
from ._common import Article
from .ko_names import _split_version_ko
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
        # a name starts a word: the tagger's spans inside a word ("마그데부르크" -> "르크") are not names
        # nor does a span opening with a digit (a quantity read as a name: "1GWh는")
        if (b - a >= 2 and not any(a < e and s < b for s, e in taken) and not art.body[a].isdigit()
                and not (a and re.match(r"[A-Za-z가-힣0-9]", art.body[a - 1]))):
            extra.append({"kind": "org", "text": art.body[a:b], "start": a, "end": b, "tagged": True})
    return sorted(ents + extra, key=lambda e: e["start"]) if extra else ents


# the buyer of a sale: "IDQ가 아이온큐에 3000억원에 매각됐다"
_SOLD = re.compile(r"\s?(?:에|을|를)?\s?(?:매각|팔[렸았리])")
_SOLD_TO = re.compile(r"(?<![A-Za-z가-힣0-9&·\-])([A-Za-z가-힣0-9&·\-]{2,20})에\s+$")
_INVESTED_BY = re.compile(r"\s?(?:을|를)?\s?(?:투자|투입|출자)(?:한|하는|해\s온)\s")
_FUND_NAME = r"([A-Za-z가-힣0-9·]{2,15}(?:펀드|기금))(?=[은는이가을를의에와과도]|\s|$)"
_FUND_AFTER = re.compile(rf"\s?(?:규모(?:의|인)?\s)?{_FUND_NAME}")
_FUND_BEFORE = re.compile(rf"(?<![A-Za-z가-힣0-9·]){_FUND_NAME}\s*$")
# the fund a clause spends through: "국민성장펀드를 활용해 AI 분야에 30조원을 투자"
_FUND_VIA = re.compile(rf"(?<![A-Za-z가-힣0-9·]){_FUND_NAME}(?:을|를)\s?(?:활용|통해|통한|이용)[가-힣]*\s(?:[^\s,]+\s){{0,3}}$")
# money given, not raised: "우리금융그룹의 80조 지원"
_GIVING = re.compile(r"\s?(?:원)?\s?(?:규모의?\s)?(?:을|를)?\s?['’\"”]?\s?(?:지원|출연|출자|기부|후원)")
# a subject or topic between an owner in the possessive and the amount takes the amount over
_MARKED = re.compile(r"[A-Za-z가-힣0-9)](?:은|는|이|가)\s")
_OWN_CUT = re.compile(r"[,;]|[다요][.!?]|\]")


def _is_place(name: str | None) -> bool:
    from ._lexicon import place_matchers

    return bool(name) and place_matchers()[3].get(name.replace(" 정부", "").strip()) is not None


def _owner(art: Article, start: int, end: int, s0: int, kind: str, lex: dict) -> str | None:
    """The organisation the amount's own phrase gives it to (Korean): written right before it
    ("삼성전자 380조원, SK하이닉스 122조원"), or in the possessive ("삼성전자의 국가산업단지
    360조원", "유니언퍼시픽의 노퍽서던 인수(850억 달러)"), after it in a relative clause ("1조원
    투자한 현대차"), a named fund ("150조원 규모 국민성장펀드"); for a sale, the buyer ("아이온큐에
    3000억원에 매각")."""
    body = art.body
    lo, cut = max(s0, start - 40), False
    for m in _OWN_CUT.finditer(body, lo, start):
        lo, cut = m.end(), True
    ments = [e for e in _mentions(art, lo, start, tagged=True) if e["kind"] == "org" and e["text"] not in lex["stop"]]
    if kind == "acquisition" and _SOLD.match(body, end):
        buyers = [e["text"] for e in ments if re.match(r"^에(?!서)", _after_name(body, e["end"], 2))]
        m = _SOLD_TO.search(body, lo, start)
        if m and m.group(1) not in lex["stop"] and not _is_place(m.group(1)):
            buyers.append(m.group(1))
        if buyers:
            return buyers[-1]
    # a named fund is the investor of its own money ("150조원 규모 국민성장펀드", "국민성장펀드 150조원")
    m = _FUND_AFTER.match(body, end) or _FUND_BEFORE.search(body, lo, start) or _FUND_VIA.search(body, lo, start)
    if m and m.group(1) not in lex["stop"]:
        return m.group(1)
    if kind == "funding" and not _GIVING.match(body, end):
        return None  # the company next to a round is the one raising it, not the investor
    # "1조원 투자한 현대차의 야심": a relative clause, the investor after it
    m = _INVESTED_BY.match(body, end)
    if m:
        after = [e for e in _mentions(art, m.end(), min(len(body), m.end() + 30), tagged=True)
                 if e["start"] == m.end() and e["kind"] == "org" and e["text"] not in lex["stop"]]
        if after:
            return after[0]["text"]
    if not ments:
        return None
    for e in reversed(ments):
        between = body[e["end"]:start]
        if re.fullmatch(r"\s*(?:(?:약|총|최대|최소)\s?)?", between) or (
                re.match(r"^의\s", _after_name(body, e["end"], 2)) and "(" not in between.strip("(")
                and not _MARKED.search(between)):
            return e["text"]
    # a list item "…, 삼성전자 미래연구단지(기흥캠퍼스) 20조원": the organisation heading the item
    e = ments[0]
    if cut and not body[lo:e["start"]].strip() and re.match(r"^\s[^\s]", body[e["end"]:e["end"] + 2]):
        return e["text"]
    return None


# "라운드에는 A 펀드, B자산운용, C벤처스 등이 참여했다": the investors listed before the last one
_LIST_ITEM = re.compile(r"[^,.\n\s][^,.\n]{1,39}")
_LIST_LEAD = re.compile(r"^.*(?:에는|에서는|으로는|로는|에|은|는)\s")


def _list_head(body: str, at: int) -> str | None:
    """The first name of a comma list that ends right before ``body[at]`` (None when no list)."""
    items, pos = [], at
    while pos >= 2 and body[pos - 2:pos] == ", ":
        m = None
        for m in _LIST_ITEM.finditer(body, max(0, pos - 2 - 40), pos - 2):
            pass
        if m is None or m.end() != pos - 2:
            break
        items.append(m.group(0))
        pos = m.start()
    # names, not clauses ("매출이 늘었고, 키움증권 등이"): no item ends as a verb does
    if not items or any(_CLAUSE_END.search(x) for x in items):
        return None
    head = _LIST_LEAD.sub("", items[-1]).strip()
    head = _BRACKET_ANY.sub("", head)
    return head if 2 <= len(head) <= 30 else None


_CLAUSE_END = re.compile(r"(?:고|며|서|면|데|만|다|요)\s*$")
_BRACKET_ANY = re.compile(r"\s?[(（][^()（）]{1,20}[)）]")


# English: "North Korea's investment in China", "fresh Chinese investment in the North",
# "Korean firms have invested", "1 billion yen contributed by Japan"
_EN_DEAL = r"(?:\w+\s+){0,2}?(?:investments?|acquisitions?|stakes?|funding|capital|pledges?|purchases?)\b"
_EN_POSSESSIVE = re.compile(rf"([A-Z][\w.&-]*(?:\s+(?:of\s+)?[A-Z][\w.&-]*){{0,4}})['’]s\s+{_EN_DEAL}")
_EN_BY = re.compile(r"\s*(?:\w+\s+){0,3}?(?:contributed|provided|invested|funded|financed|pledged|offered|put up|"
                    r"committed|paid)\s+by\s+(?:the\s+)?([A-Z][\w.&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w.&-]*){0,5})")
_EN_HEAD = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=,\s)|(?<=\bthat\s))(?:The\s+)?([A-Z][\w&'’.-]*(?:\s+(?:(?:of|and|for|&|the)\s+)*[A-Z][\w&'’.-]*){0,6})"
    r"\s+(?:(?:has|have|had|will|would|also|plans?\s+to|agreed\s+to|pledged\s+to|decided\s+to|is\s+set\s+to)\s+)*"
    r"(?:provided|invested|pledged|spent|poured|committed|injected|raised|acquired|bought|invest|spend|pour|"
    r"provide|inject|raise|acquire|buy|put)\s+(?:(?:about|around|some|nearly|another|an\s+additional|a\s+total\s+of|up\s+to)\s+)*$")
# "attract 20 trillion won in private investment": investors as a group
_EN_IN_KIND = re.compile(r"\s+(?:in|of|worth of)\s+(private|foreign|overseas|outside|public)\s+(?:capital|investments?|funds?)\b", re.I)
_EN_GROUP = re.compile(r"\b((?:[A-Z][\w-]*\s+)?(?:[a-z]+\s+)?(?:firms|companies|investors|businesses|conglomerates|"
                       r"institutions|automakers|chipmakers|carmakers|banks|lenders|funds))"
                       # an appositive between the group and its verb: "10 private institutions, including KB Investment Co., provided"
                       r"(?:,\s+(?:including|such as|led by)\s+[^,;]{1,60},)?\s+(?:have\s+|has\s+|had\s+|"
                       r"will\s+|would\s+|plan\s+to\s+|plans\s+to\s+|pledged\s+to\s+)?"
                       r"(?:invest|invested|poured|pour|spent|spend|provided|provide|put)\b")


def _owner_en(art: Article, start: int, end: int, c0: int, s1: int, lex: dict) -> tuple[str, str] | None:
    """``(investor, kind)`` an English clause names for the amount: the agent of a passive after it
    ("contributed by Japan"), the owner of the deal before it ("North Korea's investment in China
    peaked at", "Chinese investment in the North"), or a group as subject ("Korean firms have
    invested"). ``c0`` is where the amount's clause starts."""
    body = art.body
    m = _EN_BY.match(body, end, min(s1, end + 80))
    if m:
        return _en_name(m.group(1), lex)
    m = _EN_IN_KIND.match(body, end, min(s1, end + 40))
    if m:
        return f"{m.group(1).lower()} investors", "collective"
    before = body[c0:start]
    found = []
    for m in _EN_POSSESSIVE.finditer(before):
        found.append((m.start(), m.group(1)))
    demonyms = lex["demonyms"]
    if demonyms:
        alt = "|".join(sorted(map(re.escape, demonyms), key=len, reverse=True))
        for m in re.finditer(rf"\b({alt})\s+{_EN_DEAL}", before):
            found.append((m.start(), demonyms[m.group(1)]))
    if found:
        return _en_name(max(found)[1], lex)
    # a capitalised name heading the clause with an investing verb: "The Ministry of Health and
    # Welfare provided 30 billion won" (names the organisation finder does not know)
    m = None
    for m in _EN_HEAD.finditer(before):
        pass
    if m is not None and m.group(1) not in ("The", "It", "This", "That", "Meanwhile"):
        return _en_name(m.group(1), lex)
    m = None
    for m in _EN_GROUP.finditer(before):
        pass
    if m is not None:
        return m.group(1), "collective"
    return None


def _en_name(name: str, lex: dict) -> tuple[str, str]:
    """A name as investor: a country or a government body is a government, else an organisation."""
    name = name.rstrip(".")
    gov = _is_place(name) or bool(lex["government"].search(name + " "))
    return name, "government" if gov else "org"


# kiwi's verdicts on subject-marked words, memoised on disk like the person finder's (a process
# whose sentences are cached then extracts without loading kiwi's model)
_WORDS = DiskMemo("investor_word2", _split_version_ko)


def _name_like(word: str) -> bool:
    """Whether a subject-marked word can be a name: kiwi reads a proper noun or Latin letters in it
    (DB하이텍, 메이사, SB파트너스), or it is one long word kiwi cannot split (알토스벤처스,
    퍼플렉시티: foreign names in Hangul), or a word of two or more syllables before a company-name
    ending (주성엔지니어링, 에이치엘바이오: ``company_endings`` of investment_phrases.yml); common
    nouns and verb forms (스타트업, 최고경영자, 낮추, 전망) are not. Memoised on disk
    (:func:`save_word_checks`)."""
    return _WORDS.get(word, lambda: "1" if _kiwi_name_like(word) else "0") == "1"


def save_word_checks() -> None:
    """Write the word verdicts found since the last call to the on-disk memo."""
    _WORDS.save()


def _kiwi_name_like(word: str) -> bool:
    from ..lang.sentences import get_kiwi

    from .investors import _invest_lexicon

    if _invest_lexicon()["company_end"].search(word):
        return True
    toks = get_kiwi().tokenize(word)
    if any(t.tag in ("NNP", "SL", "SH") for t in toks):
        return True
    return len(toks) == 1 and toks[0].tag == "NNG" and len(word) >= 5
