"""Site furniture: lines that recur across the pasted pages of one folder.

Pages pasted from the same site repeat its menus, section names, newsletter boxes and footer on
every page, while article text does not repeat (copies of one article are caught by
de-duplication). A short line found on several pages of a folder is therefore page furniture,
whatever the site and language.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .clean import clean_text
from .encoding import decode_bytes

__all__ = ["folder_furniture", "forget_folders", "MIN_PAGES"]

MIN_PAGES = 3  # a line on at least this many pages of the folder...
MIN_SHARE = 0.2  # ...and on at least this share of them
MAX_LEN = 120  # article paragraphs are longer; furniture lines are short
_MAX_BYTES = 2 * 2**20


@lru_cache(maxsize=8)
def _count(folder: str, stamp: tuple) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name, _, _ in stamp:
        try:
            text = decode_bytes((Path(folder) / name).read_bytes(), name)
        except (OSError, ValueError, UnicodeError):
            continue
        for line in {clean_text(x) for x in text.splitlines()}:
            if line and len(line) <= MAX_LEN:
                counts[line] = counts.get(line, 0) + 1
    need = max(MIN_PAGES, MIN_SHARE * len(stamp))
    return {line: n for line, n in counts.items() if n >= need}


# Each folder's listing (names, sizes, times of its pages), read once per ingest run: reading it
# for every file of a 7,000-file folder made ingestion quadratic in the folder's size.
_LISTINGS: dict[str, tuple] = {}
# Each folder's furniture, looked up once per ingest run: hashing the listing for the cache of
# _count on every file cost as much as a tenth of reading a large folder.
_FOUND: dict[str, dict[str, int]] = {}


def forget_folders() -> None:
    """Read folder listings afresh (called at the start of each ingest run or partition)."""
    _LISTINGS.clear()
    _FOUND.clear()


def _listing(folder: Path) -> tuple:
    key = str(Path(folder).absolute())
    if key not in _LISTINGS:
        try:
            files = sorted(p for p in Path(folder).glob("*.txt")
                           if not p.name.startswith(".") and p.is_file() and p.stat().st_size <= _MAX_BYTES)
            _LISTINGS[key] = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files)
        except OSError:
            _LISTINGS[key] = ()
    return _LISTINGS[key]


def folder_furniture(folder: Path) -> dict[str, int]:
    """Short lines repeated across the pasted pages (``.txt``) of ``folder``, with their page count.

    Computed once per folder and process (cached on the files' names, sizes and times, which are
    read once per ingest run: :func:`forget_folders`).
    """
    key = str(folder)
    found = _FOUND.get(key)
    if found is None:
        stamp = _listing(folder)
        found = _FOUND[key] = _count(str(Path(folder).absolute()), stamp) if len(stamp) >= MIN_PAGES else {}
    return found
