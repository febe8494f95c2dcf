"""Time of `make book`: cold (target <= 3 min on 2 cores), with nothing changed (target <= 5 s), and after
adding one article.

Runs `make book` (a stamp check; when something changed, ingestion, `ainews prepare`, which
computes the analyses the chapters share on two processes, then `jupyter-book build`) on a copy of the data folder in a temporary directory, so data/raw and the project's _build are
left alone. After adding one article it prints which notebooks were executed again: every
notebook reads the whole corpus, so all of them re-run, while Markdown pages, the API reference
and the ingestion of unchanged inputs are reused.
Run: `make bench` or `.venv/bin/python benchmarks/bench_book.py [DATA_FOLDER]`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TARGET_NOCHANGE_S = 5.0
TARGET_COLD_S = 180.0
NEW_ARTICLE = """\
---
title: "광주, AI 데이터센터 유치 위해 해외 투자 설명회"
publisher: 벤치마크 뉴스
published_at: 2025-12-15
---

광주광역시는 인공지능 데이터센터를 유치하기 위해 해외 투자자를 대상으로 설명회를 열었다고 15일 밝혔다.

시 관계자는 "데이터 주권과 지역 AI 거점 육성을 함께 추진하겠다"고 말했다.
"""


def _run(cmd: list[str], env: dict) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    out = proc.stdout + proc.stderr
    if proc.returncode:
        print(out[-3000:])
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    return elapsed, out


def _make_book(data: Path, out: Path, env: dict) -> tuple[float, float, list[str]]:
    # `make book` as a user runs it, with the build written to the temporary folder: a stamp
    # check, then (when something changed) ingestion, `ainews prepare` and jupyter-book
    t_build, log = _run(["make", "--no-print-directory", "book", f"BOOK_DIR={out}"], env)
    executed = sorted(set(re.findall(r"([\w/.-]+\.(?:ipynb|md)): Executing notebook", log)))
    return 0.0, t_build, [Path(p).name for p in executed]


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "raw"
    with tempfile.TemporaryDirectory(prefix="ainews-bench-") as tmp:
        tmp = Path(tmp)
        data = tmp / "data"
        shutil.copytree(source, data)
        env = dict(os.environ, AINEWS_DATA=str(data), AINEWS_PROCESSED=str(tmp / "processed"),
                   AINEWS_FIGURE_DATA=str(tmp / "figure_data"), AINEWS_CACHE=str(tmp / "cache"), PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
        n = sum(1 for p in data.rglob("*") if p.is_file())
        print(f"data: copy of {source} ({n} files); build output in a temporary folder")
        rows = []
        for label in ("cold (first build)", "nothing changed", "one article added"):
            if label == "one article added":
                (data / "zz_bench_new_article.md").write_text(NEW_ARTICLE, encoding="utf-8")
            ti, tb, executed = _make_book(data, tmp, env)
            rows.append((label, ti, tb, executed))
            print(f"{label:20s} make book {ti + tb:6.1f} s  "
                  f"notebooks executed: {', '.join(executed) or 'none'}")
        nochange = rows[1][1] + rows[1][2]
        cold = rows[0][1] + rows[0][2]
        print(f"cold build: {cold:.1f} s (target <= {TARGET_COLD_S:.0f} s: {'met' if cold <= TARGET_COLD_S else 'NOT met'})")
        print(f"nothing changed: {nochange:.1f} s (target <= {TARGET_NOCHANGE_S:.0f} s: "
              f"{'met' if nochange <= TARGET_NOCHANGE_S else 'NOT met'}); "
              f"ratio to cold build {nochange / (rows[0][1] + rows[0][2]):.2f}; "
              f"one article added / cold {(rows[2][1] + rows[2][2]) / (rows[0][1] + rows[0][2]):.2f}")


if __name__ == "__main__":
    main()
