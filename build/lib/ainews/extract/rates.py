"""Yearly average exchange rates to US dollars, read from ``data/lexicons/exchange_rates.csv``."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..lexicons import lexicon_path

__all__ = ["load_exchange_rates", "usd_rate"]

RATES_FILE = "exchange_rates.csv"


def load_exchange_rates() -> pd.DataFrame:
    """The exchange-rate table: ``year, currency, per_usd, n_days`` (units of currency per US dollar).

    The file header names the source (ECB reference rates, yearly means).
    """
    return _rates().copy()


@lru_cache(maxsize=1)
def _rates() -> pd.DataFrame:
    path = lexicon_path(RATES_FILE)
    df = pd.read_csv(path, comment="#")
    need = {"year", "currency", "per_usd"}
    if not need <= set(df.columns):
        raise ValueError(f"{path}: needs columns {sorted(need)}, has {list(df.columns)}")
    bad = df[df["per_usd"].isna() | (df["per_usd"] <= 0)]
    if len(bad):
        raise ValueError(f"{path}: row(s) {list(bad.index + 1)} have no positive per_usd; fix the rate")
    return df


@lru_cache(maxsize=1024)
def usd_rate(currency: str, year: int | None) -> tuple[float, int, str] | None:
    """Units of ``currency`` per US dollar for ``year``.

    Returns:
        ``(per_usd, year_used, note)`` where note is ``"published year"`` or says which fallback
        was used (no date: latest year; year outside the table: nearest year), or ``None`` when the
        currency is not in the table.
    """
    df = _rates()
    sub = df[df["currency"] == currency]
    if sub.empty:
        return None
    years = sub["year"].astype(int)
    if year is None:
        y = int(years.max())
        note = f"no publication date: latest year {y}"
    elif year in set(years):
        y, note = int(year), "published year"
    else:
        y = int(years.iloc[(years - year).abs().argmin()])
        note = f"year {year} not in table: nearest year {y}"
    return float(sub.loc[years == y, "per_usd"].iloc[0]), y, note
