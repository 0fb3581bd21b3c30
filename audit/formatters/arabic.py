"""Words for editors, in Arabic: names of types and categories, bands, counted nouns."""

from __future__ import annotations

TYPE_NAMES = {
    "named_person": "شخص مسمّى",
    "named_org": "مؤسسة مسمّاة",
    "named_media": "وسيلة إعلام مسمّاة",
    "document": "وثيقة",
    "self": "الوسيلة نفسها",
    "official_unnamed": "مسؤول غير مسمّى",
    "country_or_government": "دولة أو حكومة",
    "anonymous": "مصدر مجهول",
    "vague": "جهة مبهمة",
}
CATEGORY_NAMES = {
    "cue": "فعل إسناد",
    "source": "مصدر",
    "agentless": "مبني للمجهول",
    "hedge": "تحوّط",
    "booster": "جزم",
    "unattributed_claim": "واقعة بلا مصدر",
    "quote": "اقتباس مباشر",
    "boilerplate": "حشو الصفحة",
    "loaded": "لغة مشحونة",
}
STANCE_NAMES = {"neutral": "محايد", "endorsing": "مؤكِّد", "distancing": "مشكِّك"}
LABEL_NAMES = {"according_to": "بحسب", "told": "في تصريح لـ", "attributed": "منسوب", "unattributed": "بلا قائل",
               **STANCE_NAMES}
BAND_NAMES = {"weak": "ضعيف", "moderate": "متوسط", "strong": "قوي"}

_UNITS_MASCULINE = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
_UNITS_FEMININE = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}


def counted(n: int, singular: str, dual: str, plural: str, *, feminine: bool) -> str:
    """«معلومة واحدة», «معلومتان», «ثلاث معلومات», «15 معلومة»: a count with its noun in good Arabic.
    From 3 to 10 the number takes the opposite gender of the noun; from 11 on the noun is singular."""
    if n == 1:
        return f"{singular} {'واحدة' if feminine else 'واحد'}"
    if n == 2:
        return dual
    if 3 <= n <= 10:
        return f"{(_UNITS_MASCULINE if feminine else _UNITS_FEMININE)[n]} {plural}"
    return f"{n} {singular}"
