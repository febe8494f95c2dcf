"""Money amounts and investment events against a labelled gold file (the contract's matching).

Prints amount recall (same article, same currency, value within 1%), investment-event precision
(predicted rows matching any gold amount of the article), recall of gold investment / acquisition
/ funding amounts, and investor agreement among matched rows whose gold investor is named.

Usage: PYTHONPATH=src python benchmarks/eval_investments.py [gold.json [corpus folder]] [--show]
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import ainews

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared"))
EVENT_KINDS = {"investment", "acquisition", "funding"}


def _match(v, c, gv, gc) -> bool:
    return c == gc and gv and abs(v - gv) <= 0.01 * abs(gv)


def _norm(s) -> str:
    return "".join(str(s or "").split()).lower()


def main(argv: list[str]) -> None:
    show = "--show" in argv
    args = [a for a in argv if not a.startswith("--")]
    gold_path = Path(args[0]) if args else SHARED / "gold" / "naver-dev-gold.json"
    folder = Path(args[1]) if len(args) > 1 else SHARED / "corpora" / "naver-ai-2025-12"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    arts = ainews.ingest(str(folder))[0]
    arts = arts[arts.source.isin(set(gold))]
    src = dict(zip(arts.doc_id, arts.source))
    am = ainews.extract_amounts(arts)
    inv = ainews.extract_investments(arts)
    am["source"], inv["source"] = am.doc_id.map(src), inv.doc_id.map(src)
    found = tot = 0
    for s, g in gold.items():
        rows = am[am.source == s]
        for a in g["amounts"]:
            tot += 1
            ok = any(_match(v, c, a["value"], a["currency"]) for v, c in zip(rows.value, rows.currency))
            found += ok
            if show and not ok:
                print("AMOUNT MISS", s[:40], a["text"], a["kind"])
    print(f"amounts recall {found}/{tot} = {found / max(tot, 1):.3f}")
    tp = 0
    for r in inv.itertuples():
        ok = any(_match(r.value, r.currency, a["value"], a["currency"]) for a in gold.get(r.source, {}).get("amounts", []))
        tp += ok
        if show and not ok:
            print("FALSE EVENT", r.source[:40], r.value, r.currency, r.kind, r.investor, "|", r.sentence[:160].replace("\n", " "))
    prec = tp / max(len(inv), 1)
    rec_n = rec_d = inv_ok = inv_n = 0
    for s, g in gold.items():
        rows = inv[inv.source == s]
        for a in g["amounts"]:
            if a["kind"] not in EVENT_KINDS:
                continue
            rec_d += 1
            hit = rows[[_match(v, c, a["value"], a["currency"]) for v, c in zip(rows.value, rows.currency)]]
            if len(hit):
                rec_n += 1
                if a.get("investor"):
                    inv_n += 1
                    gi, pi = _norm(a["investor"]), _norm(hit.investor.iloc[0])
                    good = bool(pi) and (gi == pi or gi in pi or pi in gi)
                    inv_ok += good
                    if show and not good:
                        print("INVESTOR", s[:40], a["text"], "gold:", a["investor"], "pred:", hit.investor.iloc[0])
            elif show:
                print("EVENT MISS", s[:40], a["text"], a["kind"], a.get("investor"))
    print(f"events precision {tp}/{len(inv)} = {prec:.3f}; recall {rec_n}/{rec_d} = {rec_n / max(rec_d, 1):.3f}; "
          f"investor right {inv_ok}/{inv_n} = {inv_ok / max(inv_n, 1):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
