"""Project paths, defined once.

Every stage reads one folder and writes the next: ``data/raw`` (immutable inputs) ->
``data/processed`` (generated, safe to delete) with curated word lists in ``data/lexicons``.
Paths can be redirected with environment variables so the report can be rebuilt on another
corpus without editing notebooks:

* ``AINEWS_DATA``: the folder (or file) of articles the report reads; default ``data/raw``.
* ``AINEWS_PROCESSED``: where generated tables go; default ``data/processed`` (a sub-folder per
  data folder other than ``data/raw``, so two corpora never mix).
* ``AINEWS_LEXICONS``: the lexicon folder; default ``data/lexicons``.
* ``AINEWS_CACHE``: per-user cache of built artefacts keyed by content (the compiled Japanese
  user dictionary); default ``$XDG_CACHE_HOME/ainews`` or ``~/.cache/ainews``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

__all__ = ["ROOT", "RAW", "LEXICONS", "data_dir", "processed_dir", "lexicon_dir",
           "user_cache_dir"]


def _find_root() -> Path:
    env = os.environ.get("AINEWS_ROOT")
    if env:
        return Path(env).resolve()
    # Editable/src checkout: src/ainews/config.py -> project root two levels up.
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "data" / "lexicons").is_dir() and (parent / "pyproject.toml").is_file():
            return parent
    return Path.cwd().resolve()


ROOT = _find_root()
RAW = ROOT / "data" / "raw"
LEXICONS = ROOT / "data" / "lexicons"


def data_dir() -> Path:
    """The folder (or single file) of input articles: ``$AINEWS_DATA`` or ``data/raw``."""
    env = os.environ.get("AINEWS_DATA")
    if env:
        p = Path(env).expanduser()
        return (p if p.is_absolute() else ROOT / p).resolve()
    return RAW


def processed_dir(source: str | os.PathLike | None = None) -> Path:
    """Where generated tables for ``source`` (default :func:`data_dir`) are written.

    ``data/raw`` maps to ``data/processed``; any other input folder gets its own
    sub-folder ``data/processed/<name>-<hash>`` so outputs of two corpora never mix.
    """
    env = os.environ.get("AINEWS_PROCESSED")
    base = Path(env).expanduser().resolve() if env else ROOT / "data" / "processed"
    src = Path(source).resolve() if source is not None else data_dir()
    if src == RAW.resolve():
        return base
    digest = hashlib.sha1(str(src).encode("utf-8")).hexdigest()[:8]
    return base / f"{src.name or 'data'}-{digest}"


def lexicon_dir() -> Path:
    """The folder of curated lexicons: ``$AINEWS_LEXICONS`` or ``data/lexicons``."""
    env = os.environ.get("AINEWS_LEXICONS")
    return Path(env).expanduser().resolve() if env else LEXICONS


def user_cache_dir() -> Path:
    """Cache of artefacts built from lexicons and keyed by their content (safe to share between
    projects and to delete): ``$AINEWS_CACHE``, else ``$XDG_CACHE_HOME/ainews`` or ``~/.cache/ainews``."""
    env = os.environ.get("AINEWS_CACHE")
    if env:
        return Path(env).expanduser().resolve()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "ainews"
