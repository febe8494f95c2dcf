"""Investment tables of the foreign-investment chapter: events one by one, distinct events, and
totals that add only like with like (one kind of event at a time, each total with its events).

Each row keeps ``doc_id``, the sentence and offsets, so a reader can check every amount.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..extract._lexicon import gazetteer
from ..lexicons import lexicon_version, load_yaml_lexicon
from .score import ThemeScores

__all__ = ["distinct_investments", "investment_event_list", "investment_table", "investment_totals"]


@lru_cache(maxsize=2)
def _phrases(version: str) -> tuple[re.Pattern, re.Pattern]:
    data = load_yaml_lexicon("investment_phrases.yml")
    return (re.compile("|".join(f"(?:{p})" for p in data["investing"]), re.I),
            re.compile("|".join(f"(?:{p})" for p in data["not_a_pledge"]), re.I))


def _place_names(gz: pd.DataFrame) -> dict[str, str]:
    names = {}
    for r in gz.itertuples():
        aliases = r.aliases.split("|") if isinstance(r.aliases, str) else []
        for name in [r.name_en, r.name_ko, r.name_ja, *aliases]:
            if isinstance(name, str) and name:
                names.setdefault(name.lower(), r.country)
    return names


def _country_of(target, names: dict[str, str]) -> str | None:
    if not isinstance(target, str) or not target:
        return None
    key = target.strip().lower()
    if key in names:
        return names[key]
    for name, country in names.items():
        if len(name) > 1 and name in key:
            return country
    return None


_SEP = re.compile(r",|;|및|그리고|(?<=[가-힣])[과와]\s|\band\b|\bwhile\b")


def _near_invest(sentence: str, start: int, end: int, window: int = 25) -> bool:
    # The investing word must belong to the amount's own phrase: the window stops at a comma
    # or a conjunction ("수출 7000억달러 및 외국인투자 ..." keeps the exports out).
    before = sentence[max(0, start - window):start]
    cuts = list(_SEP.finditer(before))
    before = before[cuts[-1].end():] if cuts else before
    after = sentence[end:end + window]
    cut = _SEP.search(after)
    after = after[:cut.start()] if cut else after
    investing, not_a_pledge = _phrases(lexicon_version("investment_phrases.yml"))
    phrase = before + " " + after
    return bool(investing.search(phrase)) and not not_a_pledge.search(phrase)


_INV_COLUMNS = ["doc_id", "event_id", "investor", "destination", "destination_country", "amount", "kind",
                "status", "currency", "value_usd", "period", "sentence", "start", "end"]
FOREIGN_KINDS = ("investment", "acquisition", "funding")


def _in_evidence(df: pd.DataFrame, result: ThemeScores) -> pd.Series:
    ev = result.evidence[result.evidence.theme == "foreign_investment"]
    spans = ev.groupby("doc_id")[["start", "end"]].apply(lambda g: list(zip(g.start, g.end))).to_dict()
    return pd.Series([any(s <= a < e for s, e in spans.get(d, [])) for d, a in zip(df.doc_id, df.start)],
                     index=df.index, dtype=bool)


def investment_table(amounts: pd.DataFrame, result: ThemeScores | None = None, *,
                     kinds=FOREIGN_KINDS) -> pd.DataFrame:
    """Investment events, one row per mention, for the foreign-investment chapter.

    Best given :func:`ainews.extract_investments` rows (investor as an organisation or government,
    destination from the sentence, status, ``event_id``). Given :func:`ainews.extract_amounts`
    rows, keeps the amounts whose ``kind`` is an event kind (forecasts, market sizes, targets,
    hypotheticals, totals of several companies, exports and stock flows never count) with the
    amount's ``actor`` and ``target``; amounts without a ``kind`` column fall back to the investing
    words of ``data/lexicons/investment_phrases.yml``. With ``result``, the amount must also lie in
    a foreign-investment evidence sentence.

    Args:
        amounts: investments or amounts (see above).
        result: theme scores, to keep only foreign-investment evidence.
        kinds: event kinds to keep (investment, acquisition, funding; add budget for public money).

    Returns:
        ``doc_id, event_id, investor, destination, destination_country, amount, kind, status,
        currency, value_usd, period, sentence, start, end`` sorted by USD value (largest first).
    """
    if amounts.empty:
        return pd.DataFrame(columns=_INV_COLUMNS)
    if "event_id" in amounts.columns:
        inv = amounts[amounts.kind.isin(kinds)]
        out = pd.DataFrame({
            "doc_id": inv.doc_id, "event_id": inv.event_id, "investor": inv.investor,
            "destination": inv.region.fillna(inv.destination), "destination_country": inv.destination,
            "amount": inv.text, "kind": inv.kind, "status": inv.status, "currency": inv.currency,
            "value_usd": inv.value_usd, "period": None, "sentence": inv.sentence, "start": inv.start,
            "end": inv.end})
        for c in ("investor_kind", "destination_how", "published", "outlet"):
            if c in inv.columns:
                out[c] = inv[c]
    else:
        if "kind" in amounts.columns:
            keep = amounts.kind.isin(kinds)
        else:
            keep = pd.Series([_near_invest(sent, a - s0, e - s0) for sent, s0, a, e in
                              zip(amounts.sentence.fillna(""), amounts.sentence_start, amounts.start, amounts.end)],
                             index=amounts.index, dtype=bool)
        inv = amounts[keep]
        names = _place_names(gazetteer())
        out = pd.DataFrame({
            "doc_id": inv.doc_id, "event_id": None, "investor": inv.actor, "destination": inv.target,
            "destination_country": [_country_of(t, names) for t in inv.target], "amount": inv.text,
            "kind": inv.kind if "kind" in inv.columns else "investment", "status": None,
            "currency": inv.currency, "value_usd": inv.value_usd, "period": inv.period,
            "sentence": inv.sentence, "start": inv.start, "end": inv.end})
    if result is not None and len(out):
        out = out[_in_evidence(out, result)]
    return out.sort_values("value_usd", ascending=False, na_position="last", ignore_index=True)


def distinct_investments(investments: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct investment event: the same event reported by several articles
    (syndicated news, follow-ups) is counted once.

    Rows of :func:`investment_table` built from :func:`ainews.extract_investments` are grouped by
    their ``event_id`` (same investor, value within a tolerance, destination, within a date
    window); others by investor, destination country, kind, currency and value.

    Returns:
        The columns of :func:`investment_table` (first report's evidence) plus ``n_reports``
        and ``doc_ids``, largest USD value first.
    """
    if investments.empty:
        return investments.assign(n_reports=pd.Series(dtype=int), doc_ids=pd.Series(dtype=object))
    if "event_id" in investments.columns and investments.event_id.notna().all():
        key = [investments.event_id]
    else:
        kind = investments.kind if "kind" in investments.columns else pd.Series("", index=investments.index)
        key = [investments.investor.fillna(""), investments.destination_country.fillna(""), kind.fillna(""),
               investments.currency, investments.value_usd.round(-3)]
    g = investments.groupby(key, sort=False, dropna=False)
    first = g.head(1).copy()
    first["n_reports"] = g.doc_id.transform("size").loc[first.index]
    first["doc_ids"] = g.doc_id.transform(lambda d: [sorted(set(d))] * len(d)).loc[first.index]
    return first.sort_values("value_usd", ascending=False, na_position="last", ignore_index=True)


