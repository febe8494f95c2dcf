"""Draw the Naver articles labelled in ``naver-extra4.json`` (prints one file name per line).

Reproducible: fixed seed, reads ../shared/corpora/naver-ai-2025-12 (or $AINEWS_SHARED/corpora/...)
and skips every article already labelled in ../shared/gold/naver-dev-gold.json and
data/gold/naver-extra*.json (other than this set). The draw aims at cross-border investment
stories (the foreign-investment theme has the fewest labelled primaries), plus near-misses
(domestic AI investment) that teach what is not foreign investment; the selection only decides
which articles a reader labels, the labels come from reading each article.

Rule (seed 20251207), a sentence being a body segment ending in . ? ! or a line break; market
reports (>= 3 uses of 순매수, 순매도, ETF, 서학개미, 코스피, 목표주가) and articles with no AI /
infrastructure word are never eligible:
  * 34 from the cross-border pool: score = sentences holding both a border cue (해외, 외국, 글로벌,
    미국, 일본, 중국, 유럽, 베트남, 사우디, 현지, 외국계, 빅테크 ...) and a money/presence cue (진출,
    유치, 투자, 인수, 합작, 법인, 데이터센터, 공장, 설립, 거점, 지사, 출자, 지분, 양산, 출시 ...) plus twice the
    number of cross-border deal phrases (외국인 투자, FDI, 해외 진출, 현지 법인, 한국 법인, 국내 진출,
    인수 합병, M&A, 합작, 대미 투자 ...); eligible when the score is >= 3;
  * 8 near-misses from the domestic-investment pool: >= 3 AI / infrastructure words, >= 2 sentences
    holding an investment cue (투자, 예산, 출자, 펀드, 데이터센터) and no sentence holding both
    a border cue and a money/presence cue; weighted by the number of investment sentences (those
    with a stock-market word, 주가, 증시, 목표가, 주식, 종목, not counted);
  each draw weighted by the square of its score (favouring the strongest candidates), pools drawn in that order without replacement; a candidate that
  is the same story as an already chosen or already labelled article (title character-bigram Jaccard
  >= 0.25 or body character-4-gram Jaccard >= 0.25, the rule of ``select_naver_extra.py``) is skipped.
Drawn articles that the reader found to report the same event as a labelled one (the Jaccard filter
misses rewrites from other outlets) are read but not labelled; the README lists them.

Usage: python data/gold/select_naver_extra4.py [corpus_dir]
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_naver_extra import _key, _near_dup, _root, _split  # noqa: E402
from select_naver_extra3 import AIWORDS, DEAL, MARKET, SENT, _cooc, labelled_keys  # noqa: E402

SEED = 20251207
N_CROSS, N_DOMESTIC = 34, 8
BORDER = re.compile(r"해외|외국|글로벌|미국|美|일본|日|중국|中|유럽|베트남|인도|사우디|UAE|중동|텍사스|"
                    r"싱가포르|대만|독일|영국|프랑스|캐나다|멕시코|폴란드|헝가리|인도네시아|말레이시아|"
                    r"태국|호주|현지|외투|외국계|다국적|빅테크")
MONEY = re.compile(r"진출|유치|투자|인수|합작|법인|데이터센터|공장|설립|거점|지사|출자|지분|양산|팹|출시|공급")
DEAL2 = re.compile(r"한국 ?지사|한국 ?시장 ?(?:진출|공략)|현지 ?(?:공장|생산|거점)|미국 ?공장|"
                   r"해외 ?(?:법인|공장|거점)|인수 ?합병|M&A|합작|조인트 ?벤처|외투|미국 ?투자|글로벌 ?진출")
INVEST = re.compile(r"투자|예산|출자|펀드|데이터센터")
STOCK = re.compile(r"주가|증시|목표가|주식|종목")
LABELLED = ("gold/naver-dev-gold.json", "naver-extra.json", "naver-extra2.json", "naver-extra3.json")


def _invest(body: str) -> int:
    """Sentences holding an investment cue and no stock-market word."""
    return sum(1 for x in SENT.findall(body) if INVEST.search(x) and not STOCK.search(x))


def select(corpus: Path) -> list[str]:
    labelled = labelled_keys(LABELLED)
    docs = {f.name: _split(f.read_text(encoding="utf-8")) for f in sorted(corpus.glob("*.md"))}
    seen = [_key(docs[g]) for g in sorted(labelled) if g in docs]
    ok = {n for n, (_, b) in docs.items() if len(MARKET.findall(b)) < 3 and AIWORDS.search(b)}
    cross = {n: _cooc(b, BORDER, MONEY) + 2 * (len(DEAL.findall(b)) + len(DEAL2.findall(b)))
             for n, (_, b) in docs.items()}
    domestic = {n: _invest(b) if _cooc(b, BORDER, MONEY) == 0 and len(AIWORDS.findall(b)) >= 3 else 0
                for n, (_, b) in docs.items()}
    rng = random.Random(SEED)
    chosen: list[str] = []

    def draw(pool: list[str], score: dict, k: int) -> None:
        """Draw up to k new articles from pool, weighted by score, skipping labelled and near-duplicates."""
        got = 0
        while got < k and pool:
            name = rng.choices(pool, weights=[score[n] ** 2 for n in pool])[0]
            pool.remove(name)
            if name in labelled or name in chosen or _near_dup(docs[name], seen):
                continue
            chosen.append(name)
            seen.append(_key(docs[name]))
            got += 1

    draw([n for n in sorted(ok) if cross[n] >= 3], cross, N_CROSS)
    draw([n for n in sorted(ok) if domestic[n] >= 2], domestic, N_DOMESTIC)
    return chosen


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else _root() / "corpora" / "naver-ai-2025-12"
    for name in select(corpus):
        print(name)
