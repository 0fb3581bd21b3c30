"""Arabic normalization for matching, with a map from normalized offsets back to the original text.

Every step is one-to-one or a deletion, never an expansion, so a normalized index maps to exactly one
original index. Findings are matched on `NormalizedText.text` and reported with `span()` in the original.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np

# Marks that carry no lexical identity for matching: harakat, tanween, shadda, sukun, dagger alef,
# Quranic annotation signs, tatweel.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + [chr(c) for c in range(0x06E7, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
TATWEEL = "\u0640"
# Invisible formatting: zero-width joiners, LRM/RLM, Arabic letter mark, bidi embeddings and
# isolates, word joiner, BOM, soft hyphen.
INVISIBLES = frozenset(
    ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2060, 0x2065)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
ATTACHED_MARKS = DIACRITICS | {TATWEEL}
DELETED = ATTACHED_MARKS | INVISIBLES

_LETTER_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۃ": "ه",
    "ک": "ك", "ڪ": "ك",
    "ٶ": "ؤ", "ٸ": "ئ",
}
# Zero-width space separates words, so it becomes a space rather than vanishing.
_SPACES = ["\u200b", "\u00a0", "\u2007", "\u202f", "\u205f", "\u3000"] + [chr(c) for c in range(0x2000, 0x200B)]


def _build_table() -> dict[int, int | None]:
    table: dict[int, int | None] = {ord(c): None for c in DELETED}
    table.update({ord(k): ord(v) for k, v in _LETTER_MAP.items()})
    table.update({ord(c): ord(" ") for c in _SPACES})
    for zero, base in ((0x0660, "٠"), (0x06F0, "۰")):
        del base
        table.update({zero + d: ord(str(d)) for d in range(10)})
    table.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})
    # Presentation forms (contextual glyphs pasted from PDFs) fold to their base letter when that is a
    # single character; ligatures such as ﻻ would expand and are left alone.
    for code in list(range(0xFB50, 0xFDFF)) + list(range(0xFE70, 0xFEFD)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = table.get(ord(folded), ord(folded))
    return table


TABLE = _build_table()
# The same table as code-point lookup arrays: normalizing an article is then a few vectorized steps
# instead of a dictionary lookup per character (str.translate), several times faster on Arabic text.
_DELETED_LUT = np.zeros(0x110000, dtype=bool)
_DELETED_LUT[[ord(c) for c in DELETED]] = True
_MAP_LUT = np.arange(0x110000, dtype=np.uint32)
for _code, _value in TABLE.items():
    if _value is not None:
        _MAP_LUT[_code] = _value


_LETTER_LUT = np.zeros(0x10000, dtype=bool)
_LETTER_LUT[[c for c in range(0x10000) if chr(c).isalpha()]] = True
_ARABIC_LUT = np.zeros(0x10000, dtype=bool)
for _low, _high in ((0x0621, 0x064A), (0x0671, 0x06D3), (0x06FA, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF)):
    _ARABIC_LUT[_low:_high + 1] = True


_WORD_LUT = _LETTER_LUT.copy()
_WORD_LUT[[c for c in range(0x10000) if chr(c).isdigit()]] = True


def count_text(text: str) -> tuple[int, int, int]:
    """(words, letters, Arabic letters) in `text`: a word is a run of letters and digits; characters beyond
    the BMP are not counted."""
    codes = np.minimum(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32), 0xFFFF)
    if not len(codes):
        return 0, 0, 0
    in_word = _WORD_LUT[codes]
    words = int(in_word[0]) + int(np.count_nonzero(in_word[1:] & ~in_word[:-1]))
    return words, int(np.count_nonzero(_LETTER_LUT[codes])), int(np.count_nonzero(_ARABIC_LUT[codes]))


def normalize_chars(text: str) -> str:
    """Normalize a string for matching without keeping offsets (lexicon entries, user queries)."""
    return text.translate(TABLE)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized view of `original` that maps its offsets back.

    `kept[i]` is the original index of normalized character `i`; it is None when nothing was deleted
    and offsets are the same in both texts.
    """

    original: str
    text: str
    kept: np.ndarray | None

    def to_original(self, index: int) -> int:
        """Original index of the normalized character at `index`."""
        if self.kept is None:
            return index
        if index >= len(self.kept):
            return len(self.original)
        return int(self.kept[index])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of normalized `[start, end)`, including marks attached to its last letter."""
        if self.kept is None:
            return start, end
        if start >= end:
            position = self.to_original(start)
            return position, position
        original_start = int(self.kept[start])
        original_end = int(self.kept[end - 1]) + 1
        while original_end < len(self.original) and self.original[original_end] in ATTACHED_MARKS:
            original_end += 1
        return original_start, original_end

    def from_original(self, index: int) -> int:
        """Normalized index of the first kept character at or after original `index`."""
        if self.kept is None:
            return index
        return int(np.searchsorted(self.kept, index))


def normalize(original: str) -> NormalizedText:
    """Diacritics, tatweel and invisible marks removed; letter variants, digits and spaces unified."""
    codes = np.frombuffer(original.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    mapped = _MAP_LUT[codes]
    deleted = _DELETED_LUT[codes]
    kept = None
    if deleted.any():
        kept = np.flatnonzero(~deleted)
        mapped = mapped[kept]
    return NormalizedText(original, mapped.tobytes().decode("utf-32-le", "surrogatepass"), kept)
