"""No debris in the report: warnings, temp paths, pandas reprs, NaN/NaT, scientific notation,
resources from the network.

The detector is tested on hand-made snippets; the built pages are checked when a build is
present in ``_build/html`` (CI runs `make book` before the browser tests; `make test` does not
build the book, which takes minutes).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ainews.report import find_debris

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("AINEWS_BOOK_HTML", ROOT / "_build" / "html"))


@pytest.mark.parametrize("snippet, kind", [
    ("<pre>/tmp/ipykernel_17727/3478156380.py:1: UserWarning: obj.round has no effect</pre>", "warning printed"),
    ("<pre>/tmp/ipykernel_17727/3478156380.py:1</pre>", "ipykernel temp path"),
    ("<pre>event\nbranch    5\nName: count, dtype: int64</pre>", "pandas Series repr"),
    ("<td>NaT</td>", "missing value shown"),
    ("<td>NaN</td>", "missing value shown"),
    ("<td>1.426119e+10</td>", "scientific notation"),
    ('<script src="https://cdn.jsdelivr.net/npm/x.js"></script>', "resource from the network"),
    ('<link rel="stylesheet" href="//unpkg.com/x.css">', "resource from the network"),
])
def test_debris_is_found(snippet, kind):
    found = find_debris(f"<html><body>{snippet}</body></html>")
    assert any(f.startswith(kind) for f in found), found


@pytest.mark.parametrize("snippet", [
    "<td>US$ 14.3 bn</td><td>2025-12-26</td><td></td>",
    '<a href="https://www.example.com/article">source page</a>',  # a link a reader may follow
    '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==">',
    "<script>var x = NaN; console.warn('UserWarning: in code, not shown')</script><p>Nanum fonts</p>",
    "<p>version 1.2e3 of nothing; e-mail [email]</p>",
    "<noscript>This is the init_notebook_mode cell (you should not see this message)</noscript>",
])
def test_clean_pages_pass(snippet):
    assert find_debris(f"<html><body>{snippet}</body></html>") == []


def _pages() -> list[Path]:
    pages = [SITE / "index.html", *sorted((SITE / "notebooks").glob("*.html"))]
    return [p for p in pages if p.is_file()]


def test_built_pages_have_no_debris():
    if not (SITE / "index.html").is_file():
        pytest.skip(f"no built report at {SITE}; `make book` (or CI) builds it, then this test reads it")
    pages = _pages()
    assert len(pages) >= 5, f"expected the chapters of the report in {SITE}, found {[p.name for p in pages]}"
    bad = {p.relative_to(SITE).as_posix(): find_debris(p.read_text(encoding="utf-8")) for p in pages}
    bad = {k: v for k, v in bad.items() if v}
    assert not bad, "\n".join(f"{k}:\n  " + "\n  ".join(v[:8]) for k, v in bad.items())
