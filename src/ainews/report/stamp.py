"""Is the built report up to date? A stamp of everything the build reads, checked before building.

``make book`` runs ingestion, :mod:`ainews.report.prepare` and Jupyter Book; each is incremental,
but starting three Python programs that import the analysis stack costs seconds even when nothing
changed. This module needs only the standard library and runs as a script, before anything else:

    python src/ainews/report/stamp.py check STAMP   # exit 0: nothing changed since STAMP was written
    python src/ainews/report/stamp.py write STAMP   # after a successful build

The stamp hashes the names, sizes and modification times of the input articles (``$AINEWS_DATA``,
links followed), and the contents of the package, lexicons, models, notebooks, book pages, the
book's configuration and the locked dependencies, plus the environment variables that redirect the
build. Any change means a build (which is itself incremental).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
#: What the build reads besides the articles: folders (all files, by content) and files.
SOURCES = ("src/ainews", "data/lexicons", "data/models", "data/gold", "notebooks", "book", "_static",
           "_config.yml", "_toc.yml", "requirements.lock", "pyproject.toml", "Makefile")
ENV = ("AINEWS_DATA", "AINEWS_PROCESSED", "AINEWS_LEXICONS", "AINEWS_CACHE", "AINEWS_FIGURE_DATA")


def _files(path: Path):
    if path.is_file():
        yield path
    elif path.is_dir():
        for dirpath, dirnames, filenames in os.walk(path, followlinks=True):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith(".") and not name.endswith(".pyc"):
                    yield Path(dirpath) / name


def build_stamp(root: Path = ROOT) -> str:
    """Hex digest of the inputs, code and settings of the report's build."""
    h = hashlib.sha256()
    for var in ENV:
        h.update(f"{var}={os.environ.get(var, '')}\n".encode())
    data = Path(os.environ.get("AINEWS_DATA") or root / "data" / "raw")
    data = data if data.is_absolute() else root / data
    for p in _files(data):
        try:
            st = p.stat()
            h.update(f"data|{p.relative_to(data) if p != data else p.name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"data|{p}|unreadable\n".encode())
    for rel in SOURCES:
        for p in _files(root / rel):
            h.update(f"src|{p.relative_to(root).as_posix()}\n".encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("check", "write"):
        print("usage: stamp.py check|write STAMP_FILE", file=sys.stderr)
        return 2
    stamp_file = Path(argv[1])
    if argv[0] == "write":
        stamp_file.parent.mkdir(parents=True, exist_ok=True)
        stamp_file.write_text(build_stamp() + "\n")
        return 0
    try:
        ok = stamp_file.read_text().strip() == build_stamp()
    except OSError:
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
