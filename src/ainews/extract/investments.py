"""Investment events: who invests how much where, one row per mention, grouped into events.

An event is a money amount whose kind (:mod:`ainews.extract.amount_kinds`) is investment,
acquisition, funding or budget. Forecasts, market sizes, targets, hypotheticals, totals of several
companies, exports, stock-market flows, revenues and prices are amounts, not events, and never
appear here. The same event reported by several articles (syndicated news, follow-ups) shares one
``event_id``; :func:`group_investments` gives one row per event with its reports.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import pandas as pd

from ._common import _iter_articles, frame
from .destinations import destination_of
from .investor_clauses import save_word_checks
from .investors import investor_of
from .amount_kinds import EVENT_KINDS, amount_status, phrase_windows
from .amounts import extract_amounts

__all__ = ["INVESTMENT_COLUMNS", "extract_investments", "group_investments"]

INVESTMENT_COLUMNS = ["doc_id", "event_id", "investor", "investor_kind", "destination", "region",
                      "destination_how", "text",
                      "value", "currency", "value_usd", "rate_year", "kind", "status", "published",
                      "outlet", "sentence", "sentence_start", "start", "end"]


def extract_investments(articles: pd.DataFrame, *, amounts: pd.DataFrame | None = None,
                        tolerance: float = 0.02, window_days: int = 7) -> pd.DataFrame:
    """Investment events of the articles, one row per mention.

    Args:
        articles: DataFrame with ``doc_id``, ``body`` (and optionally ``lang``, ``published``,
            ``outlet``).
        amounts: :func:`ainews.extract_amounts` of the same articles, when already computed.
        tolerance: relative difference of two values still read as the same event (rounding:
            "약 5조원" and "5조1000억원").
        window_days: reports of one event lie within this many days of each other.

    Returns:
        DataFrame with columns ``doc_id, event_id, investor, investor_kind`` ('org', 'government'
        or 'collective'; never a bare person), ``destination`` (ISO-2 or None), ``region``,
        ``destination_how`` ('sentence' when the sentence states it, 'article' when read from the
        article's places),
        ``text, value, currency, value_usd, rate_year, kind`` (investment, acquisition, funding,
        budget), ``status`` (announced, pledged, completed), ``published, outlet, sentence,
        sentence_start, start, end``; ``body[start:end] == text``.
    """
    if amounts is None:
        amounts = extract_amounts(articles, actors=False)  # the investor is found below
    ev = amounts[amounts["kind"].isin(EVENT_KINDS)] if len(amounts) else amounts
    if ev.empty:
        return frame([], INVESTMENT_COLUMNS)
    wanted = set(ev["doc_id"])
    outlets = dict(zip(articles["doc_id"].astype(str), articles["outlet"])) if "outlet" in articles else {}
    arts = {a.doc_id: a for a in _iter_articles(articles[articles["doc_id"].astype(str).isin(wanted)])}
    # plain dicts grouped by sentence: pandas indexing per sentence costs more than the rules
    by_sentence: dict[tuple[str, int], list[dict]] = {}
    for r in amounts[amounts["doc_id"].isin(wanted)].to_dict("records"):
        by_sentence.setdefault((r["doc_id"], r["sentence_start"]), []).append(r)
    rows = []
    for (doc, s0), in_sentence in by_sentence.items():
        art = arts.get(doc)
        events = [r for r in in_sentence if r["kind"] in EVENT_KINDS]
        if art is None or not events:
            continue
        sentence = in_sentence[0]["sentence"]
        s1 = s0 + len(sentence)
        spans = [(r["start"] - s0, r["end"] - s0) for r in in_sentence]
        windows = dict(zip((r["start"] for r in in_sentence), phrase_windows(sentence, spans)))
        for r in events:
            before, after = windows[r["start"]]
            investor, ikind = investor_of(art, r["start"], r["end"], s0, s1, kind=r["kind"],
                                          phrase=before + " " + after)
            dest, region, how = destination_of(art, r["start"], r["end"], s0, s1, investor=investor,
                                               investor_kind=ikind, phrase=before + after)
            rows.append({
                "doc_id": doc, "investor": investor, "investor_kind": ikind, "destination": dest,
                "region": region, "destination_how": how, "text": r["text"], "value": r["value"],
                "currency": r["currency"], "value_usd": r["value_usd"], "rate_year": r["rate_year"],
                "kind": r["kind"], "status": amount_status(after, before, sentence[r["end"] - s0:]),
                "published": art.published, "outlet": outlets.get(doc), "sentence": sentence,
                "sentence_start": s0, "start": r["start"], "end": r["end"],
            })
    save_word_checks()
    out = frame(rows, INVESTMENT_COLUMNS)
    out["event_id"] = _event_ids(out, tolerance=tolerance, window_days=window_days)
    return out


_KEY_DROP = re.compile(r"[\s·.,()㈜]|\(주\)|주식회사|정부$")


def _investor_key(name) -> str:
    return _KEY_DROP.sub("", str(name)).casefold() if isinstance(name, str) and name else ""


def _same_event(a, b, tolerance: float, window_days: int) -> bool:
    if a.currency != b.currency or a.kind != b.kind:
        return False
    if abs(a.value - b.value) > tolerance * max(abs(a.value), abs(b.value)):
        return False
    # destinations read from the article's places (destination_how 'article') never split an event
    if (a.destination_how == "sentence" and b.destination_how == "sentence"
            and a.destination != b.destination):
        return False
    ka, kb = _investor_key(a.investor), _investor_key(b.investor)
    if a.doc_id == b.doc_id:  # a repeat within one article (title, lead, body)
        return not (ka and kb) or ka in kb or kb in ka
    if not (ka and kb) or not (ka in kb or kb in ka):
        return False
    if pd.notna(a.published) and pd.notna(b.published):
        return abs((pd.Timestamp(a.published) - pd.Timestamp(b.published)).days) <= window_days
    return True


def _event_ids(df: pd.DataFrame, *, tolerance: float, window_days: int) -> list[str]:
    """Union of mentions that report the same event; the id hashes the earliest mention."""
    parent = list(range(len(df)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows = list(df.itertuples(index=False))
    order = sorted(range(len(rows)), key=lambda i: (rows[i].currency, rows[i].value))
    for n, i in enumerate(order):
        for j in order[n + 1:]:
            if rows[j].currency != rows[i].currency or rows[j].value > rows[i].value * (1 + tolerance):
                break
            if _same_event(rows[i], rows[j], tolerance, window_days):
                parent[find(j)] = find(i)
    members: dict[int, list[int]] = {}
    for i in range(len(rows)):
        members.setdefault(find(i), []).append(i)
    ids = [""] * len(rows)
    for group in members.values():
        first = min(group, key=lambda i: (str(rows[i].doc_id), rows[i].start))
        h = hashlib.sha1(f"{rows[first].doc_id}:{rows[first].start}".encode()).hexdigest()[:10]
        for i in group:
            ids[i] = f"ev-{h}"
    return ids


def _most_common(values):
    vals = [v for v in values if isinstance(v, str) and v]
    return Counter(vals).most_common(1)[0][0] if vals else None


_STATUS_RANK = {"announced": 0, "pledged": 1, "completed": 2}


def group_investments(investments: pd.DataFrame) -> pd.DataFrame:
    """One row per investment event with the list of its reports.

    Args:
        investments: :func:`extract_investments` rows.

    Returns:
        DataFrame with ``event_id, investor, investor_kind, destination, region, text, value,
        currency, value_usd, kind, status`` (the furthest status any report gives),
        ``first_published, n_reports, n_articles, doc_ids, outlets`` and the first report's
        ``doc_id, sentence, start, end``, largest US-dollar value first.
    """
    cols = ["event_id", "investor", "investor_kind", "destination", "region", "text", "value", "currency",
            "value_usd", "kind", "status", "first_published", "n_reports", "n_articles", "doc_ids",
            "outlets", "doc_id", "sentence", "start", "end"]
    if investments is None or investments.empty:
        return pd.DataFrame(columns=cols)
    if "event_id" not in investments.columns:
        raise ValueError("group_investments needs the event_id column of ainews.extract_investments(articles)")
    rows = []
    for eid, g in investments.groupby("event_id", sort=False):
        g = g.sort_values(["published", "doc_id", "start"], na_position="last")
        first = g.iloc[0]
        status = max(g["status"].dropna(), key=lambda s: _STATUS_RANK.get(s, -1), default=None)
        rows.append({
            "event_id": eid, "investor": _most_common(g["investor"]),
            "investor_kind": _most_common(g["investor_kind"]), "destination": _most_common(g["destination"]),
            "region": _most_common(g["region"]), "text": first["text"], "value": first["value"],
            "currency": first["currency"], "value_usd": first["value_usd"], "kind": first["kind"],
            "status": status, "first_published": g["published"].min(), "n_reports": len(g),
            "n_articles": g["doc_id"].nunique(), "doc_ids": sorted(set(g["doc_id"])),
            "outlets": sorted({o for o in g["outlet"] if isinstance(o, str) and o}),
            "doc_id": first["doc_id"], "sentence": first["sentence"], "start": int(first["start"]),
            "end": int(first["end"]),
        })
    return (pd.DataFrame(rows, columns=cols).sort_values("value_usd", ascending=False, na_position="last")
            .reset_index(drop=True))
