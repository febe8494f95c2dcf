"""Mojibake repair line by line gives the same text as ftfy on the whole text."""

from __future__ import annotations

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from ainews.ingest.encoding import _repair

KO = "인공지능 반도체 투자가 늘었다."
JA = "人工知能の開発競争が激しくなっている。"
LINES = st.one_of(
    st.sampled_from([
        KO, JA, "Plain English line.", "", "サイズ 10×20 cm", "cafe\u0301 e\u0301te\u0301",  # decomposed accents
        KO.encode("utf-8").decode("latin-1"), JA.encode("utf-8").decode("cp1252", errors="replace"),
        "Ã©tÃ© â€œquotedâ€\x9d", "tab\tand\x07bell", "crlf line\r", "lone\rcarriage", "sep\u2028line",
        "\ufeffbom", "\x1b[31mred\x1b[0m", "c1 \x85 control", "\u00d7\u00a0\u00e9",
    ]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
)


def _whole(text: str) -> str:
    return ftfy.fix_text(text, normalization="NFC", unescape_html=False, fix_latin_ligatures=False,
                         uncurl_quotes=False, fix_character_width=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=12), st.booleans())
def test_repair_by_line_equals_ftfy_on_whole_text(lines, final_newline):
    text = "\n".join(lines) + ("\n" if final_newline else "")
    assert _repair(text) == _whole(text)


def test_clean_text_is_only_normalised():
    assert _repair("cafe\u0301\n" + JA) == "caf\u00e9\n" + JA
