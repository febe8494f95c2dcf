"""One topic model over Korean, English and Japanese articles; livedoor categories as a check."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ainews import TopicModel, load_corpus

# Two subjects, each written in three languages with the concept map's forms (written for the test).
CLOUD = {
    "ko": "마이크로소프트는 일본 데이터센터에 투자한다. 데이터센터 투자와 클라우드 확대. 마이크로소프트 데이터센터.",
    "en": "Microsoft will invest in a data center in Japan. Microsoft data center investment and cloud.",
    "ja": "マイクロソフトは日本のデータセンターに投資する。データセンター投資とクラウドの拡大。マイクロソフト。",
}
PRIVACY = {
    "ko": "개인정보 유출과 데이터 주권. GDPR 규제와 개인정보 보호. 데이터 주권 논쟁.",
    "en": "Personal data leaks and data sovereignty. GDPR rules protect personal data. Data sovereignty debate.",
    "ja": "個人情報の流出とデータ主権。GDPRの規制と個人情報の保護。データ主権の議論。",
}


def _articles() -> pd.DataFrame:
    rows = []
    for subject, texts in (("cloud", CLOUD), ("privacy", PRIVACY)):
        for lang, text in texts.items():
            for i in range(3):
                rows.append({"doc_id": f"{subject}-{lang}-{i}", "lang": lang, "subject": subject,
                             "body": text + f" {i}", "title": ""})
    return pd.DataFrame(rows)


def test_three_languages_share_topics(tmp_path):
    arts = _articles()
    tm = TopicModel(2, unit="article", random_state=0, cache_dir=tmp_path).fit(arts)
    assert set(tm.language_overlap_) == {"ko", "en", "ja"}
    assert min(tm.language_overlap_.values()) > 0.3
    top = tm.doc_topics_.reindex(arts["doc_id"]).to_numpy().argmax(axis=1)
    # Each subject is one topic whatever the language.
    by_subject = pd.Series(top).groupby(arts["subject"].to_numpy()).nunique()
    assert by_subject.tolist() == [1, 1] and len(set(top)) == 2


def test_livedoor_categories_are_recovered(livedoor_dir, tmp_path):
    from sklearn.metrics import v_measure_score

    # Two distant categories keep the fit short; the full 9-category figure is in
    # benchmarks/bench_japanese.py.
    arts = pd.concat([load_corpus(livedoor_dir / c).assign(category=c)
                      for c in ("sports-watch", "it-life-hack")])
    arts = arts[arts["dup_of"] == ""].reset_index(drop=True)
    tm = TopicModel(2, unit="article", random_state=0, n_restarts=1, cache_dir=tmp_path).fit(arts)
    top = tm.doc_topics_.reindex(arts["doc_id"]).fillna(0).to_numpy().argmax(axis=1)
    assert v_measure_score(arts["category"], top) > 0.6
