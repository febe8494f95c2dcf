"""Draw the Naver articles labelled in ``naver-extra3.json`` (prints one file name per line).

Reproducible: fixed seed, reads ../shared/corpora/naver-ai-2025-12 (or $AINEWS_SHARED/corpora/...)
and skips every article already labelled in ../shared/gold/naver-dev-gold.json,
data/gold/naver-extra.json and data/gold/naver-extra2.json. The draw aims at the rarest theme
classes (foreign investment, then sovereign AI / data, then regional hubs); the selection only
decides which articles a reader labels, the labels come from reading each article.

Rule (seed 20251203), a sentence being a body segment ending in . ? ! or a line break:
  * 60 from the cross-border pool: articles with >= 2 sentences holding both a border cue
    (해외, 외국, 글로벌 기업, 미국, 일본, 중국, FDI, 아마존, 마이크로소프트, 구글, 오픈AI, 엔비디아,
    소프트뱅크, AWS ...) and a money/presence cue (진출, 유치, 투자, 인수, 합작, 법인, 데이터센터);
  * 35 from the sovereign-AI/data pool: >= 3 uses of 소버린, 독자 AI, 파운데이션 모델, 데이터 주권,
    개인정보, 유출, 해킹, GPU 확보;
  * 25 from the regional-hub pool: >= 2 sentences holding a local-government name and a hub cue
    (AI 집적단지, 클러스터, 특구, 데이터센터 유치, 예산, AI ...);
  each draw weighted by the pool's count, pools drawn in that order without replacement; a candidate
  that is the same story as an already chosen or already labelled article (title character-bigram
  Jaccard >= 0.25 or body character-4-gram Jaccard >= 0.25) is skipped.
Second round (same generator, continued), added after reading the first: the cross-border pool had
filled up with stock-market and exchange-rate stories (미국 + 투자 co-occur in every market report),
so 40 more are drawn the same way from stricter pools, market reports excluded (>= 3 uses of
순매수, 순매도, ETF, 서학개미, 코스피, 목표주가):
  * 15 from articles with >= 2 cross-border deal phrases (외국인 투자, FDI, 해외 진출, 현지 법인,
    합작 법인, 한국 법인, 국내 진출, 투자 유치, 인수, 지분 투자, 데이터센터 유치, R&D 센터, 대미 투자 ...)
    and >= 3 AI/infrastructure words (AI, 인공지능, 데이터센터, 반도체, GPU, 클라우드);
  * 15 from articles with >= 2 uses of the sovereign-AI/data words above;
  * 10 from articles with >= 1 sentence holding a local-government name and a hub cue and >= 3
    AI/infrastructure words.
Third round (continued), the stricter pools being nearly exhausted after the duplicate filter: 20
more with looser thresholds, market reports still excluded: 6 with >= 1 cross-border deal phrase
and >= 2 AI/infrastructure words, 7 with >= 1 sovereign-AI/data word, 7 with >= 1 local-government
+ hub-cue sentence and >= 1 AI/infrastructure word.

Usage: python data/gold/select_naver_extra3.py [corpus_dir]
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_naver_extra import _key, _near_dup, _root, _split  # noqa: E402

SEED = 20251203
N_POOLS = {"foreign_investment": 60, "data_sovereignty": 35, "regional_hubs": 25}
BORDER = re.compile(r"해외|외국|글로벌 ?기업|미국|美|일본|日|중국|中|FDI|아마존|마이크로소프트|MS|구글|"
                    r"오픈AI|OpenAI|엔비디아|소프트뱅크|AWS|메타|오라클|블랙록|사우디|UAE|베트남|인도")
MONEY = re.compile(r"진출|유치|투자|인수|합작|법인|데이터센터")
SOVEREIGN = re.compile(r"소버린|독자 ?AI|파운데이션 ?모델|데이터 ?주권|개인정보|유출|해킹|GPU 확보")
REGION = re.compile(r"광주|울산|부산|대구|인천|대전|세종|경북|경남|전남|전북|충북|충남|강원|제주|경기|"
                    r"서울시|용인|포항|구미|새만금|원주|춘천|창원|김해|평택|화성|수원|성남|해남|"
                    r"영암|나주|익산|군산|청주|천안|아산|안동|경산|도청|시청|군청|지자체")
HUB = re.compile(r"집적단지|클러스터|특구|데이터센터|유치|예산|AI ?중심|AI ?수도|AI ?허브|거점|인공지능")
DEAL = re.compile(r"외국인 ?투자|외국인직접투자|FDI|해외 ?진출|현지 ?법인|합작 ?법인|합작사|한국 ?법인|"
                  r"한국 ?지사|국내 ?진출|한국 ?진출|일본 ?진출|미국 ?진출|투자 ?유치|"
                  r"인수(?:했|한다|하기로|를 추진|합병)|지분 ?투자|데이터센터 ?유치|R&D ?센터|연구소 ?설립|"
                  r"해외 ?투자|대미 ?투자")
AIWORDS = re.compile(r"AI|인공지능|데이터센터|반도체|GPU|클라우드")
MARKET = re.compile(r"순매수|순매도|ETF|서학개미|코스피|목표주가")
N_ROUND2 = {"foreign_investment": 15, "data_sovereignty": 15, "regional_hubs": 10}
N_ROUND3 = {"foreign_investment": 6, "data_sovereignty": 7, "regional_hubs": 7}
SENT = re.compile(r"[^.?!\n]+")
LABELLED = ("gold/naver-dev-gold.json", "naver-extra.json", "naver-extra2.json")


def _cooc(body: str, a: re.Pattern, b: re.Pattern) -> int:
    return sum(1 for s in SENT.findall(body) if a.search(s) and b.search(s))


def labelled_keys(names) -> set[str]:
    """Keys of the label files ``names`` ("gold/..." under the shared folder, others beside this script)."""
    here = Path(__file__).resolve().parent
    labelled: set[str] = set()
    for name in names:
        path = _root() / name if name.startswith("gold/") else here / name
        if path.exists():
            labelled |= set(json.loads(path.read_text(encoding="utf-8")))
    return labelled


def select(corpus: Path) -> list[str]:
    labelled = labelled_keys(LABELLED)
    docs = {f.name: _split(f.read_text(encoding="utf-8")) for f in sorted(corpus.glob("*.md"))}
    seen = [_key(docs[g]) for g in sorted(labelled) if g in docs]
    counts = {
        "foreign_investment": {n: _cooc(b, BORDER, MONEY) for n, (_, b) in docs.items()},
        "data_sovereignty": {n: len(SOVEREIGN.findall(b)) for n, (_, b) in docs.items()},
        "regional_hubs": {n: _cooc(b, REGION, HUB) for n, (_, b) in docs.items()},
    }
    minimum = {"foreign_investment": 2, "data_sovereignty": 3, "regional_hubs": 2}
    rng = random.Random(SEED)
    chosen: list[str] = []

    def draw(pool: list[str], score: dict, k: int) -> None:
        """Draw up to k new articles from pool, weighted by score, skipping labelled and near-duplicates."""
        got = 0
        while got < k and pool:
            name = rng.choices(pool, weights=[score[n] for n in pool])[0]
            pool.remove(name)
            if name in labelled or name in chosen or _near_dup(docs[name], seen):
                continue
            chosen.append(name)
            seen.append(_key(docs[name]))
            got += 1

    for theme, k in N_POOLS.items():
        draw([n for n in docs if counts[theme][n] >= minimum[theme]], counts[theme], k)
    ai = {n: len(AIWORDS.findall(b)) for n, (_, b) in docs.items()}
    market = {n: len(MARKET.findall(b)) for n, (_, b) in docs.items()}
    round2 = {
        "foreign_investment": {n: len(DEAL.findall(b)) if ai[n] >= 3 else 0 for n, (_, b) in docs.items()},
        "data_sovereignty": counts["data_sovereignty"],
        "regional_hubs": {n: c if ai[n] >= 3 else 0 for n, c in counts["regional_hubs"].items()},
    }
    round3 = {
        "foreign_investment": {n: len(DEAL.findall(b)) if ai[n] >= 2 else 0 for n, (_, b) in docs.items()},
        "data_sovereignty": counts["data_sovereignty"],
        "regional_hubs": {n: c if ai[n] >= 1 else 0 for n, c in counts["regional_hubs"].items()},
    }
    minimum2 = {"foreign_investment": 2, "data_sovereignty": 2, "regional_hubs": 1}
    minimum3 = {"foreign_investment": 1, "data_sovereignty": 1, "regional_hubs": 1}
    rounds = [(theme, k, round2[theme], minimum2[theme]) for theme, k in N_ROUND2.items()]
    rounds += [(theme, k, round3[theme], minimum3[theme]) for theme, k in N_ROUND3.items()]
    for theme, k, score, low in rounds:
        draw([n for n in docs if score[n] >= low and market[n] < 3], score, k)
    return chosen


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else _root() / "corpora" / "naver-ai-2025-12"
    for name in select(corpus):
        print(name)
