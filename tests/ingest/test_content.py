"""Main-content detection for pasted pages, photo items and site furniture."""

from __future__ import annotations

import importlib.util
import pytest

from ainews import ingest
from ainews.ingest.clean import clean_page
from ainews.ingest.content import content_verdicts, page_stoplist
from tests.conftest import CORPORA, ROOT

ARTICLE = [
    "The government said on Tuesday that it would spend more on artificial intelligence research over "
    "the next five years, with most of the money going to universities and public laboratories.",
    "Officials told reporters that the plan had been discussed with industry for months and that the "
    "first grants would be announced in the spring, after a review by an independent panel.",
    "Critics said the amount was too small to matter.",
    "The opposition party has asked for a hearing on the plan before the budget is voted on, and "
    "said it wanted to know how the money would be split between the regions of the country.",
]
MENU = ["Home", "World", "Business", "Tech", "Science", "Sport", "Opinion"]
COMMENTS = ["Reply", "jdoe · 3 hours ago", "Reply", "anna_k · 5 hours ago", "Reply"]
FOOTER = ["About us", "Contact", "Careers", "Terms of use", "Privacy policy", "Cookie settings"]


def test_pasted_english_page():
    text = "\n".join(MENU + ["Government raises AI research budget", "By Jane Doe"] + ARTICLE
                     + ["Share", "Related articles"] + COMMENTS + FOOTER)
    page = clean_page(text, detect_content=True)
    assert page.title == "Government raises AI research budget"
    assert page.body.split("\n\n") == ARTICLE
    reasons = dict(page.dropped)
    assert all(reasons.get(x) for x in MENU + FOOTER + ["Reply"]), page.dropped
    assert reasons["Home"].startswith("not article text")


def test_short_sentence_between_paragraphs_is_kept():
    verdicts = content_verdicts(ARTICLE)
    assert verdicts == [None] * 4


def test_stoplist_follows_the_page_language():
    assert "the" in page_stoplist(ARTICLE)
    ko = ["정부는 인공지능 연구에 더 많은 예산을 쓰겠다고 밝혔다. 이 계획은 대학과 연구소를 중심으로 추진된다."]
    assert "이" in page_stoplist(ko) or "더" in page_stoplist(ko)
    assert page_stoplist(["政府は人工知能の研究費を増やすと発表した。大学や研究所が中心となる。"]) == frozenset()


def test_seeds_keep_every_paragraph_with_detection(seed_texts):
    from tests.ingest.test_clean import SEED_PARAGRAPHS, SEED_TITLES

    for name, text in seed_texts.items():
        page = clean_page(text, detect_content=True)
        assert len(page.body.split("\n\n")) == SEED_PARAGRAPHS[name], name
        assert page.title == SEED_TITLES[name]


def _pasted_text():
    spec = importlib.util.spec_from_file_location("bench_clean", ROOT / "benchmarks" / "bench_clean.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.pasted_text, mod.tokens


def test_readability_pages_pasted_text_f1():
    """Pasted pages from many sites: cleaned body against the main content readability keeps."""
    pages = CORPORA / "readability-pages"
    if not pages.exists():
        pytest.skip(f"shared corpus not found at {pages}")
    pasted_text, tokens = _pasted_text()
    tp = n_got = n_gold = 0
    raw_got = 0
    for d in sorted(p for p in pages.iterdir() if (p / "source.html").exists())[::3]:
        text = pasted_text((d / "source.html").read_bytes())
        gold = tokens(pasted_text((d / "expected.html").read_bytes(), fragment=True))
        got = tokens(clean_page(text, detect_content=True).body)
        tp += sum((got & gold).values())
        n_got += sum(got.values())
        n_gold += sum(gold.values())
        raw_got += sum(tokens(text).values())
    precision, recall = tp / n_got, tp / n_gold
    assert precision > 0.88 and recall > 0.80, (precision, recall)  # whole set: see bench_clean
    assert n_got < 0.85 * raw_got  # furniture was removed, not just kept


KO_PHOTO = "이용섭 광주광역시장이 7일 시청에서 업무협약을 체결한 뒤 기념촬영을 하고 있다./사진=광주광역시\n"
KO_ARTICLE = ("광주시는 인공지능 산업 육성을 위한 포럼을 열었다고 13일 밝혔다.\n\n"
              "포럼에는 지역 기업과 대학 관계자 130여명이 참여했다.\n")


def test_photo_item_is_skipped_with_its_reason(tmp_path):
    (tmp_path / "photo.txt").write_text(KO_PHOTO, encoding="utf-8")
    (tmp_path / "article.txt").write_text(KO_ARTICLE, encoding="utf-8")
    articles, report = ingest(tmp_path, progress=False)
    assert articles["source"].tolist() == ["article.txt"]
    row = report.set_index("source").loc["photo.txt"]
    assert row["status"] == "skipped"
    assert row["reason"].startswith("photo item: a caption without article text")


def test_photo_item_kept_on_request(tmp_path):
    (tmp_path / "photo.txt").write_text(KO_PHOTO, encoding="utf-8")
    articles, _ = ingest(tmp_path, progress=False, keep_photo_items=True)
    row = articles.iloc[0]
    assert row["captions"] == [KO_PHOTO.strip()]
    assert any("photo item" in n for n in row["notes"])


def test_naver_photo_items(naver_dir):
    articles, report = ingest(naver_dir, progress=False)
    photo = report[report["reason"].str.startswith("photo item", na=False)]
    assert len(photo) >= 1
    assert not articles["title"].str.match(r"^\s*\[포토\]").any()


def test_site_furniture_across_a_folder(tmp_path):
    furniture = ["Sign up for the Morning Brief newsletter", "Most popular this week", "Follow us"]
    for i in range(4):
        body = [f"Story number {i} says the ministry approved a new plan for data centres in region {i}, "
                "and that construction would start next year after local hearings were held."]
        (tmp_path / f"page{i}.txt").write_text("\n".join([f"Headline number {i}"] + body + furniture),
                                               encoding="utf-8")
    articles, _ = ingest(tmp_path, progress=False)
    for dropped, body in zip(articles["dropped"], articles["body"]):
        reasons = dict((line, why) for line, why in dropped if line in furniture)
        assert set(reasons) == set(furniture)
        assert reasons["Most popular this week"] == "site furniture (on 4 pages of the folder)"
        assert "Story number" in body


def test_japanese_quoted_paragraphs_are_text():
    """Written for the test: 。 needs no space after it, and a paragraph that is a 「…」 quote
    ending in kana (no 。 before 」) is a sentence."""
    lines = ["ホーム", "ニュース", "スポーツ", "お問い合わせ",
             "新しい工場が町に完成した。地元の雇用が増えると期待されている。工場では約二百人が働く予定で、"
             "来年春から本格的に稼働する。市は周辺の道路も整備する方針だ。",
             "「町の人たちと一緒に成長していきたいと考えています。まずは地元の学校と協力していきたい」",
             "そう語る社長は、この町の出身だ。工場の建設には三年をかけた。地元の企業との取引も広げる考えだ。"
             "将来は研究拠点も置く計画で、大学との共同研究も始めるという。"]
    v = content_verdicts(lines)
    assert v[:4] == [v[0]] * 4 and v[0] is not None  # the menu
    assert v[4:] == [None, None, None]
