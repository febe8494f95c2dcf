"""Tables the theme chapters show, built from theme scores and the extraction tables.

Each function returns a DataFrame that keeps ``doc_id`` (and offsets where a row is one fact),
so a reader can get from any figure back to the sentences.
"""

from __future__ import annotations

import re

import pandas as pd

from ..extract._lexicon import gazetteer
from .investment_tables import (  # noqa: F401 - re-exported: the chapter imports them from here
    distinct_investments, investment_event_list, investment_table, investment_totals)
from ..lexicons import lexicon_version, load_yaml_lexicon
from .hubs import activity_places, top_hubs
from .score import ThemeScores

__all__ = ["actors_in_evidence", "evidence_by_language", "frame_table", "theme_articles", "load_gazetteer", "place_mentions", "hub_of_articles",
           "hub_profiles", "investment_table", "distinct_investments", "investment_totals", "investment_event_list",
           "investment_events", "evidence_support"]

def load_gazetteer() -> pd.DataFrame:
    """The place gazetteer of the extraction layer (``data/lexicons/gazetteer.csv``): the same
    table the place ids of :func:`ainews.extract_entities` come from."""
    return gazetteer().copy()


def theme_articles(result: ThemeScores, articles: pd.DataFrame, theme: str) -> pd.DataFrame:
    """Articles whose primary theme is ``theme``, strongest first, with title and language."""
    cols = [c for c in ("doc_id", "title", "outlet", "lang", "published") if c in articles.columns]
    prim = result.primary[result.primary.primary_theme == theme]
    return (prim.merge(articles[cols], on="doc_id").sort_values("score", ascending=False)
            .reset_index(drop=True))


def frame_table(result: ThemeScores, articles: pd.DataFrame, theme: str) -> pd.DataFrame:
    """Sub-frames of ``theme``: articles and hits per frame and language.

    Returns:
        One row per frame: ``frame, name_en, name_ko``, ``articles_<lang>`` (articles with a
        hit of that frame) and ``hits`` (all occurrences), most articles first.
    """
    hits = result.hits[result.hits.theme == theme].merge(articles[["doc_id", "lang"]], on="doc_id")
    frames = result.lexicon.frames[result.lexicon.frames.theme == theme].set_index("frame")
    terms = result.lexicon.terms
    scoring = set(terms.frame[(terms.theme == theme) & (terms.weight > 0)])
    frames = frames[frames.index.isin(scoring)]  # marker frames (weight 0) are not frames of meaning
    table = hits.groupby(["frame", "lang"]).doc_id.nunique().unstack(fill_value=0)
    table.columns = [f"articles_{c}" for c in table.columns]
    table["hits"] = hits.groupby("frame").size()
    table = table.reindex(frames.index.union(table.index), fill_value=0)
    table.insert(0, "name_ko", frames.name_ko.reindex(table.index).fillna(table.index.to_series()))
    table.insert(0, "name_en", frames.name_en.reindex(table.index).fillna(table.index.to_series()))
    table["all_articles"] = hits.groupby("frame").doc_id.nunique().reindex(table.index, fill_value=0)
    return table.sort_values("all_articles", ascending=False).rename_axis("frame").reset_index()


def place_mentions(entities: pd.DataFrame, *, countries=("KR", "JP"), kinds=None, roles=None) -> pd.DataFrame:
    """Mentions of gazetteer places inside ``countries`` (countries themselves left out).

    ``roles`` keeps only mentions with those ``place_role`` values (e.g. ``("activity",)`` for the
    places where something happens, without datelines, venues and passing mentions).

    Returns:
        ``place_id, name_en, name_ko, kind, country, lat, lon, mentions, articles``, most
        mentioned first.
    """
    gz = load_gazetteer().set_index("id")
    places = entities[(entities.kind == "place") & entities.place_id.notna()]
    if roles is not None and "place_role" in places.columns:
        places = places[places.place_role.isin(roles)]
    places = places[places.place_id.isin(gz.index)]
    meta = gz.loc[places.place_id.unique()]
    keep = meta[(meta.country.isin(countries)) & (meta.kind != "country")]
    if kinds is not None:
        keep = keep[keep.kind.isin(kinds)]
    places = places[places.place_id.isin(keep.index)]
    agg = places.groupby("place_id").agg(mentions=("doc_id", "size"), articles=("doc_id", "nunique"))
    out = keep[["name_en", "name_ko", "kind", "country", "lat", "lon"]].join(agg, how="inner")
    return out.rename_axis("place_id").reset_index().sort_values("mentions", ascending=False,
                                                                   ignore_index=True)


