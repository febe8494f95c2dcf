"""People, organizations and places of each article, with offsets, roles and canonical ids."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from . import _lexicon as lx
from ._common import Article, _iter_articles, canonical, evidence, frame
from .persons import find_persons
from .place_activity import decide_places
from .places import _index, find_places

__all__ = ["extract_entities", "article_entities"]

COLUMNS = ["doc_id", "kind", "text", "canonical", "name", "role", "place_id", "place_role", "place_score", "lat",
           "lon", "sentence", "sentence_start", "start", "end"]

_CAP_SEQ = re.compile(
    r"(?:[A-Z][\w&'’\-]*)(?:\s(?:(?:of|and|for|the|&)\s)*[A-Z][\w&'’\-]*)*"
)
_LEAD = re.compile(r"^(?:The|A|An|In|On|At|By|For|Of|And)\s+")


def _orgs(body: str, lang: str) -> list[dict]:
    o = lx.orgs()
    out = []
    for rx in (o["en_re"], o["ko_re"], o["ko_suffix_re"], o["ja_re"]):
        for m in rx.finditer(body):
            out.append({"kind": "org", "text": m.group(0), "org_id": o["known"].get(m.group(0)),
                        "start": m.start(), "end": m.end()})
    for m in o["ko_prefix_re"].finditer(body):
        out.append({"kind": "org", "text": m.group(1), "org_id": o["known"].get(m.group(1)),
                    "start": m.start(1), "end": m.end(1)})
    if lang != "ko":
        roles = lx.roles()["en"]
        for m in _CAP_SEQ.finditer(body):
            seq = m.group(0)
            words = seq.split()
            if len(words) < 2 or not any(w.rstrip(",") in o["en_suffixes"] for w in words[1:]):
                continue
            # Cut at a role word: "Samsung Electronics Chairman Lee" -> "Samsung Electronics".
            cut = next((i for i, w in enumerate(words) if w in roles), len(words))
            words = words[:cut]
            text = " ".join(words)
            lead = _LEAD.match(text)
            if lead:
                text = text[lead.end():]
            text = re.sub(r"(?:\s(?:of|and|for|the|&))+$", "", text)
            if len(text.split()) < 2 or not any(w in o["en_suffixes"] for w in text.split()[1:]):
                continue
            at = seq.find(text)
            if at < 0:  # the words were joined across a line break: no single span to cite
                continue
            start = m.start() + at
            # "Rep. Shin Cheol-yeon of the People's Party": after a title the words name a person
            if lx.roles()["en_title_end"].search(body, max(0, start - 40), start):
                continue
            out.append({"kind": "org", "text": text, "org_id": o["known"].get(text),
                        "start": start, "end": start + len(text)})
        out += _short_org_mentions(body, out)
    return out


@lru_cache(maxsize=8192)
def _english_word(word: str) -> bool:
    import simplemma

    return simplemma.is_known(word, lang="en")


_POSSESSOR = re.compile(r"^[A-Z][\w\-]*['’]s\s+")


def _short_org_mentions(body: str, orgs: list[dict]) -> list[dict]:
    """Later mentions of an organisation by its first word ("Toray" after "Toray Industries Inc.",
    "Mooryong" after "Mooryong Co."): English news names a company in full once and by its
    distinctive word afterwards. The word must not be a place, a title or an organisation
    suffix, and must never appear in lower case in the article (a common word: "National",
    "Bank"); a mention followed by another capitalised word is a different name. Each resolves to
    the nearest full name before it (``name``). Nor may it be an English word (simplemma's
    dictionary: "North", "Defense", "While"), which keeps the made-up names (Toray, Nexon, Saenuri)."""
    o, roles, places = lx.orgs(), lx.roles()["en"], lx.place_matchers()[3]
    heads: dict[str, list[tuple[int, str, dict]]] = {}
    for c in orgs:
        text = _POSSESSOR.sub("", c["text"])  # "Japan's Toray Industries Inc" names Toray
        words = text.split()
        if len(words) < 2:
            continue
        w = words[0].rstrip(",.")
        if (len(w) < 3 or not w[0].isupper() or w in places or w in roles or w in o["en_suffixes"]
                or _LEAD.match(w + " ") or re.search(rf"\b{re.escape(w.lower())}\b", body)
                or any(_english_word(p) for p in w.lower().split("-"))):
            continue
        heads.setdefault(w, []).append((c["start"], c["text"], c))
    out = []
    for w, full in heads.items():
        full.sort(key=lambda x: x[0])
        for m in re.finditer(rf"(?<![\w\-]){re.escape(w)}(?![\w\-])(?!\s+[A-Z])", body):
            before = [f for f in full if f[0] < m.start()]
            if not before or any(f[2]["start"] <= m.start() < f[2]["end"] for f in full):
                continue
            name = before[-1][1]
            out.append({"kind": "org", "text": w, "name": name, "org_id": o["known"].get(name),
                        "start": m.start(), "end": m.end()})
    return out


def _merge(cands: list[dict]) -> list[dict]:
    # Longest span wins; at equal length people beat organizations beat places, except a named zone of
    # the gazetteer (Kaesong Industrial Complex), which the organisation tagger reads as an organisation.
    rank = {"person": 0, "org": 1, "place": 2}
    meta = _index()["meta"]

    def order(c):
        r = rank[c["kind"]]
        if c["kind"] == "place" and meta.get(c["place_id"], ("",))[0] == "zone":
            r = 0.5
        return -(c["end"] - c["start"]), r, c["start"]

    cands.sort(key=order)
    taken: list[tuple[int, int]] = []
    out = []
    for c in cands:
        if any(c["start"] < e and s < c["end"] for s, e in taken):
            continue
        taken.append((c["start"], c["end"]))
        out.append(c)
    out.sort(key=lambda c: c["start"])
    return out


def article_entities(article: Article) -> list[dict]:
    """Entity mentions of one article (cached), as dicts with the columns of :func:`extract_entities`."""
    return _article_entities(article.doc_id, article.lang, article.body, article.title or "")


def merged_mentions(body: str, lang: str) -> tuple[list[dict], dict[str, int]]:
    """Mentions of people, organisations and places, overlaps removed, and the place names lost to them.

    Returns:
        ``(mentions, in_org)``: the mentions (places with the rule roles of
        :func:`ainews.extract.find_places`), and ``{place id: how many of its names lie inside a
        person's or organisation's name}`` (광주과학기술원, 서울대).
    """
    persons = [{"kind": "person", **p} for p in find_persons(body, lang)]
    cands = persons + _orgs(body, lang) + find_places(body, lang)
    merged = _merge(cands)
    kept = {id(c) for c in merged}
    in_org = Counter(c["place_id"] for c in cands if c["kind"] == "place" and id(c) not in kept)
    return merged, dict(in_org)


@lru_cache(maxsize=4096)
def _article_entities(doc_id: str, lang: str, body: str, title: str = "") -> list[dict]:
    art = Article(doc_id, lang, body, None)
    merged, in_org = merged_mentions(body, lang)
    decide_places(body, title, lang, [c for c in merged if c["kind"] == "place"], in_org,
                  org_starts=[c["start"] for c in merged if c["kind"] == "org"])
    gz = lx.place_index()
    rows = []
    for c in merged:
        if c["kind"] == "person":
            canon, name = canonical(c["name"]), c["name"]
        elif c["kind"] == "org":
            name = c.get("name") or c["text"]
            canon = c.get("org_id") or canonical(name)
        else:
            name = gz[c["place_id"]][0]
            canon = c["place_id"]
        row = {**evidence(art, c["start"], c["end"]), "kind": c["kind"], "text": c["text"],
               "canonical": canon, "name": name, "role": c.get("role"),
               "place_id": c.get("place_id"), "place_role": c.get("place_role"),
               "place_score": c.get("place_score"), "lat": None, "lon": None}
        if c["kind"] == "place":
            row["lat"], row["lon"] = gz[c["place_id"]][1:]
        rows.append(row)
    return rows


def extract_entities(articles: pd.DataFrame) -> pd.DataFrame:
    """People, organizations and places mentioned in each article.

    Args:
        articles: DataFrame with ``doc_id``, ``body`` (and optionally ``lang``).

    Returns:
        DataFrame with columns ``doc_id, kind (person|org|place), text, canonical, name, role,
        place_id, place_role, lat, lon, sentence, sentence_start, start, end``. ``text`` is ``body[start:end]``;
        ``name`` is the full name a short mention ("Chey", "박 대표") resolves to within the article;
        ``canonical`` merges spellings across articles ("Chey Taewon" = "Chey Tae-won"); places carry
        the gazetteer id, coordinates and ``place_role`` (activity|dateline|venue|mention: see
        ``ainews.extract.places``); other rows have no ``place_role``.
    """
    rows: list[dict] = []
    for art in _iter_articles(articles):
        rows.extend(article_entities(art))
    return frame(rows, COLUMNS)
