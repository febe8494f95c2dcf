"""How a chapter reads the corpus: article by article, or as statistics.

With a handful of articles, shares and charts say nothing (one article is 100% of a language);
the chapters then read each article closely: its theme evidence, its quotes, its amounts. With
many articles they show shares with bootstrap intervals, change over time and comparisons by
outlet and language. Every threshold that decides this lives here, so the whole report switches
at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["ReportMode", "corpus_mode", "time_unit", "CLOSE_READING_MAX", "MIN_GROUP_ARTICLES",
           "MIN_PERIODS", "BOOTSTRAP_SAMPLES"]

#: Up to this many articles, chapters read each article instead of counting.
CLOSE_READING_MAX = 25
#: A language or outlet is compared only when it has at least this many articles.
MIN_GROUP_ARTICLES = 10
#: Change over time is drawn only with at least this many periods holding dated articles.
MIN_PERIODS = 3
#: Resamples of the bootstrap intervals.
BOOTSTRAP_SAMPLES = 2000
#: Dates spanning up to this many days are counted per day, up to a year per week, else per month.
DAILY_MAX_DAYS = 45
WEEKLY_MAX_DAYS = 370

_UNIT_NAMES = {"D": "day", "W": "week", "M": "month"}


def time_unit(dates: pd.Series) -> str | None:
    """``"D"``, ``"W"`` or ``"M"`` for counting ``dates`` over time, or ``None`` when they cover
    fewer than ``MIN_PERIODS`` periods."""
    dates = pd.to_datetime(dates, errors="coerce").dropna()
    if dates.empty:
        return None
    days = (dates.max() - dates.min()).days
    unit = "D" if days <= DAILY_MAX_DAYS else "W" if days <= WEEKLY_MAX_DAYS else "M"
    periods = dates.dt.tz_localize(None) if dates.dt.tz is not None else dates
    return unit if periods.dt.to_period(unit).nunique() >= MIN_PERIODS else None


@dataclass(frozen=True)
class ReportMode:
    """What the corpus allows a chapter to show.

    Attributes:
        name: ``"close"`` (read article by article) or ``"statistics"``.
        n_articles: articles in the corpus.
        unit: ``"D"``/``"W"``/``"M"`` when change over time can be shown, else ``None``.
        languages: languages with at least ``MIN_GROUP_ARTICLES`` articles.
        outlets: outlets with at least ``MIN_GROUP_ARTICLES`` articles.
    """

    name: str
    n_articles: int
    unit: str | None
    languages: tuple[str, ...]
    outlets: tuple[str, ...]

    @property
    def close(self) -> bool:
        """Whether chapters read each article."""
        return self.name == "close"

    @property
    def statistics(self) -> bool:
        """Whether chapters count (shares with intervals, trends, comparisons)."""
        return self.name == "statistics"

    @property
    def over_time(self) -> bool:
        """Whether change over time can be shown."""
        return self.statistics and self.unit is not None

    @property
    def by_language(self) -> bool:
        """Whether languages can be compared (two or more with enough articles)."""
        return self.statistics and len(self.languages) >= 2

    @property
    def by_outlet(self) -> bool:
        """Whether outlets can be compared (two or more with enough articles)."""
        return self.statistics and len(self.outlets) >= 2

    @property
    def unit_name(self) -> str:
        """The unit in words (day, week, month, or period)."""
        return _UNIT_NAMES.get(self.unit or "", "period")

    def describe(self) -> str:
        """One sentence telling the reader how the chapter reads the corpus."""
        n = f"{self.n_articles:,} article{'s' if self.n_articles != 1 else ''}"
        if self.close:
            return (f"With {n}, shares and charts would say little, so this section reads each article: "
                    "its theme evidence, the people it quotes and the amounts it reports.")
        parts = ["shares with 95% bootstrap intervals"]
        if self.over_time:
            parts.append(f"change per {self.unit_name}")
        if self.by_language or self.by_outlet:
            parts.append("comparisons by " + " and ".join(
                w for w, ok in (("language", self.by_language), ("outlet", self.by_outlet)) if ok))
        return f"With {n}, this section counts: " + ", ".join(parts) + "; then the strongest evidence sentences."


def _groups(values: pd.Series) -> tuple[str, ...]:
    counts = values.replace("", pd.NA).dropna().astype(str).value_counts()
    return tuple(counts[counts >= MIN_GROUP_ARTICLES].index)


def corpus_mode(articles: pd.DataFrame) -> ReportMode:
    """Decide how the chapters read ``articles`` (thresholds of this module).

    Args:
        articles: the articles table (:func:`ainews.get_articles`).

    Returns:
        A :class:`ReportMode`.
    """
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"corpus_mode expects the articles DataFrame, got {type(articles).__name__}")
    n = len(articles)
    name = "close" if n <= CLOSE_READING_MAX else "statistics"
    dates = articles["published"] if "published" in articles.columns else pd.Series(dtype="datetime64[ns]")
    langs = _groups(articles["lang"]) if "lang" in articles.columns else ()
    outlets = _groups(articles["outlet"]) if "outlet" in articles.columns else ()
    return ReportMode(name, n, time_unit(dates), langs, outlets)
