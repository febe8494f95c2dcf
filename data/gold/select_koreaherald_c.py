"""Draw the Korea Herald 2016 articles labelled in ``koreaherald-2016-c.json``.

Source: ``../shared/corpora/koreaherald-2016`` read with ``ainews.ingest``; keys are its
``source`` values (``korea_herald_c_N.csv#row=L``). Pool: English rows that ``ingest`` does not
mark as duplicates, with more than 800 characters of body, not already labelled in
``koreaherald-2016.json`` or ``koreaherald-2016-b.json``, using at least 6 business words
(invest, plant, factory, industry, firm, company, business, start-up, economy, export,
technology, chip, manufacturing), and not dominated by the two stories the earlier sets already
hold in number (at most one mention of the Choi Soon-sil scandal and of the Kaesong park),
sorted by ``source``. Rule (seed 20161208): draw 35 from three strata, each without replacement
among rows not yet chosen whose title + body match the stratum's pattern at least twice (three
times for the near misses), with probability proportional to the number of matches; in the first two strata every row whose
title itself matches the pattern is taken first (12 cross-border and 2 regional titles, such as
the Korea-Iran business deals, which a weighted draw could miss):

1. cross-border investment and presence (20): foreign direct investment, joint ventures,
   acquisitions, stakes, plants / subsidiaries / branches / data centres in a named country,
   investment into a named country, foreign / Chinese / Japanese / U.S. firms or investors,
   business deals, MOUs, economic cooperation, infrastructure investment, named foreign tech firms;
2. regional industry hubs (10): a Korean or Japanese city / province followed within 150
   characters by a hub word (cluster, hub, valley, complex, special or economic zone, innovation
   centre, techno park, start-up, venture, smart city, industry, investment, factory, plant,
   science, research), creative economy, regional development, innovation city;
3. near misses (5): rows with no cross-border match that talk of domestic investment, budgets,
   funds or the stock market (KOSPI, shares, exchange rate, capital spending), so the set also
   shows what is not foreign investment.

A row whose title shares a character-bigram Jaccard >= 0.5 with a chosen or already labelled row
(the same story filed twice) is skipped. The keywords only decide which articles are read; every
label comes from reading the article.

Usage: ``PYTHONPATH=src python data/gold/select_koreaherald_c.py [CORPUS_DIR]`` prints the keys.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

import ainews

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_koreaherald_b import _bigrams, take_new  # noqa: E402  (the same title test, Jaccard 0.5)

SEED = 20161208
LABELLED = [Path(__file__).with_name(n) for n in ("koreaherald-2016.json", "koreaherald-2016-b.json")]
_COUNTRY = (r"(?:Korea|Japan|China|the U\.S\.|U\.S\.|United States|America|Vietnam|India|Indonesia|Mexico"
            r"|Europe|Germany|France|Britain|Iran|Russia|Egypt|Africa|Mongolia|Singapore|overseas|abroad)")
_PLACES = (r"(?:Pangyo|Songdo|Gwangju|Daegu|Ulsan|Busan|Pohang|Gumi|Changwon|Daejeon|Sejong|Jeju|Incheon"
           r"|Gyeonggi|Gangwon|Chungcheong|Jeolla|Gyeongsang|Jeonju|Suwon|Seongnam|Goyang|Gyeongju"
           r"|Yongin|Hwaseong|Pyeongtaek|Cheongju|Osong|Ochang|Yeosu|Gunsan|Geoje|Saemangeum|Wonju"
           r"|Naju|Seoul|Tokyo|Osaka|Fukuoka|Okinawa|Kyushu)")
STRATA = {
    "cross_border": (20, r"foreign (?:direct )?investment|\bFDI\b|joint venture|acqui(?:re[sd]?|sitions?)\b(?! tax)"
                         r"|\bstakes?\b|(?:plants?|factor(?:y|ies)|subsidiar(?:y|ies)|data cent\w+|R&D cent\w+"
                         r"|branch(?:es)?|production (?:base|line)s?) in " + _COUNTRY
                         + r"|invest\w* (?:\S+ ){0,4}(?:in|into) " + _COUNTRY
                         + r"|(?:foreign|Chinese|Japanese|American|U\.S\.|European|global) (?:firms?|compan(?:y|ies)"
                         r"|investors?|capital|conglomerates?)|overseas (?:plants?|investment|expansion|subsidiar\w+)"
                         r"|free economic zone|investment (?:deal|pact|agreement|pledge|attraction)|business deals?"
                         r"|\bMOUs?\b|memorand\w+ of understanding|economic cooperation|infrastructure (?:projects?"
                         r"|investment)|Google|Qualcomm|Intel\b|Microsoft|Apple\b|Alibaba|Tencent|SoftBank"),
    "regional_hubs": (10, r"\b" + _PLACES + r"\b(?=.{0,150}(?:cluster|hub|valley|industrial (?:complex|park)"
                          r"|special (?:economic )?zone|economic zone|innovation cent|techno ?park|start-?ups?"
                          r"|venture|smart city|industr|investment|factor|plant|science|research))"
                          r"|creative economy|regional (?:economy|industr\w+|development)|innovation city"),
    "near_miss": (5, r"KOSPI|KOSDAQ|stock (?:market|exchange|price)s?|\bshares\b|exchange rate|won-dollar"
                     r"|capital (?:expenditure|spending)|facility investment|domestic investment"
                     r"|invest(?:ed|s|ing|ment|ments)?\b|\bbudgets?\b|\bfunds?\b"),
}
_BUSINESS = re.compile(r"invest\w*|\bplants?\b|factor(?:y|ies)|industr\w+|\bfirms?\b|compan(?:y|ies)|business\w*"
                       r"|start-?ups?|econom(?:y|ic)|export\w*|technolog\w+|semiconductor|chips?\b|manufactur\w+", re.I)
_CROWDED = re.compile(r"Choi Soon-sil|Choi's|impeach|K-Sports|Mir Foundation|Kaesong|Gaeseong|Gaesong", re.I)
MIN_CHARS, MIN_BUSINESS = 800, 6
MIN_HITS = {"cross_border": 2, "regional_hubs": 2, "near_miss": 3}


def _eligible(text: str) -> bool:
    crowded = _CROWDED.findall(text)
    scandal = sum(1 for c in crowded if not c.lower().startswith(("kae", "gae")))
    return len(_BUSINESS.findall(text)) >= MIN_BUSINESS and scandal <= 1 and len(crowded) - scandal <= 1


def select(corpus: str = "../shared/corpora/koreaherald-2016") -> list[str]:
    """Return the selected ``source`` keys in draw order (cross-border, regional, near misses)."""
    articles, _ = ainews.ingest(corpus)
    done: set[str] = set()
    for path in LABELLED:
        done |= set(json.loads(path.read_text(encoding="utf-8")))
    ok = ((articles["lang"] == "en") & (articles["dup_of"].fillna("") == "")
          & (articles["body"].fillna("").str.len() > MIN_CHARS) & ~articles["source"].isin(done))
    pool = articles[ok].sort_values("source").reset_index(drop=True)
    text = (pool["title"].fillna("") + " " + pool["body"].fillna("")).tolist()
    keep = np.array([_eligible(t) for t in text])
    seen = [_bigrams(t) for t in articles.loc[articles["source"].isin(done), "title"]]
    cross = re.compile(STRATA["cross_border"][1], re.I | re.S)
    no_cross = np.array([not cross.search(t) for t in text])
    rng = np.random.default_rng(SEED)
    chosen: list[str] = []

    def take(order: np.ndarray, n: int) -> None:
        take_new(pool, order, n, chosen, seen)

    for name, (n, pattern) in STRATA.items():
        rx = re.compile(pattern, re.I | re.S)
        hits = np.array([len(rx.findall(t)) for t in text], dtype=float)
        mask = keep & (hits >= MIN_HITS[name]) & ~pool["source"].isin(chosen).to_numpy()
        if name == "near_miss":
            mask &= no_cross
        eligible = np.flatnonzero(mask)
        # rows whose title itself matches come first (in source order), then a weighted order
        # without replacement; extra candidates cover skipped same-story rows
        titled = np.flatnonzero(keep & np.array([bool(rx.search(str(t))) for t in pool["title"]]))
        if name == "near_miss":
            titled = titled[:0]
        order = rng.choice(eligible, size=len(eligible), replace=False,
                           p=hits[eligible] / hits[eligible].sum())
        take(np.concatenate([titled, order]), n)
    return chosen


if __name__ == "__main__":
    for key in select(*sys.argv[1:]):
        print(key)
