"""Load curated lexicons from ``data/lexicons``.

Lexicons are data, not code: YAML (or plain text) files whose header states their source and
date. Each loader is cached; :func:`lexicon_version` gives a content hash used to invalidate
caches when a lexicon is edited.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .config import lexicon_dir

__all__ = ["load_yaml_lexicon", "lexicon_path", "lexicon_version", "read_word_list"]


def lexicon_path(name: str) -> Path:
    """Path of lexicon ``name`` (a file name inside the lexicon folder)."""
    path = lexicon_dir() / name
    if not path.is_file():
        raise FileNotFoundError(
            f"lexicon {name!r} not found in {lexicon_dir()}; set AINEWS_LEXICONS to the folder "
            "holding the project's data/lexicons"
        )
    return path


# libyaml's parser when PyYAML was built with it: the same values, ten times faster (about half a
# second saved in each process that reads the lexicons)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def _load_yaml(path: Path, mtime: float) -> Any:
    with path.open(encoding="utf-8") as fh:
        try:
            return yaml.load(fh, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: invalid YAML ({exc}); fix the file and re-run") from exc


def load_yaml_lexicon(name: str) -> Any:
    """Parsed content of a YAML lexicon, re-read when the file changes."""
    path = lexicon_path(name)
    return _load_yaml(path, path.stat().st_mtime)


def lexicon_version(*names: str) -> str:
    """A short hash of the named lexicon files' bytes (changes when any of them is edited)."""
    files = []
    for name in sorted(names):
        path = lexicon_path(name)
        st = path.stat()
        files.append((name, path, st.st_mtime_ns, st.st_size, st.st_ino))
    return _version(tuple(files))


@lru_cache(maxsize=256)
def _version(files: tuple[tuple[str, Path, int, int, int], ...]) -> str:
    # keyed by each file's modification time and size (as _load_yaml): callers ask on every kiwi
    # call, and reading and hashing the user dictionary each time cost more than the call
    h = hashlib.sha256()
    for name, path, *_ in files:
        h.update(name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def read_word_list(path) -> list[str]:
    """Entries of a plain-text word list: one per line, ``#`` starts a comment (the header)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out
