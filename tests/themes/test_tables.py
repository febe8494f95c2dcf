"""Chapter tables on the seeds: investments, events, places and hubs keep their evidence."""

from __future__ import annotations

import pandas as pd
import pytest

import ainews
from ainews.themes import (
    actors_in_evidence,
    evidence_by_language,
    evidence_support,
    frame_table,
    hub_profiles,
    investment_events,
    investment_table,
    place_mentions,
)



@pytest.fixture(scope="module")
def result(seeds):
    return ainews.score_themes(seeds)


@pytest.fixture(scope="module")
def entities(seeds):
    return ainews.extract_entities(seeds)


def _doc(seeds, seed):
    return seeds.set_index("seed").at[seed, "doc_id"]


def test_investment_table_has_the_three_japan_investments(seeds, result):
    inv = investment_table(ainews.extract_amounts(seeds), result)
    col = inv[inv.doc_id == _doc(seeds, "001")]
    assert set(col.destination_country) == {"JP"}
    assert {"Microsoft", "Amazon", "Oracle"} <= set(col.investor.dropna().str.replace(r"\s*\(.*", "", regex=True))
    assert col.value_usd.is_monotonic_decreasing
    bodies = dict(zip(seeds.doc_id, seeds.body))
    for r in col.itertuples():
        assert bodies[r.doc_id][r.start:r.end] == r.amount


def test_investment_events_find_the_openai_branch(seeds, result, entities):
    ev = investment_events(result, entities)
    openai = ev[ev.doc_id == _doc(seeds, "002")]
    assert openai.event.str.contains("branch").any()
    assert openai.organizations.str.contains("OpenAI").any()


@pytest.mark.parametrize("place", ["Seoul", "Gwangju", "Gyeongju"])
def test_place_mentions_locate_the_seed_cities(entities, place):
    places = place_mentions(entities)
    row = places[places.name_en == place]
    assert len(row) == 1 and row.mentions.iloc[0] >= 1
    assert 33 < row.lat.iloc[0] < 39 and 126 < row.lon.iloc[0] < 130
    assert "KR" not in set(places.place_id)  # countries are left out of the map


def test_hub_profiles_assign_seoul_and_gwangju(seeds, result, entities):
    quotes = ainews.extract_quotes(seeds)
    prof = hub_profiles(result, entities, quotes).set_index("hub")
    assert _doc(seeds, "004") in prof.at["Seoul", "doc_ids"]
    assert _doc(seeds, "003") in prof.at["Gwangju", "doc_ids"]
    assert "Oh Se-hoon" in prof.at["Seoul", "speakers"] or "Oh" in prof.at["Seoul", "speakers"]


def test_frames_actors_and_evidence(seeds, result, entities):
    frames = frame_table(result, seeds, "data_sovereignty").set_index("frame")
    assert frames.at["cooperation", "all_articles"] >= 1     # 000: share data with Japan
    assert frames.at["sovereignty", "all_articles"] >= 1     # 001: GDPR, LINE incident
    actors = actors_in_evidence(result, entities, "data_sovereignty")
    assert {"Japan", "China"} & set(actors.name)
    ev = evidence_by_language(result, seeds, "regional_hubs", n=2)
    assert set(ev.lang) == {"ko", "en"}


def test_evidence_support_verdict(result):
    few = evidence_support(result, "regional_hubs", min_articles=20)
    assert few["n_primary"] == 2 and not few["enough"] and "anecdotes" in few["verdict"]
    assert evidence_support(result, "regional_hubs", min_articles=1)["enough"]


def test_theme_figures_carry_their_data(seeds, result, entities):
    from ainews.viz_themes import plot_destinations, plot_frames, plot_investments, plot_place_map, plot_theme_shares

    summary = result.summary()
    fig = plot_theme_shares(summary)
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert widths == list(summary.pct_primary)
    fig = plot_place_map(place_mentions(entities))
    offsets = fig.axes[0].collections[0].get_offsets()
    assert len(offsets) == len(place_mentions(entities))
    labels = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "서울" in labels and "Gwangju" in labels
    inv = investment_table(ainews.extract_amounts(seeds), result)
    fig = plot_investments(inv)
    assert len(fig.axes[0].patches) == inv.value_usd.notna().sum()
    fig = plot_destinations(inv)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["JP"]
    assert len(plot_frames(frame_table(result, seeds, "data_sovereignty")).axes[0].patches) > 0


