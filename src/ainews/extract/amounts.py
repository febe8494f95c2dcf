"""Money amounts in English, Korean and Japanese text (:mod:`.amounts_ja`), one row per amount,
converted to US dollars.

"$2.9 billion (4 trillion won)" is one amount with a conversion noted, never two. Index levels,
tickers, percentages, dates and head counts carry no currency and are never matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

import pandas as pd

from ._common import _iter_articles, evidence, frame
from . import money_ko
from .amount_kinds import amount_kind, breakdown_parts, phrase_windows
from .rates import usd_rate

__all__ = ["Amount", "parse_amounts", "extract_amounts", "register_parser"]


class Amount(NamedTuple):
    """A money amount found in a text; ``text[start:end]`` is the amount (with any conversion)."""

    text: str
    start: int
    end: int
    value: float
    currency: str
    qualifier: str | None
    conversion_text: str | None = None
    conversion_value: float | None = None
    conversion_currency: str | None = None
    high: float | None = None


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_EN = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6,
             "mn": 1e6, "mln": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}
_SYM = {"$": "USD", "US$": "USD", "USD": "USD", "US dollars": "USD", "€": "EUR", "EUR": "EUR",
        "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY", "₩": "KRW", "KRW": "KRW",
        "CNY": "CNY", "RMB": "CNY", "HK$": "HKD"}
_WORD = {"won": "KRW", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "dollars": "USD",
         "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound sterling": "GBP"}

_SCALES = "|".join(sorted(_SCALE_EN, key=len, reverse=True))
_SYMS = "|".join(re.escape(s) for s in sorted(_SYM, key=len, reverse=True)) + "|W(?=\\d)"
_WORDS = "|".join(sorted(_WORD, key=len, reverse=True))
_EN_QUAL = (r"about|around|approximately|roughly|some|nearly|almost|more than|over|up to|at least|"
            r"as much as|less than|under|at most|an estimated|a total of|total of")
_KO_QUAL = r"약|최대|최소|총|무려|대략|연간|연"

_EN_AMOUNT = re.compile(
    rf"(?<![\w$€£¥₩.,])(?:(?P<sym>{_SYMS})\s?(?P<n1>{_NUM})(?:\s?(?P<sc1>{_SCALES})\b)?"
    rf"|(?P<n2>{_NUM})\s?(?:(?P<sc2>{_SCALES})\s+)?(?P<word>{_WORDS}|USD|EUR|JPY|KRW|CNY|GBP)\b)",
    re.IGNORECASE,
)
_QUAL_BEFORE = re.compile(rf"(?:\b(?P<en>{_EN_QUAL})|(?P<ko>{_KO_QUAL}))\s*$", re.IGNORECASE)
_QUAL_AFTER_KO = re.compile(r"^\s?(이상|이하|미만|가량|정도|안팎|내외|넘는|넘게|여|규모)")
# "(약 5조원)", "(당시 기준 약 1조1400억원)", "(한화 약 7조원)": a conversion, folded into the amount
_PAREN_OPEN = re.compile(rf"^\s*[(（\[]\s*[가-힣 ]{{0,12}}?\s*(?:(?:{_EN_QUAL}|{_KO_QUAL}|≈|~)\s*)?$", re.IGNORECASE)
_PAREN_CLOSE = re.compile(r"^\s*[)）\]]")
_OR_CONV = re.compile(r",?\s+or\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|approximately\s+)?", re.I)
_KO_QUAL_NAMES = {"약": "about", "대략": "about", "최대": "up to", "최소": "at least", "총": "total",
                  "무려": "as much as", "이상": "more than", "넘는": "more than", "넘게": "more than",
                  "여": "more than", "이하": "up to", "미만": "less than", "가량": "about",
                  "정도": "about", "안팎": "about", "내외": "about", "연간": "per year", "연": "per year",
                  "규모": "about"}


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _find_en(text: str) -> list[tuple[int, int, float, str, float | None]]:
    found = []
    for m in _EN_AMOUNT.finditer(text):
        if m.group("sym"):
            n, sc, cur = m.group("n1"), m.group("sc1"), _SYM.get(m.group("sym")) or _SYM.get(
                m.group("sym").upper())
            if m.group("sym") in ("W", "w"):
                # Korea Herald style "W1.5 trillion": a capital W with a scale word or a grouped number
                if m.group("sym") != "W" or not (sc or "," in n):
                    continue
                cur = "KRW"
        else:
            n, sc = m.group("n2"), m.group("sc2")
            w = m.group("word")
            cur = _WORD.get(w.lower()) or w.upper()
            # "won"/"yen" after a bare small number is more often prose than money ("won 3 games").
            if not sc and _num(n) < 10:
                continue
        if cur is None:
            continue
        found.append((m.start(), m.end(), _num(n) * _SCALE_EN.get((sc or "").lower(), 1), cur, None))
    return found


# Per-language parsers, each ``text -> [(start, end, value, currency, high)]``. All run on every
# text (Korean articles quote dollar amounts in English notation); a parser for another script
# (e.g. Japanese 兆円/億円) is added with :func:`register_parser`.
_PARSERS: dict[str, Callable[[str], list]] = {"en": _find_en, "ko": money_ko.find}


def register_parser(name: str, find: Callable[[str], list]) -> None:
    """Add (or replace) a money parser: ``find(text)`` returns ``(start, end, value, currency, high)``
    tuples (``high``: the upper bound of a range, else None). Overlaps keep the longest match."""
    if not callable(find):
        raise TypeError(f"register_parser({name!r}, ...): find must be a function text -> list of tuples")
    _PARSERS[name] = find


def _raw_amounts(text: str) -> list[tuple[int, int, float, str, float | None]]:
    found = sorted(f for find in _PARSERS.values() for f in find(text))
    out: list[tuple[int, int, float, str, float | None]] = []
    for f in found:
        if out and f[0] < out[-1][1]:
            if f[1] - f[0] > out[-1][1] - out[-1][0]:
                out[-1] = f
            continue
        out.append(f)
    return out


def _qualifier(text: str, start: int, end: int) -> str | None:
    m = _QUAL_BEFORE.search(text[max(0, start - 20) : start])
    if m:
        q = m.group("en") or m.group("ko")
        return _KO_QUAL_NAMES.get(q, q.lower())
    a = _QUAL_AFTER_KO.match(text[end : end + 6])
    return _KO_QUAL_NAMES.get(a.group(1)) if a else None


def parse_amounts(text: str) -> list[Amount]:
    """Find money amounts in ``text``.

    A parenthetical conversion right after an amount ("$2.9 billion (4 trillion won)",
    "5천억달러(약 723조원)") is folded into the first amount. Pure and total: any string gives a
    (possibly empty) list, never an exception.

    Args:
        text: any text.

    Returns:
        Amounts in text order; ``text[a.start:a.end]`` is the amount including its conversion.
    """
    if not isinstance(text, str) or not text:
        return []
    from .amounts_ja import parse_amounts_ja

    ja = parse_amounts_ja(text)
    raw = _raw_amounts(text)
    if ja:  # Japanese amounts win where a Korean/English pattern read the same characters
        raw = [r for r in raw if not any(a.start < r[1] and r[0] < a.end for a in ja)]
    out: list[Amount] = []
    i = 0
    while i < len(raw):
        s, e, v, c, high = raw[i]
        qual = _qualifier(text, s, e)
        if re.search(r"\d\s?[조억만천]?여\s?\D", text[s:e]):
            qual = "more than"
        if high is not None:
            qual = "range"
        conv = None
        if i + 1 < len(raw):
            s2, e2, v2, c2, _ = raw[i + 1]
            if _PAREN_OPEN.match(text[e:s2]) and _PAREN_CLOSE.match(text[e2:]):
                conv = (text[s2:e2], v2, c2)
                close = _PAREN_CLOSE.match(text[e2:]).end()
                i += 1
                e = e2 + close
            elif c2 != c and _OR_CONV.fullmatch(text[e:s2]):
                # "300 billion won, or $260 million,": the same amount in another currency
                conv = (text[s2:e2], v2, c2)
                i += 1
                e = e2
        out.append(Amount(text[s:e], s, e, v, c, qual, *(conv or (None, None, None)), high))
        i += 1
    return sorted(out + ja, key=lambda a: (a.start, a.end)) if ja else out


def _to_usd(value: float, currency: str, year: int | None):
    r = usd_rate(currency, year)
    if r is None:
        return None
    per_usd, y, note = r
    return value / per_usd, per_usd, y, note


COLUMNS = ["doc_id", "text", "value", "high", "kind", "currency", "value_usd", "rate_per_usd", "rate_year", "rate_note",
           "qualifier", "period", "conversion", "conversion_value", "conversion_currency", "actor",
           "target", "target_how", "sentence", "sentence_start", "start", "end"]

_PERIOD = re.compile(
    r"\b(?:over|during|in|within|for)\s+(?:the\s+)?(?:next\s+|coming\s+|past\s+)?"
    r"(?:\w+|\d+)\s+(?:years?|months?|quarters?)\b|\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b"
    r"|\b(?:annually|per year|a year|each year)\b"
    r"|(?:향후|앞으로|오는|내년부터)?\s?\d+년(?:간|동안|까지)|(?:19|20)\d\d년까지|연간|매년"
)


def _period(sentence: str, rel_end: int) -> str | None:
    best = None
    for m in _PERIOD.finditer(sentence):
        d = abs(m.start() - rel_end)
        if best is None or d < best[0]:
            best = (d, m.group(0).strip())
    return best[1] if best else None


def extract_amounts(articles: pd.DataFrame, *, actors: bool = True) -> pd.DataFrame:
    """Money amounts of each article, one row per amount, with a US-dollar value.

    Args:
        articles: DataFrame with ``doc_id``, ``body`` and optionally ``lang`` and ``published``
            (datetime; picks the exchange-rate year, else the latest year and ``rate_note`` says so).
        actors: find each amount's ``actor``, ``target`` and ``target_how``, which needs the
            article's people, organisations and places (about half the cost); ``False`` leaves
            them empty, for callers that need the kinds and values only
            (:func:`ainews.extract_investments` finds its own investor).

    Returns:
        DataFrame with columns ``doc_id, text, value, high`` (upper bound of a range), ``kind`` (see
        ``ainews.extract.amount_kinds.KINDS``: investment, acquisition, funding, budget are
        events; forecast, market_size, target, hypothetical, aggregate, export, stock_flow, revenue,
        price, other are not), ``currency, value_usd, rate_per_usd, rate_year,
        rate_note, qualifier, period, conversion, conversion_value, conversion_currency, actor, target,
        target_how, sentence, sentence_start, start, end``; ``body[start:end] == text``.
    """
    from .actors import actor_target

    rows: list[dict] = []
    found: dict[str, list] = {}

    def has_amounts(art) -> bool:  # only articles with amounts are split into sentences (kiwi's cost)
        found[art.doc_id] = parse_amounts(art.body)
        return bool(found[art.doc_id])

    for art in _iter_articles(articles, needs_sentences=has_amounts):
        amounts = found.pop(art.doc_id, None)
        if amounts is None:
            amounts = parse_amounts(art.body)
        if not amounts:
            continue
        year = art.published.year if art.published is not None else None
        for a in amounts:
            ev = evidence(art, a.start, a.end)
            conv = _to_usd(a.value, a.currency, year)
            if conv is None and a.conversion_currency:
                c2 = _to_usd(a.conversion_value, a.conversion_currency, year)
                conv = c2
            usd, per, y, note = conv if conv else (None, None, None, "currency not in rate table")
            rel_end = a.end - ev["sentence_start"]
            rows.append({
                **ev, "text": a.text, "value": a.value, "currency": a.currency, "value_usd": usd,
                "high": a.high, "rate_per_usd": per, "rate_year": y, "rate_note": note, "qualifier": a.qualifier,
                "period": _period(ev["sentence"], rel_end), "conversion": a.conversion_text,
                "conversion_value": a.conversion_value, "conversion_currency": a.conversion_currency,
                "_article": art,
            })
    _add_kinds(rows)
    for r in rows:  # the kind needs no entities; the actor and target do
        art, s0 = r.pop("_article"), r["sentence_start"]
        r["actor"], r["target"], r["target_how"] = actor_target(art, r["start"], r["end"], s0, s0 + len(
            r["sentence"])) if actors else (None, None, None)
    return frame(rows, COLUMNS)


def _add_kinds(rows: list[dict]) -> None:
    # Amounts of one sentence are classified together: each one's phrase stops at its neighbours.
    by_sentence: dict[tuple[str, int], list[dict]] = {}
    for r in rows:
        by_sentence.setdefault((r["doc_id"], r["sentence_start"]), []).append(r)
    for (_, s0), group in by_sentence.items():
        sent = group[0]["sentence"]
        spans = [(r["start"] - s0, r["end"] - s0) for r in group]
        prev = None
        for r, (before, after) in zip(group, phrase_windows(sent, spans)):
            lo = max(0, r["start"] - s0 - len(before))
            subject = sent[max(0, lo - 60):lo]
            kind = amount_kind(before, after, value=r["value"], currency=r["currency"], subject=subject,
                               default=None)
            if kind is None and prev is not None and prev["currency"] == r["currency"] and _SERIES_GAP.fullmatch(
                    sent[prev["end"] - s0:r["start"] - s0]):
                # a series of one figure ("peaked at $11.2 million in 2010, falling to $2.7 million in
                # 2013 and $290,000"; "2024년 1253억원, 2025년 2715억원"): no word of its own, so the
                # kind of the amount before it in the same currency
                kind = prev["kind"]
            r["kind"] = kind
            prev = r
        # a list "A에 600조원, B에 360조원, C에 20조원 등 1000조원에 육박하는 투자", "개인이 4148억원,
        # 외국인이 1576억원을 각각 순매수": items with no word of their own share the kind of the item
        # after them; the total after 등 is an aggregate
        for i in range(len(group) - 1, -1, -1):
            r = group[i]
            nxt = group[i + 1] if i + 1 < len(group) else None
            if (r["kind"] is None and nxt is not None and nxt["kind"] not in (None, "aggregate")
                    and nxt["currency"] == r["currency"] and _LIST_ITEM_GAP.fullmatch(sent[r["end"] - s0:nxt["start"] - s0])):
                r["kind"] = nxt["kind"]
        parts = breakdown_parts(sent, spans)
        for i, r in enumerate(group):
            if i and group[i - 1]["currency"] == r["currency"] and _LIST_TOTAL.search(sent[group[i - 1]["end"] - s0:r["start"] - s0]):
                r["kind"] = "aggregate"
            elif i in parts:
                r["kind"] = "other"
            elif r["kind"] is None:
                r["kind"] = "other"


# between two items of a list: a comma and a short noun phrase, no verb ending a clause
_LIST_ITEM_GAP = re.compile(r"\s*(?:,|등)\s*(?:(?!다\s|며\s|고\s|면서|지만|는데|으나)[^.!?\"“”,])" + "{0,60}")
_LIST_TOTAL = re.compile(r"(?:^|\s)등\s?(?:모두|총|전체)?\s?(?:약\s?)?$")
# what may stand between two figures of one series: years, dates, trend verbs, list words
_SERIES_GAP = re.compile(
    r"(?:[\s,·]|\band\b|\bthen\b|\bagain\b|\bbut\b|\bin\b|\bthe\b|\bfollowing\b|\b(?:19|20)\d\d\b|\byear\b|"
    r"\b(?:fell|falling|fall|dipped|dipping|dropped|dropping|rose|rising|rise|climbed|climbing|grew|growing|"
    r"declined|declining|slipped|reached|reaching|to|from|has|had|since|steady|decline|on|a)\b|"
    r"(?:19|20)?\d\d년|에서|으로|로|과|와|및|→|->|~)*")
