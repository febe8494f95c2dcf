"""Where the money of an investment event goes: a place the sentence marks as its location, a
destination word (대미 투자), a government investor's own country, else the article's country."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ._common import Article
from .entities import article_entities
from .investors import _LOC, _invest_lexicon
from .investors_ja import destination_word_ja

__all__ = ["destination_of"]

_EN_LOC = re.compile(r"(?:\bin|\binto|\bto|\bacross)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=1)
def _place_meta() -> dict[str, tuple[str, str]]:
    from ._lexicon import gazetteer

    gz = gazetteer()
    return dict(zip(gz["id"], zip(gz["country"], gz["kind"])))


def destination_of(art: Article, start: int, end: int, s0: int, s1: int, *,
                   investor: str | None = None, investor_kind: str | None = None,
                   phrase: str = "") -> tuple[str | None, str | None, str | None]:
    """``(country ISO-2, region, how)`` where the money of ``body[start:end]`` goes.

    ``how`` is ``"sentence"`` when the sentence states it: a place marked as a location (용인에,
    일본에서; "in Japan" after the amount) nearest to the amount, or a place in the amount's own
    phrase, or a destination word (대미 투자: US), or a government investor's own country.
    Otherwise ``"article"``: the country the article's places lie in most often, or ``None``.
    """
    body, lex = art.body, _invest_lexicon()
    if investor_kind == "collective" and art.lang in lex["collective_dest"]:
        return lex["collective_dest"][art.lang], None, "sentence"
    places = _place_meta()
    mentions = [e for e in article_entities(art) if e["kind"] == "place" and e.get("place_id") in places]
    ents = [e for e in mentions if s0 <= e["start"] < s1 and e["text"] != investor
            and not (investor and investor.startswith(e["text"]))]
    loc = []
    for e in ents:
        if art.lang == "en":
            ok = e["start"] >= end and bool(_EN_LOC.search(body[max(s0, e["start"] - 12):e["start"]]))
        else:
            ok = bool(_LOC.match(body[e["end"]:e["end"] + 3])) if art.lang != "ja" else \
                destination_word_ja(body, e["end"])
        if ok:
            loc.append(e)
    own = [e for e in ents if e["text"] in phrase]
    for group in (loc, own):
        if group:
            e = min(group, key=lambda e: abs(e["start"] - start))
            country, pkind = places[e["place_id"]]
            return country, (None if pkind == "country" else e["text"]), "sentence"
    for word, code in lex["dest"].items():
        if word in body[s0:s1]:
            return code, None, "sentence"
    if investor_kind == "government" and investor:
        from ._lexicon import place_matchers

        pid = place_matchers()[3].get(investor.replace(" 정부", "").strip())
        if pid in places:
            return places[pid][0], None, "sentence"
    countries = Counter(places[e["place_id"]][0] for e in mentions)
    if countries:
        return countries.most_common(1)[0][0], None, "article"
    return None, None, None
