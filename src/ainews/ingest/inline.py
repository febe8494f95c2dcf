"""Boilerplate inside a paragraph: footers, e-mails and credits glued to the article's own text.

Crawls that run paragraphs together leave the outlet's footer in the last paragraph
("…고 말했다. hkm@yna.co.kr", "…※CBS노컷뉴스는 여러분의 제보로…") and photo credits between
sentences ("[춘천시 제공. 재판매 및 DB 금지]"). The patterns are data (``inline_tail`` and
``inline_span`` in ``data/lexicons/boilerplate.yml``); this module cuts each match out of the line
and returns what it cut with the reason, so the article text around it stays as written.
"""

from __future__ import annotations

import re

__all__ = ["cut_inline"]


def compile_inline(data: dict) -> tuple[tuple, tuple]:
    """``(tails, spans)``: ``(regex, reason, triggers)`` of the lexicon's inline sections;
    ``triggers`` is one pattern finding any of the rule's trigger words (``None``: always tried)."""
    def one(p: dict) -> tuple:
        words = sorted({str(t).lower() for t in p.get("trigger", [])})
        trig = re.compile("|".join(map(re.escape, words))) if words else None
        return re.compile(p["regex"], re.I), p["reason"], trig

    return tuple(map(one, data.get("inline_tail", []))), tuple(map(one, data.get("inline_span", [])))


def _tried(low: str, triggers: re.Pattern | None) -> bool:
    # One search for the rule's trigger words (a generator over them cost more than the rules).
    return triggers is None or triggers.search(low) is not None


def cut_inline(line: str, tails: tuple, spans: tuple) -> tuple[str, list[tuple[str, str]]]:
    """Cut footers off the end of ``line`` and credits out of it.

    Tails are cut repeatedly (a footer often ends in an e-mail, then a copyright line), earliest
    match first. A line that is footer from its first character comes back empty.

    Returns:
        ``(kept, cuts)``: the line without the boilerplate, and ``(piece, reason)`` per cut.
    """
    cuts: list[tuple[str, str]] = []
    low = line.lower()
    for rx, why, trig in spans:
        if _tried(low, trig) and rx.search(line):
            pieces = []
            def repl(m: re.Match, why=why) -> str:
                pieces.append((m.group(0).strip(), why))
                return " "
            rest = rx.sub(repl, line)
            if rest.strip():
                line = " ".join(rest.split()) if "  " in rest else rest.strip()
                cuts.extend(pieces)
    while True:
        best = None
        low = line.lower()
        for rx, why, trig in tails:
            m = rx.search(line) if _tried(low, trig) else None
            if m and (best is None or m.start() < best[0].start()):
                best = (m, why)
        if best is None:
            break
        m, why = best
        cuts.append((line[m.start():].strip(), why))
        line = line[: m.start()].rstrip()
        if not line:
            break
    return line, cuts
