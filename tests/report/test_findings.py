"""Corpus findings and cleaning summaries on the seed articles."""

from __future__ import annotations

from ainews.report import corpus_findings, get_articles_by_month, get_cleaning_summary, get_input_summary


def test_findings_on_seeds(seed_articles):
    articles, report = seed_articles
    f = corpus_findings(articles, report)
    assert f["n_articles"] == str(len(articles)) == "5"
    assert f["languages"] == "4 in English and 1 in Korean"
    assert f["n_outlets"] == str(articles["outlet"].nunique())
    assert int(f["n_lines_dropped"].replace(",", "")) == sum(len(d) for d in articles["dropped"])


def test_cleaning_summary_counts_every_removed_line(seed_articles):
    articles, _ = seed_articles
    summary = get_cleaning_summary(articles)
    reasons = [r for d in articles["dropped"] for _, r in d]
    assert summary["lines"].sum() == len(reasons)
    assert dict(zip(summary["reason"], summary["lines"])) == {r: reasons.count(r) for r in set(reasons)}
    assert list(summary["lines"]) == sorted(summary["lines"], reverse=True)
    assert not summary["examples"].str.contains("@mt.co.kr").any()  # the byline e-mail is masked


def test_input_summary_matches_report(seed_articles):
    _, report = seed_articles
    summary = get_input_summary(report).set_index("outcome")
    assert summary.loc["ingested", "inputs"] == 5


def test_articles_by_month_counts_undated(seed_articles):
    articles, _ = seed_articles
    by_month = get_articles_by_month(articles)
    assert by_month["articles"].sum() == len(articles)
    assert set(by_month["month"]) <= {"undated"} | set(articles["published"].dt.strftime("%Y-%m").dropna())


def test_theme_findings_on_the_seeds(seed_articles):
    from ainews.report import theme_findings

    articles, _ = seed_articles
    found = theme_findings(articles)
    # two of the five seeds are mainly about data sovereignty, two about regional hubs, one about
    # foreign investment (the human reading of issue 6); the column's three pledges go to Japan
    assert found["ds_primary"] == "2 of 5 articles (40%)"
    assert found["rh_primary"] == "2 of 5 articles (40%)"
    assert found["fi_primary"] == "1 of 5 articles (20%)"
    assert found["fi_investments"] == "3 distinct investment events"
    # only Oracle's sentence states the destination ("in Japan"): the sum is its US$8 billion alone,
    # never added to amounts of another kind
    assert found["fi_destinations"] == "Japan US$8.0 billion (1 event), Korea: none"
    assert found["fi_kinds"] == "3 investment events"
    # the most named place of activity (not a dateline or venue) is one of the two hubs the seeds are about
    assert found["rh_top_place"].split(",")[0] in {"Seoul (서울)", "Gwangju (광주)"}
