"""Reading articles: bytes to text with a clear error naming the file when that cannot be done.

Encodings are decided per input among the ones Arabic text really comes in: UTF-8 (with or without BOM),
UTF-16/32 (BOM, or the telltale zero bytes of Arabic or ASCII text without one), Windows-1256 and
ISO-8859-6. The last two decode almost any bytes, so they are told apart by how Arabic the result reads.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from audit.errors import InputError

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Very common Arabic letter sequences: the article, and the commonest short words.
_ARABIC_CUES = re.compile(r"ال|\sفي\s|\sمن\s|\sعلى\s|\sإلى\s|\sأن\s")
_LEGACY_ARABIC = ("cp1256", "iso-8859-6")


@dataclass(frozen=True, slots=True)
class LoadedText:
    text: str
    encoding: str
    source: str
    """The file name, or `<stdin>`."""


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text without a BOM still shows itself: Arabic (U+06xx) and ASCII put a constant byte (0x06
    or 0x00) in every other position."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]
    for high, low, encoding in ((even, odd, "utf-16-be"), (odd, even, "utf-16-le")):
        share = (high.count(0) + high.count(6)) / len(high)
        if share > 0.9 and low.count(0) < len(low) * 0.1:
            return encoding
    return None


def _plausibility(text: str) -> float:
    return len(_ARABIC_CUES.findall(text)) / max(1, len(text.split()))


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) for the bytes of one article; raises InputError naming `name` otherwise."""
    if not raw.strip():
        raise InputError(f"{name}: empty file (nothing to audit)")
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise InputError(f"{name}: binary file ({kind}), not text")
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(encoding), name), encoding
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not valid "
                                 f"{encoding} (byte {error.start})") from None
    wide = _utf16_without_bom(raw)
    if wide is not None:
        try:
            return _checked(raw.decode(wide), name), wide
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        return _checked(raw.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    candidates = []
    for encoding in _LEGACY_ARABIC:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), encoding, text))
    candidates.sort(reverse=True)
    if candidates and candidates[0][0] >= 0.2:
        _, encoding, text = candidates[0]
        return _checked(text, name), encoding
    raise InputError(f"{name}: cannot decode: not UTF-8 (byte 0x{raw[utf8_error.start]:02x} at offset "
                     f"{utf8_error.start}) and not Arabic in Windows-1256 or ISO-8859-6")


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"{name}: empty file (only whitespace)")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise InputError(f"{name}: binary file ({controls} control characters), not text")
    return text


def read_article(path: str | Path) -> LoadedText:
    """The decoded text of one article file, or of standard input when `path` is `-`."""
    if str(path) == "-":
        raw = sys.stdin.buffer.read()
        text, encoding = decode(raw, "<stdin>")
        return LoadedText(text, encoding, "<stdin>")
    path = Path(path)
    name = str(path)
    if path.is_dir():
        raise InputError(f"{name}: is a directory (audit check reads one article; use audit batch for a folder)")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror})") from None
    text, encoding = decode(raw, name)
    return LoadedText(text, encoding, name)
