"""Main-content accuracy of the cleaner on saved web pages, and footers left inside Naver paragraphs.

1. ``readability-pages`` (130 saved pages with the main content a careful extractor keeps, from
   mozilla/readability's tests): each ``source.html`` is turned into the text a reader gets by
   selecting the whole page and pasting it (one block element per line; scripts, styles, hidden
   elements and form controls left out, as a browser does), cleaned by the pasted-text path
   (:func:`ainews.ingest.clean.clean_page`), and compared with ``expected.html`` as bags of tokens
   (micro-averaged precision, recall, F1 over all pages, plus the mean of per-page F1). Beside it:
   the pasted text uncleaned, jusText's own paragraph classifier on the same lines, the HTML path
   (:func:`ainews.ingest.html.read_html`) and bare ``trafilatura.extract``.
   Targets: pasted F1, P and R >= 0.90; HTML path >= 0.98 x bare trafilatura.
2. ``naver-ai-2025-12``: the share of body lines (paragraphs) that still carry a footer: an e-mail,
   ``ⓒ``, ``무단 전재``, ``재배포 금지``, a ``▶`` teaser, a ``제보`` or ``구독`` plea (the bare words
   are counted too: 구독자 "subscribers" and ▶ section headings are article text). Target: <= 1%.

Run: ``PYTHONPATH=src python benchmarks/bench_clean.py [--pages N] [--show-worst K]``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import lxml.html  # noqa: E402
from lxml import etree  # noqa: E402
from trafilatura.utils import load_html  # noqa: E402

SHARED = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared")) / "corpora"
PAGES = SHARED / "readability-pages"
NAVER = SHARED / "naver-ai-2025-12"

# Elements a browser lays out as blocks: their text starts and ends a line when pasted.
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
           "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
           "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
           "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "br", "html"}
# Table cells are pasted side by side, a tab between them, one table row a line.
_CELLS = {"td", "th"}
# Never copied: code, metadata, embedded documents, form controls whose text is not selectable.
_SKIP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object",
         "embed", "svg", "math", "select", "option", "textarea", "input", "button", "canvas", "video", "audio"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]|[^\W_]+", re.U)


def pasted_text(html: bytes, *, fragment: bool = False) -> str:
    """The text a reader gets by selecting a whole rendered page and pasting it (one block a line).

    ``fragment``: ``html`` is a UTF-8 fragment (readability's ``expected.html``), not a page.
    """
    if fragment:
        root = lxml.html.fragment_fromstring(html.decode("utf-8", "replace"), create_parent="div")
    else:  # trafilatura's loader: declared or detected encoding, lenient parser
        root = load_html(html)
    if root is None:
        return ""
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = " ".join("".join(buf).split())
        if line:
            lines.append(line)
        buf.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or tag in _SKIP or el.get("hidden") is not None or \
                    _HIDDEN_STYLE.search(el.get("style") or ""):
                walker.skip_subtree()
                if el.tail:
                    buf.append(el.tail)
                continue
            if tag in _BLOCKS:
                flush()
            if el.text:
                buf.append(el.text)
        else:
            if tag in _BLOCKS:
                flush()
            elif tag in _CELLS:
                buf.append("\t")
            if el.tail:
                buf.append(el.tail)
    flush()
    return "\n".join(lines)


def tokens(text: str) -> Counter:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def prf(got: Counter, gold: Counter) -> tuple[int, int, int]:
    """(overlap, predicted, gold) token counts."""
    return sum((got & gold).values()), sum(got.values()), sum(gold.values())


def _scores(parts: list[tuple[int, int, int]]) -> str:
    tp, n_pred, n_gold = (sum(x[i] for x in parts) for i in range(3))
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    per_page = [2 * a / (b + c) if b + c else 1.0 for a, b, c in parts]
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (mean page F1 {sum(per_page) / len(per_page):.3f})"


def _justext_lines(text: str) -> str:
    """jusText's own paragraph classifier on the pasted lines (one paragraph a line, no links)."""
    from justext.core import Paragraph, classify_paragraphs, revise_paragraph_classification

    from ainews.ingest.content import page_stoplist

    class _Path:
        dom, xpath = "body.p", "/html/body/p"

    lines = [x for x in text.splitlines() if x.strip()]
    paras = []
    for line in lines:
        para = Paragraph(_Path())
        para.append_text(line)
        paras.append(para)
    classify_paragraphs(paras, page_stoplist(lines))
    revise_paragraph_classification(paras)
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def _html_path(src: Path) -> str:
    from ainews.ingest.html import read_html
    from ainews.ingest.records import InputError

    try:
        return next(iter(read_html(src, src.name))).body
    except InputError:
        return ""


def bench_pages(limit: int | None, show_worst: int, folder: str | None = None) -> None:
    import trafilatura

    from ainews.ingest.clean import clean_page

    dirs = sorted(d for d in PAGES.iterdir() if (d / "source.html").exists() and (d / "expected.html").exists())
    if folder:
        dirs = [d for d in dirs if d.name == folder]
    dirs = dirs[:limit] if limit else dirs
    pasted = [pasted_text((d / "source.html").read_bytes()) for d in dirs]
    golds = [tokens(pasted_text((d / "expected.html").read_bytes(), fragment=True)) for d in dirs]
    t0 = time.perf_counter()
    pages = [clean_page(t, detect_content=True) for t in pasted]
    t_clean = time.perf_counter() - t0
    results = {"pasted text": [], "pasted text (no cleaning)": [], "pasted text, jusText lines": [],
               "HTML path": [], "bare trafilatura": []}
    for d, text, page, gold in zip(dirs, pasted, pages, golds):
        results["pasted text"].append(prf(tokens(page.body), gold))
        results["pasted text (no cleaning)"].append(prf(tokens(text), gold))
        results["pasted text, jusText lines"].append(prf(tokens(_justext_lines(text)), gold))
        results["HTML path"].append(prf(tokens(_html_path(d / "source.html")), gold))
        results["bare trafilatura"].append(prf(tokens(trafilatura.extract((d / "source.html").read_bytes()) or ""),
                                               gold))
    print(f"readability-pages: {len(dirs)} pages, pasted-text cleaning {len(dirs) / t_clean:.0f} pages/s")
    for name, parts in results.items():
        print(f"  {name:28s} {_scores(parts)}")

    def f1(parts):
        tp, n_pred, n_gold = (sum(x[i] for x in parts) for i in range(3))
        return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0

    ratio = f1(results["HTML path"]) / (f1(results["bare trafilatura"]) or 1.0)
    print(f"  HTML path / bare trafilatura, same run: F1 ratio {ratio:.3f} (target >= 0.98)")
    if show_worst:
        f1 = [(2 * a / (b + c) if b + c else 1.0, a / b if b else 0, a / c if c else 0, d.name)
              for (a, b, c), d in zip(results["pasted text"], dirs)]
        for f, p, r, name in sorted(f1)[:show_worst]:
            print(f"    worst pasted: {name:40s} F1 {f:.2f} P {p:.2f} R {r:.2f}")


_ANY = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|ⓒ|무단\s*전재|재배포\s*금지|▶|제보|구독")
# The same words as a footer: 제보/구독 as a plea (not 구독자 "subscribers" or 제보자 in a story),
# ▶ as a teaser with a link or a run of teasers (not a ▶ section heading inside the text).
_FOOTER = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|ⓒ|무단\s*전재|재배포\s*금지|▶[^▶]{0,150}(?:https?://|▶)"
                     r"|제보\s*(?:하기|는|를\s*기다|로\s*함께|가\s*뉴스|[:：])|구독\s*(?:하기|해\s*주세요|하세요|신청|버튼)")


def bench_naver(show: int = 0) -> None:
    from ainews import ingest

    articles, _ = ingest(NAVER, progress=False)
    lines = [p for body in articles["body"] for p in body.split("\n\n") if p.strip()]
    hits = [p for p in lines if _FOOTER.search(p)]
    words = [p for p in lines if _ANY.search(p)]
    print(f"naver-ai-2025-12: {len(hits)} of {len(lines)} body lines ({len(hits) / len(lines):.1%}) still carry "
          "an e-mail, ⓒ, 무단 전재, 재배포 금지, ▶ teaser, 제보 or 구독 footer (target <= 1%); "
          f"{len(words)} ({len(words) / len(lines):.1%}) hold one of these words at all (구독자, ▶ headings...)")
    for p in hits[:show]:
        m = _FOOTER.search(p)
        print("    left:", p[max(0, m.start() - 60):m.end() + 60])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=None, help="only the first N pages")
    ap.add_argument("--show-worst", type=int, default=0, help="list the K pages of lowest pasted-text F1")
    ap.add_argument("--page", default=None, help="only this page folder")
    ap.add_argument("--skip-naver", action="store_true")
    args = ap.parse_args()
    if PAGES.exists():
        bench_pages(args.pages, args.show_worst, args.page)
    else:
        print(f"skip: {PAGES} not found")
    if not args.skip_naver:
        if NAVER.exists():
            bench_naver(args.show_worst)
        else:
            print(f"skip: {NAVER} not found")


if __name__ == "__main__":
    main()