@pytest.mark.parametrize("sentence, amount, expected", [
    ("수출 7000억달러 및 외국인투자 350억달러 달성", "7000억달러", False),
    # a national target or statistic is not anyone's pledge
    ("수출 7000억달러 및 외국인투자 350억달러 달성", "350억달러", False),
    ("외국인직접투자 신고액은 350억달러를 기록했다", "350억달러", False),
    ("1위 아마존은 R&D에 653억유로를 투자했다", "653억유로", False),
    ("외국인투자 350억달러 유치에 나선다", "350억달러", True),
    ("it will invest more than $8 billion in Japan", "$8 billion", True),
    ("revenue rose to $8 billion, and it will invest in Japan", "$8 billion", False),
    ("향후 5년간 약 90억 달러 투자 계획", "90억 달러", True),
])
def test_investing_word_must_belong_to_the_amount(sentence, amount, expected):
    from ainews.themes.investment_tables import _near_invest

    start = sentence.index(amount)
    assert _near_invest(sentence, start, start + len(amount)) is expected


def test_distinct_investments_merge_syndicated_reports(seeds, result):
    inv = investment_table(ainews.extract_amounts(seeds), result)
    doubled = pd.concat([inv, inv.assign(doc_id="copy")], ignore_index=True)
    from ainews.themes import distinct_investments

    d = distinct_investments(doubled)
    assert len(d) == len(inv) and (d.n_reports == 2).all()
    assert all(len(ids) == 2 for ids in d.doc_ids)


def test_totals_add_only_distinct_events_of_one_kind(seeds, result):
    from ainews.themes import distinct_investments, investment_event_list, investment_totals

    inv = ainews.extract_investments(seeds)
    table = investment_table(pd.concat([inv, inv.assign(doc_id="copy")], ignore_index=True), result)
    distinct = distinct_investments(table)
    assert len(distinct) == 3 and (distinct.n_reports == 1).all()  # the copy is not in the evidence
    totals = investment_totals(distinct)
    # only Oracle's sentence states Japan; the other two are listed, not summed
    assert totals[["kind", "destination_country", "n_events"]].values.tolist() == [["investment", "JP", 1]]
    assert totals.value_usd.iloc[0] == pytest.approx(8e9)
    listed = investment_event_list(distinct, seeds)
    assert set(listed.columns) >= {"investor", "destination", "amount", "kind", "status", "date", "outlet", "sentence"}
    assert listed.investor.tolist() == ["Amazon", "Oracle", "Microsoft"]  # largest US$ first
    assert set(listed.kind) == {"investment"} and set(listed.status) == {"pledged"}


def test_amount_kinds_keep_non_events_out_of_the_table():
    amounts = ainews.extract_amounts(pd.DataFrame({"doc_id": ["k"], "lang": ["ko"], "body": [
        "올해 누적 수출액이 7000억달러를 넘어섰다. 빅테크기업의 AI 투자 규모가 3조달러에 달할 것으로 전망된다. "
        "삼성전자는 용인에 360조원을 투자할 계획이다."]}))
    assert investment_table(amounts).amount.tolist() == ["360조원"]


def test_national_statistics_are_not_added_to_events():
    from ainews.themes import investment_totals

    distinct = pd.DataFrame({
        "event_id": ["e1", "e2"], "investor": ["외국인직접투자", "삼성전자"], "investor_kind": ["collective", "org"],
        "destination_country": ["KR", "KR"], "destination_how": ["sentence", "sentence"],
        "kind": ["investment", "investment"], "value_usd": [3.5e10, 2.0e9], "doc_id": ["a", "b"], "start": [0, 0]})
    assert investment_totals(distinct).value_usd.tolist() == [2.0e9]
    assert investment_totals(distinct, include_collective=True).value_usd.tolist() == [3.7e10]


def test_top_hubs_are_found_in_the_articles(seeds, result, entities):
    from ainews.themes import top_hubs

    hubs = top_hubs(result, entities, n=None)
    assert {"KR-11", "KR-29"} <= set(hubs.place_id)          # Seoul (004) and Gwangju (003) lead
    assert hubs.articles.is_monotonic_decreasing and (hubs.kind != "country").all()
    gwangju = hubs.set_index("place_id").at["KR-29", "doc_ids"]
    assert _doc(seeds, "003") in gwangju
    only = place_mentions(entities, roles=("activity",))
    assert set(hubs.place_id) <= set(only.place_id)


def test_hubs_ignore_datelines_and_venues():
    from types import SimpleNamespace

    from ainews.themes import top_hubs

    ents = ainews.extract_entities(pd.DataFrame({
        "doc_id": ["a", "b"], "lang": ["ko", "ko"],
        "body": ["(서울=연합뉴스) 울산시가 AI 데이터센터를 유치했다.", "[서울=뉴시스] 울산 AI 수도 계획에 예산을 편성했다."]}))
    fake = SimpleNamespace(primary=pd.DataFrame({"doc_id": ["a", "b"], "primary_theme": ["regional_hubs"] * 2}))
    hubs = top_hubs(fake, ents)
    assert hubs.place_id.tolist() == ["KR-31"] and hubs.articles.iloc[0] == 2
