"""Articles per Korean province and Japanese prefecture, the data of the regional map."""

from __future__ import annotations

import pandas as pd

__all__ = ["region_articles"]

_NO_REGION = pd.DataFrame(columns=["region_id", "country", "name_en", "name_ko", "name_ja", "articles",
                                   "mentions", "places"])


def _place_rows(entities: pd.DataFrame, doc_ids) -> pd.DataFrame:
    from ..themes import activity_places

    # Where AI is built, not where the article was filed or an event was held; every place
    # counts when the extraction marked none as a place of activity.
    rows = activity_places(entities, doc_ids)
    if rows.empty and "place_role" in entities.columns:
        rows = activity_places(entities.drop(columns="place_role"), doc_ids)
    return rows.dropna(subset=["lat", "lon"])


def region_articles(entities: pd.DataFrame, doc_ids=None) -> pd.DataFrame:
    """Articles naming a place in each Korean province or Japanese prefecture.

    A place is assigned to the province or prefecture that contains its gazetteer coordinates
    (so 판교 counts for 경기도, Gangnam for Seoul). When entities carry ``place_role``, only the
    places where activity happens count.

    Args:
        entities: :func:`ainews.extract_entities` output.
        doc_ids: the articles to count (e.g. those whose primary theme is regional hubs);
            all when ``None``.

    Returns:
        A table with one row per region holding at least one article, with ``region_id`` (gazetteer id, e.g.
        ``KR-29``), ``country``, ``name_en``, ``name_ko``, ``name_ja``, ``articles`` (distinct
        articles), ``mentions`` and ``places`` (the places named, most mentioned first), most
        articles first.
    """
    from ..themes import load_gazetteer
    from ..viz.regions import region_of

    rows = _place_rows(entities, doc_ids)
    if rows.empty:
        return _NO_REGION.copy()
    first = rows.drop_duplicates("place_id").set_index("place_id")
    region = {pid: region_of(r.lat, r.lon, pid[:2]) for pid, r in first.iterrows()}
    rows = rows.assign(region_id=rows["place_id"].map(region)).dropna(subset=["region_id"])
    gz = load_gazetteer().set_index("id")
    names = rows["place_id"].map(lambda p: gz.at[p, "name_en"] if p in gz.index else p)
    out = (rows.assign(place=names).groupby("region_id")
           .agg(articles=("doc_id", "nunique"), mentions=("doc_id", "size"),
                places=("place", lambda s: ", ".join(s.value_counts().index[:5])))
           .reset_index())
    out["country"] = out["region_id"].str[:2]
    for col in ("name_en", "name_ko", "name_ja"):
        out[col] = out["region_id"].map(lambda r, c=col: gz.at[r, c] if r in gz.index else r)
    cols = ["region_id", "country", "name_en", "name_ko", "name_ja", "articles", "mentions", "places"]
    return out[cols].sort_values(["articles", "mentions"], ascending=False, ignore_index=True)
