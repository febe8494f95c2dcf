"""One function per evaluated task: run the system on the labelled articles, compare, tabulate.

Each returns ``(summary rows, {table name: DataFrame}, detail rows)``; :func:`ainews.evaluate`
assembles them. The comparisons are those of ``../shared/gold/README.md``: names without
whitespace and case, places by gazetteer id, money by currency and value within 1%.
"""

from __future__ import annotations

import pandas as pd

from .gold import PRIMARY_LABELS, THEMES
from .metrics import amount_matches, classification_table, confusion, norm_name, prf, set_scores

__all__ = ["TASKS", "eval_themes", "eval_speakers", "eval_places", "eval_amounts", "eval_investments"]

EVENT_KINDS = ("investment", "acquisition", "funding")


def _row(task, metric, value, n, how=""):
    return {"task": task, "metric": metric, "value": float(value), "n": int(n), "how": how}


def eval_themes(arts: pd.DataFrame, gold: dict[str, dict]):
    """Primary theme (accuracy, macro-F1, per-class F1, confusion) and per-theme grades."""
    from ..themes import evaluation_predictions

    primary, grades, how = evaluation_predictions(arts)
    pred = dict(zip(primary.doc_id.astype(str), primary.primary_theme))
    keys = dict(zip(arts.doc_id.astype(str), arts.gold_key))
    y_true = [gold[keys[d]]["primary"] for d in arts.doc_id.astype(str)]
    y_pred = [pred.get(d) or "none" for d in arts.doc_id.astype(str)]
    y_pred = [p if p in PRIMARY_LABELS else "none" for p in y_pred]
    table = classification_table(y_true, y_pred, PRIMARY_LABELS)
    by = table.set_index("label")
    n = len(y_true)
    rows = [_row("primary theme", "accuracy", by.loc["accuracy", "f1"], n, how),
            _row("primary theme", "macro-F1", by.loc["macro", "f1"], n, how)]
    rows += [_row("primary theme", f"F1 {t}", by.loc[t, "f1"], by.loc[t, "support"], how) for t in THEMES]
    g = {(str(d), t): int(v) for d, t, v in zip(grades.doc_id, grades.theme, grades.grade)}
    grade_rows = []
    for t in THEMES:
        gt = [int(gold[keys[d]]["themes"].get(t, 0)) for d in arts.doc_id.astype(str)]
        gp = [g.get((d, t), 0) for d in arts.doc_id.astype(str)]
        exact = sum(a == b for a, b in zip(gt, gp)) / n if n else 0.0
        present = prf(sum(a > 0 and b > 0 for a, b in zip(gt, gp)), sum(b > 0 for b in gp), sum(a > 0 for a in gt))
        main = prf(sum(a == 2 and b == 2 for a, b in zip(gt, gp)), sum(b == 2 for b in gp), sum(a == 2 for a in gt))
        grade_rows.append({"theme": t, "exact": exact, "present_f1": present[2], "main_f1": main[2], "n": n})
        rows.append(_row("theme grades", f"exact {t}", exact, n, how))
    details = [{"gold_key": keys[d], "task": "primary theme", "gold": a, "predicted": b}
               for d, a, b in zip(arts.doc_id.astype(str), y_true, y_pred) if a != b]
    tables = {"primary": table, "primary_confusion": confusion(y_true, y_pred, PRIMARY_LABELS).reset_index(),
              "grades": pd.DataFrame(grade_rows)}
    return rows, tables, details


def _set_task(task: str, arts, gold_sets: dict, pred_sets: dict, how: str = ""):
    keys = dict(zip(arts.doc_id.astype(str), arts.gold_key))
    s = set_scores(gold_sets, pred_sets)
    rows = [_row(task, m, s[m], s["n_gold"] if m == "recall" else s["n_pred"] if m == "precision" else s["n_gold"], how)
            for m in ("precision", "recall", "f1")]
    details = []
    for d in arts.doc_id.astype(str):
        g, p = set(gold_sets.get(d, ())), set(pred_sets.get(d, ()))
        if g != p:
            details.append({"gold_key": keys[d], "task": task, "gold": "; ".join(sorted(g - p)),
                            "predicted": "; ".join(sorted(p - g))})
    return rows, {task.replace(" ", "_"): pd.DataFrame([s])}, details


def eval_speakers(arts: pd.DataFrame, gold: dict[str, dict]):
    """Quote speakers: micro precision/recall/F1 over (article, speaker name)."""
    from ..extract import extract_quotes

    q = extract_quotes(arts)
    pred: dict[str, set] = {}
    for d, s in zip(q.doc_id.astype(str), q.speaker):
        if isinstance(s, str) and s.strip():
            pred.setdefault(d, set()).add(norm_name(s))
    gold_sets = {d: {norm_name(s) for s in gold[k]["speakers"]} for d, k in zip(arts.doc_id.astype(str), arts.gold_key)}
    return _set_task("quote speakers", arts, gold_sets, pred)


