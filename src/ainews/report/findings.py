"""Corpus-level numbers for the report's text: what was read, what cleaning removed.

Everything here is computed from the articles table and the ingest report, so the introduction
and the "Data and method" chapter update when articles are added.
"""

from __future__ import annotations

import pandas as pd

from .cache import cached
from .safety import mask_contacts

__all__ = ["corpus_findings", "get_cleaning_summary", "get_input_summary", "get_articles_by_month", "lead_sentence"]

_LANGS = {"ko": "Korean", "en": "English", "ja": "Japanese", "und": "undetermined"}


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def corpus_findings(articles: pd.DataFrame, report: pd.DataFrame) -> dict[str, str]:
    """Numbers and short phrases about the corpus, ready to be glued into prose.

    Args:
        articles: the articles (:func:`ainews.get_articles`, duplicates left out).
        report: the ingest report (:func:`ainews.get_ingest_report`).

    Returns:
        Formatted strings by key, ``n_articles``, ``n_outlets``, ``languages`` (e.g. "4 in English and
        1 in Korean"), ``period`` ("published between 2025-12-01 and 2025-12-31"), ``date_span`` ("2025-12-01 to 2025-12-31" or a note that no dates were
        found), ``n_dated``, ``n_inputs``, ``n_duplicates``, ``n_skipped``, ``n_lines_dropped``,
        ``top_drop_reason``, ``n_chars``.
    """
    files = report[report["level"] == "file"] if "level" in report else report
    langs = articles["lang"].map(lambda x: _LANGS.get(x, x)).value_counts()
    lang_parts = [f"{n:,} in {name}" for name, n in langs.items()]
    languages = (", ".join(lang_parts[:-1]) + " and " + lang_parts[-1]) if len(lang_parts) > 1 else "".join(lang_parts)
    dated = articles["published"].dropna() if "published" in articles else pd.Series(dtype="datetime64[ns]")
    if len(dated):
        span = f"{dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}"
        period = f"published between {dated.min():%Y-%m-%d} and {dated.max():%Y-%m-%d}"
    else:
        span = "unknown (no article carries a full date)"
        period = "none of them with a full publication date"
    cleaning = get_cleaning_summary(articles)
    outlets = articles["outlet"].replace("", pd.NA).dropna()
    return {
        "n_articles": f"{len(articles):,}",
        "n_outlets": f"{outlets.nunique():,}",
        "languages": languages or "none",
        "date_span": span,
        "period": period,
        "n_dated": f"{len(dated):,}",
        "n_inputs": f"{int(files['n_inputs'].sum()):,}" if "n_inputs" in files else f"{len(files):,}",
        "n_files": f"{len(files):,}",
        "n_duplicates": f"{int(files['n_duplicate'].sum()):,}" if "n_duplicate" in files else "0",
        "n_skipped": f"{int(files['n_skipped'].sum()):,}" if "n_skipped" in files else "0",
        "n_lines_dropped": f"{int(cleaning['lines'].sum()):,}",
        "top_drop_reason": (f"{cleaning['reason'].iloc[0]} ({_count(int(cleaning['lines'].iloc[0]), 'line')})"
                            if len(cleaning) else "none"),
        "n_chars": f"{int(articles['n_chars'].sum()):,}",
    }


def get_cleaning_summary(articles: pd.DataFrame, *, examples: int = 2) -> pd.DataFrame:
    """Lines the cleaner removed from article pages, by reason (from the ``dropped`` column).

    Returns:
        Columns ``reason``, ``lines`` (lines removed), ``articles`` (articles with at least one
        such line), ``examples`` (a few removed lines, contact details masked), most lines first.
    """
    rows = [
        (doc, str(reason), str(line))
        for doc, dropped in zip(articles["doc_id"], articles.get("dropped", pd.Series([[]] * len(articles))))
        for line, reason in (dropped if dropped is not None else [])
    ]
    if not rows:
        return pd.DataFrame({"reason": pd.Series(dtype=str), "lines": pd.Series(dtype=int),
                             "articles": pd.Series(dtype=int), "examples": pd.Series(dtype=str)})
    long = pd.DataFrame(rows, columns=["doc_id", "reason", "line"])
    out = long.groupby("reason").agg(
        lines=("line", "size"),
        articles=("doc_id", "nunique"),
        examples=("line", lambda s: " | ".join(mask_contacts(x)[:60] for x in dict.fromkeys(s))
                  if examples else ""),
    )
    if examples:
        out["examples"] = [" | ".join(e.split(" | ")[:examples]) for e in out["examples"]]
    return out.sort_values(["lines", "articles"], ascending=False).reset_index()


def get_input_summary(report: pd.DataFrame) -> pd.DataFrame:
    """Inputs by outcome: ingested, duplicate, skipped (with the reason given by the reader).

    Returns:
        Columns ``outcome``, ``reason``, ``inputs``; one row per outcome and reason.
    """
    files = report[report["level"] == "file"]
    rows = [("ingested", "", int(files["n_ingested"].sum())),
            ("duplicate of another article", "", int(files["n_duplicate"].sum()))]
    skipped = report[(report["status"] == "skipped") & ((report["level"] == "row") | (report["n_inputs"] <= 1))]
    for reason, n in skipped["reason"].replace("", "(no reason given)").value_counts().items():
        rows.append(("skipped", mask_contacts(reason), int(n)))
    return pd.DataFrame(rows, columns=["outcome", "reason", "inputs"])