def hub_of_articles(entities: pd.DataFrame, doc_ids, *, hubs=None) -> pd.Series:
    """The hub each article is about: the hub among ``hubs`` it names most as a place of activity.

    Only places where something happens count (``place_role == 'activity'``; datelines, venues and
    passing mentions do not); districts count for their city (``KR-11-gangnam`` -> ``KR-11``).
    ``hubs`` defaults to the three places these articles name most (see :func:`top_hubs`).
    Articles naming none of ``hubs`` but another Korean or Japanese place get ``"other"``; those
    naming no place get none.
    """
    ent = activity_places(entities, doc_ids)
    if hubs is None:
        counts = ent.groupby("hub").doc_id.nunique()
        hubs = list(counts.reset_index().sort_values(["doc_id", "hub"], ascending=[False, True]).hub.head(3))
    counts = ent.groupby(["doc_id", "hub"]).size().reset_index(name="n").rename(columns={"hub": "city"})
    counts["hub"] = counts.city.where(counts.city.isin(hubs), "other")
    # the hub with most mentions; a named hub beats "other" at equal counts
    counts["named"] = counts.hub != "other"
    best = counts.sort_values(["doc_id", "n", "named"], ascending=[True, False, False]).drop_duplicates("doc_id")
    return best.set_index("doc_id").hub


def hub_profiles(result: ThemeScores, entities: pd.DataFrame, quotes: pd.DataFrame, *,
                 hubs=None, n_hubs: int = 3, top: int = 5) -> pd.DataFrame:
    """Compare hubs over the articles whose primary theme is ``regional_hubs``.

    ``hubs`` (gazetteer ids) defaults to the ``n_hubs`` places those articles name most as where
    AI or industry happens (:func:`ainews.themes.top_hubs`), so the comparison follows the corpus.

    Returns:
        One row per hub (gazetteer names, plus ``other``): ``hub_id``, ``hub``, ``hub_ko``,
        ``articles``, ``speakers`` (most quoted people, with counts), ``organizations`` (most named),
        ``programmes`` (the strongest hub and local-government terms in those articles) and ``doc_ids``.
    """
    docs = result.primary[result.primary.primary_theme == "regional_hubs"].doc_id
    if hubs is None:
        hubs = list(top_hubs(result, entities, n=n_hubs).place_id)
    hub = hub_of_articles(entities, docs, hubs=hubs)
    gz = load_gazetteer().set_index("id")
    rows = []
    for h in list(hubs) + ["other"]:
        ids = set(hub[hub == h].index)
        q = quotes[quotes.doc_id.isin(ids) & quotes.speaker.notna()]
        o = _named_orgs(entities[entities.doc_id.isin(ids) & (entities.kind == "org")])
        t = result.hits[result.hits.doc_id.isin(ids) & (result.hits.theme == "regional_hubs")
                        & result.hits.frame.isin(["hub", "local_government"])]
        rows.append({
            "hub_id": h,
            "hub": gz.at[h, "name_en"] if h in gz.index else h,
            "hub_ko": gz.at[h, "name_ko"] if h in gz.index else "기타",
            "articles": len(ids),
            "speakers": _top(q.speaker, top),
            "organizations": _top(o.name.fillna(o.text), top),
            "programmes": _top(t.text, top),
            "doc_ids": sorted(ids),
        })
    return pd.DataFrame(rows)


def _top(values: pd.Series, n: int) -> str:
    counts = values.astype(str).value_counts().head(n)
    return ", ".join(f"{k} ({v})" for k, v in counts.items())


_EVENT = {
    "branch": r"(?i:branch|office|subsidiar|base\b)|지사|법인|사무소|거점",
    "data centre": r"(?i:data ?cent(?:er|re))|데이터센터",
    "MOU / partnership": r"(?i:MOU|memorandum|partner|alliance)|업무협약|협약|파트너|제휴",
}


def investment_events(result: ThemeScores, entities: pd.DataFrame) -> pd.DataFrame:
    """Non-monetary investment events: foreign-investment evidence sentences about branches,
    data centres, MOUs and partnerships, with the organizations named in each.

    Returns:
        ``doc_id, event, organizations, sentence, start, end, strength``, strongest first.
    """
    ev = result.evidence[result.evidence.theme == "foreign_investment"]
    orgs = _named_orgs(entities[(entities.kind == "org") & entities.doc_id.isin(set(ev.doc_id))])
    rows = []
    for r in ev.itertuples():
        kinds = [k for k, rx in _EVENT.items() if re.search(rx, r.sentence)]
        if not kinds:
            continue
        named = orgs[(orgs.doc_id == r.doc_id) & (orgs.start >= r.start) & (orgs.start < r.end)]
        rows.append({"doc_id": r.doc_id, "event": ", ".join(kinds),
                     "organizations": ", ".join(dict.fromkeys(named.name.fillna(named.text))),
                     "sentence": r.sentence, "start": r.start, "end": r.end, "strength": r.strength})
    cols = ["doc_id", "event", "organizations", "sentence", "start", "end", "strength"]
    return pd.DataFrame(rows, columns=cols).sort_values("strength", ascending=False, ignore_index=True)


