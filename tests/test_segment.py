"""Paragraphs, sentences, quotations and the headline."""

from __future__ import annotations

from audit.segment import segment


def _sentences(text: str) -> list[str]:
    layout = segment(text)
    return [text[s:e] for s, e, _ in layout.sentences]


def test_sentences_split_on_arabic_and_latin_punctuation():
    text = "انتهى الاجتماع. هل اتفقوا؟ نعم؛ وقّعوا البيان! ثم غادروا"
    assert _sentences(text) == ["انتهى الاجتماع.", "هل اتفقوا؟", "نعم؛", "وقّعوا البيان!", "ثم غادروا"]


def test_numbers_dates_and_abbreviations_do_not_split():
    text = "ارتفع المؤشر 3.5 في المئة يوم 21.10.2025 بحسب أ.ف.ب وانتهى التداول."
    assert _sentences(text) == [text]
    assert _sentences("وقال م. سالم القرني إن العمل انتهى.") == ["وقال م. سالم القرني إن العمل انتهى."]
    assert _sentences("افتتح المبنى عام 2015 م. وقال الوزير إنه جاهز.") == \
        ["افتتح المبنى عام 2015 م.", "وقال الوزير إنه جاهز."]


def test_line_breaks_and_paragraphs_split():
    """Newsroom copy marks paragraphs with a line break, a blank line or both: every line is a paragraph;
    blank lines also delimit blocks (page furniture comes in blocks)."""
    text = "العنوان هنا\nالسطر الثاني\n\nفقرة ثانية. جملة ثانية."
    layout = segment(text)
    assert len(layout.paragraphs) == 3 and len(layout.blocks) == 2
    assert _sentences(text) == ["العنوان هنا", "السطر الثاني", "فقرة ثانية.", "جملة ثانية."]


def test_no_split_inside_a_quotation():
    text = "قال الوزير: «لن نتراجع. سنمضي قدماً!» ثم غادر القاعة."
    assert _sentences(text) == [text]


def test_quotes_of_every_kind_and_unbalanced_ones():
    text = "قال «أولاً» و“ثانياً” و\"ثالثاً\" و‘رابعاً’.\n\nوقال «هذا اقتباس لم يُغلق أبداً\nسطر جديد» بعده."
    layout = segment(text)
    quoted = [text[q.inner_start:q.inner_end] for q in layout.quotes]
    assert quoted[:4] == ["أولاً", "ثانياً", "ثالثاً", "رابعاً"]
    unclosed = layout.quotes[4]
    assert not unclosed.closed and text[unclosed.inner_start:unclosed.inner_end] == "هذا اقتباس لم يُغلق أبداً"


def test_stray_and_nested_marks_never_crash():
    for text in ["»«", "\"", "«««", "»»» نص", "“”“", "قال: «قال \"نعم\" ثم» انتهى", "\"\"\"\""]:
        segment(text)


def test_headline_is_a_first_line_standing_alone():
    text = "الحكومة تقر الميزانية\n\nأقرت الحكومة أمس ميزانية العام المقبل."
    layout = segment(text)
    assert layout.headline is not None
    assert text[layout.headline[0]:layout.headline[1]] == "الحكومة تقر الميزانية"
    assert segment("أقرت الحكومة أمس ميزانية العام المقبل. وقال الوزير إنها الأكبر.").headline is None


def test_a_quote_left_open_ends_with_its_sentence():
    # Pages that set a whole article on one line, with a closing mark lost: the open quote must not swallow
    # the attributions that follow.
    text = ("تعود “المزمار” و”الخطوة” و”السامري إلى ساحات المهرجان هذا العام. وقال رئيس اللجنة المنظمة "
            "ماجد الحربي إن الفنون الشعبية استعادت جمهورها.")
    layout = segment(text)
    unclosed = [q for q in layout.quotes if not q.closed]
    assert len(unclosed) == 1
    assert text[unclosed[0].inner_start:unclosed[0].inner_end] == "السامري إلى ساحات المهرجان هذا العام"
    assert "وقال" in text[unclosed[0].inner_end:]


def test_marks_that_open_nothing_and_the_double_prime_closer():
    text = 'وارتفعت أسعار الوقود". وقال الوزير إن الخطة “5+1″ مستمرة.'
    quoted = [text[q.inner_start:q.inner_end] for q in segment(text).quotes]
    assert quoted == ["5+1"]


INTERVIEW = """تحدث مدير مهرجان التمور سلمان الخالدي للصحيفة عن استعدادات الدورة المقبلة.
* ما الجديد في دورة هذا العام؟
- أضفنا سوقاً للأسر المنتجة تضم مئة ركن. كما مددنا ساعات العمل حتى منتصف الليل.
* هل تكفي الساحة الحالية للزوار؟
- نتوقع ضعف عدد زوار العام الماضي، ولذلك نقلنا المواقف إلى الأرض المجاورة."""


def test_interview_answers_are_the_interviewees_words():
    layout = segment(INTERVIEW)
    answers = [INTERVIEW[q.inner_start:q.inner_end] for q in layout.quotes if q.answer]
    assert answers == [
        "أضفنا سوقاً للأسر المنتجة تضم مئة ركن. كما مددنا ساعات العمل حتى منتصف الليل.",
        "نتوقع ضعف عدد زوار العام الماضي، ولذلك نقلنا المواقف إلى الأرض المجاورة."]
    # An answer of two sentences is still two sentences.
    assert any(INTERVIEW[s:e] == "كما مددنا ساعات العمل حتى منتصف الليل." for s, e, _ in layout.sentences)


def test_one_question_is_no_interview():
    text = "هل تنجح الخطة؟\n- سؤال يطرحه كثيرون هذه الأيام بعد إعلان الحكومة عن برنامجها."
    assert not any(q.answer for q in segment(text).quotes)
