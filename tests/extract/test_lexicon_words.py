"""find_words gives exactly the matches of the regex it replaces (no per-article compile)."""

from __future__ import annotations

import random
import re

import pytest

from ainews.extract import _lexicon as lx

_EDGES = [(lx.KO_BEFORE, lx.KO_AFTER), (r"(?<![\w-])", r"(?![\w-])")]


@pytest.mark.parametrize(("before", "after"), _EDGES)
def test_same_matches_as_the_regex(before, after):
    rng = random.Random(0)
    for _ in range(3000):
        body = "".join(rng.choice("가나다은는이 -a\n") for _ in range(rng.randint(0, 30)))
        words = ["".join(rng.choice("가나다은는a") for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 4))]
        want = [(m.group(0), m.start(), m.end()) for m in re.finditer(rf"{before}(?:{lx.alt(words)}){after}", body)]
        got = [(m.group(0), m.start(), m.end()) for m in lx.find_words(body, words, before=before, after=after)]
        assert got == want, (body, words)


@pytest.mark.parametrize(
    ("body", "words", "found"),
    [("박정수는 말했다. 박정수대표", ["박정수"], [("박정수", 0)]),   # 대표 is no particle
     ("김철수와 김철", ["김철", "김철수"], [("김철수", 0), ("김철", 5)])],  # longest first
)
def test_korean_names(body, words, found):
    hits = lx.find_words(body, words, before=lx.KO_BEFORE, after=lx.KO_AFTER)
    assert [(h.group(0), h.start()) for h in hits] == found


def test_assertions_must_be_zero_width():
    with pytest.raises(ValueError, match="zero-width"):
        lx.find_words("ab", ["a"], before="a", after="")
