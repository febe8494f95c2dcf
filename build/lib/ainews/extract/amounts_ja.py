"""Money amounts written the Japanese way: 2兆2600億円, 40億ドル, 約5000億円, 1兆円超, 1000億～2000億円.

Numbers may use full-width digits, thousands separators and the multipliers 千/百 inside
the large units 兆 (10^12), 億 (10^8) and 万 (10^4). A range gives two amounts over the
same text, qualified ``range low`` and ``range high``; a lower bound without its own unit
takes the unit of the upper one (1～2兆円 = 1兆 to 2兆). A conversion in brackets right after
an amount (40億ドル（約6000億円）) is folded into it, as for English and Korean.
"""

from __future__ import annotations

import re

from .amounts import Amount

__all__ = ["parse_amounts_ja", "JA_CURRENCIES"]

JA_CURRENCIES = {"円": "JPY", "ドル": "USD", "米ドル": "USD", "ユーロ": "EUR", "人民元": "CNY",
                 "元": "CNY", "ウォン": "KRW", "ポンド": "GBP", "香港ドル": "HKD", "台湾ドル": "TWD"}
_BIG = {"兆": 1e12, "億": 1e8, "万": 1e4}
_SMALL = {"千": 1e3, "百": 1e2}
_WIDE = str.maketrans("０１２３４５６７８９，．", "0123456789,.")  # one character each: offsets hold

_N = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_GROUPS = rf"{_N}\s?[千百]?\s?[兆億万](?:\s?{_N}\s?[千百]?\s?[兆億万]?)*"
_CUR = "|".join(sorted(JA_CURRENCIES, key=len, reverse=True))
# 元 is a currency only after a large unit or as 人民元 (3元 is more often "former").
_AMOUNT = re.compile(
    rf"(?<![\d.,])(?:(?P<lo>{_N}\s?[千百]?\s?[兆億万]?)\s?[～〜~－\-]\s?)?"
    rf"(?P<num>{_GROUPS}|{_N})\s?(?P<cur>{_CUR})"
)
_GROUP = re.compile(rf"({_N})\s?([千百])?\s?([兆億万])?")
_QUAL_BEFORE = re.compile(r"(約|およそ|最大|最高|最低|少なくとも|総額|総事業費|計|合計|年間|年)\s?$")
_QUAL_AFTER = re.compile(r"\s?(超|強|弱|余り|あまり|余|以上|以下|未満|程度|前後|規模|近く|ほど|台)")
_QUALS = {"約": "about", "およそ": "about", "最大": "up to", "最高": "up to", "最低": "at least",
          "少なくとも": "at least", "総額": "total", "総事業費": "total", "計": "total", "合計": "total",
          "年間": "per year", "年": "per year", "超": "more than", "強": "more than", "余り": "more than",
          "あまり": "more than", "余": "more than", "以上": "more than", "弱": "less than",
          "以下": "up to", "未満": "less than", "程度": "about", "前後": "about", "規模": "about",
          "近く": "about", "ほど": "about", "台": "about"}
_PAREN_OPEN = re.compile(r"^\s?[（(]\s?(?:約|およそ|≈|~)?\s?$")
_PAREN_CLOSE = re.compile(r"\s?[）)]")


def _value(num: str) -> float | None:
    total = 0.0
    for n, small, big in _GROUP.findall(num):
        total += float(n.replace(",", "")) * _SMALL.get(small, 1) * _BIG.get(big, 1)
    return total or None


def _largest_unit(num: str) -> str:
    for unit in "兆億万":
        if unit in num:
            return unit
    return ""


def _raw(text: str) -> list[tuple[int, int, float, str, str | None]]:
    """``(start, end, value, currency, range part)`` of each amount, in text order."""
    t = text.translate(_WIDE)
    out = []
    for m in _AMOUNT.finditer(t):
        cur, num = m.group("cur"), m.group("num")
        if cur == "元" and not _largest_unit(num):
            continue
        value = _value(num)
        if value is None:
            continue
        currency = JA_CURRENCIES[cur]
        lo = m.group("lo")
        if lo:
            lo_num = lo if _largest_unit(lo) else lo + _largest_unit(num)
            low = _value(lo_num)
            if low is not None and low < value:
                out.append((m.start(), m.end(), low, currency, "range low"))
                out.append((m.start(), m.end(), value, currency, "range high"))
                continue
        out.append((m.start("num"), m.end(), value, currency, None))
    return out


def _qualifier(text: str, start: int, end: int) -> str | None:
    after = _QUAL_AFTER.match(text, end, min(len(text), end + 4))
    if after:
        return _QUALS[after.group(1)]
    before = _QUAL_BEFORE.search(text, max(0, start - 6), start)
    return _QUALS[before.group(1)] if before else None


def parse_amounts_ja(text: str) -> list[Amount]:
    """Japanese money amounts in ``text`` (pure; any string gives a list, never an exception).

    Returns:
        :class:`ainews.extract.amounts.Amount` values in text order; ``text[a.start:a.end]`` is
        the amount with any bracketed conversion. Qualifiers use the English names of the
        other languages (``about`` for 約, ``more than`` for 超, ``range low``/``range high``).
    """
    if not isinstance(text, str) or not text or not any(c in text for c in "円ドルユーロ元ウォンポンド"):
        return []
    raw = _raw(text)
    out: list[Amount] = []
    i = 0
    while i < len(raw):
        s, e, v, c, part = raw[i]
        qual = part or _qualifier(text, s, e)
        conv = None
        if part is None and i + 1 < len(raw):
            s2, e2, v2, c2, part2 = raw[i + 1]
            close = _PAREN_CLOSE.match(text, e2)
            if part2 is None and _PAREN_OPEN.match(text[e:s2]) and close:
                conv = (text[s2:e2], v2, c2)
                e = close.end()
                i += 1
        out.append(Amount(text[s:e], s, e, v, c, qual, *(conv or (None, None, None))))
        i += 1
    return out
