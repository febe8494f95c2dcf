"""What kind of money an amount is, and the status of an investment, from the words of its phrase.

Rules are data (``kinds`` and ``status`` in ``data/lexicons/investment_phrases.yml``): each kind has
patterns for the text before the amount (nouns: 매출은, 국비, 수출), after it (verbs and particles:
을 투입해, 을 순매수했다, 를 투자하면) or either. The phrase of an amount stops at the previous or
next amount and at clause breaks, so "수출 7000억달러 및 외국인투자 350억달러" gives the first
amount to exports and the second to investment.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lexicons import lexicon_path, load_yaml_lexicon

__all__ = ["EVENT_KINDS", "KINDS", "amount_kind", "amount_status", "breakdown_parts", "phrase_windows"]

PHRASES_FILE = "investment_phrases.yml"
EVENT_KINDS = ("investment", "acquisition", "funding", "budget")
KINDS = ("investment", "acquisition", "funding", "budget", "forecast", "market_size", "target",
         "hypothetical", "aggregate", "export", "stock_flow", "revenue", "price", "other")

_BEFORE_CUT = re.compile(r"[,;·、。]|\s및\s|그리고|(?<=[다요])\.\s|\bwhile\b|\band\b")
_AFTER_CUT = re.compile(r"[,;、。]|\s및\s|\s등\s|지만|는데|으나|면서|(?<=[가-힣])며\s|(?<=[하했되됐있])고\s|(?<=[다요])\.|\bwhile\b|\bbut\b")
_LIST_GAP = re.compile(r"^\s*(?:,|과|와|및|에서|→|->|~)?\s*(?:최대|최소|약|각각)?\s*$")
# Very small sums are prices, per-person payments or fees, never an investment event.
_SMALL = {"KRW": 5e6, "JPY": 5e5, "USD": 5e3, "EUR": 5e3, "GBP": 5e3, "CNY": 3e4, "HKD": 4e4}


class _Rule(NamedTuple):
    kind: str
    before: re.Pattern | None
    after: re.Pattern | None
    near: re.Pattern | None


def _rx(patterns) -> re.Pattern | None:
    pats = [str(p) for p in patterns or []]
    return re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None


@lru_cache(maxsize=2)
def _rules(mtime: float) -> tuple[list[_Rule], dict[str, re.Pattern]]:
    data = load_yaml_lexicon(PHRASES_FILE) or {}
    rules = []
    for i, r in enumerate(data.get("kinds") or []):
        kind = r.get("kind")
        if kind not in KINDS:
            raise ValueError(f"data/lexicons/{PHRASES_FILE}: kinds[{i}] has kind {kind!r}; use one of {KINDS}")
        rules.append(_Rule(kind, _rx(r.get("before")), _rx(r.get("after")), _rx(r.get("near"))))
    status = {k: _rx(v) for k, v in (data.get("status") or {}).items()}
    return rules, status


def rules() -> tuple[list[_Rule], dict[str, re.Pattern]]:
    """The compiled kind rules and status patterns (reloaded when the lexicon file changes)."""
    return _rules(lexicon_path(PHRASES_FILE).stat().st_mtime)


def phrase_windows(sentence: str, spans: list[tuple[int, int]], *, width: int = 40) -> list[tuple[str, str]]:
    """``(before, after)`` text of each amount ``sentence[s:e]`` of ``spans`` (sorted, relative offsets).

    ``before`` runs back to the previous amount or clause break (at most ``width`` characters);
    ``after`` runs on to the next amount or clause break. When only a list separator stands
    between an amount and the next ("각각 89억원, 2천867억원을 순매도했다"), the amount shares
    the next one's ``after``.
    """
    out: list[list[str]] = []
    for i, (s, e) in enumerate(spans):
        lo = max(spans[i - 1][1] if i else 0, s - width)
        before = sentence[lo:s]
        cuts = list(_BEFORE_CUT.finditer(before))
        if cuts:
            before = before[cuts[-1].end():]
        hi = min(spans[i + 1][0] if i + 1 < len(spans) else len(sentence), e + width)
        after = sentence[e:hi]
        cut = _AFTER_CUT.search(after)
        if cut:
            after = after[:cut.start()]
        out.append([before, after])
    for i in range(len(spans) - 2, -1, -1):
        gap = sentence[spans[i][1]:spans[i + 1][0]]
        if _LIST_GAP.match(gap):
            out[i][1] = out[i][1] + " " + out[i + 1][1]
    for i in range(1, len(spans)):
        if _LIST_GAP.match(sentence[spans[i - 1][1]:spans[i][0]]):
            out[i][0] = out[i - 1][0] + " " + out[i][0]
    return [(b, a) for b, a in out]


# the label of a part in a total's breakdown that is no money of its own: a year of a yearly split,
# an in-kind or "other" share ("88억5천만원(2023년 30억원·2024년 28억5천만원)", "(… 기관 현물 89억원)")
_PART_LABEL = re.compile(r"(?:(?:19|20)\d\d년(?:도)?|현물|기타)\s?$")
_PART_SEP = re.compile(r"[(·,]")


def breakdown_parts(sentence: str, spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the amounts (``spans``: sorted offsets in ``sentence``) that split the amount before
    them in brackets by year or as in-kind or other shares: parts of a total, not events of their own
    (the funding sources of a total, "국비 313억원·도비 15억원", are kept)."""
    out = set()
    ends = {e for _, e in spans}
    for i, (s, _) in enumerate(spans):
        opening = sentence.rfind("(", 0, s)
        if opening < 0 or ")" in sentence[opening:s] or opening not in ends and opening - 1 not in ends:
            continue
        label = _PART_SEP.split(sentence[opening:s])[-1]
        if _PART_LABEL.search(label.strip() + " ") or _PART_LABEL.search(label.strip()):
            out.add(i)
    return out


def amount_kind(before: str, after: str, *, value: float | None = None, currency: str | None = None,
                subject: str = "", default: str | None = "other") -> str | None:
    """The kind of an amount (one of :data:`KINDS`) from its phrase; ``other`` when nothing fits.

    Args:
        before, after: the amount's phrase (see :func:`phrase_windows`).
        value, currency: very small sums (a share price, a per-person payment) are ``price``.
        subject: the sentence before the phrase; read only when the phrase itself names no kind
            ("반영액은 31%(2148억→2824억원) 늘었다": the noun 반영액 is the sentence's subject).
        default: returned when no rule fits (``None`` tells "no word says" from a rule's ``other``).
    """
    if value is not None and currency in _SMALL and value < _SMALL[currency]:
        return "price"
    for b in (before, subject + " " + before) if subject else (before,):
        near = b + " " + after
        for r in rules()[0]:
            if ((r.before is not None and r.before.search(b))
                    or (r.after is not None and r.after.search(after))
                    or (r.near is not None and r.near.search(near))):
                return r.kind
    return default


def amount_status(after: str, before: str = "", sentence_rest: str = "") -> str:
    """``pledged``, ``completed`` or ``announced`` from the verbs around the amount.

    ``after`` (the verb of the amount's own phrase, Korean) decides first, then ``before``
    (English: "will invest $8 billion"), then ``sentence_rest`` (the rest of the sentence).
    """
    status = rules()[1]
    for text in (after, before, sentence_rest):
        rx = status.get("pledged")
        if rx is not None and rx.search(text):
            return "pledged"
        # "투자했다고 밝혔다" is completed, "투자안을 발표했다" announced: the first verb decides
        found = [(m.start(), name) for name in ("completed", "announced")
                 if (rx := status.get(name)) is not None and (m := rx.search(text))]
        if found:
            return min(found)[1]
    return "announced"
