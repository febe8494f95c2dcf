"""Korean money amounts: 5조원, 3천301억원, 13억8176만달러, 2000억~5000억위안, 40조 예산.

One of the per-language parsers of :mod:`ainews.extract.amounts`: ``find(text)`` returns raw
``(start, end, value, currency, high)`` tuples (``high`` is the upper bound of a range, else None).
"""

from __future__ import annotations

import re

_CUR = {"원": "KRW", "달러": "USD", "불": "USD", "엔": "JPY", "위안": "CNY", "유로": "EUR",
        "파운드": "GBP", "홍콩달러": "HKD", "디르함": "AED", "리얄": "SAR"}
_BIG = {"조": 1e12, "억": 1e8, "만": 1e4}
_SMALL = {"천": 1e3, "백": 1e2, "십": 10}

_TOK = r"(?>\d{1,3}(?:,\d{3})++(?!\d)|\d++)(?:\.\d++)?"
# digits with 천/백/십 multipliers ("3천301"), then optionally a big unit; no ambiguity, no backtracking
_UNITS = rf"(?:(?:{_TOK}\s?[천백십]\s?)*{_TOK}|(?:{_TOK}\s?[천백십]\s?)+)"
_SEG = rf"{_UNITS}\s?[조억만]"
_NUM = rf"(?:(?:{_SEG})(?:\s?{_SEG})*(?:\s?{_TOK}\s?[천백십])*(?:\s?{_TOK})?|(?:{_TOK}\s?[천백십]\s?)+(?:{_TOK})?|{_TOK})"
# A currency word must end the word or be followed by a particle/suffix, so 원장, 원칙, 엔진,
# 엔비디아 are not currencies.
_AFTER = (r"(?=$|[^가-힣]|다(?![가-힣])|화|씩|대|어치|치|가량|규모|정도|이상|이하|미만|안팎|내외|선|을|를|이|가|은|는|의|에|"
          r"으로|로|과|와|도|만|까지|부터|수준|상당|당|짜리|여|쯤|넘|에서)")
_CURS = "홍콩달러|달러|위안|유로|파운드|디르함|리얄|원|엔|불"
_AMOUNT = re.compile(rf"(?<![\d.,])(?P<num>{_NUM})\s?여?\s?(?P<cur>{_CURS}){_AFTER}")
# the lower bound of a range, read backwards from an amount: "2000억~" before "5000억위안"
_LOW = re.compile(rf"(?<![\d.,])(?P<low>{_NUM})\s?여?\s?[~∼〜\-–]\s?$")
# A number with a big unit but no currency word takes KRW before a budget/investment noun
# ("40조 예산"), or the currency of the amount it is compared with ("2148억→2824억원", "266억에서 445억원").
# ("275억 규모의 투자", "80조 지원", "100억을 목표로", "50억을 투자")
_KRW_CUE = r"예산|국비|사업비|투자(?!자)|투입|규모|지원(?!자)|[을를]\s?(?:목표|투자|투입|지원|유치|조달)"
# 규모 and 지원 also follow head counts ("인구 5000만 규모"): money only in 억 and 조
_WEAK_CUE = re.compile(r"^\s?(?:규모|지원)")
_BARE = re.compile(rf"(?<![\d.,])(?P<num>{_SEG}(?:\s?{_SEG})*)(?=\s?(?:→|->|에서|{_KRW_CUE}))")
_BARE_CUE = re.compile(rf"[조억만]\s?(?:→|->|에서|{_KRW_CUE})")
_BARE_KRW = re.compile(rf"^\s?(?:{_KRW_CUE})")
_BARE_TO = re.compile(r"^\s?(?:→|->|에서)")
_GROUP = re.compile(rf"({_UNITS})\s?([조억만])")
_UNIT = re.compile(rf"({_TOK})\s?([천백십])?")


def _units(s: str) -> float:
    return sum(float(n.replace(",", "")) * _SMALL.get(m, 1) for n, m in _UNIT.findall(s))


def value(num: str) -> float | None:
    """Value of a Korean number expression: ``value("3천301억") == 3.301e11``."""
    total = 0.0
    for m in _GROUP.finditer(num):
        total += (_units(m.group(1)) or 1.0) * _BIG[m.group(2)]
    rest = _GROUP.sub(" ", num)
    total += _units(rest)
    return total or None


def _big_unit(num: str) -> float:
    m = re.search(r"[조억만]", num)
    return _BIG[m.group(0)] if m else 1.0


# A cheap scan for stretches of digits and units ending in a currency word; the full pattern runs
# only on those windows (it costs five times more when tried at every digit of an article).
_CAND = re.compile(rf"\d[\d,.천백십조억만 ]*여?\s?(?:{_CURS})")


def _amount_matches(text: str):
    last = -1
    for c in _CAND.finditer(text):
        lo = max(0, c.start() - 1)
        for m in _AMOUNT.finditer(text[:c.end() + 12], lo):
            if m.start() > last:
                last = m.start()
                yield m


def find(text: str) -> list[tuple[int, int, float, str, float | None]]:
    """Raw Korean money amounts of ``text``: ``(start, end, value, currency, high)``."""
    out = []
    for m in _amount_matches(text):
        v = value(m.group("num"))
        if v is None:
            continue
        cur, high, start = _CUR[m.group("cur")], None, m.start()
        if m.start() and text[m.start() - 1] in "~∼〜-– ":
            r = _LOW.search(text, max(0, m.start() - 30), m.start())
            low = value(r.group("low")) if r else None
            if low is not None:
                if not re.search(r"[조억만]", r.group("low")):
                    low *= _big_unit(m.group("num"))
                if low < v:
                    v, high, start = low, v, r.start()
        out.append((start, m.end(), v, cur, high))
    starts = [(s, c) for s, _, _, c, _ in out]
    if not _BARE_CUE.search(text):
        return out
    for m in _BARE.finditer(text):
        after = text[m.end():m.end() + 8]
        cur = None
        if _BARE_KRW.match(after):
            cur = "KRW"
        elif (t := _BARE_TO.match(after)):
            lim = m.end() + t.end() + 12
            cur = next((c for s, c in starts if m.end() < s <= lim), None)
        if cur == "KRW" and _WEAK_CUE.match(after) and not re.search(r"[억조]", m.group("num")):
            continue
        v = value(m.group("num"))
        if cur and v:
            out.append((m.start(), m.end(), v, cur, None))
    return out
