"""A chapter section that fits the corpus: close reading for a handful of articles, statistics
for many (thresholds in :mod:`ainews.report.modes`).

The section is one HTML block: figures are embedded as PNG and each figure's data as a CSV
download, both as ``data:`` URLs, so the block needs neither the network nor files beside the page.
"""

from __future__ import annotations

import base64
import html
import io
from urllib.parse import urlencode

import pandas as pd

from .close import article_cards
from .modes import MIN_GROUP_ARTICLES, ReportMode
from .statistics import theme_over_time, theme_shares, top_evidence
from .tables import EXPLORER_PAGE, reader_table

__all__ = ["Section", "figure_html", "figure_section", "theme_section", "explorer_href"]

#: Outlets (or languages) compared at most, those with most articles.
MAX_GROUPS = 12
_LANG_NAMES = {"ko": "Korean", "en": "English", "ja": "Japanese"}


def explorer_href(**filters) -> str:
    """A link to the article explorer opened with ``filters`` (``theme``, ``outlet``, ``lang``,
    ``q``, ``from``/``to`` as ``date_from``/``date_to``); empty values are left out."""
    params = {("from" if k == "date_from" else "to" if k == "date_to" else k): v
              for k, v in filters.items() if v not in (None, "")}
    return f"{EXPLORER_PAGE}?{urlencode(params)}" if params else EXPLORER_PAGE


class Section:
    """HTML parts shown one after the other (``_repr_html_``)."""

    def __init__(self, parts: list[str]):
        self.parts = parts

    def _repr_html_(self) -> str:
        return '<div class="ainews-panel">' + "".join(self.parts) + "</div>"


def _csv_link(data: pd.DataFrame, name: str) -> str:
    raw = data.to_csv(index=False).encode("utf-8-sig")
    href = "data:text/csv;base64," + base64.b64encode(raw).decode("ascii")
    n = len(data)
    return (f'<a download="{html.escape(name, quote=True)}.csv" href="{href}">Download the data of this figure '
            f'(CSV, {n:,} row{"s" if n != 1 else ""})</a>')


def figure_html(fig, *, caption: str, data: pd.DataFrame | None = None, name: str = "figure") -> str:
    """A figure as an embedded PNG with its caption and, when given, its data as a CSV download."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    img = base64.b64encode(buf.getvalue()).decode("ascii")
    link = " " + _csv_link(data, name) if data is not None else ""
    return (f'<figure id="{html.escape(name, quote=True)}"><img alt="{html.escape(caption, quote=True)}" '
            f'src="data:image/png;base64,{img}"><figcaption>{html.escape(caption)}{link}</figcaption></figure>')


def _shares_table(shares: pd.DataFrame, group: str, theme: str) -> str:
    d = shares[shares["theme"] == theme].copy()
    d["interval"] = [f"{100 * lo:.0f}–{100 * hi:.0f}%" for lo, hi in zip(d["low"], d["high"])]
    d["shown"] = d[group].map(lambda g: _LANG_NAMES.get(g, g)) if group == "lang" else d[group]
    d["explore"] = [f'<a href="{html.escape(explorer_href(theme=theme, **{group: g}), quote=True)}">'
                    f'{k:,} article{"s" if k != 1 else ""}</a>' for g, k in zip(d[group], d["with_theme"])]
    table = reader_table(d, {"shown": "language" if group == "lang" else "outlet", "articles": "articles",
                             "explore": "with the theme as primary", "share": "share", "interval": "95% interval"},
                         formats={"share": "share", "articles": "int"}, html_columns=("explore",))
    return table._repr_html_()


def theme_section(mode: ReportMode, result, articles: pd.DataFrame, theme: str, *,
                  quotes: pd.DataFrame | None = None, amounts: pd.DataFrame | None = None,
                  n_evidence: int = 10) -> Section:
    """The articles of ``theme``, read closely or counted, as the corpus allows.

    Close reading (:attr:`ReportMode.close`): a sentence saying so, then one card per article
    with a hit of the theme (:func:`ainews.report.article_cards`). Statistics: shares with
    bootstrap intervals by language and by outlet (rows link to the explorer filtered on
    them), change over time, and the strongest evidence sentences.
    """
    name = dict(zip(result.lexicon.themes.theme, result.lexicon.themes.name_en)).get(theme, theme)
    parts = [f"<p>{html.escape(mode.describe())}</p>"]
    if mode.close:
        parts.append(article_cards(articles, result, theme=theme, quotes=quotes, amounts=amounts)._repr_html_())
        return Section(parts)
    from ..viz.trends import plot_share_over_time, plot_shares_by_group

    overall = theme_shares(result, articles)
    row = overall[overall["theme"] == theme].iloc[0]
    parts.append(f'<p><a href="{html.escape(explorer_href(theme=theme), quote=True)}">{int(row.with_theme):,} of '
                 f'{int(row.articles):,} articles</a> have {html.escape(name.lower())} as primary theme: '
                 f'{100 * row.share:.1f}% (95% interval {100 * row.low:.1f}–{100 * row.high:.1f}%).</p>')
    for group, ok, label in (("lang", mode.by_language, "language"), ("outlet", mode.by_outlet, "outlet")):
        if not ok:
            continue
        shares = theme_shares(result, articles, by=group)
        biggest = shares.drop_duplicates(group).nlargest(MAX_GROUPS, "articles")[group]
        shares = shares[shares[group].isin(biggest)].sort_values(["articles", group], ascending=[False, True],
                                                                 kind="stable")
        shown = shares.assign(**{group: shares[group].map(lambda g: _LANG_NAMES.get(g, g))}) if group == "lang" else shares
        fig = plot_shares_by_group(shown, group)
        parts.append(figure_html(fig, caption=f"Share of articles with each primary theme, by {label} "
                                 f"(dots) with 95% bootstrap intervals (lines); {label}s with fewer than "
                                 f"{MIN_GROUP_ARTICLES} articles are left out.", data=shares,
                                 name=f"{theme}-by-{group}"))
        parts.append(_shares_table(shares, group, theme))
    if mode.over_time:
        over = theme_over_time(result, articles, mode.unit)
        fig = plot_share_over_time(over)
        parts.append(figure_html(fig, caption=f"Share of each {mode.unit_name}'s articles with each primary theme, "
                                 "with 95% bootstrap intervals; undated articles are left out.",
                                 data=over, name=f"{theme}-over-time"))
    ev = top_evidence(result, articles, theme, n=n_evidence)
    parts.append(reader_table(ev, {"title": "article", "outlet": "outlet", "published": "date",
                                   "sentence": "strongest evidence sentence", "strength": "strength"},
                              formats={"published": "date", "strength": "float"},
                              caption=f"The {len(ev)} strongest {name.lower()} evidence sentences, one per article."
                              )._repr_html_())
    return Section(parts)


def figure_section(fig, *, caption: str, data: pd.DataFrame | None = None, name: str = "figure",
                   when: bool = True, otherwise: str = "") -> Section:
    """A figure with caption and data download when ``when`` holds (e.g. ``mode.by_language``);
    otherwise the sentence ``otherwise`` (or nothing), so a chart that the corpus cannot support
    (one bar, shares of one article) is not drawn."""
    if not when:
        return Section([f'<p class="ainews-muted">{html.escape(otherwise)}</p>'] if otherwise else [])
    return Section([figure_html(fig, caption=caption, data=data, name=name)])
