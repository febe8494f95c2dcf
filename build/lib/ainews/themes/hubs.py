"""The hubs of the regional-hubs theme, found in the corpus rather than fixed in advance.

A hub is a Korean or Japanese place that the articles led by the ``regional_hubs`` theme name as
the place where something happens (entity rows with ``place_role == 'activity'``, see
:mod:`ainews.extract.places`). Districts count for their city (기흥구 -> 용인시, 강남구 -> 서울); zones,
cities, provinces and regions stand for themselves (판교, 새만금, 수도권).
"""

from __future__ import annotations

import pandas as pd

from ..extract._lexicon import gazetteer
from .score import ThemeScores

__all__ = ["hub_id", "top_hubs", "activity_places"]


def hub_id(place_id: str) -> str:
    """The hub a place counts for: a district's city, else the place itself."""
    gz = _meta()
    kind, parent = gz.get(place_id, ("", ""))
    return parent if kind == "district" and parent else place_id


def _meta() -> dict[str, tuple[str, str]]:
    gz = gazetteer()
    parents = gz["parent"] if "parent" in gz.columns else pd.Series("", index=gz.index)
    return dict(zip(gz["id"], zip(gz["kind"], parents)))


def activity_places(entities: pd.DataFrame, doc_ids=None, *, countries=("KR", "JP")) -> pd.DataFrame:
    """Place rows naming where something happens, with their ``hub`` (districts rolled up to cities).

    Rows with ``place_role == 'activity'`` (every place row when the column is missing, as in
    tables built before roles existed), inside ``countries``, countries themselves left out.
    """
    gz = gazetteer().set_index("id")
    rows = entities[(entities.kind == "place") & entities.place_id.notna()]
    if doc_ids is not None:
        rows = rows[rows.doc_id.isin(set(doc_ids))]
    if "place_role" in rows.columns:
        rows = rows[rows.place_role == "activity"]
    keep = gz[gz.country.isin(countries) & (gz.kind != "country")].index
    rows = rows[rows.place_id.isin(keep)].copy()
    rows["hub"] = rows.place_id.map(hub_id)
    return rows


def top_hubs(result: ThemeScores, entities: pd.DataFrame, *, n: int = 3, theme: str = "regional_hubs",
             countries=("KR", "JP")) -> pd.DataFrame:
    """The places the articles led by ``theme`` name most as where AI or industry happens.

    Args:
        result: theme scores (:func:`ainews.score_themes`); its ``primary`` picks the articles.
        entities: :func:`ainews.extract_entities` of the same articles.
        n: how many hubs to return (all when ``None``).
        theme: the theme whose articles are counted.
        countries: ISO codes of the countries whose places count.

    Returns:
        ``place_id, name_en, name_ko, kind, country, lat, lon, articles, mentions, doc_ids``: one row
        per hub, most articles first (then most mentions, then id, so ties are stable).
    """
    if not isinstance(entities, pd.DataFrame) or not {"kind", "place_id", "doc_id"} <= set(entities.columns):
        raise ValueError("entities must be the table of ainews.extract_entities(articles) "
                         "(columns doc_id, kind, place_id, place_role)")
    docs = result.primary[result.primary.primary_theme == theme].doc_id
    rows = activity_places(entities, docs, countries=countries)
    cols = ["place_id", "name_en", "name_ko", "kind", "country", "lat", "lon", "articles", "mentions", "doc_ids"]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    agg = rows.groupby("hub").agg(articles=("doc_id", "nunique"), mentions=("doc_id", "size"),
                                  doc_ids=("doc_id", lambda s: sorted(set(s))))
    gz = gazetteer().set_index("id")
    out = gz.loc[agg.index, ["name_en", "name_ko", "kind", "country", "lat", "lon"]].join(agg)
    out = out.rename_axis("place_id").reset_index()
    out = out.sort_values(["articles", "mentions", "place_id"], ascending=[False, False, True], ignore_index=True)
    return out[cols] if n is None else out[cols].head(n).reset_index(drop=True)
