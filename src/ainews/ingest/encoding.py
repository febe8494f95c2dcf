"""Bytes -> text: encoding detection (charset-normalizer) and mojibake repair (ftfy).

Bytes that are not UTF-8 are decoded with each candidate that reads them without error (the
charset the page declares, charset-normalizer's guess, and the legacy CJK encodings CP932
(Shift_JIS), EUC-JP and CP949 (EUC-KR)); the text that reads most like language wins. Kana and
Hangul syllables count double, characters that only appear when the wrong table was used
(half-width katakana, lone Hangul jamo, private-use and control characters) count against.
So a page that declares one encoding but is stored in another is read right.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes

from .records import InputError

__all__ = ["decode_bytes", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of common binary formats that users mistakenly name .txt/.csv.
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BM", b"\x7fELF")


def looks_binary(data: bytes) -> str | None:
    """Name the reason ``data`` is not text, or ``None`` when it may be text."""
    head = data[:8]
    for magic in _MAGIC:
        if head.startswith(magic):
            return f"binary content (starts like a {magic[:4]!r} file), not text"
    if any(data.startswith(bom) for bom, _ in _BOMS[1:]):
        return None  # UTF-16 is full of NULs by design
    sample = data[:65536]
    if sample and sample.count(b"\x00") / len(sample) > 0.3:
        return "binary content (mostly NUL bytes), not text"
    return None


_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_\-]{2,20})""", re.I)
_CJK_CANDIDATES = ("cp932", "euc_jp", "cp949")
_GOOD2 = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\uac00-\ud7a3]")  # kana, Hangul syllables
_GOOD1 = re.compile(r"[\u0020-\u007e\s\u00c0-\u024f\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]")
_BAD = re.compile(r"[\uff61-\uff9f\u3131-\u318e\ue000-\uf8ff\u0000-\u0008\u000e-\u001f\u0080-\u009f\ufffd]")


_FTFY_WORK = re.compile("[\u00c2-\u00f4\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029"
                        "\ud800-\udfff\ufeff\ufff9-\ufffd\u206a-\u206f]")


def _score(text: str) -> int:
    return 2 * len(_GOOD2.findall(text)) + len(_GOOD1.findall(text)) - 5 * len(_BAD.findall(text))


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _best_legacy(data: bytes) -> str | None:
    """Text of the candidate decoding that reads most like language, or ``None``."""
    names: list[str] = []
    if m := _DECLARED.search(data[:4096]):
        names.append(m.group(1).decode("ascii"))
    best = from_bytes(data[:2_000_000]).best()
    if best is not None:
        names.append(best.encoding)
    names.extend(_CJK_CANDIDATES)
    sample = data[:200_000]
    scored: dict[str, int] = {}
    for name in names:
        codec = _codec(name)
        if codec is None or codec in scored:
            continue
        # Shift_JIS as declared by pages is read with Windows' superset (NEC/IBM extensions).
        codec = {"shift_jis": "cp932", "euc_kr": "cp949"}.get(codec, codec)
        try:
            scored[codec] = _score(sample.decode(codec))
        except (UnicodeDecodeError, LookupError):
            continue
    if not scored:
        return None
    winner = max(scored, key=scored.get)
    try:
        return data.decode(winner)
    except UnicodeDecodeError:  # the sample decoded, the tail does not: keep what reads
        return data.decode(winner, errors="replace")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source`` to clean Unicode text.

    UTF-8 (with or without BOM) and UTF-16 with BOM are taken directly; anything else is
    detected (the declared charset, charset-normalizer's guess, CP932/Shift_JIS, EUC-JP,
    CP949/EUC-KR: the candidate that reads most like language wins). Stray NUL bytes
    are removed and mojibake (UTF-8 read as Latin-1/CP1252) is repaired with ftfy.

    Raises:
        InputError: when the bytes are binary or match no encoding.
    """
    reason = looks_binary(data)
    if reason:
        raise InputError(f"{source}: {reason}; remove it from the data folder or export it as text")
    text = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{source}: starts with a {enc} byte-order mark but does not decode ({exc.reason}); "
                    "re-save the file as UTF-8"
                ) from exc
            break
    if text is None and (b"\x1b$B" in data[:65536] or b"\x1b$@" in data[:65536]):
        # ISO-2022-JP (JIS, old Japanese e-mail and pages) is 7-bit, so it passes for UTF-8.
        try:
            text = data.decode("iso2022_jp_ext")
        except UnicodeDecodeError:
            text = None
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _best_legacy(data)
            if text is None:
                raise InputError(
                    f"{source}: the bytes match no known text encoding; re-save the file as UTF-8"
                ) from None
    text = text.replace("\x00", "")
    return _repair(text)


def _repair(text: str) -> str:
    """``text`` in NFC with mojibake repaired: ftfy on the lines that need it, NFC elsewhere.

    ftfy fixes text line by line (each segment up to and including a ``\n``), so running it only
    on the lines holding a character it could act on gives the same text as running it on the
    whole. Mojibake needs a UTF-8 lead byte read as Latin-1/CP1252 (Â..ô); control characters,
    odd line breaks and surrogates are the other things it changes. Skipping the other lines
    halves the cost of reading clean CJK text, and one '×' no longer sends a whole page through it.
    """
    out: list[str] = []
    pos = 0
    for m in _FTFY_WORK.finditer(text):
        if m.start() < pos:
            continue  # on a line already repaired
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start()) + 1 or len(text)
        out.append(unicodedata.normalize("NFC", text[pos:start]))
        # ftfy repairs "ì\x9d¸ê³µì§\x80ë\x8a¥"-style mojibake and leaves good text alone.
        out.append(ftfy.fix_text(text[start:end], normalization="NFC", unescape_html=False,
                                 fix_latin_ligatures=False, uncurl_quotes=False, fix_character_width=False))
        pos = end
    out.append(unicodedata.normalize("NFC", text[pos:]))
    return "".join(out)
