"""Speed of the tabular and HTML readers on the shared corpora.

Prints rows per second for the BigKinds export (the whole reader: openpyxl load, column
mapping, date parsing, language detection), against two baselines measured in the same
process: openpyxl's bare row iteration in normal mode (what the reader uses) and in read-only
mode with the sheet size reset (BigKinds declares a wrong size, A1:A1, that read-only trusts).

Usage: PYTHONPATH=src python benchmarks/bench_readers.py [path/to/shared/corpora]
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from pathlib import Path

import openpyxl

from ainews.ingest.html import read_html
from ainews.ingest.records import Record
from ainews.ingest.tabular import read_xlsx

ROOT = Path(__file__).resolve().parents[1]


def _corpora() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    shared = Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared"))
    return shared / "corpora"


def _best(fn, repeat: int = 3) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def _openpyxl_rows(path: Path, read_only: bool) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        wb = openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    ws = wb.worksheets[0]
    if read_only:
        ws.reset_dimensions()
    n = sum(1 for _ in ws.iter_rows(values_only=True))
    wb.close()
    return n


def main() -> None:
    corpora = _corpora()
    xlsx = corpora / "bigkinds" / "NewsResult_20200101-20201231.xlsx"
    if not xlsx.exists():
        sys.exit(f"BigKinds export not found at {xlsx}; pass the shared corpora folder as argument")
    t_reader, out = _best(lambda: list(read_xlsx(xlsx, xlsx.name)))
    n = sum(isinstance(o, Record) for o in out)
    t_normal, _ = _best(lambda: _openpyxl_rows(xlsx, read_only=False))
    t_ro, rows_ro = _best(lambda: _openpyxl_rows(xlsx, read_only=True))
    print(f"BigKinds export: {len(out)} rows ({n} records), {xlsx.stat().st_size / 1e6:.1f} MB")
    print(f"  read_xlsx (full reader):          {t_reader:6.2f} s  {len(out) / t_reader:8.0f} rows/s")
    print(f"  openpyxl rows, normal mode:       {t_normal:6.2f} s  {len(out) / t_normal:8.0f} rows/s")
    print(f"  openpyxl rows, read-only mode:    {t_ro:6.2f} s  {len(out) / t_ro:8.0f} rows/s")
    print(f"  read-only vs normal openpyxl:     {t_normal / t_ro:6.2f}x faster ({rows_ro} rows)")
    print(f"  reader overhead over openpyxl:    {t_reader / t_normal:6.2f}x the bare normal-mode read")

    pages = sorted((corpora / "html").glob("*.htm*"))
    if pages:
        t_html, recs = _best(lambda: [r for p in pages for r in read_html(p, p.name)])
        print(f"HTML pages: {len(recs)} pages in {t_html:.2f} s = {len(recs) / t_html:.1f} pages/s")


if __name__ == "__main__":
    main()
