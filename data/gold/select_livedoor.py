"""Draw the livedoor news articles labelled in ``livedoor-ja.json``.

Source: ``../shared/corpora/livedoor-ja`` (9 category folders of ``<category>-<id>.txt`` files: URL
line, date line, title line, body). Keys are paths relative to that folder
(``it-life-hack/it-life-hack-6292880.txt``), which equal the ``source`` column of
``ainews.ingest`` on the whole folder. The files are read directly (the same first three header
lines ``ainews.ingest`` takes as metadata are skipped) so the draw takes a second, not minutes.

Rule (seed 20121207), among article files (``LICENSE.txt`` excluded) whose body has 300 to 5,000
characters (the upper bound keeps a reading session feasible; 98.8% of the corpus is in range):

1. 25 from the tech and news categories (``it-life-hack, kaden-channel, topic-news,
   livedoor-homme, smax``), drawn without replacement among articles with at least 2 cue hits,
   with probability proportional to the number of hits. Cues: a direct quote followed by a speech
   verb (``「…」と述べ/語っ/話し/明らかにし/強調し``), money amounts (``億円, 兆円, ドル``) and
   company / investment / region words (``投資, 出資, 買収, 提携, 資金調達, 進出, 誘致, 拠点,
   データセンター, 特区, 工場, 県, 府, 地域, 自治体...``);
2. 15 uniformly among the remaining articles of all 9 categories.

An article whose title shares >= 0.5 of its character bigrams (Jaccard) with an already chosen one
is skipped (livedoor repeats some stories). The cues only decide which articles are read; every
label comes from reading the article.

Usage: ``python data/gold/select_livedoor.py [CORPUS_DIR]`` prints the 40 keys in draw order.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

SEED = 20121207
TECH_NEWS = ("it-life-hack", "kaden-channel", "topic-news", "livedoor-homme", "smax")
N_CUED, N_RANDOM, MIN_HITS = 25, 15, 2
MIN_CHARS, MAX_CHARS = 300, 5000
CUES = re.compile(
    r"「[^」]{4,}」と(?:述べ|語っ|話し|明らかにし|強調し)"
    r"|[0-9０-９,，.．]+(?:億|兆)円|[0-9０-９,，.．]+(?:万|億)?ドル"
    r"|投資|出資|買収|提携|資金調達|進出|誘致|拠点|データセンター|特区|工場|自治体"
    r"|[一-龥]{1,3}(?:県|府)|地域|地方|人工知能")


def read_corpus(corpus: str) -> list[tuple[str, str, str]]:
    """``(key, title, body)`` for every article file, sorted by key."""
    root = Path(corpus)
    out = []
    for path in sorted(root.glob("*/*.txt")):
        if path.name == "LICENSE.txt":
            continue
        lines = path.read_text(encoding="utf-8").lstrip("\ufeff\n\r ").split("\n", 3)
        title = lines[2].strip() if len(lines) > 2 else ""
        body = lines[3] if len(lines) > 3 else ""
        out.append((path.relative_to(root).as_posix(), title, body))
    return out


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _same_story(title: str, chosen_titles: list[set[str]]) -> bool:
    b = _bigrams(title)
    return any(b and c and len(b & c) / len(b | c) >= 0.5 for c in chosen_titles)


def select(corpus: str = "../shared/corpora/livedoor-ja") -> list[str]:
    """Return the selected keys: the cued draw first, then the uniform one."""
    docs = [d for d in read_corpus(corpus) if MIN_CHARS <= len(d[2].strip()) <= MAX_CHARS]
    rng = np.random.default_rng(SEED)
    chosen: list[str] = []
    titles: list[set[str]] = []

    def take(order, n):
        got = 0
        for i in order:
            if got >= n:
                break
            key, title, _ = docs[i]
            if key in chosen or _same_story(title, titles):
                continue
            chosen.append(key)
            titles.append(_bigrams(title))
            got += 1

    hits = np.array([len(CUES.findall(t + "\n" + b)) if k.split("/")[0] in TECH_NEWS else 0
                     for k, t, b in docs])
    eligible = np.flatnonzero(hits >= MIN_HITS)
    # a weighted order without replacement: draw all eligible, take the first N_CUED that pass
    order = rng.choice(eligible, size=len(eligible), replace=False, p=hits[eligible] / hits[eligible].sum())
    take(order, N_CUED)
    take(rng.permutation(len(docs)), N_RANDOM)
    return chosen


if __name__ == "__main__":
    for key in select(*sys.argv[1:]):
        print(key)
