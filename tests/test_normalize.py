"""Normalization for matching: every step is one-to-one or a deletion, so offsets map back exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.normalize import normalize, normalize_chars

ARABIC_BITS = ["قال", "قالَ", "أكّد", "وبحسب", "مصادر مطلعة", "يُعتقد", "إ", "آ", "ٱ", "ى", "ة", "ی", "ک", "ۀ",
               "\u0640", "\u064b", "\u0651", "\u200f", "\u200e", "\u200c", "\u200d", "\u061c", "\u00a0", "\ufeff",
               "٣", "۴", " ", "\n", "«", "»", ".", "،"]


def test_letter_variants_fold_together():
    assert normalize_chars("أإآٱا") == "ااااا"
    assert normalize_chars("مستشفى") == normalize_chars("مستشفي")
    assert normalize_chars("الوزارة") == normalize_chars("الوزاره")
    assert normalize_chars("کتاب یوم") == "كتاب يوم"
    assert normalize_chars("٢٠٢٥ و ۱۴") == "2025 و 14"


def test_diacritics_tatweel_and_invisible_marks_are_removed():
    doc = normalize("قـــالَ\u200fالوزيرُ")
    assert doc.text == "قالالوزير"
    assert doc.kept is not None


def test_spaces_unify_and_zero_width_space_separates_words():
    assert normalize_chars("قال\u00a0الوزير") == "قال الوزير"
    assert normalize_chars("قال\u200bالوزير") == "قال الوزير"


def test_span_maps_back_and_keeps_marks_on_the_last_letter():
    original = "وقالَ الوزيرُ إنّ"
    doc = normalize(original)
    start = doc.text.index("الوزير")
    o_start, o_end = doc.span(start, start + len("الوزير"))
    assert original[o_start:o_end] == "الوزيرُ"


def test_identity_when_nothing_is_deleted():
    doc = normalize("قال الوزير إن الاجتماع انتهى")
    assert doc.kept is None
    assert doc.span(4, 10) == (4, 10)


mixed_text = st.lists(st.one_of(st.sampled_from(ARABIC_BITS), st.text(max_size=4)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_every_normalized_character_comes_from_one_original_character(original):
    doc = normalize(original)
    assert doc.text == normalize_chars(original)
    for index, char in enumerate(doc.text):
        source = original[doc.to_original(index)]
        assert normalize_chars(source) == char
    for start in range(len(doc.text) + 1):
        for end in range(start, min(len(doc.text), start + 6) + 1):
            o_start, o_end = doc.span(start, end)
            assert 0 <= o_start <= o_end <= len(original)
            # The original span holds exactly the normalized characters, plus deleted marks.
            assert normalize_chars(original[o_start:o_end]) == doc.text[start:end]