def _place_key():
    from ..extract import place_id

    return lambda s: place_id(s) or f"?{norm_name(s)}"


def eval_places(arts: pd.DataFrame, gold: dict[str, dict]):
    """Places where AI or industry happens: micro precision/recall/F1 over (article, gazetteer id).

    Articles the place model was trained on get its out-of-fold decisions
    (:func:`ainews.extract.place_evaluation_predictions`); the others the places of activity of
    :func:`ainews.extract_entities`.
    """
    from ..extract.place_evaluation import place_evaluation_predictions

    pred, how = place_evaluation_predictions(arts)
    key = _place_key()
    gold_sets = {d: {key(p) for p in gold[k]["places"]} for d, k in zip(arts.doc_id.astype(str), arts.gold_key)}
    return _set_task("places", arts, gold_sets, pred, how)


def _records(df: pd.DataFrame, doc: str) -> list[dict]:
    return df[df.doc_id.astype(str) == doc].to_dict("records")


def eval_amounts(arts: pd.DataFrame, gold: dict[str, dict]):
    """Money amounts: the share of labelled amounts found (same currency, value within 1%)."""
    from ..extract import extract_amounts

    a = extract_amounts(arts)
    n_gold = found = 0
    details = []
    for d, k in zip(arts.doc_id.astype(str), arts.gold_key):
        g = gold[k]["amounts"]
        m = amount_matches(g, _records(a, d))
        n_gold += len(g)
        found += len(m)
        hit = {gi for gi, _ in m}
        missed = [x.get("text") or f"{x['value']:g} {x['currency']}" for i, x in enumerate(g) if i not in hit]
        if missed:
            details.append({"gold_key": k, "task": "money amounts", "gold": "; ".join(map(str, missed)), "predicted": ""})
    rec = found / n_gold if n_gold else 0.0
    return ([_row("money amounts", "recall", rec, n_gold)],
            {"amounts": pd.DataFrame([{"recall": rec, "found": found, "n_gold": n_gold, "n_extracted": len(a)}])},
            details)


def _investor_right(gold_inv, pred_inv) -> bool:
    g, p = norm_name(gold_inv or ""), norm_name(pred_inv or "")
    return bool(g and p and (g == p or g in p or p in g))


def eval_investments(arts: pd.DataFrame, gold: dict[str, dict]):
    """Investment events: precision against all labelled amounts, recall of labelled investments,
    acquisitions and fundings, and whether the investor is right where an event is found and the
    readers named one."""
    from ..extract import extract_investments

    inv = extract_investments(arts)
    tp_p = n_pred = tp_r = n_gold = inv_ok = n_named = 0
    details = []
    for d, k in zip(arts.doc_id.astype(str), arts.gold_key):
        recs = _records(inv, d)
        seen, pred = set(), []
        for r in recs:  # one event per amount and currency within an article
            sig = (r.get("currency"), round(float(r["value"]), -3) if r.get("value") == r.get("value") else None)
            if sig not in seen:
                seen.add(sig)
                pred.append(r)
        g_all = gold[k]["amounts"]
        g_ev = [x for x in g_all if x.get("kind") in EVENT_KINDS]
        mp = amount_matches(g_all, pred)
        mr = amount_matches(g_ev, pred)
        n_pred += len(pred)
        tp_p += len(mp)
        n_gold += len(g_ev)
        tp_r += len(mr)
        named = [(gi, pi) for gi, pi in mr if g_ev[gi].get("investor")]  # readers named the investor
        n_named += len(named)
        inv_ok += sum(_investor_right(g_ev[gi].get("investor"), pred[pi].get("investor")) for gi, pi in named)
        wrong = [pred[i] for i in set(range(len(pred))) - {pi for _, pi in mp}]
        missed = [g_ev[i] for i in set(range(len(g_ev))) - {gi for gi, _ in mr}]
        if wrong or missed:
            details.append({"gold_key": k, "task": "investment events",
                            "gold": "; ".join(f"{x.get('text')} by {x.get('investor')}" for x in missed),
                            "predicted": "; ".join(f"{x.get('value'):g} {x.get('currency')} by {x.get('investor')}" for x in wrong)})
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    right = inv_ok / n_named if n_named else 0.0
    rows = [_row("investment events", "precision", p, n_pred),
            _row("investment events", "recall", r, n_gold),
            _row("investment events", "investor right", right, n_named)]
    table = pd.DataFrame([{"precision": p, "recall": r, "investor_right": right,
                           "n_pred": n_pred, "n_gold": n_gold, "matched": tp_r}])
    return rows, {"investments": table}, details


TASKS = {"themes": eval_themes, "speakers": eval_speakers, "places": eval_places,
         "amounts": eval_amounts, "investments": eval_investments}
