"""Korean NER: person, place and organisation entity F1 on the KLUE news sentences, cross-validated.

The KLUE NER dev set (5,000 sentences) is split into K folds; each fold is tagged by a CRF trained
on the other folds, so no sentence is scored by a model that saw it. Scores are exact-span entity
precision/recall/F1, printed per type for the news sentences (ids ending ``-wikitree``) and for all.
Also prints tagging speed (characters per second).

Usage: PYTHONPATH=src python benchmarks/bench_ner.py [klue tsv] [--folds K]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from ainews.extract.ner import LABELS, KoreanNER, _klue_default, read_klue, spans_of


def _score(rows):
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, pred in rows:
        g, p = set(spans_of(gold)), set(spans_of(pred))
        for lab, *_ in g & p:
            tp[lab] += 1
        for lab, *_ in p - g:
            fp[lab] += 1
        for lab, *_ in g - p:
            fn[lab] += 1
    out = {}
    for lab in LABELS:
        pr = tp[lab] / max(tp[lab] + fp[lab], 1)
        rc = tp[lab] / max(tp[lab] + fn[lab], 1)
        out[lab] = (pr, rc, 2 * pr * rc / max(pr + rc, 1e-9), tp[lab] + fn[lab])
    return out


def main() -> None:
    args = sys.argv[1:]
    k = 5
    if "--folds" in args:
        i = args.index("--folds")
        k = int(args[i + 1])
        del args[i:i + 2]
    path = Path(args[0]) if args else _klue_default()
    if not path.is_file():
        sys.exit(f"{path} not found; pass the KLUE NER tsv (or set AINEWS_SHARED)")
    data = read_klue(path)
    preds: list = [None] * len(data)
    n_chars, t_tag = 0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for f in range(k):
            train = [d for i, d in enumerate(data) if i % k != f]
            test = [(i, d) for i, d in enumerate(data) if i % k == f]
            m = KoreanNER().fit([t for _, t, _ in train], [y for _, _, y in train], Path(tmp) / f"m{f}")
            t = time.perf_counter()
            for i, (_, text, _) in test:
                preds[i] = m.predict([text])[0]
                n_chars += len(text)
            t_tag += time.perf_counter() - t
            print(f"fold {f + 1}/{k} done", file=sys.stderr)
    names = {"PS": "person", "LC": "place", "OG": "organisation"}
    for title, keep in (("news (-wikitree)", lambda s: s.endswith("-wikitree")), ("all", lambda s: True)):
        rows = [(y, p) for (sid, _, y), p in zip(data, preds) if keep(sid)]
        sc = _score(rows)
        print(f"{title}: {len(rows)} sentences, {k}-fold cross-validated")
        for lab in LABELS:
            pr, rc, f1, n = sc[lab]
            print(f"  {names[lab]:<13} P {pr:.3f}  R {rc:.3f}  F1 {f1:.3f}  ({n} gold)")
    print(f"tagging speed: {n_chars / t_tag:,.0f} characters/s")


if __name__ == "__main__":
    main()
