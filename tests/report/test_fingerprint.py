"""The book fingerprint changes exactly when the report's inputs change."""

from __future__ import annotations

import os
import shutil

from ainews.config import LEXICONS
from ainews.report import book_fingerprint


def test_fingerprint_follows_data_and_lexicons(tmp_path, monkeypatch, seeds_dir):
    data = tmp_path / "data"
    shutil.copytree(seeds_dir, data)
    lex = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, lex)
    monkeypatch.setenv("AINEWS_LEXICONS", str(lex))
    first = book_fingerprint(data)
    assert book_fingerprint(data) == first  # stable when nothing changed

    (data / "new.txt").write_text("새 기사\n\n광주 데이터센터 유치 경쟁이 뜨겁다.", encoding="utf-8")
    added = book_fingerprint(data)
    assert added != first

    os.utime(data / "new.txt", ns=(1, 1))  # an edited file changes its modification time
    assert book_fingerprint(data) != added

    edited = book_fingerprint(data)
    with (lex / "outlets.yml").open("a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    assert book_fingerprint(data) != edited
