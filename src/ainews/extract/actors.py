"""Who spends (actor) and who receives (target) a money amount, from the entities of its sentence.

The investor and destination of investment events are in :mod:`.investors` and :mod:`.destinations`.
"""

from __future__ import annotations

import re
from collections import Counter

from ._common import Article
from .entities import article_entities

_EN_TO = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:in|into|to|for)\s+$")
_KO_TO = re.compile(r"^(?:에|에서|을|를|와|과)")


def actor_target(art: Article, start: int, end: int, s0: int, s1: int) -> tuple[str | None, str | None, str | None]:
    """``(actor, target, target_how)`` for the amount ``body[start:end]`` in sentence ``[s0, s1)``.

    Actor: the first organization or person of the sentence before the amount (the subject in
    both English and Korean news style). Target: a place or organization introduced by in/into/to
    after the amount (English) or marked by 에/에서 before it (Korean), else the place the article
    mentions most (``target_how`` says which).
    """
    ents = article_entities(art)
    in_sent = [e for e in ents if s0 <= e["start"] < s1]
    before = [e for e in in_sent if e["end"] <= start and e["kind"] in ("org", "person")]
    actor = before[0]["name"] if before else None
    target, how = None, None
    body = art.body
    for e in in_sent:
        if e["start"] >= end and e["kind"] in ("place", "org") and e["name"] != actor:
            if _EN_TO.match(body[end:e["start"]]):
                target, how = e["name"], "sentence"
                break
    if target is None:
        for e in in_sent:
            if e["end"] <= start and e["kind"] == "place" and _KO_TO.match(body[e["end"]:e["end"] + 2]):
                target, how = e["name"], "sentence"
    if target is None:
        places = Counter(e["name"] for e in ents if e["kind"] == "place")
        if places:
            target, how = places.most_common(1)[0][0], "article"
    return actor, target, how
