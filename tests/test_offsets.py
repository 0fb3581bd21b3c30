"""The contract every consumer relies on: each reported span is exactly `text[start:end]`."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit import audit_text

PIECES = ["وقال وزير الخارجية أيمن الصفدي إن ", "بحسب مصادر مطلعة، ", "يُعتقد أن ", "قد يكون ", "بلا شك ",
          "«قال إنه سيحضر الاجتماع غداً»", "لـ«الشرق الأوسط» ", "(وكالات)\n", "الأكثر قراءة\n", "\n\n",
          "وأضاف أن 12 شخصاً قتلوا. ", "قالَ", "أكّـــد", "\u200f", "\u00a0", "\ufeff", "3.5 ", "حسب الاتفاق ",
          "وفقاً لوزارة الصحة، ", "\"", "»", "ووفق تقارير وكالة رويترز، "]


def _assert_exact(text: str) -> None:
    result = audit_text(text, score=False)
    for finding in result.findings:
        assert finding.text == text[finding.start:finding.end], finding
    for attribution in result.attributions:
        cue = attribution.cue
        assert cue.text == text[cue.start:cue.end]
        if attribution.source is not None:
            assert attribution.source.text == text[attribution.source.start:attribution.source.end]
        if attribution.content is not None:
            assert 0 <= attribution.content[0] <= attribution.content[1] <= len(text)
    for source in result.sources:
        for start, end in source.mentions:
            assert 0 <= start < end <= len(text)
    for sentence in result.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=30).map("".join))
def test_findings_are_exact_substrings_of_arbitrary_text(text):
    _assert_exact(text)


def test_findings_are_exact_substrings_with_diacritics_and_marks():
    text = ("وقـــالَ المتحدثُ باسم الوزارة\u200f إنّ الاجتماعَ «انتهى دون اتفاق، وقد يُستأنف غداً».\n\n"
            "ويُعتقد أن 3 وزراء سيحضرون. (وكالات)")
    _assert_exact(text)
    result = audit_text(text, score=False)
    assert any(f.category == "cue" and f.text == "وقـــالَ" for f in result.findings)
