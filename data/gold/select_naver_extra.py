"""Select the extra Naver articles to label by hand (prints one file name per line).

Reproducible: fixed seed, reads ../shared/corpora/naver-ai-2025-12 (or $AINEWS_SHARED/corpora/...)
and skips articles already in ../shared/gold/naver-dev-gold.json. The selection only decides which
articles a reader labels; the labels themselves come from reading each article.

Rule:
  * 40 drawn uniformly at random among articles with more than 700 characters of body;
  * 70 drawn among articles that often use theme words (>= 3 occurrences of a theme's words):
    35 from the foreign-investment pool, 20 from the sovereign-AI/data pool, 15 from the
    regional-hub pool, each draw weighted by the number of theme-word occurrences;
  * a candidate that is the same story as an already selected or already labelled article
    (title character-bigram Jaccard >= 0.25 or body character-4-gram Jaccard >= 0.25) is skipped.

Usage: python data/gold/select_naver_extra.py [corpus_dir]
"""
from __future__ import annotations

import html
import json
import os
import random
import re
import sys
from pathlib import Path

SEED = 20251231
N_RANDOM = 40
N_POOLS = {"foreign_investment": 35, "data_sovereignty": 20, "regional_hubs": 15}
MIN_HITS = 3
TITLE_DUP = 0.25  # same story: title character-bigram Jaccard ...
BODY_DUP = 0.25   # ... or body character-4-gram Jaccard at least this
WORDS = {
    "foreign_investment": ["해외 투자", "해외투자", "외국인 투자", "외국인투자", "외국인직접투자",
                           "데이터센터 유치", "인수", "지분", "합작", "FDI", "투자 유치", "투자유치",
                           "invest", "진출", "법인 설립", "현지 법인", "현지법인", "글로벌 기업"],
    "data_sovereignty": ["소버린", "독자 AI", "독자AI", "파운데이션 모델", "파운데이션모델",
                         "데이터 주권", "개인정보", "유출", "해킹", "데이터 보호"],
    "regional_hubs": ["집적단지", "클러스터", "특구", "지자체", "광주", "울산", "대구", "부산",
                      "경북", "전남", "전북", "강원", "충북", "충남", "경남", "제주", "용인",
                      "포항", "구미", "새만금", "세종", "대전", "인천"],
}


def _root() -> Path:
    shared = os.environ.get("AINEWS_SHARED")
    if shared:
        return Path(shared)
    root = Path(__file__).resolve().parents[2]
    for cand in (root.parent / "shared", root.parent.parent / "shared"):  # checkout or worktree
        if cand.is_dir():
            return cand
    raise SystemExit("no ../shared folder: set AINEWS_SHARED to the shared data folder")


def _split(text: str) -> tuple[str, str]:
    """Return (title, body) of a crawled Naver Markdown file."""
    parts = text.split("\n---\n")
    title = ""
    m = re.search(r'^title:\s*"?(.*?)"?\s*$', parts[0], re.M)
    if m:
        title = html.unescape(m.group(1))
    body = "\n".join(parts[2:-1]) if len(parts) > 3 else (parts[2] if len(parts) > 2 else "")
    return title, html.unescape(body).strip()


def _grams(s: str, n: int) -> set[str]:
    s = re.sub(r"\W+", "", s)
    return {s[i:i + n] for i in range(len(s) - n + 1)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _key(doc: tuple[str, str]) -> tuple[set[str], set[str]]:
    """Title character bigrams and body character 4-grams."""
    return _grams(doc[0], 2), _grams(doc[1], 4)


def _near_dup(doc: tuple[str, str], seen: list[tuple[set[str], set[str]]]) -> bool:
    t, b = _key(doc)
    return any(_jaccard(t, ot) >= TITLE_DUP or _jaccard(b, ob) >= BODY_DUP for ot, ob in seen)


def select(corpus: Path) -> list[str]:
    gold_path = _root() / "gold" / "naver-dev-gold.json"
    gold = set(json.loads(gold_path.read_text(encoding="utf-8"))) if gold_path.exists() else set()
    docs = {}
    for f in sorted(corpus.glob("*.md")):
        docs[f.name] = _split(f.read_text(encoding="utf-8"))
    seen = [_key(docs[g]) for g in sorted(gold) if g in docs]
    rng = random.Random(SEED)
    chosen: list[str] = []

    def take(name: str) -> bool:
        if name in gold or name in chosen or _near_dup(docs[name], seen):
            return False
        chosen.append(name)
        seen.append(_key(docs[name]))
        return True

    hits = {t: {n: sum(b.count(w) for w in ws) for n, (_, b) in docs.items()}
            for t, ws in WORDS.items()}
    for theme, k in N_POOLS.items():
        pool = [n for n in docs if hits[theme][n] >= MIN_HITS]
        got = 0
        while got < k and pool:
            name = rng.choices(pool, weights=[hits[theme][n] for n in pool])[0]
            pool.remove(name)
            got += take(name)
    long_ = [n for n, (_, b) in docs.items() if len(b) > 700]
    rng.shuffle(long_)
    got = 0
    for name in long_:
        if got >= N_RANDOM:
            break
        got += take(name)
    return chosen


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else _root() / "corpora" / "naver-ai-2025-12"
    for name in select(corpus):
        print(name)
