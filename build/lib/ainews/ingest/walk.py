"""List the input files of a data folder, accounting for every entry that cannot be read."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .records import Skip

__all__ = ["iter_inputs"]


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def iter_inputs(root: Path) -> Iterator[tuple[Path, str] | Skip]:
    """Yield ``(path, relative name)`` for every file below ``root`` (or ``root`` itself when it
    is a file), in sorted order, and a :class:`Skip` for entries that cannot be read: broken
    links, folders reached twice through links (loops), unreadable folders.
    """
    root = Path(root)
    if root.is_file():
        yield root, root.name
        return
    if not root.exists():
        raise FileNotFoundError(f"{root}: no such file or folder; pass the folder holding the articles")
    seen_dirs: set[str] = set()
    errors: list[Skip] = []

    def onerror(exc: OSError) -> None:
        where = _rel(Path(exc.filename), root) if exc.filename else str(root)
        errors.append(Skip(where, f"cannot list this folder ({exc.strerror}); check its permissions"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        here = Path(dirpath)
        real = os.path.realpath(here)
        if real in seen_dirs:
            dirnames[:] = []
            yield Skip(_rel(here, root) + "/", "folder already read through another link (a symbolic-link "
                       "loop), so its files were read once; remove the link to silence this")
            continue
        seen_dirs.add(real)
        dirnames.sort()
        for name in sorted(filenames):
            path = here / name
            rel = _rel(path, root)
            if path.is_symlink() and not path.exists():
                yield Skip(rel, "broken symbolic link; point it at an existing file or remove it")
                continue
            yield path, rel
        yield from errors
        errors.clear()
