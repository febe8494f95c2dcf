"""Draw the Korea Herald 2016 articles labelled in ``koreaherald-2016-b.json``.

Source: ``../shared/corpora/koreaherald-2016`` read with ``ainews.ingest``; keys are its
``source`` values (``korea_herald_c_N.csv#row=L``). Pool: English rows that ``ingest`` does not
mark as duplicates, with more than 1,000 characters of body, not already labelled in
``koreaherald-2016.json``, sorted by ``source``. Rule (seed 20161207): draw 40 from three
keyword strata aimed at the rarer themes (foreign investment 16, regional hubs 12, data /
privacy / tech independence 12), each without replacement among the rows not yet chosen whose
title + body match the stratum's cross-border / regional / data pattern at least twice, with
probability proportional to the number of matches; then 10 uniformly among the rest. A row
whose title shares a character-bigram Jaccard >= 0.5 with a chosen or already labelled row
(the same story filed twice) is skipped. The keywords only decide which articles are read;
every label comes from reading the article.

Usage: ``PYTHONPATH=src python data/gold/select_koreaherald_b.py [CORPUS_DIR]`` prints the keys.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

import ainews

SEED = 20161207
LABELLED = Path(__file__).with_name("koreaherald-2016.json")
_ABROAD = (r"(?:U\.S\.|United States|America|China|Chinese|Vietnam|India|Indonesia|Mexico|Europe"
           r"|Germany|Japan|Japanese|overseas|abroad|foreign|global|Korean)")
_REGIONS = (r"(?:Pangyo|Songdo|Gwangju|Daegu|Ulsan|Busan|Pohang|Gumi|Changwon|Daejeon|Sejong|Jeju|Incheon"
            r"|Gyeonggi|Gangwon|Chungcheong|Jeolla|Gyeongsang|Osaka|Fukuoka|Okinawa|Seoul)")
STRATA = {
    "foreign_investment": (16, r"foreign (?:direct )?investment|foreign investors? (?:in|into) (?:Korea|Japan)"
                               r"|\bFDI\b|joint venture|overseas (?:plant|factory|investment|subsidiar\w+"
                               r"|expansion|market)|(?:plant|factory|subsidiary|R&D cent\w+|branch|office) in "
                               + _ABROAD + r"|invest(?:ed|s|ing|ment|ments)? (?:\S+ )?(?:in|into) " + _ABROAD
                               + r"|" + _ABROAD + r" (?:firms?|compan\w+|investors?|capital)"
                               r"|acquisitions?|acquire[sd]?\b|\bstake\b"),
    "regional_hubs": (12, _REGIONS + r"\b(?=.{0,150}(?:cluster|hub|valley|industrial complex|special zone"
                          r"|economic zone|innovation cent|techno ?park|start-?up|industr|investment|factor))"
                          r"|creative economy|regional (?:economy|industr\w+|development)"
                          r"|balanced (?:regional )?development|innovation city"
                          r"|local governments? .{0,60}(?:invest|industr|budget)"),
    "data_tech": (12, r"personal (?:information|data)|privacy|data (?:leak|breach|protection|center)"
                      r"|\bbig data\b|\bcloud\b|hack(?:ing|ed|ers?)\b|cyber-?attack|localiz\w+"
                      r"|(?:technolog\w+|tech) (?:independence|sovereignty|self-reliance)|homegrown|indigenous"),
}
N_RANDOM, MIN_CHARS, TITLE_JACCARD = 10, 1000, 0.5


def _bigrams(title: str) -> set[str]:
    t = re.sub(r"\W+", "", str(title).lower())
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _same_story(title: str, others: list[set[str]]) -> bool:
    g = _bigrams(title)
    return any(g and o and len(g & o) / len(g | o) >= TITLE_JACCARD for o in others)


def take_new(pool, order, n: int, chosen: list[str], seen: list) -> None:
    """Append to ``chosen`` the first ``n`` articles of ``pool`` in ``order`` that are neither chosen
    already nor the same story as a title in ``seen`` (which grows with each one taken)."""
    got = 0
    for i in order:
        src, title = pool["source"].iloc[i], pool["title"].iloc[i]
        if got == n:
            break
        if src in chosen or _same_story(title, seen):
            continue
        chosen.append(src)
        seen.append(_bigrams(title))
        got += 1


def select(corpus: str = "../shared/corpora/koreaherald-2016") -> list[str]:
    """Return the selected ``source`` keys, stratified draws first, then the uniform ones."""
    articles, _ = ainews.ingest(corpus)
    done = set(json.loads(LABELLED.read_text(encoding="utf-8")))
    ok = ((articles["lang"] == "en") & (articles["dup_of"].fillna("") == "")
          & (articles["body"].fillna("").str.len() > MIN_CHARS))
    pool = articles[ok & ~articles["source"].isin(done)].sort_values("source").reset_index(drop=True)
    seen = [_bigrams(t) for t in articles.loc[articles["source"].isin(done), "title"]]
    text = (pool["title"].fillna("") + " " + pool["body"].fillna("")).tolist()
    rng = np.random.default_rng(SEED)
    chosen: list[str] = []

    def take(order: np.ndarray, n: int) -> None:
        take_new(pool, order, n, chosen, seen)

    for n, pattern in STRATA.values():
        rx = re.compile(pattern, re.I | re.S)
        hits = np.array([len(rx.findall(t)) for t in text], dtype=float)
        eligible = np.flatnonzero((hits >= 2) & ~pool["source"].isin(chosen).to_numpy())
        # weighted order without replacement; extra candidates cover skipped same-story rows
        order = rng.choice(eligible, size=len(eligible), replace=False,
                           p=hits[eligible] / hits[eligible].sum())
        take(order, n)
    rest = np.flatnonzero(~pool["source"].isin(chosen).to_numpy())
    take(rng.permutation(rest), N_RANDOM)
    return chosen


if __name__ == "__main__":
    for key in select(*sys.argv[1:]):
        print(key)
