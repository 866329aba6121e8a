"""Bytes to text: the encodings an import reads, and the checks that refuse binary files
and text in an encoding it cannot tell."""

from __future__ import annotations

import codecs
import re

from core.formats.imported import ImportProblem

#: Text read as cp1252 with more than this share of non-ASCII characters (spaces aside)
#: is refused: Western European text has a few per cent; text in another encoding
#: (Shift-JIS, GBK, Windows-1251...) read so is mostly accented letters and symbols.
FOREIGN_SHARE = 0.3
#: A UTF-8 encoded accented letter or other character from U+0080 to U+07FF (two bytes:
#: "é" is C3 A9). In a cp1252 file such a pair reads as two odd symbols ("Ã©"), which
#: real text hardly ever holds.
_UTF8_LETTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]")


def _mostly_utf8(data: bytes) -> bool:
    """Whether most of the bytes past ASCII are UTF-8 letters (see ``_UTF8_LETTER``): a
    UTF-8 file with a few bad bytes, not a cp1252 one where an accent happens to meet a
    curly quote ("É”")."""
    pairs = len(_UTF8_LETTER.findall(data))
    return pairs > 0 and 4 * pairs >= sum(b >= 0x80 for b in data)


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, UTF-16 without one
    when its NUL bytes say so, else cp1252 with a warning, unless the bytes are not
    cp1252 either (ones it leaves undefined, or mojibake: see FOREIGN_SHARE)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), []
        except UnicodeDecodeError as exc:
            at = exc.start + len(codecs.BOM_UTF8)
            raise ImportProblem(
                f"starts as UTF-8 (a byte order mark) but byte {at} (0x{data[at]:02x}) is not "
                "UTF-8: damaged, or saved in two encodings; save it as UTF-8"
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise ImportProblem(f"not valid UTF-16 ({exc.reason})") from None
    if b"\x00" in data:
        return _utf16_without_bom(data, name)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        not_utf8 = f"not UTF-8 (byte {exc.start}: 0x{data[exc.start]:02x})"
    if _mostly_utf8(data):  # read as cp1252, its accents would become "Ã©"
        raise ImportProblem(
            f"{not_utf8}, though it holds UTF-8 letters elsewhere: damaged, or saved in "
            "two encodings; save it as UTF-8"
        )
    text = data.decode("cp1252", errors="replace")
    seen = [ch for ch in text if not ch.isspace()]
    foreign = sum(not ch.isascii() for ch in seen)
    why = ""
    if "\ufffd" in text:
        why = "it holds bytes Windows-1252 (cp1252) does not define"
    elif foreign >= 8 and foreign > FOREIGN_SHARE * len(seen):
        why = (
            f"read as Windows-1252 (cp1252) {foreign * 100 // len(seen)}% of its characters "
            "would be accented letters and symbols"
        )
    if why:
        raise ImportProblem(
            f"{not_utf8}, and {why}: it is in another encoding (Shift-JIS, GBK, "
            "Windows-1251...) or damaged; save it as UTF-8"
        )
    return text, [f"{name}: {not_utf8}; read as Windows-1252 (cp1252), check the accents"]


def _utf16_without_bom(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes with NULs: read as UTF-16 without a byte order mark when at least half the
    byte pairs hold a NUL, (nearly) all on the same side (the high byte of a character
    below U+0100: the letters, spaces and digits of most text), and the bytes decode
    strictly; NULs on one side but fewer are named as UTF-16 and refused."""
    high_le, high_be = data[1::2].count(0), data[0::2].count(0)
    high, other = max(high_le, high_be), min(high_le, high_be)
    if high < 4 or other > high // 20:
        raise ImportProblem("looks like a binary file (it contains NUL bytes)")
    codec = "utf-16-le" if high_le > high_be else "utf-16-be"
    try:
        text = data.decode(codec) if high >= len(data) // 4 else None
    except UnicodeDecodeError:
        text = None
    if text is None:
        raise ImportProblem(
            "looks like UTF-16 without a byte order mark (NUL bytes between the "
            "characters), which cannot be read reliably; save it as UTF-8"
        )
    check_text(text)
    return text, [f"{name}: UTF-16 without a byte order mark; read as {codec.upper()}"]


def check_text(text: str, what: str = "the file") -> None:
    if not text.strip():
        raise ImportProblem(f"{what} is empty")
    if "\x00" in text:
        raise ImportProblem("looks like a binary file (it contains NUL characters)")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(text) // 100):
        raise ImportProblem("looks like a binary file, not text")
