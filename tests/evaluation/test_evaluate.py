"""``ainews.evaluate`` and ``ainews evaluate`` on the seeds, with labels written by the test."""

import json

import pandas as pd
import pytest

import ainews
from ainews.cli import main
from ainews.evaluation import GoldError, evaluate, load_gold


@pytest.fixture(scope="module")
def seeds():
    articles, _ = ainews.ingest(ainews.config.RAW, progress=False)
    return articles


def _labels(seeds, **over):
    """Labels for two seed articles: a careful reading of their primary themes."""
    by = {s.rsplit("/", 1)[-1][:3]: s for s in seeds.source}
    gold = {by["002"]: {"primary": "foreign_investment", "themes": {"foreign_investment": 2},
                        "speakers": [], "places": [], "amounts": []},
            by["003"]: {"primary": "regional_hubs", "themes": {"regional_hubs": 2},
                        "speakers": [], "places": [], "amounts": []}}
    for k, v in over.items():
        gold[by[k]].update(v)
    return gold


def test_evaluate_counts_what_it_is_given(seeds):
    res = evaluate(_labels(seeds), seeds, tasks=["themes"])
    assert res.n_articles == 2 and res.missing == []
    prim = res.tables["primary"].set_index("label")
    assert int(prim.loc["accuracy", "support"]) == 2
    conf = res.tables["primary_confusion"].set_index("gold")
    assert int(conf.values.sum()) == 2
    acc = res.summary.set_index(["task", "metric"]).loc[("primary theme", "accuracy"), "value"]
    # accuracy is the share of the diagonal, whatever the system predicts
    assert acc == pytest.approx(sum(conf.loc[c, c] for c in conf.index) / 2)


def test_a_speaker_nobody_quoted_lowers_recall(seeds):
    gold = _labels(seeds, **{"003": {"speakers": ["Nobody Quoted-Here"]}})
    res = evaluate(gold, seeds, tasks=["speakers"])
    s = res.tables["quote_speakers"].iloc[0]
    assert s["n_gold"] == 1 and s["recall"] == 0.0
    assert "nobodyquotedhere" in res.details.gold.str.cat()


def test_missing_keys_are_reported_and_unknown_only_is_an_error(seeds):
    gold = _labels(seeds)
    gold["not-a-file.md"] = {"primary": "none"}
    assert evaluate(gold, seeds, tasks=["themes"]).missing == ["not-a-file.md"]
    with pytest.raises(GoldError, match="none of the 1 labelled articles"):
        evaluate({"x.md": {"primary": "none"}}, seeds)


@pytest.mark.parametrize("entry, msg", [
    ({"primary": "sports"}, "not one of"),
    ({"primary": "none", "themes": {"regional_hubs": 3}}, "grade 3"),
    ({"primary": "none", "amounts": [{"value": "five", "currency": "KRW"}]}, "no numeric value"),
    ({"primary": "none", "amounts": [{"value": 5}]}, "no currency"),
])
def test_bad_gold_names_file_article_and_fix(tmp_path, entry, msg):
    p = tmp_path / "g.json"
    p.write_text(json.dumps({"a.md": entry}), encoding="utf-8")
    with pytest.raises(GoldError, match=msg) as e:
        load_gold(p)
    assert str(p) in str(e.value) and "'a.md'" in str(e.value)


def test_cli_writes_tables(seeds, tmp_path, capsys):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(_labels(seeds)), encoding="utf-8")
    assert main(["evaluate", str(gold), str(ainews.config.RAW), "--tasks", "themes", "amounts",
                 "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "primary theme" in out and "accuracy" in out and ">= 0.85" in out
    summary = pd.read_csv(tmp_path / "out" / "summary.csv")
    assert {"primary theme", "money amounts"} <= set(summary.task)


def test_cli_bad_gold_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["evaluate", str(bad), str(ainews.config.RAW)]) == 2
    assert "is not UTF-8 JSON" in capsys.readouterr().err


def test_cli_all_skips_absent_sets(tmp_path, capsys):
    sets = tmp_path / "sets.yml"
    sets.write_text("- name: absent\n  labels: /nonexistent/gold.json\n  articles: /nonexistent/folder\n")
    assert main(["evaluate", "--all", "--sets", str(sets)]) == 0
    out = capsys.readouterr().out
    assert "skipping absent" in out and "nothing evaluated" in out
