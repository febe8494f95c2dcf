"""Sphinx extension of the report: keep executed notebooks in step with the data.

Added in ``_config.yml`` (``sphinx: extra_extensions``). At each build it compares
:func:`ainews.report.book_fingerprint` with the one stored after the last successful build in
``_build/.ainews_fingerprint``. When they differ (articles added or edited, package or lexicons
changed), it empties the jupyter-cache and marks every notebook for re-reading, so no page shows
outputs computed from old data. Pages that paste glue values from another document
(``{glue:text}`path::key```) are re-read whenever any notebook is, so their numbers follow.

It also keeps the site offline: Jupyter Book always loads sphinx-thebe, whose inline script names
a CDN (unpkg.com) and is added twice in Jupyter Book 1.x (a JavaScript error on every page). The
report has no live-code buttons, so those scripts are left out of the pages.

Korean text renders on every machine: the Hangul font that koreanize-matplotlib ships (NanumGothic,
SIL Open Font License) is written into ``_static/fonts/`` as WOFF and declared in
``ainews-report.css``, so a reader without a Korean system font sees Hangul, not empty boxes. The
font's empty hinting-source tables (``TSI*``) are dropped on the way: browsers refuse a font
that carries them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sphinx.util import logging

from .fingerprint import book_fingerprint

__all__ = ["setup"]

LOGGER = logging.getLogger(__name__)
_CROSS_GLUE = re.compile(r"\{glue(?::\w+)?\}`[^`]*::")
_STATE = "ainews_fingerprint_changed"


def _state_file(app) -> Path:
    return Path(app.outdir).parent / ".ainews_fingerprint"


def _cache_dir(app) -> Path:
    path = getattr(getattr(app.env, "mystnb_config", None), "execution_cache_path", None)
    return Path(path) if path else Path(app.outdir).parent / ".jupyter_cache"


def _builder_inited(app) -> None:
    current = book_fingerprint()
    state = _state_file(app)
    previous = state.read_text().strip() if state.is_file() else None
    changed = previous != current
    setattr(app.env, _STATE, changed)
    app.env.ainews_fingerprint = current
    if changed:
        cache = _cache_dir(app)
        if cache.exists():
            shutil.rmtree(cache)
        LOGGER.info(f"ainews: data, package or lexicons changed ({previous} -> {current}); "
                    "notebooks will be executed again")


def _is_notebook(app, docname: str) -> bool:
    path = Path(app.env.doc2path(docname))
    if path.suffix == ".ipynb":
        return True
    if path.suffix == ".md":
        try:
            head = path.read_text(encoding="utf-8")[:3000]
        except OSError:
            return False
        return head.startswith("---") and "kernelspec" in head
    return False


def _pastes_from_others(app, docname: str) -> bool:
    try:
        return bool(_CROSS_GLUE.search(Path(app.env.doc2path(docname)).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError):
        return False


def _get_outdated(app, env, added, changed, removed) -> list[str]:
    extra = set()
    if getattr(env, _STATE, False):
        extra |= {d for d in env.found_docs if _is_notebook(app, d)}
    if extra or added or changed:
        extra |= {d for d in env.found_docs if _pastes_from_others(app, d)}
    return sorted(extra - set(added) - set(changed))


FONT = "NanumGothic.ttf"
WEB_FONT = "NanumGothic.woff"


def _font_source() -> Path:
    import koreanize_matplotlib

    return Path(koreanize_matplotlib.__file__).parent / "fonts" / FONT


def _copy_font(app) -> None:
    src = _font_source()
    if not src.is_file():
        raise FileNotFoundError(f"{src}: the Hangul font of koreanize-matplotlib is missing; reinstall it")
    dest = Path(app.outdir) / "_static" / "fonts" / WEB_FONT
    if dest.is_file() and dest.stat().st_mtime >= src.stat().st_mtime:
        return
    from fontTools.ttLib import TTFont  # a matplotlib dependency

    font = TTFont(src)
    for tag in [t for t in font.keys() if t.startswith("TSI")]:
        del font[tag]
    font.flavor = "woff"
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    font.save(tmp)
    tmp.replace(dest)


def _build_finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    _copy_font(app)
    if getattr(app.env, "ainews_fingerprint", None):
        _state_file(app).write_text(app.env.ainews_fingerprint + "\n")


def _drop_thebe(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    kept = []
    for js in scripts:
        name = str(getattr(js, "filename", js) or "")
        body = str(getattr(js, "attributes", {}).get("body", "")) if hasattr(js, "attributes") else ""
        if "sphinx-thebe" in name or "THEBE_JS_URL" in body or "thebe" in name.rsplit("/", 1)[-1]:
            continue
        kept.append(js)
    context["script_files"] = kept


def setup(app):
    """Register the cache invalidation with Sphinx."""
    app.connect("builder-inited", _builder_inited, priority=900)
    app.connect("env-get-outdated", _get_outdated)
    app.connect("build-finished", _build_finished)
    app.connect("html-page-context", _drop_thebe)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
