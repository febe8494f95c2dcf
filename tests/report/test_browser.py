"""Open the built report in headless Chromium (run by `make browser-test` after `make book`).

Every page of ``_build/html`` is served from 127.0.0.1 and must load with no console error, no
failed request, no request to another host (the site must work offline) and every image
decoded. The explorer must filter rows for a Korean query. A hostile article (``<script>``,
``<img onerror>``, ``javascript:`` links) goes through ingestion and the explorer into a real
page with the shipped explorer script, and must show as text without running anything.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("AINEWS_BOOK_HTML", ROOT / "_build" / "html"))
SHOTS = SITE.parent / "screenshots"
CHROMIUM = os.environ.get("AINEWS_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]{2,}")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="module")
def server():
    if not (SITE / "index.html").is_file():
        pytest.skip(f"no built report at {SITE}; run `make book` first")
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(SITE)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"Chromium not found at {CHROMIUM}; `make browser-test` installs Debian's chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the [test] extra")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _pages() -> list[str]:
    skip = {"_static", "_sources", "_images", "_downloads"}
    return sorted(
        p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if not skip & set(p.relative_to(SITE).parts)
    )


class _Watch:
    """Collects everything that went wrong while a page loaded."""

    def __init__(self, page, base: str):
        self.problems: list[str] = []
        local = urlsplit(base).netloc

        def route(r):
            parts = urlsplit(r.request.url)
            if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != local:
                self.problems.append(f"request to another host (not offline-safe): {r.request.url}")
                r.abort()
            else:
                r.continue_()

        page.route("**/*", route)
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed request: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))


def _check_page(browser, server: str, rel: str) -> list[str]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watch = _Watch(page, server)
    try:
        page.goto(f"{server}/{rel}", wait_until="networkidle")
        broken = page.evaluate(
            "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
        watch.problems += [f"image did not load: {src}" for src in broken]
        from ainews.report import find_debris

        if rel != "book/api.html":  # the API reference documents code: "NaN if empty" is meant
            watch.problems += find_debris(page.content())
        if page.evaluate("typeof window.__xss !== 'undefined'"):
            watch.problems.append(f"script injected by article text ran: window.__xss={page.evaluate('window.__xss')}")
        if rel == "index.html" or (rel.startswith("notebooks/") and rel == _chapter_to_shoot()):
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / (Path(rel).stem + ".png")), full_page=True)
    finally:
        page.close()
    return watch.problems


def _chapter_to_shoot() -> str:
    """A theme chapter when the book has one, else the first chapter."""
    chapters = [p for p in _pages() if p.startswith("notebooks/")]
    themes = [p for p in chapters if re.match(r"notebooks/0[3-9]_", p)]
    return (themes or chapters or ["index.html"])[0]


def test_every_page_loads_offline_without_errors(browser, server):
    problems = {rel: _check_page(browser, server, rel) for rel in _pages()}
    bad = {rel: p for rel, p in problems.items() if p}
    assert len(problems) >= 5, f"expected the report's pages, found {list(problems)}"
    assert not bad, "\n".join(f"{rel}:\n  " + "\n  ".join(p) for rel, p in bad.items())
    assert (SHOTS / "index.png").is_file()


def test_map_and_interactive_tables_load_offline(browser, server):
    """The hub map is a decoded image, and a long table becomes a searchable DataTable with the
    network cut (the itables bundle is embedded in the page, not fetched)."""
    hubs = [p for p in _pages() if "regional_hubs" in p]
    assert hubs, "no regional hubs chapter in the built report"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watch = _Watch(page, server)
    page.goto(f"{server}/{hubs[0]}", wait_until="networkidle")
    width = page.evaluate("(() => { const f = document.querySelector('#fig-place-map img, figure img');"
                          " return f ? f.naturalWidth : 0; })()")
    assert width > 300, "the hub map did not load"
    assert not watch.problems, watch.problems
    page.close()
    pages = [p for p in _pages() if p.startswith("notebooks/")]
    found = False
    for rel in pages:
        page = browser.new_page()
        watch = _Watch(page, server)
        page.goto(f"{server}/{rel}", wait_until="networkidle")
        tables = page.locator("table[id^=itables]").count()
        if tables:
            found = True
            # every long table became a DataTable (the embedded bundle ran) with a search box
            assert page.locator("table.dataTable").count() == tables, f"{rel}: interactive tables did not load"
            assert page.locator(".dt-search input, .dataTables_filter input").count() >= tables, rel
            assert not watch.problems, watch.problems
        page.close()
    if not found:
        pytest.skip("no table of this corpus is long enough to be interactive (more than 20 rows)")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower())


def test_explorer_search_filters_rows_for_a_korean_query(browser, server):
    explorer = [p for p in _pages() if "explorer" in p]
    assert explorer, "no article explorer page in the built report"
    page = browser.new_page()
    page.goto(f"{server}/{explorer[0]}", wait_until="networkidle")
    texts = [_norm(t) for t in page.locator("table.ainews-table tbody tr").all_text_contents()]
    assert texts, "the explorer table has no rows"
    # A Korean word that some rows contain and others do not; its first two syllables are
    # a substring query that must match inside longer words too.
    words = sorted({w for t in texts for w in _HANGUL_WORD.findall(t)}, key=lambda w: (-len(w), w))
    query = next((w[:2] for w in words if 0 < sum(w[:2] in t for t in texts) < len(texts)), None)
    if query is None:
        pytest.skip("the corpus has no Korean word that separates its articles (needs Korean and non-Korean articles)")
    expected = sum(query in t for t in texts)
    page.fill(".ainews-explorer input[type=search]", query)
    visible = page.locator("table.ainews-table tbody tr:visible").count()
    assert visible == expected, f"query {query!r}: {visible} rows shown, {expected} rows contain it"
    assert f"{expected:,} of {len(texts):,}" in page.locator(".ainews-count").inner_text()
    page.fill(".ainews-explorer input[type=search]", "")
    assert page.locator("table.ainews-table tbody tr:visible").count() == len(texts)
    page.close()


def test_hostile_article_shows_as_text_and_runs_nothing(browser, tmp_path, hostile_articles):
    import ainews
    from ainews.report import explorer_html, explorer_table

    script = SITE / "_static" / "ainews-explorer.js"
    if not script.is_file():
        pytest.skip(f"{script} not found; run `make book` first")
    articles = hostile_articles
    fragment = explorer_html(explorer_table(articles))
    (tmp_path / "explorer.js").write_bytes(script.read_bytes())
    (tmp_path / "index.html").write_text(
        f'<!doctype html><html><head><meta charset="utf-8"></head><body>{fragment}'
        '<script src="explorer.js"></script></body></html>', encoding="utf-8")
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((tmp_path / "index.html").as_uri(), wait_until="load")
    page.click("td.ainews-text summary")  # open the article text: nothing inside may run
    page.fill(".ainews-explorer input[type=search]", "데이터")
    page.wait_for_timeout(200)
    shown = page.inner_text("table.ainews-table")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert "<script>window.__xss = 'body'</script>" in shown
    assert "onerror=" in shown and "javascript:window.__xss='link'" in shown
    assert page.locator("table.ainews-table script, table.ainews-table img, table.ainews-table iframe, "
                        "table.ainews-table svg, a[href^='javascript']").count() == 0
    assert "probe@example.co.kr" not in shown and "[email]" in shown and "[phone]" in shown
    assert page.locator("table.ainews-table tbody tr:visible").count() == 1
    assert not errors
    page.close()