def investment_totals(distinct: pd.DataFrame, *, stated_only: bool = True,
                      include_collective: bool = False) -> pd.DataFrame:
    """Totals that add only like with like: distinct events of one kind, per destination country.

    Args:
        distinct: :func:`distinct_investments` rows.
        stated_only: count only destinations the sentence states (``destination_how``), not those
            read from the article's places.
        include_collective: also add national statistics of many investors (a year's foreign
            direct investment, ``investor_kind == 'collective'``); by default they are left out
            of the sums, since they already contain the single events.

    Returns:
        ``kind, destination_country, n_events, value_usd, events`` (``events``: the ``event_id``
        or first ``doc_id:start`` of each event summed, so each total can be checked one by one
        in :func:`investment_event_list`).
    """
    cols = ["kind", "destination_country", "n_events", "value_usd", "events"]
    if distinct.empty:
        return pd.DataFrame(columns=cols)
    d = distinct[distinct.destination_country.notna()]
    if stated_only and "destination_how" in d.columns:
        d = d[d.destination_how == "sentence"]
    if not include_collective and "investor_kind" in d.columns:
        d = d[d.investor_kind != "collective"]
    ids = d.event_id if "event_id" in d.columns and d.event_id.notna().all() else \
        d.doc_id.astype(str) + ":" + d.start.astype(str)
    d = d.assign(_id=ids)
    out = d.groupby(["kind", "destination_country"]).agg(
        n_events=("_id", "size"), value_usd=("value_usd", "sum"), events=("_id", list)).reset_index()
    return out.sort_values(["kind", "value_usd"], ascending=[True, False], ignore_index=True)[cols]


def investment_event_list(distinct: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The events behind every total, for readers to check one by one.

    Returns:
        ``investor, destination, amount, kind, status, date, outlet, sentence, n_reports, doc_id,
        event_id``, largest USD value first; ``date`` and ``outlet`` of the first report (from
        ``articles`` when the rows do not carry them).
    """
    cols = ["investor", "destination", "amount", "value_usd", "kind", "status", "date", "outlet", "sentence",
            "n_reports", "doc_id", "event_id"]
    if distinct.empty:
        return pd.DataFrame(columns=cols)
    d = distinct.copy()
    if articles is not None:
        meta = articles.set_index("doc_id")
        if "published" not in d.columns and "published" in meta.columns:
            d["published"] = d.doc_id.map(meta["published"])
        if "outlet" not in d.columns and "outlet" in meta.columns:
            d["outlet"] = d.doc_id.map(meta["outlet"])
    dest = d.destination_country.fillna("not stated")
    if "destination" in d.columns:
        dest = dest.where(d.destination.isna() | (d.destination == d.destination_country),
                          dest + " (" + d.destination.fillna("").astype(str) + ")")
    return pd.DataFrame({
        "investor": d.investor.fillna("(not stated)"), "destination": dest, "amount": d.amount,
        "value_usd": d.value_usd, "kind": d.kind, "status": d.get("status"),
        "date": pd.to_datetime(d["published"]).dt.strftime("%Y-%m-%d") if "published" in d.columns else None,
        "outlet": d.get("outlet"), "sentence": d.sentence,
        "n_reports": d.get("n_reports", 1), "doc_id": d.doc_id, "event_id": d.get("event_id"),
    })[cols].reset_index(drop=True)


