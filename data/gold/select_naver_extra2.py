"""Draw the Naver articles labelled in ``naver-extra2.json`` (prints one file name per line).

Source: ``../shared/corpora/naver-ai-2025-12`` read with ``ainews.ingest``; keys are file names
(the ``source`` column). Only files whose leading digit group is >= "200" are eligible, minus
those already labelled in ``../shared/gold/naver-dev-gold.json`` and in the other extra file
(``naver-extra.json`` of the ``label`` branch, when present) so the two extra sets do not overlap.
Rule (seed 20251229): 20 drawn without replacement among eligible articles whose body uses theme
words at least 3 times, with probability proportional to the number of uses; then 20 uniformly
among the remaining eligible articles with more than 700 characters of body.

Usage: ``PYTHONPATH=src python data/gold/select_naver_extra2.py [CORPUS_DIR [EXCLUDE_JSON ...]]``
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

import ainews

SEED = 20251229
THEME_WORDS = (r"소버린|독자 ?AI|파운데이션 ?모델|데이터 ?주권|개인정보|유출|해킹|외국인 ?투자|해외 ?투자|FDI"
               r"|투자 ?유치|인수|지분|합작|데이터센터|클러스터|집적단지|특구|광주|울산|용인|경북|전남|부산")
N_THEME, N_RANDOM, MIN_HITS, MIN_CHARS = 20, 20, 3, 700


def select(corpus: str = "../shared/corpora/naver-ai-2025-12", *exclude_files: str) -> list[str]:
    """Return the drawn file names, theme-weighted draws first."""
    articles, _ = ainews.ingest(corpus)
    excluded: set[str] = set()
    for path in exclude_files or ("../shared/gold/naver-dev-gold.json",
                                  "/work/wt/label/data/gold/naver-extra.json"):
        if Path(path).exists():
            excluded |= set(json.loads(Path(path).read_text(encoding="utf-8")))
    lead = articles["source"].str.extract(r"^(\d+)_", expand=False).fillna("")
    pool = articles[(lead >= "200") & ~articles["source"].isin(excluded)]
    pool = pool.sort_values("source").reset_index(drop=True)
    rx = re.compile(THEME_WORDS)
    hits = np.array([len(rx.findall(b or "")) for b in pool["body"]])
    rng = np.random.default_rng(SEED)
    eligible = np.flatnonzero(hits >= MIN_HITS)
    idx = rng.choice(eligible, size=min(N_THEME, len(eligible)), replace=False,
                     p=hits[eligible] / hits[eligible].sum())
    chosen = pool["source"].iloc[idx].tolist()
    rest = pool[(pool["body"].str.len() > MIN_CHARS) & ~pool["source"].isin(chosen)]
    chosen += rest["source"].iloc[rng.choice(len(rest), size=N_RANDOM, replace=False)].tolist()
    return chosen


if __name__ == "__main__":
    for key in select(*sys.argv[1:]):
        print(key)