def evidence_support(result: ThemeScores, theme: str, *, min_articles: int = 20) -> dict:
    """How much evidence a theme has in this corpus, for a chapter's closing paragraph.

    Returns:
        ``n_articles`` (corpus), ``n_primary``, ``pct_primary``, ``n_scored`` (articles with
        any hit), ``n_sentences`` (evidence sentences), ``n_outlet_langs`` is not computed here;
        ``enough`` is True when at least ``min_articles`` articles have ``theme`` as primary,
        the level below which shares and comparisons are anecdotes rather than patterns.
    """
    n = len(result.primary)
    n_primary = int((result.primary.primary_theme == theme).sum())
    sc = result.scores[result.scores.theme == theme]
    out = {"n_articles": n, "n_primary": n_primary,
           "pct_primary": round(100 * n_primary / n, 1) if n else 0.0,
           "n_scored": int((sc.score > 0).sum()),
           "n_sentences": int((result.evidence.theme == theme).sum()),
           "min_articles": min_articles, "enough": n_primary >= min_articles}
    if out["enough"]:
        out["verdict"] = (f"With {n_primary} articles led by this theme, counts per frame, place or "
                          "investor describe a pattern in this corpus; they do not measure the "
                          "press at large, and differences of a few articles are within noise.")
    else:
        out["verdict"] = (f"With {n_primary} article(s) led by this theme (fewer than {min_articles}), "
                          "the tables are case material: they show what the articles say and "
                          "where, but shares and comparisons between groups are anecdotes, "
                          "not patterns.")
    return out


def _named_orgs(entities: pd.DataFrame) -> pd.DataFrame:
    # Drop "organizations" that the concept map knows as terms (데이터센터 = data centre).
    from ..lang import concept_of, load_concepts

    kinds = load_concepts().drop_duplicates("concept").set_index("concept").kind
    is_term = [kinds.get(concept_of(str(t)) or "", "") == "term" for t in entities.text]
    return entities[~pd.Series(is_term, index=entities.index, dtype=bool)]


def actors_in_evidence(result: ThemeScores, entities: pd.DataFrame, theme: str, *, top: int = 10) -> pd.DataFrame:
    """Entities named inside ``theme``'s evidence sentences: who and where the theme is about.

    Returns:
        ``kind, name, mentions, articles`` (top ``top`` per kind: person, org, place).
    """
    ev = result.evidence[result.evidence.theme == theme]
    if ev.empty or entities.empty:
        return pd.DataFrame(columns=["kind", "name", "mentions", "articles"])
    spans = ev[["doc_id", "start", "end"]].rename(columns={"start": "s0", "end": "s1"})
    ent = _named_orgs(entities[entities.doc_id.isin(set(ev.doc_id))]).merge(spans, on="doc_id")
    ent = ent[(ent.start >= ent.s0) & (ent.start < ent.s1)].drop_duplicates(["doc_id", "start", "end"])
    ent = ent.assign(label=ent.name.fillna(ent.text))
    agg = ent.groupby(["kind", "label"]).agg(mentions=("doc_id", "size"), articles=("doc_id", "nunique"))
    agg = agg.reset_index().rename(columns={"label": "name"})
    return (agg.sort_values(["kind", "mentions"], ascending=[True, False]).groupby("kind").head(top)
            .reset_index(drop=True))


def evidence_by_language(result: ThemeScores, articles: pd.DataFrame, theme: str, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` strongest evidence sentences of ``theme`` in each language, one per article."""
    cols = [c for c in ("doc_id", "lang", "title") if c in articles.columns]
    ev = result.evidence[result.evidence.theme == theme].merge(articles[cols], on="doc_id")
    ev = ev.drop_duplicates("doc_id")  # evidence is ranked: the first row is the article's strongest
    return (ev.groupby("lang", sort=True).head(n)
            [["lang", "doc_id", "sentence", "terms", "frames", "strength", "start", "end"]]
            .reset_index(drop=True))
