"""Draw the Korea Herald 2016 articles labelled in ``koreaherald-2016.json``.

Source: ``../shared/corpora/koreaherald-2016`` (16 CSV files), read with ``ainews.ingest``;
keys are its ``source`` values (``korea_herald_c_N.csv#row=L``, L the line on which the row
starts, header = line 1). Rule (seed 2016): among English, non-duplicate rows, draw 45 from
four keyword strata (data 13, foreign investment 13, AI/tech 11, regional industry 8), each
without replacement among the not yet chosen rows whose title + body match the stratum's
pattern at least twice, with probability proportional to the number of matches (so articles
that use the words often are favoured); then 25
uniformly among the remaining rows with more than 1,500 characters of body; finally, because
2016 has so little AI news, every remaining row that names AI explicitly (``AI_EXPLICIT``) is
added in full (14 rows), so that articles about AI are not too few to measure.

Usage: ``PYTHONPATH=src python data/gold/select_koreaherald.py [CORPUS_DIR]`` prints the keys.
"""

from __future__ import annotations

import re
import sys

import numpy as np

import ainews

SEED = 2016
STRATA = {
    "data": (13, r"personal (?:information|data)|privacy|hack(?:ing|ed|ers?)\b|cyber-?attack"
                 r"|\bbig data\b|data (?:leak|breach|protection)|surveillance"
                 r"|leak(?:ed|s)? (?:of )?(?:personal|customer|confidential)"),
    "foreign_investment": (13, r"foreign (?:direct )?invest|\bFDI\b|\bacquisitions?\b|\bacquire[ds]?\b"
                               r"|joint venture|\binvest(?:ment|ments|ed|ing|s|ors?)?\b|\bM&A\b|merger"),
    "ai_tech": (11, r"artificial intelligence|AlphaGo|\bAI\b|\brobot|semiconductor|start-?ups?\b"
                    r"|Pangyo|\bclusters?\b|fintech|self-driving|autonomous (?:car|vehicle)|\bICT\b"
                    r"|information technology"),
    "regional_industry": (8, r"(?:Samsung|Hyundai|\bSK\b|\bLG\b|Gwangju|Ulsan|Daegu|Busan|Pohang|Gumi"
                             r"|Changwon|Songdo|Incheon)"
                             r"(?=.{0,200}(?:factory|plant|industr|invest|complex|cluster|compan|firm))"),
}
N_RANDOM, MIN_CHARS = 25, 1500
AI_EXPLICIT = r"artificial intelligence|AlphaGo|DeepMind|\bA\.I\."


def select(corpus: str = "../shared/corpora/koreaherald-2016") -> list[str]:
    """Return the selected ``source`` keys, stratified draws first, then the random ones."""
    articles, _ = ainews.ingest(corpus)
    pool = articles[(articles["lang"] == "en") & (articles["dup_of"].fillna("") == "")]
    pool = pool.sort_values("source").reset_index(drop=True)
    text = (pool["title"].fillna("") + " " + pool["body"].fillna("")).tolist()
    rng = np.random.default_rng(SEED)
    chosen: list[str] = []
    for n, pattern in STRATA.values():
        rx = re.compile(pattern, re.I | re.S)
        hits = np.array([len(rx.findall(t)) for t in text])
        eligible = np.flatnonzero((hits >= 2) & ~pool["source"].isin(chosen).to_numpy())
        weights = hits[eligible] / hits[eligible].sum()
        idx = rng.choice(eligible, size=n, replace=False, p=weights)
        chosen += pool["source"].iloc[idx].tolist()
    rest = pool[(pool["body"].str.len() > MIN_CHARS) & ~pool["source"].isin(chosen)]
    chosen += rest["source"].iloc[rng.choice(len(rest), size=N_RANDOM, replace=False)].tolist()
    ai = re.compile(AI_EXPLICIT, re.I)
    chosen += [s for s, t in zip(pool["source"], text) if ai.search(t) and s not in chosen]
    return chosen


if __name__ == "__main__":
    for key in select(*sys.argv[1:]):
        print(key)
