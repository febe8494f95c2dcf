"""The on-disk memo of slow look-ups: answers survive the process, a new version ignores them."""

from __future__ import annotations

from ainews.lang import memo as memo_mod
from ainews.lang.memo import DiskMemo, save_memos


def test_answers_are_computed_once_and_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("AINEWS_PROCESSED", str(tmp_path / "processed"))
    calls = []
    m = DiskMemo("test_square", lambda: "v1")

    def ask(x):
        return m.get(str(x), lambda: calls.append(x) or str(x * x))

    assert [ask(3), ask(3), ask(4)] == ["9", "9", "16"]
    assert calls == [3, 4]
    save_memos()
    again = DiskMemo("test_square", lambda: "v1")  # as a fresh process would
    assert again.get("3", lambda: "recomputed") == "9"
    other = DiskMemo("test_square", lambda: "v2")  # what the answers depend on changed
    assert other.get("3", lambda: "recomputed") == "recomputed"
    memo_mod._ALL[:] = [x for x in memo_mod._ALL if x.kind != "test_square"]
