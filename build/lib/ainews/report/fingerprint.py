"""A fingerprint of everything a report page depends on, to invalidate the execution cache.

Jupyter Book's ``execute_notebooks: cache`` re-runs a notebook only when its code changes. The
report's notebooks also depend on the articles, the package and the lexicons, so
:func:`book_fingerprint` hashes those; the Sphinx extension :mod:`ainews.report.sphinx` clears the
cache and re-reads the notebooks when it changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..config import data_dir, lexicon_dir

__all__ = ["book_fingerprint"]


def _hash_tree(h, root: Path, patterns: tuple[str, ...]) -> None:
    if not root.exists():
        h.update(f"{root}|absent\n".encode())
        return
    files = sorted({p for pat in patterns for p in root.rglob(pat) if p.is_file() and "__pycache__" not in p.parts})
    for p in files:
        h.update(p.relative_to(root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())


def book_fingerprint(source=None) -> str:
    """Hash of the input articles (names, sizes, modification times), the ``ainews`` source code
    and the lexicon files.

    Args:
        source: the data folder or file; default :func:`ainews.config.data_dir`.

    Returns:
        A 20-character hex digest; equal digests mean the report's outputs are still valid.
    """
    from ..corpus import input_fingerprint

    src = Path(source) if source is not None else data_dir()
    h = hashlib.sha256()
    h.update(f"data={src.resolve()}|{input_fingerprint(src)}\n".encode())
    _hash_tree(h, Path(__file__).resolve().parents[1], ("*.py",))
    _hash_tree(h, lexicon_dir(), ("*",))
    return h.hexdigest()[:20]
