"""The report's Sphinx extension: which pages are re-read when the data changes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

pytest.importorskip("sphinx")

from ainews.report import sphinx as ext  # noqa: E402

NOTEBOOK_MD = "---\nkernelspec:\n  name: python3\n---\n# Intro\n"
PASTES = "# Summary\n\n{glue:text}`notebooks/03_x::n_hubs` hubs.\n"


@pytest.fixture
def app(tmp_path):
    files = {"intro": ("intro.md", NOTEBOOK_MD), "nb": ("nb.ipynb", "{}"), "api": ("api.md", "# API\n"),
             "summary": ("summary.md", PASTES)}
    for name, text in files.values():
        (tmp_path / name).write_text(text, encoding="utf-8")
    env = SimpleNamespace(found_docs=set(files), doc2path=lambda d: tmp_path / files[d][0])
    return SimpleNamespace(env=env, outdir=str(tmp_path / "_build" / "html"))


def test_fingerprint_change_rereads_notebooks_and_pasting_pages(app):
    setattr(app.env, ext._STATE, True)
    assert ext._get_outdated(app, app.env, set(), set(), set()) == ["intro", "nb", "summary"]


def test_nothing_changed_rereads_nothing(app):
    setattr(app.env, ext._STATE, False)
    assert ext._get_outdated(app, app.env, set(), set(), set()) == []


def test_an_edited_notebook_refreshes_pages_that_paste_from_it(app):
    setattr(app.env, ext._STATE, False)
    assert ext._get_outdated(app, app.env, set(), {"nb"}, set()) == ["summary"]


def test_thebe_scripts_are_dropped():
    scripts = [SimpleNamespace(filename="_static/doctools.js", attributes={}),
               SimpleNamespace(filename=None, attributes={"body": 'const THEBE_JS_URL = "https://unpkg.com/x"'}),
               SimpleNamespace(filename="_static/sphinx-thebe.js", attributes={}),
               "_static/ainews-explorer.js"]
    context = {"script_files": scripts}
    ext._drop_thebe(None, "page", "page.html", context, None)
    assert [getattr(s, "filename", s) for s in context["script_files"]] == ["_static/doctools.js", "_static/ainews-explorer.js"]