def get_articles_by_month(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per month of publication and language (undated articles counted apart).

    Returns:
        Columns ``month`` (``YYYY-MM`` or ``undated``), ``lang``, ``articles``.
    """
    month = articles["published"].dt.strftime("%Y-%m").fillna("undated")
    out = pd.crosstab(month, articles["lang"]).stack().rename("articles").reset_index()
    out.columns = ["month", "lang", "articles"]
    return out[out["articles"] > 0].sort_values(["month", "lang"]).reset_index(drop=True)


def theme_findings(articles: pd.DataFrame) -> dict[str, str]:
    """Phrases about the three themes, ready to be glued into the introduction's key findings.

    Computed with the same functions as the theme chapters (:func:`ainews.score_themes`,
    :func:`ainews.extract_entities`, :func:`ainews.extract_amounts`), so the introduction and the
    chapters agree.

    Returns:
        Formatted strings by key, ``ds_primary`` ("2 of 5 articles (40%)"), ``ds_frame`` (the most
        common framing of data), ``rh_primary``, ``rh_top_place`` ("Seoul (서울), 12 mentions"),
        ``fi_primary``, ``fi_investments`` ("3 distinct investment events": reports of one event
        counted once; acquisitions, funding rounds and budgets apart), ``fi_kinds`` (distinct
        events per kind) and ``fi_destinations`` ("Japan US$8.0 billion (1 event), Korea: none":
        distinct investment events whose sentence states the destination;
        ``ainews.themes.investment_event_list`` lists them one by one).
    """
    import ainews
    from ainews.themes import distinct_investments, frame_table, investment_table, investment_totals, place_mentions

    result = cached(ainews.score_themes, articles)
    summary = result.summary().set_index("theme")
    n = len(articles)

    def primary(theme: str) -> str:
        row = summary.loc[theme]
        return f"{int(row['n_primary']):,} of {n:,} articles ({row['pct_primary']:.0f}%)"

    frames = frame_table(result, articles, "data_sovereignty")
    framed = frames[frames["frame"] != "mention"]
    places = place_mentions(cached(ainews.extract_entities, articles), roles=("activity",))
    # Only distinct events of one kind are added up (never a forecast, a market size, an export
    # total or several kinds together), and only where the sentence states the destination.
    distinct = distinct_investments(investment_table(cached(ainews.extract_investments, articles), result))
    totals = investment_totals(distinct)
    inv = totals[totals["kind"] == "investment"].set_index("destination_country")

    def dest(code: str, name: str) -> str:
        if code not in inv.index:
            return f"{name}: none"
        row = inv.loc[code]
        return f"{name} US${row['value_usd'] / 1e9:,.1f} billion ({_count(int(row['n_events']), 'event')})"

    n_events = int((distinct["kind"] == "investment").sum()) if len(distinct) else 0
    kinds = distinct["kind"].value_counts() if len(distinct) else pd.Series(dtype=int)
    return {
        "ds_primary": primary("data_sovereignty"),
        "ds_frame": (f"{framed['name_en'].iloc[0]} ({_count(int(framed['all_articles'].iloc[0]), 'article')})"
                     if len(framed) else "no framing beyond plain mentions"),
        "rh_primary": primary("regional_hubs"),
        "rh_top_place": (f"{places['name_en'].iloc[0]} ({places['name_ko'].iloc[0]}), "
                         f"{_count(int(places['mentions'].iloc[0]), 'mention')}") if len(places) else "no place",
        "fi_primary": primary("foreign_investment"),
        "fi_investments": _count(n_events, "distinct investment event"),
        "fi_kinds": ", ".join(f"{_count(int(v), k + ' event')}" for k, v in kinds.items()) or "no event",
        "fi_destinations": f"{dest('JP', 'Japan')}, {dest('KR', 'Korea')}",
    }


def lead_sentence(summary: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The introduction's first sentence, for a reader who opens no chapter: how many articles,
    and how many are mainly about each theme (from ``ThemeScores.summary()``)."""
    n = len(articles)
    themes = summary[summary["theme"] != "none"].sort_values("n_primary", ascending=False)
    def name(r) -> str:
        text = str(r.name_en)
        return text[:1].lower() + text[1:]

    parts = [f"{int(r.n_primary):,} ({r.pct_primary:.0f}%) {'are mainly ' if i == 0 else ''}about {name(r)}"
             for i, r in enumerate(themes.itertuples())]
    none = summary[summary["theme"] == "none"]
    rest = int(none["n_primary"].iloc[0]) if len(none) else 0
    body = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)
    tail = (f"; {rest:,} are about AI in general without reaching any of the three."
            if rest else ".")
    return f"Of the {_count(n, 'news article')} read for this report, {body}{tail}"
