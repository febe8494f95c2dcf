"""Bytes -> text: encoding detection (charset-normalizer) and mojibake repair (ftfy)."""

from __future__ import annotations

import codecs

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


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source`` to clean Unicode text.

    UTF-8 (with or without BOM) and UTF-16 with BOM are taken directly; anything else is
    detected with charset-normalizer (CP949/EUC-KR, Shift-JIS, Latin-1, ...). Stray NUL bytes
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
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            best = from_bytes(data[:2_000_000]).best()
            if best is None:
                raise InputError(
                    f"{source}: the bytes match no known text encoding; re-save the file as UTF-8"
                ) from None
            try:
                text = data.decode(best.encoding)
            except (UnicodeDecodeError, LookupError):
                text = str(best)
    text = text.replace("\x00", "")
    # ftfy repairs "ì\x9d¸ê³µì§\x80ë\x8a¥"-style mojibake and leaves good text alone.
    return ftfy.fix_text(text, normalization="NFC", unescape_html=False, fix_latin_ligatures=False,
                         uncurl_quotes=False, fix_character_width=False)
