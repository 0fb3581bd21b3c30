"""Attributions, sources and the traps, stated directly on short texts we wrote."""

from __future__ import annotations

import pytest

from audit import audit_text


def _found(text: str, category: str) -> list[tuple[str, str]]:
    return [(f.text, f.label) for f in audit_text(text, score=False).findings if f.category == category]


def _links(text: str) -> list[tuple[str, str | None, str | None]]:
    result = audit_text(text, score=False)
    return [(a.cue.text, a.source.text if a.source else None, a.source.type if a.source else None)
            for a in result.attributions]


@pytest.mark.parametrize("text, cue", [
    ("وبحسب وزارة الصحة، سجلت المملكة 120 إصابة.", "وبحسب"),
    ("ووفق بيان الوزارة، ارتفعت الصادرات.", "ووفق"),
    ("فقال الوزير إن الاجتماع انتهى.", "فقال"),
    ("وأكّـدت الهيئة أن القرار نهائي.", "وأكّـدت"),
    ("يقولون إن الأسعار سترتفع.", "يقولون"),
])
def test_cues_with_clitics_inflections_and_marks(text, cue):
    assert cue in [t for t, _ in _found(text, "cue")]


def test_outlet_with_lam_is_whom_the_source_told():
    links = _links('وقال مصدر حكومي لـ"الشرق الأوسط" إن المفاوضات متعثرة.')
    assert ("وقال", "مصدر حكومي", "official_unnamed") in links
    assert not any(source == "الشرق الأوسط" for _, source, _ in links)
    assert [label for _, label in _found('وقال مصدر حكومي لـ"الشرق الأوسط" إن المفاوضات متعثرة.', "cue")] == \
        ["neutral", "told"]


@pytest.mark.parametrize("text", [
    "وتم توزيع الحصص حسب الاتفاق المبرم بين الطرفين.",
    "وتسير الأعمال وفق الخطة المعتمدة.",
    "وتوزعت الصادرات بحسب المجموعات السلعية.",
])
def test_according_to_a_plan_is_not_an_attribution(text):
    assert _found(text, "cue") == []


def test_qad_before_a_past_verb_is_not_a_hedge_but_before_an_imperfect_it_is():
    assert _found("وكانت الوزارة قد أعلنت الخطة، وقد تم التنفيذ.", "hedge") == []
    assert [t for t, _ in _found("وهو ما قد يؤدي إلى أزمة وقد تكون طويلة.", "hedge")] == ["قد يؤدي", "وقد تكون"]


def test_photo_credit_is_furniture_never_a_source():
    text = "الرئيس خلال الاجتماع. (وكالات)\n\nقال الرئيس إن الاجتماع كان مثمراً."
    result = audit_text(text, score=False)
    assert [f.label for f in result.findings if f.category == "boilerplate"] == ["caption"]
    assert all("وكالات" not in s.name for s in result.sources)


def test_dateline_is_provenance_not_a_source():
    text = "الرياض - واس:\nأعلنت وزارة الصحة تسجيل 40 حالة جديدة."
    result = audit_text(text, score=False)
    assert [p.text.strip() for p in result.provenance] == ["الرياض - واس:"]
    assert [(s.name, s.type) for s in result.sources] == [("وزارة الصحة", "named_org")]


def test_cues_inside_a_direct_quote_belong_to_the_speaker():
    text = "وقال الوزير: «أكدت الشركة أن المشروع سيكتمل، وقال المقاول إنه جاهز»."
    assert [t for t, _ in _found(text, "cue")] == ["وقال"]
    assert _found(text, "quote") == [("أكدت الشركة أن المشروع سيكتمل، وقال المقاول إنه جاهز", "attributed")]


def test_continuation_cues_take_the_last_explicit_source():
    text = ("وقال رئيس الهيئة خالد العمري إن التقرير سيصدر قريباً. وأضاف أن الإحصاءات دقيقة، "
            "مشيراً إلى أن العمل مستمر.")
    links = _links(text)
    assert [s for _, s, _ in links] == ["رئيس الهيئة خالد العمري"] * 3


def test_one_source_mentioned_several_times_is_one_source():
    text = "قال وزير الخارجية أيمن الصفدي إن الحل سياسي. وأكد الصفدي أن الحوار مستمر."
    result = audit_text(text, score=False)
    assert [(s.type, len(s.mentions), s.attributions) for s in result.sources] == [("named_person", 2, 2)]


def test_a_role_named_elsewhere_is_a_named_person_and_one_never_named_is_not():
    named = audit_text("أعلن المتحدث باسم الجيش أن العملية انتهت. وقال العقيد سامر الخطيب، المتحدث باسم الجيش، "
                       "إن الخسائر محدودة.", score=False)
    assert {s.type for s in named.sources} == {"named_person"}
    unnamed = audit_text("أعلن المتحدث باسم الوزارة أن العملية انتهت.", score=False)
    assert [s.type for s in unnamed.sources] == ["official_unnamed"]


@pytest.mark.parametrize("text, source, kind", [
    ("قالت وسائل إعلام محلية إن الطريق أغلق.", "وسائل إعلام محلية", "vague"),
    ("وتشير مصادر مطلعة إلى أن الاتفاق قريب.", "مصادر مطلعة", "anonymous"),
    ("وأعلنت صحيفة عكاظ أن الموعد تأجل.", "صحيفة عكاظ", "named_media"),
    ("وأعلنت عكاظ أن الموعد تأجل.", "عكاظ", "named_media"),
    ("وذكرت رويترز أن الموعد تأجل.", "رويترز", "named_media"),
    ("وقال مسؤول أمريكي إن الموعد تأجل.", "مسؤول أمريكي", "official_unnamed"),
    ("وترى روسيا أن الحل سياسي.", "روسيا", "country_or_government"),
    ("وأفاد مراسلنا بأن الطريق أغلق.", "مراسلنا", "self"),
    ("وأظهر تقرير البنك الدولي أن النمو تباطأ.", "تقرير البنك الدولي", "document"),
    ("وأعلنت وزارة الصحة السعودية تسجيل حالات.", "وزارة الصحة السعودية", "named_org"),
])
def test_source_types(text, source, kind):
    assert (source, kind) in [(s, k) for _, s, k in _links(text)]


def test_ambiguous_outlet_names_need_a_head_noun_or_quotes():
    assert _links("وقال المسؤول في الرياض إن الطقس حار.")[0][1] == "المسؤول"
    assert ("وكشفت", "الوطن", "named_media") in _links("وكشفت «الوطن» أن المشروع تأخر.")


def test_anonymity_reason_is_recorded():
    with_reason = audit_text("وقال مصدر حكومي طلب عدم الكشف عن اسمه لأنه غير مخول بالتصريح إن القرار صدر.",
                             score=False)
    without = audit_text("وقال مصدر رفض الكشف عن اسمه إن القرار صدر.", score=False)
    assert [s.anonymity_reason_given for s in with_reason.sources] == [True]
    assert [(s.type, s.anonymity_reason_given) for s in without.sources] == [("anonymous", False)]


def test_agentless_forms():
    text = "ويُعتقد أن الاتفاق قريب. وتردد أن الوزير استقال. واعتُبر القرار تاريخياً. ويُنظر إليها على أنها خطوة."
    assert [t for t, _ in _found(text, "agentless")] == ["ويُعتقد", "وتردد", "واعتُبر", "ويُنظر إليها"]
    assert _found(text, "cue") == []


def test_unattributed_claims_and_carried_attribution():
    text = ("قُتل 12 شخصاً في انفجار وسط المدينة. وقال الدفاع المدني إن 30 أصيبوا. وأضاف أن 5 منهم في حال حرجة.\n\n"
            "وتضررت 40 سيارة.")
    claims = [t for t, _ in _found(text, "unattributed_claim")]
    assert claims == ["قُتل 12 شخصاً في انفجار وسط المدينة.", "وتضررت 40 سيارة."]


def test_metrics_exclude_boilerplate():
    body = "قال وزير المالية محمد الجدعان إن العجز تراجع."
    with_furniture = body + "\n\nالأكثر قراءة\nقالت مصادر مطلعة إن الأسعار سترتفع\nيُعتقد أن الخطة تأجلت"
    clean, furnished = audit_text(body, score=False), audit_text(with_furniture, score=False)
    assert furnished.metrics == clean.metrics
    assert furnished.stats["words"] == clean.stats["words"]


def test_non_arabic_text_is_audited_with_a_warning():
    result = audit_text("The minister said the talks would resume next week, according to Reuters.", score=False)
    assert result.warnings and "Arabic" in result.warnings[0]


def test_an_audit_leaves_no_reference_cycles_behind():
    """Everything an audit builds is freed when it returns; a cycle (a closure holding its owner) would leave
    each article to the cyclic collector, which cost a batch a fifth of its speed."""
    import gc

    from conftest import SAMPLES

    text = (SAMPLES / "article.txt").read_text(encoding="utf-8")
    audit_text(text)  # load lexicons and model outside the measurement
    gc.collect()
    gc.disable()
    try:
        audit_text(text)
        audit_text(text, score=False)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_attributions_after_a_quote_left_open_on_a_one_line_page():
    text = ("تعود “المزمار” و”الخطوة” و”السامري إلى ساحات المهرجان هذا العام. وقال رئيس اللجنة المنظمة "
            "ماجد الحربي إن الفنون الشعبية استعادت جمهورها.")
    assert ("وقال", "رئيس اللجنة المنظمة ماجد الحربي", "named_person") in _links(text)


@pytest.mark.parametrize("text, expected", [
    # «أوضح ذلك …»: the object pronoun stands between the verb and the speaker.
    ("أعلن ذلك المتحدث الرسمي للمرور العقيد فيصل القرشي، مبيناً أن الحملة تستمر أسبوعين.",
     ("أعلن", "المتحدث الرسمي للمرور العقيد فيصل القرشي", "named_person")),
    # «ما قاله X»: what someone said, relayed; the outlet's name in brackets.
    ("ونقلت وكالة (رويترز) ما قاله الباحث مارك هولدن إن النتائج تبشر بعلاج جديد.",
     ("ونقلت", "وكالة (رويترز)", "named_media")),
    ("ونقلت وكالة (رويترز) ما قاله الباحث مارك هولدن إن النتائج تبشر بعلاج جديد.",
     ("قاله", "الباحث مارك هولدن", "named_person")),
    ("وهو ما قاله الأسبوع الماضي وزير المالية سامي العتيبي أمام مجلس الشورى.",
     ("قاله", "وزير المالية سامي العتيبي", "named_person")),
])
def test_speakers_behind_object_pronouns_relays_and_time_phrases(text, expected):
    assert expected in _links(text)


def test_a_verb_with_the_lam_of_purpose_is_no_name():
    text = "وأوضحت الهيئة أنها تنشر الأرقام لتبين حجم الإنجاز أمام المواطنين."
    assert all(source != "لتبين" for _, source, _ in _links(text))


def test_what_a_text_says_and_what_rules_require():
    [(cue, source, kind)] = _links("وجاء في البيان الصادر عن وزارة الداخلية أن الأوضاع الأمنية مستقرة.")
    assert (cue, kind) == ("وجاء في", "document") and source.startswith("البيان")
    assert ("وجاء في", "تقرير البنك الدولي", "document") in _links("وجاء في تقرير البنك الدولي أن النمو تباطأ.")
    assert _links("وحلّ الفريق في المرتبة الثانية وجاء في المرتبة الثالثة فريق الاتحاد.") == []
    # «وفق لوائح اللجنة»: the rule book applied, not a source (as «حسب الاتفاق»).
    assert _links("وعالجت اللجنة القضايا وفق لوائح لجنة الانضباط المعتمدة.") == []


def test_a_plural_verb_does_not_carry_one_persons_voice():
    text = ("وقال رئيس النادي سعد الشهري إن الإدارة ماضية في خطتها. ويقولون إن الإدارة عاجزة عن دفع "
            "الرواتب.")
    links = _links(text)
    assert ("وقال", "رئيس النادي سعد الشهري", "named_person") in links
    assert ("ويقولون", None, None) in links


@pytest.mark.parametrize("text", [
    "وتعمل خدمة القطارات وفقاً لجدول زمني معتمد منذ الأسبوع الماضي.",   # a timetable, not a person
    "وأشار الطبيب إلى أن الشهادة مزورة بحسب دعواه.",                     # «his claim»: a pronoun-suffixed noun
    "فقال لي بهدوء: «لا تقلقي، كل شيء على ما يرام».",                     # «to me», «calmly»
    "وقال مختتماً حديثه: «نطالب الشركة بالتعويض».",                       # «closing his remarks»
])
def test_common_words_after_a_cue_are_no_named_person(text):
    assert all(kind != "named_person" for _, _, kind in _links(text))


def test_the_letters_of_the_original_tell_a_name_from_a_pronoun_suffix():
    # «أسامة» is folded to «اسامه» for matching, like «علمه»; the original «ة» keeps it a name.
    assert ("وقال", "أسامة", "named_person") in _links("وقال أسامة إن الخطة جاهزة للتنفيذ.")


def test_one_of_the_residents_is_an_unnamed_resident():
    assert ("وقال", "أحد السكان", "anonymous") in _links("وقال أحد السكان: «لم نر المياه منذ ثلاثة أيام».")


@pytest.mark.parametrize("text, expected", [
    # The name ends where the verb's object begins: a preposition with a verbal noun, a pronoun suffix.
    ("وطالبت الدكتورة هالة الزين بالإسراع في صرف تعويضات المزارعين.",
     ("وطالبت", "الدكتورة هالة الزين", "named_person")),
    ("وقال المتحدث باسم الخارجية جوزيف ماركيز للصحفيين إن الزيارة تأجلت.",
     ("وقال", "المتحدث باسم الخارجية جوزيف ماركيز", "named_person")),
    # …but not at family names that look like one: «الفقيه» (definite), «باسلمة», «نعمت زاده».
    ("وقال الصحافي سالم الفقيه إن الصورة حذفت بعد ساعة.", ("وقال", "الصحافي سالم الفقيه", "named_person")),
    ("وقال وزير الأشغال المهندس عمر باسلامة إن الجسر يفتح غداً.",
     ("وقال", "وزير الأشغال المهندس عمر باسلامة", "named_person")),
])
def test_where_a_name_ends(text, expected):
    assert expected in _links(text)


@pytest.mark.parametrize("text, expected", [
    # «د.» abbreviates «الدكتور»: its dot ends no sentence and the name follows it.
    ("وقال د. أحمد الغامدي إن الدراسة اكتملت. وأضاف أن النتائج مبشرة.", ("وأضاف", "د. أحمد الغامدي", "named_person")),
    # A second title after the name closes it.
    ("وحذّر د. فهد العتيق -رئيس جمعية رعاية الأيتام في الشرقية (إخاء)- من التهاون في الكفالات.",
     ("وحذّر", "د. فهد العتيق", "named_person")),
    # An indefinite title and an adjective of origin or field name no one.
    ("وقال وزير كويتي إن بلاده لن تشارك في الاجتماع.", ("وقال", "وزير كويتي", "official_unnamed")),
])
def test_titles_abbreviations_and_adjectives(text, expected):
    assert expected in _links(text)


def test_a_definite_organization_head_is_closed():
    # «أعلنت الوزارة تطبيق النظام…»: what follows the definite head is the verb's object.
    links = _links("وأعلنت الوزارة تطبيق النظام الجديد للتراخيص التجارية اعتباراً من الشهر المقبل.")
    assert [(cue, source) for cue, source, _ in links] == [("وأعلنت", "الوزارة")]


@pytest.mark.parametrize("text, cue, kind", [
    # A second title after a comma, leading to the name.
    ("كشف وكيل وزارة الزراعة، رئيس لجنة الطوارئ الدكتور سلمان بن راشد، عن خطة لمكافحة الجراد.", "كشف",
     "named_person"),
    # Unmarked «وبين» with a title and «أنّ» is the verb «بيّن».
    ("وبين الناطق الإعلامي لبلدية الخبر سلطان المطيري أن الأعمال تنتهي الشهر المقبل.", "وبين", "named_person"),
    # «طالب» with a long title before what is demanded.
    ("وطالب نائب المدير العام للشؤون الفنية المهندس عادل السبيعي كل المقاولين بتسليم المشاريع في موعدها.",
     "وطالب", "named_person"),
])
def test_long_titles_before_the_name(text, cue, kind):
    assert any(c == cue and k == kind for c, _, k in _links(text))


def test_a_long_saudi_title_still_reaches_the_name():
    text = ("وقال المتحدث الرسمي للدفاع المدني بمنطقة الحدود الشمالية المقدم خالد بن سعد الرويلي إن الحريق أخمد.")
    assert ("وقال", "المتحدث الرسمي للدفاع المدني بمنطقة الحدود الشمالية المقدم خالد بن سعد الرويلي",
            "named_person") in _links(text)


def test_a_quoted_unknown_name_before_that_is_an_organization():
    links = _links("قالت «الوسيط الخليجي للاستثمار» إن أرباح المصرف تجاوزت التوقعات، مشيرة إلى أن الهامش تحسن.")
    name = "الوسيط الخليجي للاستثمار"
    assert links == [("قالت", name, "named_org"), ("مشيرة", name, "named_org")]


def test_a_full_stop_without_its_space_still_ends_a_sentence():
    from audit.segment import segment

    text = "كان الاكتشاف سبقا أثريا.وأشار الباحث إلى أن العمل مستمر. ونقلت أ.ف.ب الخبر."
    assert [text[s:e] for s, e, _ in segment(text).sentences] == [
        "كان الاكتشاف سبقا أثريا.", "وأشار الباحث إلى أن العمل مستمر.", "ونقلت أ.ف.ب الخبر."]


@pytest.mark.parametrize("text, reported", [
    ("وعزز مدرب الفريق كارلوس مينديز التوقعات عندما قال للصحفيين إن الصفقة قريبة.", True),   # when he said
    ("ومن المنتظر أن تعلن الوزارة النتائج غداً.", False),                               # to announce
    ("وعندما يعلن الوزير القرار سيتغير كل شيء.", False),                                 # when he announces
])
def test_a_verb_after_when_or_that_reports_only_in_the_past(text, reported):
    assert bool(_links(text)) is reported


@pytest.mark.parametrize("text, expected", [
    ("وأوضح وليد العمري مدير مكتب الجمعية في عمّان بأن البرنامج يشمل الأسر.", ("وأوضح", "وليد العمري", "named_person")),
    ("قال مدرب الفريق كارلوس مينديز: «سنلعب للفوز». وواصل: «لا أعذار أمامنا هذه المرة».",
     ("وواصل", "مدرب الفريق كارلوس مينديز", "named_person")),
    ("وعلّقت المحللة المالية نورة القحطاني على أداء المصارف بقولها: الأرباح فاقت التقديرات.",
     ("بقولها", "المحللة المالية نورة القحطاني", "named_person")),
    ("وأوضح شقيقه سالم الشمري لـ”الوئام” تفاصيل الحادثة.", ("لـ”الوئام”", "شقيقه سالم الشمري", "named_person")),
])
def test_speakers_found_in_real_articles(text, expected):
    assert expected in _links(text)


@pytest.mark.parametrize("text, expected", [
    ("تقول نتيجة استطلاع حديث أجراه المركز إن 67 في المئة يؤيدون القرار.", ("تقول", "نتيجة استطلاع", "document")),
    ("وتشير آراء بعض المختصين إلى أن الأنظمة الحالية لا تكفي.", ("وتشير", "آراء", "vague")),
])
def test_results_and_opinions_as_sources(text, expected):
    assert expected in _links(text)


def test_as_a_result_cites_nothing():
    assert all(kind != "document" for _, _, kind in _links("ويرجع ذلك كنتيجة منطقية لانتشار وسائل التواصل."))


def test_is_called_is_not_claims():
    # «ويُدعى» (and is called) folds into «ويدّعي» (and claims) once diacritics go; the original «ى» stays.
    assert all(cue != "ويدعى" for cue, _, _ in _links("وقال صاحب الفكرة، ويدعى هيروشي تاناكا، إن التصميم بسيط."))
    assert ("ادّعى", "المتهم", "named_person") not in _links("ادّعى المتهم أنه كان خارج المدينة.")
    assert any(cue == "ادّعى" for cue, _, _ in _links("ادّعى المتهم أنه كان خارج المدينة."))


def test_a_participle_continues_the_speaker_not_a_source_he_cites():
    text = ("وقال الخبير الاقتصادي مازن الراشد إن الأسهم قد تتراجع حسب البيانات التي نشرت أمس، مبيناً أن "
            "الطلب على السلع ضعيف.")
    assert ("مبيناً", "الخبير الاقتصادي مازن الراشد", "named_person") in _links(text)


@pytest.mark.parametrize("text, expected", [
    ("ولا يرتبط الصداع بشرب القهوة كما يعتقد البعض.", ("يعتقد", "البعض", "vague")),
    ("وتابع ميلر أن المناورات ستجري في الشمال.", ("وتابع", "ميلر", "named_person")),
    ("وقد دان وزير الخارجية أيمن الصفدي هذا الهجوم على القافلة.",
     ("دان", "وزير الخارجية أيمن الصفدي", "named_person")),
    ("وذلك بحسب الاستفتاء الذي نظمته رابطة المشجعين.", ("بحسب", "الاستفتاء", "document")),
])
def test_believers_going_on_condemning_and_referendums(text, expected):
    assert expected in _links(text)


@pytest.mark.parametrize("text", [
    "أعتقد أن الحل في الحوار بين الجميع.",          # the columnist's «I believe»
    "وبلغت المساحة المزروعة عشرة آلاف فدان.",         # an acre, not «ف+دان»
])
def test_not_attributions(text):
    assert _links(text) == []


def test_a_new_clause_after_a_comma_is_the_articles_own():
    text = ("وقال الوزير إن الحكومة ماضية في خطة الإصلاح مهما كانت الكلفة، وقال إن الرواتب لن تتأثر.")
    links = _links(text)
    assert [cue for cue, _, _ in links].count("وقال") == 2
    assert all(source == "الوزير" for cue, source, _ in links if cue == "وقال")


def test_it_turned_out_is_no_explanation():
    assert _links("وتبين أن المقاول لم ينفذ الأعمال في موعدها.") == []


def test_the_latest_studies_are_studies():
    assert ("كشفت", "الدراسات العلمية", "vague") in _links("كشفت أحدث الدراسات العلمية أن النوم المبكر يقوي الذاكرة.")


def test_interview_answers_count_as_attributed_quotes_not_as_the_writers_claims():
    from test_segment import INTERVIEW

    audit = audit_text(INTERVIEW, score=False)
    quotes = [f for f in audit.findings if f.category == "quote"]
    assert len(quotes) == 2 and all(f.label == "attributed" for f in quotes)
    assert audit.metrics["question_ratio"] == 0  # the interviewer's questions are no rhetorical questions


def test_questions_answered_in_the_writers_words_are_no_interview():
    text = ("* ما أسباب نقص فيتامين د في المملكة؟\n"
            "يقول الدكتور سامي الحربي استشاري الغدد إن قلة التعرض للشمس أول الأسباب.\n"
            "* وما العلاج؟\n"
            "وأوضح الحربي أن المكملات تكفي في معظم الحالات.")
    audit = audit_text(text, score=False)
    assert [f for f in audit.findings if f.category == "quote"] == []
    assert [(a.cue.text, a.source.type) for a in audit.attributions] == [("يقول", "named_person"),
                                                                          ("وأوضح", "named_person")]


@pytest.mark.parametrize("text, expected", [
    ("ويرى منتقدون أن القرار جاء متأخراً.", ("ويرى", "منتقدون", "vague")),
    ("نشرت صحيفة «ماركا» الإسبانية أن المدافع وقع عقداً لثلاثة مواسم.",
     ("نشرت", "صحيفة «ماركا» الإسبانية", "named_media")),
])
def test_critics_and_what_a_paper_published(text, expected):
    assert expected in _links(text)


def test_publishing_pictures_is_no_report():
    assert _links("ونشرت الوزارة صوراً للحادث على حسابها.") == []


def test_the_same_sources_before_their_verb():
    text = "وقالت مصادر أمنية إن المشتبه به اعتقل فجراً. المصادر ذاتها أضافت أنه كان مطلوباً منذ عامين."
    assert ("أضافت", "المصادر", "anonymous") in _links(text)


def test_questions_neither_report_nor_claim():
    text = "* هل تعتقد أن 40 مليون ريال ميزانية كافية للنادي؟\n- لا أعتقد ذلك، فالمصاريف تضاعفت في عامين."
    audit = audit_text(text, score=False)
    assert not [f for f in audit.findings if f.category in ("cue", "unattributed_claim")]


@pytest.mark.parametrize("text, reported", [
    ("أستاذ الاقتصاد بجامعة الكويت مشاري العنزي علق قائلاً: «القرار يحتاج إلى وقت».", True),
    ("ولم يعلّق البيت الأبيض على الموضوع حتى مساء أمس.", False),   # a negated pattern cue reports nothing
    ("علق المسافرون في المطار ساعات طويلة.", False),               # got stuck
])
def test_commenting(text, reported):
    assert any(cue.startswith(("علق", "يعلّق")) for cue, _, _ in _links(text)) is reported


def test_a_participle_does_not_continue_the_object_of_a_preposition():
    links = _links("ورحّب الدوسري بالوفود الأخيرة إلى الأردن، معتبراً أن الأهم كانت زيارة الرئيس.")
    assert all(source != "الأردن" for _, source, _ in links)


def test_a_name_set_off_by_commas_after_a_title():
    text = "وقال المتحدث باسم الهيئة، حاتم الرشيدي، إن القافلة وصلت."
    assert ("وقال", "المتحدث باسم الهيئة، حاتم الرشيدي", "named_person") in _links(text)


@pytest.mark.parametrize("text, expected", [
    # A lone family name of the nisba shape before what is said, with no full name in the text.
    ("وأوضح الحمداوي أن الاجتماع تأجل إلى الأسبوع المقبل.", ("وأوضح", "الحمداوي", "named_person")),
    ("وقال الكعبي: «لن نتراجع عن القرار».", ("وقال", "الكعبي", "named_person")),
    # Common nouns that speak have other shapes, and a final «ى» is no nisba.
    ("وأظهر المنحنى أن الإصابات تراجعت.", ("وأظهر", None, None)),
    # A definite body takes no plural of people as its adjective: they are whom it called on.
    ("ودعت البلدية السكان إلى تخزين المياه.", ("ودعت", "البلدية", "official_unnamed")),
    ("ودعت وزارة الصحة السكان إلى التطعيم.", ("ودعت", "وزارة الصحة", "named_org")),
])
def test_lone_family_names_and_the_object_after_a_body(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # An unknown name before whom it was told: the recipient shows the name spoke.
    ("قال كوفمان للصحافيين إن المحادثات ستستأنف.", ("قال", "كوفمان", "named_person")),
    # After «بحسب ما كشفه» the words are the verb's subject, not a plan or a rule.
    ("وخطط القائد لعمليات عدة، بحسب ما كشفه هالبرين الذي ترأس التحقيق.",
     ("بحسب ما كشفه", "هالبرين", "named_person")),
    ("وتم التوزيع وفقاً لجدول زمني معتمد.", None),
])
def test_unknown_names_shown_by_their_context(text, expected):
    links = _links(text)
    assert (links[0] if links else None) == expected


def test_a_name_set_off_by_commas_after_a_title_and_its_company():
    links = _links('وقال مدير العمليات في شركة "نقل"، ماتيو بيرنار، إن الرحلات ستستأنف الأسبوع المقبل.')
    assert links[0][2] == "named_person" and links[0][1].endswith("ماتيو بيرنار")


def test_the_name_before_what_the_speaker_did_to_whom():
    assert _links("رحبت السفيرة كاترينا فولمر بالسفير الياباني في مقر الوزارة.")[0] == \
        ("رحبت", "السفيرة كاترينا فولمر", "named_person")


@pytest.mark.parametrize("text, cue, source", [
    # A verb that opens a quotation is its speaker talking, even right after someone's indirect speech.
    ('واعتبر المدرب كارلوس مينديث أن فريقه جاهز وقال: "سنلعب للفوز".', "وقال", "المدرب كارلوس مينديث"),
    ('وأشاد المدرب كارلوس مينديث بلاعبيه، إذ قال: «قدمنا مباراة كبيرة».', "قال", "المدرب كارلوس مينديث"),
])
def test_a_verb_opening_a_quotation_is_not_inside_reported_speech(text, cue, source):
    assert (cue, source) in [(c, s) for c, s, _ in _links(text)]


def test_a_closing_mark_typed_the_wrong_way_opens_no_quotation():
    # «لـ”داعش” والقاعدة»: the second ” closes against its word; the sentence after it is the article's.
    text = "واعتقلت القوات ثلاثة شبان بتهمة “الترويج لـ”الفكر” المتطرف، وأكدت المصادر أن التحقيق مستمر."
    assert ("وأكدت", "المصادر", "anonymous") in _links(text)


def test_a_known_family_name_before_the_verbs_object():
    text = ("وقال المتحدث باسم الهيئة سعود القرني إن الرحلات ستعود. ولفت القرني الانتباه إلى أن الصيانة "
            "اكتملت.")
    assert ("ولفت", "القرني", "named_person") in _links(text)


def test_the_outlet_that_relayed_a_statement_is_its_source_but_does_not_take_over_the_voice():
    links = _links("وقال وزير الطاقة سالم الكتبي إن الأسعار ستتغير. وأضاف في بيان نقلته وكالة الأنباء الرسمية "
                   "أن اللجنة ستجتمع شهرياً. وأكد أن الدعم سيستمر.")
    assert ("نقلته", "وكالة الأنباء الرسمية", "named_media") in links
    assert ("وأضاف", "وزير الطاقة سالم الكتبي", "named_person") in links
    assert ("وأكد", "وزير الطاقة سالم الكتبي", "named_person") in links


def test_the_paper_just_cited_is_not_the_outlet_itself():
    text = "ذكرت صحيفة «الحياة» أن المفاوضات توقفت. وأضافت الصحيفة أن الوفد غادر العاصمة."
    assert ("وأضافت", "الصحيفة", "named_media") in _links(text)
    assert ("وعلمت", "الصحيفة", "self") in _links("وعلمت الصحيفة أن الوفد غادر العاصمة.")


@pytest.mark.parametrize("text, expected", [
    # A plural verb agrees only with a subject before it: what follows is its object.
    ("لكن نواب المعارضة يتهمون رئيس الوزراء بتأجيل الانتخابات.", ("يتهمون", "المعارضة", "vague")),
    # «كل من» before coordinated speakers; the second name without its conjunction.
    ("وأعلنت كل من البحرين وعمان أنهما ستخففان الدعم.", ("وأعلنت", "البحرين", "country_or_government")),
    ("وقال كل من أحمد العامري وسلطان الحربي إن المشروع تأخر.", ("وقال", "سلطان الحربي", "named_person")),
])
def test_plural_verbs_and_coordinated_speakers(text, expected):
    assert expected in _links(text)


def test_according_to_what_an_outlet_relayed():
    assert _links("وأسقطت الدفاعات الجوية ثلاث طائرات مسيرة، وفق ما نقلته وكالة «تاس» عن رئيس البلدية.")[0][:2] == \
        ("وفق ما نقلته", "وكالة «تاس»")


@pytest.mark.parametrize("text, expected", [
    # A name in no lexicon, then adverbs, then what was said.
    ("وأعلن فولفسبورغ رسمياً، مساء الأحد، أن مهاجمه سيغيب شهراً.", ("وأعلن", "فولفسبورغ", "named_person")),
    # An adverb and a comma before the speaker's title.
    ("واعترف بدوره، مدرب الفريق ماركو سيلفا بالخطأ.", ("واعترف", "مدرب الفريق ماركو سيلفا", "named_person")),
    # …but not before what was announced.
    ("وكان المتحدث الأمني سالم الحربي قد أعلن الجمعة الماضي، مقتل أربعة أشخاص.",
     ("أعلن", "المتحدث الأمني سالم الحربي", "named_person")),
])
def test_adverbs_between_the_verb_and_its_speaker(text, expected):
    assert expected in _links(text)


def test_a_bare_body_refers_back_to_the_body_named_before():
    text = "ووقعت الحكومة عقداً مع شركة المراعي لتوسيع المصانع. وقالت الشركة إن العمل سيبدأ قريباً."
    assert ("وقالت", "الشركة", "named_org") in _links(text)
    # An indefinite «شركة» is some company, and «محكمة أمريكية» names no court.
    assert ("وقالت", "المحكمة", "official_unnamed") in _links(
        "ونظرت محكمة أمريكية في القضية. وقالت المحكمة إن الحكم سيصدر غداً.")


def test_an_unnamed_source_described_before_its_verb():
    assert _links("مسؤول عسكري أردني كبير يقول إن الحادث نجم عن خلل فني.")[0] == \
        ("يقول", "مسؤول عسكري أردني كبير", "official_unnamed")


def test_a_kicker_is_not_the_subject_and_an_object_is_not_a_name():
    links = _links("موقع الملعب: وجّه المحلل الرياضي سالم الدوسري، انتقادًا حادًا، لمدرب الفريق، قائلًا: إنه أخطأ.")
    assert ("قائلًا", "المحلل الرياضي سالم الدوسري", "named_person") in links


@pytest.mark.parametrize("text, expected", [
    ("وأبان عدد من أصحاب المحلات أن الإيجارات ارتفعت.", ("وأبان", "عدد من أصحاب المحلات", "vague")),
    ("وأفاد شاهد من وكالة «فرانس برس» بأن المحتجين تفرقوا مساءً.", ("وأفاد", "شاهد من وكالة «فرانس برس»", "anonymous")),
])
def test_a_number_of_people_and_a_witness(text, expected):
    assert expected in _links(text)


@pytest.mark.parametrize("text, expected", [
    # A verb with «و» after a comma starts its own clause: what stands before it is no subject.
    ("وارتفعت حرارة المياه في بحر العرب الشمالي، وأشارت نماذج المحاكاة إلى أن الموجة ستستمر.", ("وأشارت", None, None)),
    # «أما X فقالت»: «ف» answers the topic, which is the subject.
    ("أما الوزير سالم الحربي فقال إن الرحلة كانت ناجحة.", ("فقال", "الوزير سالم الحربي", "named_person")),
    # «رئيسها» with a name is a title.
    ("وقال رئيسها التنفيذي مارتن كول إن الشركة ستتوسع.", ("وقال", "رئيسها التنفيذي مارتن كول", "named_person")),
    # «بن أبي طالب» is part of a name, not «طالب» (demanded).
    ("واشتهر علي بن أبي طالب بالشجاعة.", None),
])
def test_clause_boundaries_and_suffixed_titles(text, expected):
    links = _links(text)
    assert (links[0] if links else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقال سائقو سيارات أجرة لمراسلنا إن الأسعار ارتفعت.", ("وقال", "سائقو سيارات", "vague")),
    ("وقال موظفو الشركة إن الرواتب تأخرت.", ("وقال", "موظفو الشركة", "vague")),
    ("وقال دييغو مارادونا إن الفريق سيفوز.", ("وقال", "دييغو مارادونا", "named_person")),
])
def test_a_plural_of_people_in_construct_is_a_collective(text, expected):
    assert _links(text)[0] == expected


def test_by_his_account_refers_back_to_the_speaker():
    links = _links("وقال الوزير سالم الحربي إن القرار نهائي. وتأمل الأسر أن يزور الرئيس المدرسة قريباً حسب قوله.")
    assert ("حسب قوله", "الوزير سالم الحربي", "named_person") in links


@pytest.mark.parametrize("text, expected", [
    ("وقالت الداخلية في بيانها إن الحادث قيد التحقيق.", ("وقالت", "الداخلية", "named_org")),
    ("وقال متحدث الخارجية الباكستانية إن الاتفاق قريب.", ("وقال", "متحدث الخارجية الباكستانية", "official_unnamed")),
    ("المصدر الخاص، أكد أيضاً وصول التعزيزات.", ("أكد", "المصدر الخاص", "anonymous")),
])
def test_ministries_by_their_short_names_and_described_sources(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text, source", [
    ("وكانت لجنة الانتخابات البلدية افتتحت مكاتب إضافية. وقالت اللجنة إن التسجيل مستمر.", "اللجنة"),
    ("وقالت الشركة الكويتية لنفط الخليج إن الإنتاج استؤنف.", "الشركة الكويتية لنفط الخليج"),
    ("وقالت هيئة قناة بنما إن العبور مستمر.", "هيئة قناة بنما"),
])
def test_where_an_organization_name_ends(text, source):
    audit = audit_text(text, score=False)
    assert any(a.source is not None and a.source.text == source for a in audit.attributions)
    assert all("افتتحت" not in s.name for s in audit.sources)


@pytest.mark.parametrize("text, expected", [
    ("وأضاف «عبد الرحيم» أن اللجنة ستجتمع غداً.", ("وأضاف", "عبد الرحيم", "named_person")),
    ("وقالت «السعودي الفرنسي كابيتال» إن الأرباح ارتفعت.", ("وقالت", "السعودي الفرنسي كابيتال", "named_org")),
    ("نفت ريم الحسن زوجة المطرب سامر الخطيب الشائعات.", ("نفت", "ريم الحسن", "named_person")),
    ("وقادة من دول عدة، مثل قطر وعُمان، دعوا إلى الحوار.", ("دعوا", None, None)),
])
def test_quoted_person_names_kinship_words_and_plural_verbs(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text, continued", [
    # A body reported inside what the speaker said does not take over his voice.
    ("وقال الخبير الاقتصادي سامي العتيبي إن أسعار الوحدات التي تعلن عنها الوزارة لا تناسب دخل الأسر. "
     "وأعرب عن أمله في مراجعة الخطط.", "الخبير الاقتصادي سامي العتيبي"),
    ("وأوضح مدير المهرجان نزار الخطيب، وفقاً لما أوردته صحيفة «الرياض»، أن العروض تبدأ غداً. "
     "وأضاف أن التذاكر نفدت.", "مدير المهرجان نزار الخطيب"),
    # A clause of its own has a speaker of its own; a relayed speaker is the one who goes on.
    ("وأشار وزير النقل خالد الرميحي إلى أن المطار جاهز، فيما لفت وزير الصحة حمد البدري إلى أن المستشفيات "
     "استعدت. وأضاف أن الفرق الطبية في الميدان.", "وزير الصحة حمد البدري"),
    ("ونقلت وكالة رويترز عن رئيس البورصة قوله إن التداول استقر. وأضاف أن المصارف تعافت.", "رئيس البورصة"),
])
def test_a_source_reported_inside_someones_words_does_not_take_over_the_voice(text, continued):
    assert _links(text)[-1][:2] == ("وأضاف" if "وأضاف" in text else "وأعرب", continued)


@pytest.mark.parametrize("text, expected", [
    ("ذكرت مجلة \"الأفق\" أن المعرض يفتتح غداً.", ("ذكرت", 'مجلة "الأفق"', "named_media")),
    ("وأعلنت شركة «نماء للحلول» أن أرباحها ارتفعت.", ("وأعلنت", "شركة «نماء للحلول»", "named_org")),
    ("وذكر موقع صحيفة \"الأفق\" مساء أمس أن المعرض يفتتح غداً.", ("وذكر", 'موقع صحيفة "الأفق"', "named_media")),
    # With its closing mark, a quoted name written before the verb is seen as its subject.
    ("وكانت شركة «نماء للحلول» أعلنت أن أرباحها ارتفعت.", ("أعلنت", "شركة «نماء للحلول»", "named_org")),
])
def test_a_name_in_quotation_marks_ends_the_phrase_with_its_closing_mark(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # A construct noun awaits the name it belongs to.
    ("وحذرت إمارة منطقة تبوك من الاحتيال الهاتفي.", ("وحذرت", "إمارة منطقة تبوك", "named_org")),
    ("وتعلن شركة أبناء سعد الراشد عن افتتاح فرعها الجديد.", ("وتعلن", "شركة أبناء سعد الراشد", "named_org")),
    # A closed name takes no second head: what follows is the verb's object.
    ("وطالبت لجنة الإغاثة الدولية قبل يومين بفتح المعابر. واتهمت اللجنة رئيس الحكومة بعرقلة القوافل.",
     ("واتهمت", "اللجنة", "named_org")),
])
def test_construct_nouns_inside_names_and_objects_after_them(text, expected):
    assert _links(text)[-1] == expected


@pytest.mark.parametrize("text, honorific, person", [
    # The bearer of the same honorific, even when named in passing and never quoted before.
    ("افتتح صاحب السمو الملكي الأمير سلطان بن فهد أمير المنطقة أمس مهرجان التمور في بريدة. وأكد سموه أن "
     "المهرجان يدعم المزارعين.", "سموه", "الأمير سلطان بن فهد"),
    ("وقال وزير الصحة توفيق العمران إن المستشفيات جاهزة. وأوضح معاليه أن الطواقم أكملت تدريبها.",
     "معاليه", "وزير الصحة توفيق العمران"),
])
def test_an_honorific_pronoun_speaks_for_the_dignitary_named_before(text, honorific, person):
    audit = audit_text(text, score=False)
    linked = [a for a in audit.attributions if a.source is not None and a.source.text == honorific]
    assert linked and audit.sources[linked[0].source.source].name == person
    assert len(audit.sources) == 1


def test_his_happiness_is_no_honorific():
    assert not any(s.type == "named_person" for s in audit_text("وأبدى سعادته بالنتائج.", score=False).sources)


@pytest.mark.parametrize("text, source", [
    ("وقال وزير الشؤون الإسلامية الشيخ سعد بن ناصر آل الشيخ إن المساجد جاهزة.",
     "وزير الشؤون الإسلامية الشيخ سعد بن ناصر آل الشيخ"),
    # Saudi titles run to a dozen words before the name.
    ("وأوضح معالي وزير الشؤون البلدية والقروية رئيس اللجنة العليا للمشاريع البلدية المهندس سامي بن عبدالله "
     "الفهيد أن المشاريع تسير وفق الخطة.",
     "معالي وزير الشؤون البلدية والقروية رئيس اللجنة العليا للمشاريع البلدية المهندس سامي بن عبدالله الفهيد"),
])
def test_long_titles_and_family_names_that_are_titles(text, source):
    assert _links(text)[0][1:] == (source, "named_person")


def test_a_preposition_with_a_verbal_noun_is_no_name():
    assert _links("يعلن المدير العام للهيئة المواطنين الكرام لاجتماع عام.")[0][2] == "official_unnamed"


@pytest.mark.parametrize("text, expected", [
    ("وبين الشمراني أن الحملة تستمر أسبوعين.", ("وبين", "الشمراني")),
    ("وقال مدير الجمعية سامي الحربي إن التسجيل مفتوح. وبين أن المقاعد محدودة.", ("وبين", "مدير الجمعية سامي الحربي")),
])
def test_unmarked_bayyana_before_that_is_the_verb(text, expected):
    assert _links(text)[-1][:2] == expected


def test_between_two_things_is_no_cue():
    assert _links("وتتداول هذه الأفكار بين العامة على أنها صحيحة.") == []


@pytest.mark.parametrize("text, expected", [
    ("وقال عدد من الخبراء إن السوق مستقر.", ("وقال", "عدد من الخبراء", "vague")),
    ("وأكد عدد من المسؤولين أن الخطة جاهزة.", ("وأكد", "عدد من المسؤولين", "official_unnamed")),
    ("ويرى الكثير من الزوار والمقيمين أن المهرجان ناجح.", ("ويرى", "الكثير من الزوار والمقيمين", "vague")),
    ("وقال مواطن إن الطريق أغلق منذ الصباح.", ("وقال", "مواطن", "anonymous")),
    # Some of several bodies, unnamed: no one can tell which spoke.
    ("وأكد عدد من الفصائل المسلحة أنها لن تسلم سلاحها.", ("وأكد", "عدد من الفصائل المسلحة", "vague")),
    ("وقالت العديد من المنظمات الحقوقية إن المعتقلين حُرموا من الزيارات.",
     ("وقالت", "العديد من المنظمات الحقوقية", "vague")),
])
def test_part_of_a_group_is_that_group_and_a_citizen_is_no_name(text, expected):
    assert _links(text)[0] == expected


def test_a_number_of_things_is_no_source():
    assert not audit_text("وناقش عدد من الملفات العالقة.", score=False).sources


@pytest.mark.parametrize("text, cue", [
    ("ونددت الخارجية بالهجوم على القافلة.", "ونددت"),
    ("وشجب وزير العدل الاعتداء.", "وشجب"),
    ("وثمنت الهيئة جهود المتطوعين.", "وثمنت"),
    ("وأثنى المدرب على أداء لاعبيه.", "وأثنى"),
    ("وعزا الخبير تراجع الأسعار إلى ضعف الطلب.", "وعزا"),
    ("وأوصت اللجنة بإعادة النظر في الرسوم.", "وأوصت"),
    ("وتعهد الرئيس بمحاسبة المقصرين.", "وتعهد"),
    ("وتساءل الكاتب عن مصير المشروع.", "وتساءل"),
])
def test_condemning_praising_ascribing_and_pledging_are_said(text, cue):
    assert _links(text)[0][0] == cue


@pytest.mark.parametrize("text", ["ودفع الفريق ثمن الأخطاء الدفاعية.", "وقدم التعزية لأسرة الفقيد."])
def test_nouns_that_share_their_letters_with_those_verbs_are_no_cues(text):
    assert _links(text) == []


def test_a_second_speaker_in_the_same_sentence_is_the_one_a_participle_continues():
    text = ("وطالب خبراء عقاريون الوزارة بالتحرك سريعاً، وقال المهندس سامي الفهيد إن المنتجات التي تعلن عنها "
            "الوزارة تتأخر، وتساءل عن مصير المشاريع المعلنة.")
    assert _links(text)[-1][:2] == ("وتساءل", "المهندس سامي الفهيد")


@pytest.mark.parametrize("text, expected", [
    ("وقال د.سامي عوض الغامدي إن الأسرة خط الدفاع الأول.", ("وقال", "د.سامي عوض الغامدي", "named_person")),
    ("وأوضح الدكتور الزهراني أن الدراسة شملت ألف أسرة.", ("وأوضح", "الدكتور الزهراني", "named_person")),
    ("وقال الوزير الإيطالي إن الاتفاق قريب.", ("وقال", "الوزير الإيطالي", "official_unnamed")),
    # A family name in «ـي» ends the name; what follows is what the speaker did.
    ("وحذر استشاري طب العيون الدكتور سامر ناجح الحمدي محبي الرحلات البرية من أشعة الشمس.",
     ("وحذر", "استشاري طب العيون الدكتور سامر ناجح الحمدي", "named_person")),
    ("وقال المدير الفني السابق للمنتخب لكرة القدم الإسباني خافيير لوبيث إن اللاعبين جاهزون.",
     ("وقال", "المدير الفني السابق للمنتخب لكرة القدم الإسباني خافيير لوبيث", "named_person")),
])
def test_courtesy_titles_family_names_in_nisba_and_where_a_name_ends(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text", [
    "وطالبت الأسر بالتحقيق مع المسؤولين، إمَّا لأسباب دينية أو اجتماعية.",
    "وأعلنت الشرطة باعتقال ثلاثة أشخاص.",
    "وتوقع عجزاً مالياً يبلغ عشرة مليارات.",
])
def test_function_words_verbal_nouns_and_accusatives_are_no_names(text):
    assert not any(s.type == "named_person" for s in audit_text(text, score=False).sources)


@pytest.mark.parametrize("text, expected", [
    ("وحسب آخر الإحصاءات يشكل المتطوعون ثلث العاملين.", ("وحسب", "الإحصاءات", "vague")),
    ("وفقاً لآخر تقديرات هيئة الإحصاء، تراجع العدد.", ("وفقاً", "تقديرات هيئة الإحصاء", "document")),
    ("وقال مسؤول مصرفي آخر إن السيولة متوفرة.", ("وقال", "مسؤول مصرفي آخر", "official_unnamed")),
])
def test_the_latest_figures_and_another_official(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text", ["وكان المحافظ أكثر حذراً بشأن التوقعات.", "ويحق لكل مواطن (ذكراً أو أنثى) التصويت.",
                                  "وأصدر النادي بياناً تضمن نفياً قاطعاً للخبر."])
def test_the_letters_of_a_verb_with_tanween_are_a_noun(text):
    assert not any(a.cue.text in ("حذراً", "ذكراً", "نفياً") for a in audit_text(text, score=False).attributions)


@pytest.mark.parametrize("text, expected", [
    ("وقال مسؤول تركي إن الطائرة سقطت قرب الحدود.", ("وقال", "مسؤول تركي", "official_unnamed")),
    ("وقال الناطق باسم وزارة الخارجية «جون ماركس» إن المحادثات مستمرة.",
     ("وقال", "الناطق باسم وزارة الخارجية «جون ماركس»", "named_person")),
    ("وأكدت جماهير النادي أن الفريق يستحق الفوز.", ("وأكدت", "جماهير", "vague")),
])
def test_turkish_is_no_name_quoted_names_after_titles_and_fans(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("وعلمت «عكاظ» من مصادرها الخاصة أن الوزير سيزور المنطقة.", ("وعلمت", "مصادرها الخاصة", "anonymous")),
    ("وعلمت «عكاظ» من مصدر أمني أن المتهمين اعترفوا.", ("وعلمت", "مصدر أمني", "official_unnamed")),
    ("وقالت صحيفة «الأفق» من جهتها إن الوفد غادر.", ("وقالت", "صحيفة «الأفق»", "named_media")),
])
def test_what_a_paper_learned_from_a_source_is_that_sources(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("وكشف الجهاز المركزي للتعبئة العامة والإحصاء أن السياحة ارتفعت.",
     ("وكشف", "الجهاز المركزي للتعبئة العامة والإحصاء", "named_org")),
    ("وقال مصدر أمني لـ«عكاظ» إن المتهمين اعترفوا.", ("لـ«عكاظ»", "مصدر أمني", "official_unnamed")),
])
def test_agencies_called_jihaz_and_told_forms_with_their_closing_mark(text, expected):
    assert expected in _links(text)


@pytest.mark.parametrize("text, expected", [
    ("وهو الأمر الذي نفته الجامعة في بيان مقتضب.", ("نفته", "الجامعة", "official_unnamed")),
    ("في ما وصفه وزير الداخلية سامي العتيبي بأنه اعتداء صريح.",
     ("وصفه", "وزير الداخلية سامي العتيبي", "named_person")),
    ("وهي الرواية التي أوردتها وسائل إعلام محلية صباح اليوم.", ("أوردتها", "وسائل إعلام محلية", "vague")),
])
def test_a_verb_with_its_object_attached_reports_when_its_subject_follows(text, expected):
    assert expected in _links(text)


@pytest.mark.parametrize("text", [
    "وتم نقله إلى المستشفى لتلقي العلاج.",
    "والجدير ذكره أن الحادث وقع فجر الأحد.",
    "وقدم الشاهد إفادة مطولة. وجاءت إفادة الشاهد متناقضة.",
    "وعادة ما يتم وصف علاجات معينة لآلام الظهر.",
])
def test_nouns_that_share_a_verbs_letters_are_no_cues(text):
    assert _links(text) == []


def test_a_subject_takes_no_preposition():
    links = _links("وأعلنت الوزارة استدعاء سفيرها بعد ما وصفته ببيانات معادية. وأضاف المتحدث أن القرار نهائي.")
    assert not any(source and "بيانات" in source for _, source, _ in links)


@pytest.mark.parametrize("text, expected", [
    ("قال الكاتب والباحث السياسي خالد المنصوري، في تغريدة، إن الانتخابات ستؤجل.",
     [("قال", "الكاتب والباحث السياسي خالد المنصوري", "named_person")]),
    ("وتقول الدوائر القانونية إن القرار قابل للطعن.", [("وتقول", "الدوائر القانونية", "anonymous")]),
    ("وتابع أبو سامي: «سنواصل العمل حتى النهاية».", [("وتابع", "أبو سامي", "named_person")]),
])
def test_two_titles_of_one_person_legal_circles_and_a_kunya_going_on(text, expected):
    assert _links(text) == expected


def test_a_quotation_opening_with_a_papers_name_is_no_dateline():
    # «اليوم» is also the newspaper Al-Yaum: after «وتابع:» it opens the quotation, the mark is not closed.
    result = audit_text('وتابع: "اليوم تواجه أي دولة تعتدي علينا سؤالاً واحداً".', score=False)
    assert [a.cue.text for a in result.attributions] == ["وتابع"]
    assert result.provenance == ()


def test_told_form_with_a_right_to_left_closing_mark_as_opener():
    links = _links("وأكدت مصادر مطلعة في تصريحات خاصة لـ”المرصد”، أن المدرب سيجدد عقده.")
    assert [label for _, label in _found("وأكدت مصادر مطلعة في تصريحات خاصة لـ”المرصد”، أن المدرب سيجدد عقده.",
                                         "cue")] == ["endorsing", "told"]
    assert links[1][1] == "مصادر مطلعة"


@pytest.mark.parametrize("text, expected", [
    ("جاء ذلك في تصريح صحفي للحركة، أكدت فيه أن الحصار يجب أن ينتهي.", None),
    ("وتراجع المؤشر متأثراً بمسح رسمي أظهر ركوداً في القطاع الصناعي.", "مسح رسمي"),
])
def test_before_a_verb_a_phrase_with_a_preposition_speaks_only_as_a_document(text, expected):
    assert _links(text)[0][1] == expected


@pytest.mark.parametrize("text, expected", [
    ("أكد فان بيرسي أن الفريق سيعود أقوى.", ("أكد", "فان بيرسي", "named_person")),
    ("وقال المدرب الهولندي رونالد فان دايك إن اللاعبين جاهزون.",
     ("وقال", "المدرب الهولندي رونالد فان دايك", "named_person")),
])
def test_the_dutch_particle_fan_is_part_of_a_name_not_fa_inna(text, expected):
    assert _links(text)[0] == expected


def test_fa_inna_still_ends_a_phrase():
    assert _links("وقال الوزير إن المشروع تأخر، ولذلك فإن الوزارة ستعيد الجدولة.") == \
        [("وقال", "الوزير", "official_unnamed")]


@pytest.mark.parametrize("text, expected", [
    ("وقال ماتياس كرامر رئيس قسم الأبحاث في البنك إن الأسعار ستتراجع.",
     ("وقال", "ماتياس كرامر رئيس قسم الأبحاث", "named_person")),
    ("ووصفها مات هولدن رئيس اللجنة الأولمبية بأنها مخيبة.", ("ووصفها", "مات هولدن رئيس اللجنة الأولمبية", "named_person")),
])
def test_a_foreign_name_then_its_title_without_a_comma(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text", [
    "وأعلنت مدينة الأمير سلطان الطبية عن فتح باب القبول.",
    "جاء ذلك في تصريح لفضيلة وكيل الوزارة الدكتور سامي الحربي، أكد فيه أن المساجد جاهزة.",
])
def test_nouns_before_a_title_are_not_a_name(text):
    assert not any(source and source.startswith(("مدينة", "تصريح")) and kind == "named_person"
                   for _, source, kind in _links(text))


@pytest.mark.parametrize("text, expected", [
    ("وعبّر وزير الخارجية سامي العتيبي عن قلقه من التصعيد.", ("وعبّر", "وزير الخارجية سامي العتيبي", "named_person")),
    ("وأبلغ مصدر أمني الصحيفة أن التحقيق مستمر.", ("وأبلغ", "مصدر أمني", "official_unnamed")),
    ("فأخبرهم المدير أن الموعد تأجل.", ("فأخبرهم", "المدير", "official_unnamed")),
    ("وهذا ما أشار إليه الوزير في كلمته أمام المجلس.", ("أشار", "الوزير", "official_unnamed")),
])
def test_expressed_informed_told_and_what_the_minister_pointed_to(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text", [
    "وانتقل الوفد عبر الحدود بحثاً عن عمل.",
    "ويبلغ عدد السكان مليون نسمة.",
])
def test_via_and_amounts_to_are_no_cues(text):
    assert _links(text) == []


@pytest.mark.parametrize("text, expected", [
    ("وأوضح المتحدث أن الهند اتهمت باكستان بالوقوف وراء الهجوم.", ("اتهمت", "الهند", "country_or_government")),
    ("وذكرت وسائل إعلام محلية أن طهران أبلغت الوكالة الدولية للطاقة الذرية استعدادها.",
     ("أبلغت", "طهران", "country_or_government")),
])
def test_after_anna_the_subject_comes_before_the_verb_and_the_object_after(text, expected):
    assert expected in _links(text)


@pytest.mark.parametrize("text", [
    "وواصلت المنظمة جهودها في حث المجتمع الدولي على التضامن.",
    "وأدى ضيق المساحة إلى نقل المباراة إلى ملعب آخر.",
])
def test_after_a_preposition_the_letters_of_a_verb_are_a_verbal_noun(text):
    assert _links(text) == []


def test_in_the_opinion_of_names_whose_opinion():
    assert _links("ويعد القرار في رأي الكثير من المراقبين خطوة متأخرة.") == \
        [("في رأي", "الكثير من المراقبين", "vague")]


@pytest.mark.parametrize("text, expected", [
    ("يدعو الجنرال خالد المنصوري إلى ضبط النفس.", ("يدعو", "الجنرال خالد المنصوري", "named_person")),
    ("وهو ما قالوه الشهود للشرطة.", ("قالوه", "الشهود", "anonymous")),
])
def test_a_singular_verb_in_waw_is_no_plural_and_qaluhu_is(text, expected):
    assert _links(text)[0] == expected


def test_site_footer_with_its_headline_is_furniture_not_a_claim():
    text = ("وقال المتحدث باسم الدفاع المدني إن الفرق أخمدت الحريق. رابط الخبر بصحيفة الوئام: إخماد حريق "
            "في مستودع بجدة وإجلاء 40 عاملاً")
    result = audit_text(text, score=False)
    assert [f.label for f in result.findings if f.category == "boilerplate"] == ["related_link"]
    assert [f for f in result.findings if f.category == "unattributed_claim"] == []


@pytest.mark.parametrize("text", [
    "وشهدت المدينة موجة نزوح مماثلة إبان الحرب الأهلية.",     # «إبان» (during) is not «أبان» (stated)
    "وتعرض الموقع للتخريب ابان الطفرة النفطية الأولى.",
    "ويتيح الجهاز قراءة الرسائل بشكل أوضح من قبل.",
    "وغاب اللاعب عن التدريب لإجراء كشف طبي روتيني.",
])
def test_look_alikes_of_reporting_verbs_are_not_cues(text):
    assert _found(text, "cue") == []


def test_qad_before_past_verbs_that_begin_like_an_imperfect():
    assert _found("وكان السائق قد نجا من الحادث، وكان الركاب قد ناموا في العراء.", "hedge") == []


def test_some_diplomats_and_the_diplomats_are_speakers():
    assert ("وقال", "بعض الدبلوماسيين", "official_unnamed") in _links("وقال بعض الدبلوماسيين إن التصويت تأجل.")
    assert ("وأفاد", "الدبلوماسيون", "official_unnamed") in _links("وأفاد الدبلوماسيون بأن الجلسة انتهت.")


def test_a_technology_company_without_sharika_is_a_named_organization():
    assert _links("وأعلنت تويتر الأربعاء عن خدمة جديدة لمستخدميها.") == [("وأعلنت", "تويتر", "named_org")]


@pytest.mark.parametrize("text", [
    "وأصدر الباحث كتاباً بعنوان «أسرار الخط العربي في المخطوطات القديمة» العام الماضي.",
    "وزار الوفد مشروع «واحة المعرفة للطفل» في الخبر.",
    "وشارك في البطولة لاعبون من «باكستان، أفغانستان، الهند، بنجلاديش».",
])
def test_a_quoted_title_or_list_is_not_someones_words(text):
    assert _found(text, "quote") == []


def test_a_quotation_after_a_colon_or_long_enough_is_still_a_quote():
    assert _found("وقال الوزير: «المشروع سيكتمل في موعده المحدد».", "quote") == [
        ("المشروع سيكتمل في موعده المحدد", "attributed")]


@pytest.mark.parametrize("text", [
    "قال تعالى: {وَتَعَاوَنُوا عَلَى الْبِرِّ وَالتَّقْوَى}، وهذا أصل العمل الخيري.",
    "ويقول الله عز وجل في محكم التنزيل: {إِنَّ اللَّهَ يَأْمُرُ بِالْعَدْلِ}.",
    "وقال رسول الله صلى الله عليه وسلم: «الدين النصيحة».",
])
def test_scripture_quoted_in_a_column_is_no_source(text):
    result = audit_text(text, score=False)
    assert result.attributions == () and result.sources == ()


def test_verbs_inside_a_verse_in_braces_belong_to_the_verse():
    text = "قال تعالى: {قَالُوا سَمِعْنَا وَأَطَعْنَا}، فالطاعة أساس الجماعة."
    assert _found(text, "cue") == []
    assert [label for _, label in _found(text, "quote")] == ["unattributed"]


def test_a_text_reproduced_after_its_text_follows_is_the_named_document():
    text = ("وصدر عن وزارة الداخلية بيان حول الحادث فيما يلي نصه: تمكنت الجهات الأمنية من القبض على المتهمين.\n"
            "وبعث الأمير برقية إلى رئيس النادي، هذا نصها: نهنئكم بالفوز بالبطولة.")
    assert _links(text) == [("فيما يلي نصه", "بيان", "document"), ("هذا نصها", "برقية", "document")]


def test_its_text_follows_with_no_document_before_it_cites_nothing():
    assert _links("وتحدث المدرب إلى اللاعبين فيما يلي نصه: لا تستسلموا.") == [("وتحدث", "المدرب", "official_unnamed")]


@pytest.mark.parametrize("text, expected", [
    ("وأعلنت مدينة الملك فهد الطبية عن افتتاح عيادة جديدة.", ("وأعلنت", "مدينة الملك فهد الطبية", "named_org")),
    ("وقال عالم الفلك في المرصد خالد الزعاق إن الظاهرة نادرة.",
     ("وقال", "عالم الفلك في المرصد خالد الزعاق", "named_person")),
    ("وقال حاكم الولاية أحمد فينتيري إن المياه انحسرت.", ("وقال", "حاكم الولاية أحمد فينتيري", "named_person")),
    ("وأكد قيادي في الحزب أن الانتخابات ستجرى في موعدها.", ("وأكد", "قيادي", "official_unnamed")),
])
def test_institution_cities_scientists_governors_and_party_leaders(text, expected):
    assert expected in _links(text)


def test_a_city_named_after_the_king_is_a_place_when_no_one_speaks():
    assert _links("وتقع مدينة الملك عبدالله الاقتصادية شمال جدة.") == []


@pytest.mark.parametrize("text, expected", [
    ("وكرر المتحدث باسم الشرطة أن التحقيقات ما زالت جارية.", ("وكرر", "المتحدث باسم الشرطة", "official_unnamed")),
    ("ولاحظ الباحثون أن المشاركين ناموا أقل.", ("ولاحظ", "الباحثون", "vague")),
    ("وتوصلت دراسة جامعة الملك سعود إلى أن الحوادث تراجعت.",
     ("وتوصلت", "دراسة جامعة الملك سعود", "document")),
    ("وعبر وزير الخارجية عن خالص تعازيه لأسر الضحايا.", ("وعبر", "وزير الخارجية", "official_unnamed")),
    ("ويقول علماء النفس إن العزلة تضر بالأطفال.", ("ويقول", "علماء النفس", "vague")),
])
def test_verbs_that_report_only_before_what_was_said_and_more_collectives(text, expected):
    assert expected in _links(text)


@pytest.mark.parametrize("text", [
    "وزاد الإنفاق الحكومي بنسبة عشرة في المئة.",
    "وشرح المعلم الدرس للطلاب بطريقة مبسطة.",
    "وأجاب الطالب عن أسئلة الامتحان كلها.",
    "ويشرح لها المحقق الإجراءات خاصة أن زوجها معها.",
])
def test_the_same_verbs_with_no_clause_report_nothing(text):
    assert _found(text, "cue") == []


@pytest.mark.parametrize("text, expected", [
    ("وتوقع الوزير انخفاض أسعار الديزل الشهر المقبل.", ("وتوقع", "الوزير", "official_unnamed")),
    ("وقدم مدرب الفريق شكره للاعبين، مؤكداً أن الفوز مستحق.", ("مؤكداً", "مدرب الفريق", "official_unnamed")),
])
def test_a_definite_title_ends_before_what_the_speaker_did(text, expected):
    assert expected in _links(text)


def test_a_definite_title_still_takes_an_unlisted_name():
    assert ("وقال", "العميد طماح الحربي", "named_person") in _links("وقال العميد طماح الحربي إن الطريق آمن.")


@pytest.mark.parametrize("text", [
    'وظل المشجعون يهتفون "السهلاوي" نسبة إلى مهاجم فريقهم.',
    "ويذهب رأي ثالث إلى أن الأفضل التريث في إصدار الأحكام.",
    "وتعرض المقال لانتقادات حادة بسبب موقفه تجاه رأي الشيخ في المسألة.",
])
def test_named_after_and_the_noun_opinion_are_no_cues(text):
    assert [t for t, _ in _found(text, "cue") if t in ("نسبة إلى", "رأي")] == []


def test_the_verb_saw_with_diacritics_is_still_a_cue():
    assert ("وتَرَى", "الحكومة", "country_or_government") in _links("وتَرَى الحكومة أن الاتفاق متوازن.")


def test_without_hesitation_referred_to_as_and_past_plurals_after_qad():
    assert _found("ووافق اللاعب بلا تردد على العرض.", "agentless") == []
    assert _found("وهي الهجمات التي يشار إليها أيضا بالذئاب المنفردة.", "agentless") == []
    assert _found("وكان المسلحون قد تسللوا إلى الموقع ليلاً.", "hedge") == []


def test_according_to_the_statements_of_someone_is_that_someone():
    assert _links("وبحسب تصريحات الوزير فإن المشروع سيكتمل العام المقبل.") == [
        ("وبحسب", "الوزير", "official_unnamed")]


@pytest.mark.parametrize("text", [
    "وارتفعت الأسعار في يوليو، ويشير ارتفاع نشاط قطاع الخدمات إلى تحسن الاقتصاد.",
    "وقال المحلل سامي العلي إن السوق متماسكة. ويشير انخفاض الطلب على الوقود إلى تباطؤ.",
])
def test_what_a_thing_indicates_continues_no_ones_speech(text):
    assert [cue for cue, _, _ in _links(text) if "شير" in cue] == []


def test_he_points_out_still_continues_the_speaker():
    links = _links("وقال المحلل سامي العلي إن السوق متماسكة. ويشير إلى أن الطلب قوي.")
    assert ("ويشير", "المحلل سامي العلي", "named_person") in links


def test_the_passive_one_wonders_is_no_cue():
    assert [t for t, _ in _found("تُرى من هؤلاء الذين يكتبون التاريخ؟", "cue") if "رى" in t] == []


def test_a_feminine_continuation_skips_a_man_for_the_latest_source_it_agrees_with():
    text = ("وقالت الوزيرة سارة العلي إن الخطة جاهزة. وقال مدير المشروع خالد الحربي إن العمل بدأ. "
            "وأضافت أن التمويل متوفر.")
    assert _links(text)[-1] == ("وأضافت", "الوزيرة سارة العلي", "named_person")


def test_a_verb_listed_by_its_forms_agrees_in_gender_too():
    # «يتحدث/تتحدث» is listed form by form (its past «تحدث» also means "happens"); its gender still counts.
    text = "وقدّم العرض المخرج فهد السالم، وتتحدث المشاهد عن تاريخ المنطقة."
    assert [(cue, source) for cue, source, _ in _links(text)] in ([], [("وتتحدث", None)])


def test_a_masculine_title_does_not_make_a_woman_a_man():
    text = "وأكدت رئيس اللجنة أميمة عزوز أن الحملة نجحت. وأضافت أن التبرعات زادت."
    assert _links(text)[-1] == ("وأضافت", "رئيس اللجنة أميمة عزوز", "named_person")


def test_gulf_womens_names_open_a_name():
    assert _links("وتؤكد نوف اليحيى أن القانون يحمي الموظفات.") == [("وتؤكد", "نوف اليحيى", "named_person")]


def test_one_of_the_members_of_parliament_and_singers():
    assert ("بحسب ما أعلن", "النواب", "official_unnamed") in _links(
        "وأيد المجلس النص، بحسب ما أعلن أحد النواب، لكن العدد يظل أدنى من المطلوب.")
    assert ("وقالت", "المغنية اللبنانية هبة طوجي", "named_person") in _links(
        "وقالت المغنية اللبنانية هبة طوجي إن الحفل سيقام في بيروت.")


def test_first_person_words_in_reported_speech_are_the_speakers_not_the_writers():
    reported = audit_text("ويرى عضو الشورى السابق سعد العتيبي بأن علينا جميعاً أن نكون يقظين.", score=False)
    own = audit_text("علينا جميعاً أن نكون يقظين، فالخطر قريب.", score=False)
    assert reported.metrics["writer_voice_per_100_words"] == 0
    assert own.metrics["writer_voice_per_100_words"] > 0


def test_a_group_named_in_quotation_marks_after_tanzim():
    assert _links("وأعلن تنظيم “داعش” مسؤوليته عن الهجوم.") == [("وأعلن", "تنظيم “داعش”", "named_org")]
    assert _found("وأكد نجاح تنظيم البطولة أن الاستعدادات اكتملت.", "source") == []


def test_a_group_named_in_brackets_after_tanzim():
    assert _links("وأعلن تنظيم (داعش) مسؤوليته عن التفجير.") == [("وأعلن", "تنظيم (داعش)", "named_org")]


def test_an_age_closes_a_name():
    assert _links("وقال المهاجم بوريس كاتالي البالغ من العمر 24 عاما إنه سعيد بالانتقال.")[0][1] == \
        "المهاجم بوريس كاتالي"
    assert _links("وقال كاتالي البالغ من العمر 27 عاماً «سعيد بالانتقال».") == [("وقال", "كاتالي", "named_person")]


def test_ali_after_a_title_is_a_name_when_one_name_word_closes_the_phrase():
    assert _links("وقال شيخ القبيلة علي غريب: إن الطريق ضروري للأهالي.") == \
        [("وقال", "شيخ القبيلة علي غريب", "named_person")]
    # «علي» written for the preposition «على», before its noun.
    assert _links("وشدد المدير علي الالتزام بالمواعيد، مؤكدا أن الخطة جاهزة.")[0][1] == "المدير"
    assert _links("وقال المدير علي هامش المؤتمر إن الخطة جاهزة.")[0][1] == "المدير"


def test_a_verbal_noun_after_a_preposition_is_not_a_name():
    assert _links("وطالب المدرب اللاعبين بإجراء تدريبات إضافية.")[0][2] != "named_person"


def test_said_with_the_calm_of_a_judge_names_no_judge():
    links = _links("وسألته عن الموعد. وقال المحامي سالم الكندي إن الجلسة غدا. ثم قال بهدوء القاضي: «لا تقلق».")
    assert links[-1][:2] == ("قال", "المحامي سالم الكندي")


def test_what_a_named_speaker_did_ends_the_name():
    text = ("وقال وزير الخارجية الألماني فرانك شتاينماير إن الزيارة مهمة. "
            "وأكد شتاينماير تفهمه لمخاوف دول الخليج من الاتفاق.")
    last = audit_text(text, score=False).attributions[-1]
    assert (last.cue.text, last.source.text, last.carried) == ("وأكد", "شتاينماير", False)
    # Unknown words before such a noun name someone only if the article names them elsewhere.
    assert _links("وأعلنت الحكومة أمس استدعاء سفيرها للتشاور. كما أعلنت استدعاء سفيرها لدى الدوحة.")[-1][1] != \
        "استدعاء"


def test_the_antecedent_of_a_relative_clause_is_its_speaker():
    assert _links("واستمع الحضور إلى كلمة رئيس الوزراء الذي قال إن الحكومة ماضية في الإصلاح.") == \
        [("قال", "رئيس الوزراء", "official_unnamed")]
    assert _links("وهو ما يعني أن واشنطن التي أعلنت مقتله لم تقدم دليلا.")[0][:2] == ("أعلنت", "واشنطن")


def test_a_pronoun_after_the_verb_makes_the_antecedent_its_object():
    # «الذي كشف عنه البيان»: the project is what the statement disclosed.
    assert _links("ويبدو أن مشروع الشراكة الذي كشف عنه البيان المشترك واقعي.")[0][1] != "مشروع الشراكة"


def test_a_place_may_stand_between_a_subject_and_qad():
    assert _links("وكانت مصادر أمنية في المكلا قد أفادت بأن القوات تقدمت.") == \
        [("أفادت", "مصادر أمنية", "anonymous")]


def _source_names(text: str) -> list[str]:
    return [s.name for s in audit_text(text, score=False).sources]


def test_unnamed_sources_described_differently_are_different_sources():
    assert _source_names("وذكرت وسائل إعلام بريطانية أن الطائرة سقطت. "
                         "ونقلت وسائل إعلام سعودية عن الشركة أن الركاب نجوا.")[:2] == \
        ["وسائل إعلام بريطانية", "وسائل إعلام سعودية"]
    assert len(_source_names("وقال مصدر مطلع إن القرار صدر. وأكد مصدر مطلع آخر أن التنفيذ يبدأ غدا.")) == 2


def test_a_definite_unnamed_source_refers_back_to_the_one_described():
    text = ("وقال مسؤول أمريكي كبير إن الاتفاق قريب. وأضاف المسؤول الأمريكي أن الجولة المقبلة حاسمة. "
            "وذكرت مصادر أمنية أن الحدود هادئة. وأكدت المصادر الأمنية أن الدوريات مستمرة.")
    sources = audit_text(text, score=False).sources
    assert [(s.type, s.attributions) for s in sources] == [("official_unnamed", 2), ("anonymous", 2)]


def test_relatives_speak_as_anonymous_private_people():
    assert _links("ومن بلدته، ناشد والد الرهينة الخاطفين إطلاق سراحه. وقال والد الرهينة إن ابنه مهندس.")[-1] == \
        ("وقال", "والد الرهينة", "anonymous")
    assert _links("وقالت والدته إنه كان يستعد للعودة.") == [("وقالت", "والدته", "anonymous")]
    assert _links("وقال شقيقه خالد المهنا إن العائلة تنتظر.") == [("وقال", "شقيقه خالد المهنا", "named_person")]
    # A relative is named by whose relative they are; what follows is the verb's.
    assert _links("وأكدت والدتها توقف التنفس قبل الوصول.") == [("وأكدت", "والدتها", "anonymous")]


def test_a_continuation_agrees_with_a_relatives_gender():
    links = _links("وقال والده إن ابنه بطل. وأضافت أن العائلة فخورة.")
    assert links[-1][:2] == ("وأضافت", None)
    assert _links("وقالت والدته إن ابنها بطل. وأضافت أن العائلة فخورة.")[-1][:2] == ("وأضافت", "والدته")


def test_what_follows_a_titled_name_is_not_part_of_it():
    # An accusative after a title, a plural in construct after a name, a preposition and its noun in «ة».
    assert _links("وأصدر مدير جامعة “وادي النخيل” بياناً أعرب فيه عن حزنه.")[0][1] == "مدير جامعة “وادي النخيل”"
    assert _links("وحث رئيس النادي الأمير خالد بن سعد لاعبي الفريق على الجدية.")[0][1] == \
        "رئيس النادي الأمير خالد بن سعد"
    assert _links("وأشاد الأمين العام للاتحاد وسام فتوح بقوة المصارف الخليجية.")[0][1] == \
        "الأمين العام للاتحاد وسام فتوح"
    # «وسام» is a given name, not «و» + «سام»; «باسلمة» is a family name.
    assert _links("وقال وزير النقل بدر باسلمة إن الميناء يعمل.")[0][1] == "وزير النقل بدر باسلمة"


def test_a_definite_verbal_noun_after_a_name_is_what_was_done():
    assert _links("وأعلن وزير العدل محمد صالح بن عيسى الإفراج عن المعتقلين.")[0][1] == \
        "وزير العدل محمد صالح بن عيسى"
    assert _links("وقال سيف الإسلام القذافي إن الوضع صعب.")[0][1] == "سيف الإسلام القذافي"


def _quotes(text: str) -> list[str]:
    return [f.text for f in audit_text(text, score=False).findings if f.category == "quote"]


def test_a_quoted_name_after_its_head_noun_is_no_quotation():
    assert _quotes('وأعلنت شركة "واحة الشمال لتجارة الأخشاب" افتتاح فرعها الجديد.') == []
    # After a definite head, the quotation is what the body said.
    assert _quotes("وقالت متحدثة باسم الوزارة إن الوزارة «لا تعلق على التكهنات الإعلامية».") == \
        ["لا تعلق على التكهنات الإعلامية"]


def test_according_to_him_with_a_pronoun():
    links = _links("وقال الخبير سامي العلي إن السوق متماسكة. وبحسبه، فإن الطلب سيرتفع.")
    assert links[-1] == ("وبحسبه", "الخبير سامي العلي", "named_person")


def test_one_of_a_group_is_an_anonymous_speaker():
    assert _links("واعتبر أحد المدونين أن القرار خاطئ.") == [("واعتبر", "أحد المدونين", "anonymous")]


def test_a_prayer_for_someone_is_no_call():
    assert _links("وهنأ الوزير الحضور بالعيد داعياً لهم بالتوفيق.") == []
    assert _links("ودعا الوزير المواطنين إلى الحذر.") == [("ودعا", "الوزير", "official_unnamed")]


def test_military_ranks_are_titles():
    assert _links("ويؤكد الرقيب نسيب أن الدورية وصلت.") == [("ويؤكد", "الرقيب نسيب", "named_person")]


def test_a_title_set_after_a_name_resolves_later_to_that_name():
    text = ("وقال عبدالله التركي الأمين العام للرابطة إن المؤتمر ناجح. "
            "وأكد الأمين العام للرابطة أن المشاركة واسعة.")
    assert _links(text)[-1][2] == "named_person"


def test_a_plural_of_people_that_speaks_is_a_vague_collective():
    assert _links("وقال زوار المعرض إن التنظيم جيد.") == [("وقال", "زوار المعرض", "vague")]
    # After «دعا» the people are whom the speaker called on.
    assert [source for _, source, _ in _links("ودعا زوار المهرجان إلى الالتزام بالتعليمات.")] == [None]


def test_expressed_concern_about_a_feeling_word():
    assert _links("وعبّر البيان عن قلق الحكومة من التصعيد.") == [("وعبّر", "البيان", "document")]


def test_private_people_are_named_or_anonymous_not_officials():
    assert _links("وقالت الطالبة إيمان القحطاني إن الاختبار كان صعباً.") == \
        [("وقالت", "الطالبة إيمان القحطاني", "named_person")]
    assert _links("وقال المزارع إن المحصول تضرر من البرد.") == [("وقال", "المزارع", "anonymous")]


def test_a_name_after_whose_relative_is_not_the_relatives():
    assert _links("وقال والد الشهيد فهد القرني إن ابنه كان بطلاً.") == [("وقال", "والد الشهيد", "anonymous")]


def test_a_participle_after_an_accusative_noun_is_its_adjective():
    assert _links("ودفعت الشركة مبلغاً معتبراً للدولة.") == []
    links = _links("وأكد الوزير أيضاً مشيراً إلى أن التنفيذ يبدأ غداً.")
    assert [cue for cue, _, _ in links] == ["وأكد", "مشيراً"]


def test_one_telling_is_one_told_cue():
    links = _links("وقال المدرب سامي الجابر في حديثه لصحيفة «الرياض» إن الفريق جاهز.")
    assert [cue for cue, _, _ in links] == ["وقال", "في حديثه ل"]


def test_a_source_after_lam_and_a_contracted_article_is_the_same_source():
    # «للتقرير» is ل + التقرير with the article's alef dropped: one report, cited twice.
    text = ("وأصدرت الهيئة العامة للإحصاء التقرير الفصلي أمس. ووفقا للتقرير ارتفع عدد العاملين 4%. "
            "وأشار التقرير إلى أن البطالة تراجعت.")
    sources = audit_text(text, score=False).sources
    assert [(s.type, s.attributions) for s in sources] == [("document", 2)]
    # ... and it keeps its preposition: «لإدارة النادي» is whom a letter went to, not who explains; the one
    # who sent the letter explains in it.
    assert _links("وبعث وكيل المهاجم خطابا لإدارة النادي يوضح فيه رغبته في الرحيل.") == \
        [("يوضح", "وكيل المهاجم", "official_unnamed")]


def test_a_title_goes_on_through_ala_to_a_name():
    assert _links("وأوضح المشرف على المهرجان الشتوي الدكتور سامي العتيبي أن الزوار تجاوزوا الألف.") == \
        [("وأوضح", "المشرف على المهرجان الشتوي الدكتور سامي العتيبي", "named_person")]
    assert _links("وأكد المشرف على المشروع أن العمل مستمر.") == [("وأكد", "المشرف", "official_unnamed")]


def test_a_specialist_in_a_field_is_a_title_before_a_name():
    assert _links("وقال المتخصص في الاقتصاد الزراعي ماجد الحربي إن المحصول تراجع.") == \
        [("وقال", "المتخصص في الاقتصاد الزراعي ماجد الحربي", "named_person")]
    # Without its field the word is an adjective of the noun before it.
    assert _links("وأحالت الشرطة الملف إلى القسم المختص مشيرة إلى أن التحقيق مستمر.")[0][1] != "المختص"


def test_ali_before_a_given_name_is_a_name_not_the_preposition():
    names = [s.name for s in audit_text("وقال الدكتور علي حسن الشمري إن الدراسة اكتملت. "
                                        "وأضاف الدكتور الشمري أن النتائج تنشر قريبا.", score=False).sources]
    assert names == ["الدكتور علي حسن الشمري"]


def test_caught_my_attention_is_the_writer_looking():
    assert _links("لفت انتباهي طفل يبيع الماء عند الإشارة.") == []
    assert _links("ولفت نظري تعليق الوزير على الحادثة.") == []


def test_an_agency_named_in_brackets_or_by_its_news_is_an_outlet():
    assert _links("ونقلت وكالة (تسنيم) الإيرانية عن مسؤول أن الوفد وصل.")[0][2] == "named_media"
    assert _links("وذكرت وكالة «أنباء فارس» أن الوفد وصل.")[0][2] == "named_media"
    assert _links("وذكرت وكالة «موديز» أن التصنيف مستقر.")[0][2] == "named_org"


def test_an_indefinite_plural_of_people_is_a_vague_collective_not_a_name():
    assert _links("وقال مراقبون غربيون إن المحادثات تعثرت.") == [("وقال", "مراقبون غربيون", "vague")]
    assert _links("وقال متطوعون إن المياه غمرت الشوارع.") == [("وقال", "متطوعون", "vague")]
    assert _links("وقال بوتين للصحفيين إن المحادثات تعثرت.")[0][1:] == ("بوتين", "named_person")


def test_the_elative_ablagh_reports_nothing():
    assert _links("وكان لمبادرة الجمعية أبلغ الأثر في نفوس الأطفال.") == []
    assert _links("وأحياناً يكون السكوت أبلغ من الكلام.") == []
    assert _links("وأبلغ المتحدث الصحفيين أن الاجتماع تأجل.")[0][:2] == ("وأبلغ", "المتحدث")


def test_taba_with_its_subject_before_what_was_said():
    assert _links("وذكرت صحيفة «الغد» أن الطائرة هبطت. وتابعت الصحيفة أن الركاب بخير.")[-1] == \
        ("وتابعت", "الصحيفة", "named_media")
    assert _links("وتابع الجمهور المباراة حتى النهاية.") == []


def test_justified_relayed_and_expressed_by_collectives():
    assert _links("وبرر سائقو الأجرة رفع الأسعار بالزحام.") == [("وبرر", "سائقو الأجرة", "vague")]
    assert _links("وهو الخبر الذي تناقلته وكالات الأنباء أمس.") == [("تناقلته", "وكالات الأنباء", "vague")]
    assert _links("وعبر ذوو الضحيتين سالم وفهد، عن شكرهم للمتبرعين.")[0][2] == "vague"


def test_a_verbal_noun_after_a_given_name_is_what_he_did():
    assert _links("وأعلن المدير العام سامي الحربي تدشين المشروع.")[0][1] == "المدير العام سامي الحربي"
    assert _links("وأعلن قائد الفريق خالد سعد تحرير الرهائن.")[0][1] == "قائد الفريق خالد سعد"


def test_an_unknown_first_name_before_a_known_one_belongs_to_the_name():
    links = _links("وقالت دانيلا بيل إن المساعدات وصلت. وأضافت \" لن نتوقف عن العمل \".")
    assert links == [("وقالت", "دانيلا بيل", "named_person"), ("وأضافت", "دانيلا بيل", "named_person")]


def test_ali_after_a_place_in_a_title_is_the_holders_name():
    assert _links("وقال المتحدث باسم اللجنة في تعز علي السقاف، إن القوافل وصلت.") == \
        [("وقال", "المتحدث باسم اللجنة في تعز علي السقاف", "named_person")]


def test_stating_that_and_the_adjective_useful():
    assert _links("وأوضح المدير أن الحملة مستمرة، مفيداً بأن الفرق جاهزة.")[-1][:2] == ("مفيداً", "المدير")
    assert _links("وكان الاجتماع مفيداً للطرفين.") == []


def test_an_unknown_name_before_ila_anna_is_the_speaker():
    assert _links("وأشار هندرسون إلى أن الفريق جاهز للمباراة.") == [("وأشار", "هندرسون", "named_person")]
    assert _links("وشدد كوفمان على أن المفاوضات مستمرة.")[0][1:] == ("كوفمان", "named_person")


def test_a_place_may_stand_between_a_subject_and_its_verb():
    assert _links("وكانت القنصلية البريطانية في دبي أعلنت أن المكتب يغلق اليوم.") == \
        [("أعلنت", "القنصلية البريطانية", "named_org")]


def test_a_quoted_kunya_is_a_person():
    assert _links("وتقول \"أم خالد\" إن المحصول تضاعف هذا العام.") == [("وتقول", "أم خالد", "named_person")]


def test_a_feminine_participle_after_an_indefinite_feminine_noun_is_its_adjective():
    assert _links("وتلقت الشرطة معلومات مؤكدة عن موقع المطلوبين.") == []
    assert _links("وأشادت الوزارة بالخطوة، مؤكدة أن العمل مستمر.")[-1][:2] == ("مؤكدة", "الوزارة")


def test_what_a_body_welcomed_is_not_part_of_its_name():
    assert _links("ورحبت الوزارة بالقرار مؤكدة أنه يخدم السوق.")[0][1] == "الوزارة"


def test_one_of_them_the_attendees_and_a_general_speak():
    assert _links("وقال أحدهم إن الحافلة تأخرت ساعتين.") == [("وقال", "أحدهم", "anonymous")]
    assert _links("وأثنى الحضور على تنظيم الأمسية.") == [("وأثنى", "الحضور", "vague")]
    assert _links("وقال جنرال في الجيش إن الوحدات انسحبت.")[0][1:] == ("جنرال", "official_unnamed")


def test_one_might_say_is_the_writer_not_a_source():
    assert _links("وقد يقول قائل إن الوقت تأخر على الإصلاح.") == []


def test_qad_before_a_past_verb_in_n_or_t_is_no_hedge():
    assert _found("وقد نتجت الأزمة عن الجفاف الطويل.", "hedge") == []
    assert _found("وكان قد تتلمذ على يد والده.", "hedge") == []
    assert [label for _, label in _found("وقد تتأخر الرحلة ساعتين.", "hedge")] == ["qad_imperfect"]


def test_a_columns_contact_footer_is_boilerplate():
    text = ("وهذا ما ينبغي أن تنتبه له الجهات المعنية قبل فوات الأوان.\n"
            "للتواصل مع الكاتب عبر الهاتف: اكتب الرمز (12) وأرسله إلى الرقم 80000")
    assert [label for _, label in _found(text, "boilerplate")] == ["footer"]
    assert _found(text, "unattributed_claim") == []


def test_a_closing_quotation_mark_introduces_no_outlet_after_it():
    assert _links("وقال لـ\"الرياض\" السفير ماجد الشهري إن العلاقات قوية.")[0][1:] == \
        ("السفير ماجد الشهري", "named_person")


def test_reports_that_went_round_about_something_are_agentless():
    assert [label for _, label in _found("وترددت أنباء عن وجود مفاوضات سرية بين الطرفين.", "agentless")] == ["passive"]


def test_al_and_a_family_name_after_a_title_name_a_person():
    assert _links("وقال المهندس علي آل مشيط إن المشروع اكتمل.")[0][1:] == ("المهندس علي آل مشيط", "named_person")
    assert _links("وأكد السفير آل الشيخ أن العلاقات قوية.")[0][1:] == ("السفير آل الشيخ", "named_person")


def test_a_second_verb_of_the_same_speaker_is_no_reported_speech():
    links = _links("وكانت الجماعة أعلنت في بيان المسؤولية عن الهجوم وقالت إنه استهدف قافلة عسكرية.")
    assert [(cue, source) for cue, source, _ in links] == [("أعلنت", "الجماعة"), ("وقالت", "الجماعة")]
    # After «إن» the verbs are inside what was said.
    assert [cue for cue, _, _ in _links("وقال الوزير إن اللجنة درست الملف وبيّنت أن العمل مستمر.")] == ["وقال"]


def test_books_and_among_are_no_verbs():
    assert "كتب" not in [t for t, _ in _found("وقد نقلت لنا كتب التاريخ أن الحادثة وقعت في الربيع.", "cue")]
    assert "أظهر" not in [t for t, _ in _found("وحذر الخطيب من فئة نشأت بين أظهر الناس.", "cue")]


def test_a_promise_and_speaking_about_are_reported():
    assert _links("ووعد رئيس النادي الجماهير بصفقات جديدة.")[0][:2] == ("ووعد", "رئيس النادي")
    assert _links("قطع المدرب وعدا للجماهير بالفوز.") == []
    assert _links("ونددت المنظمة بالأحكام، متحدثة عن تنفيذ عشرات منها.")[-1][:2] == ("متحدثة", "المنظمة")
    assert _links("وقالت متحدثة باسم الوزارة إن الرحلات استؤنفت.")[0][0] == "وقالت"


def test_the_same_source_is_the_unnamed_one_just_cited():
    sources = audit_text("وقال مسؤول في البلدية إن الطريق أغلق. وبحسب المصدر نفسه فإن الأمطار مستمرة.",
                         score=False).sources
    assert [(s.type, s.attributions) for s in sources] == [("official_unnamed", 2)]


def test_a_proposal_the_many_and_those_close_to_someone():
    assert _links("واقترح الاتحاد تأجيل البطولة إلى الربيع.")[0][:2] == ("واقترح", "الاتحاد")
    assert _links("وأقترح على الوزارة أن تراجع القرار.") == []
    assert _links("ويرى الكثيرون أن القرار جاء متأخرا.") == [("ويرى", "الكثيرون", "vague")]
    assert _links("وهو ما نفاه المقربون من اللاعب.")[0][2] == "anonymous"


def test_what_is_not_known_cites_no_one():
    assert _found("ولم يُعرف ما إذا كانت الرحلة ستتأخر.", "agentless") == []
    assert [label for _, label in _found("ويُعرف في البلدة باسم الحكيم.", "agentless")] == ["passive"]


def test_definite_plurals_and_duals_of_people_are_collectives():
    assert _links("وقال الانفصاليون إن الهدنة انهارت.") == [("وقال", "الانفصاليون", "vague")]
    assert _links("وقال قائدان ميدانيان إن الهدنة انهارت.") == [("وقال", "قائدان ميدانيان", "anonymous")]
    assert _links("وقال عدنان سلمان إن الهدنة انهارت.")[0][2] == "named_person"


def test_patients_and_most_visitors_speak_as_collectives():
    assert _links("وعبر المرضى عن سعادتهم بالزيارة، مؤكدين أن الخدمة تحسنت.")[0][1:] == ("المرضى", "vague")
    assert _links("وأفاد معظم الزوار أن التنظيم كان جيدا.")[0][1:] == ("معظم الزوار", "vague")


def test_seeing_is_not_saying():
    assert _links("فهذا رجل رأى امرأة تحمل جرة ماء.") == []
    assert _links("وما زال الناس يرون المسلسل بإعجاب.") == []
    assert _links("ويرى الخبراء أن الأسعار سترتفع.") == [("ويرى", "الخبراء", "vague")]
    assert _links("وهي فكرة مستوردة كما يرى البعض.") == [("يرى", "البعض", "vague")]
    assert _links("ويرى باحثون عدم وجود صلة بين الظاهرتين.")[0][:2] == ("ويرى", "باحثون")


def test_an_acting_official_is_a_title():
    assert _links("وقال القائم بأعمال السفارة جون سميث إن الزيارة تأجلت.")[0][1:] == \
        ("القائم بأعمال السفارة جون سميث", "named_person")


def test_a_verb_with_an_unknown_subject_of_its_own_takes_no_earlier_speaker():
    text = "وقال المدير إن المشروع تأخر. وقال الدفاع عن أحد المتهمين إن موكله بريء."
    assert _links(text)[-1] == ("وقال", None, None)
    # A family name the article gave before is that person.
    text = "وقال مدير المركز رأفت الحمدان إن العمل مستمر. وأكد الحمدان أن الفرق جاهزة."
    assert _links(text)[-1][:2] == ("وأكد", "الحمدان")


def test_the_reader_addressed_and_a_thing_given_words_cite_no_one():
    assert _links("إذا كنت تعتقد أن الحل سهل فأنت مخطئ.") == []
    assert _links("وترتفع الأمواج وكأنها تقول: ابتعدوا عن الشاطئ.") == []


def test_what_a_source_deems_likely_and_a_mothers_kunya():
    assert _links("ورجحت مصادر أن الموعد يتأجل.") == [("ورجحت", "مصادر", "anonymous")]
    assert _links("رجحت كفة الفريق الضيف في الشوط الثاني.") == []
    assert _links("وذكرت أم ناصر أنهم غادروا المنزل.") == [("وذكرت", "أم ناصر", "named_person")]


def test_a_court_convicts_and_a_country_knocks_on_doors():
    assert _links("وأدانت المحكمة سيدة بالاحتيال وقضت بسجنها.") == []
    assert _links("وهي دولة تطرق أبواب دول أخرى بحثا عن الدعم.") == []
    assert _links("وأدانت الخارجية الهجوم على السفارة.")[0][:2] == ("وأدانت", "الخارجية")


def test_a_place_after_wa_fi_is_no_sentences_subject():
    assert _links("وفي موسكو، دافع الوزير سيرغي لافروف عن القرار، مؤكدا أن التطبيق يبدأ غدا.") == \
        [("مؤكدا", "الوزير سيرغي لافروف", "named_person")]


def test_cnn_with_the_article_and_a_film_director():
    assert _links("وأشاد الحضور بالرئيس الراحل، بحسب السي إن إن.")[-1][1:] == ("السي إن إن", "named_media")
    assert _links("وبحسب مخرج الفيلم كريم حسن، فإن التصوير انتهى.")[0][1:] == ("مخرج الفيلم كريم حسن", "named_person")


def test_after_he_announced_is_no_reported_speech():
    links = _links("وأعلن المطرب سامي يوسف برنامجه للنقابة بعد أن أعلن عن ترشحه للمنصب.")
    assert [(cue, source) for cue, source, _ in links] == [("وأعلن", "المطرب سامي يوسف"), ("أعلن", "المطرب سامي يوسف")]


def test_conveying_someones_condolences_relays_a_message():
    assert [(cue, source) for cue, source, _ in _links("ونقل الأمير في بداية اللقاء تعازي الملك لأسر الضحايا.")] == \
        [("ونقل", "الأمير")]
    assert _links("ونقل المسعفون المصابين إلى المستشفى.") == []


def test_the_topic_after_amma_speaks_through_fa():
    text = ("وتحدث المدير العام فهد السالم عن خطة التوسعة. أما سلمان ناصر الحربي، أحد المهندسين المشرفين على الموقع، "
            "فأوضح أن الأعمال تنتهي في الربيع.")
    assert _links(text)[-1] == ("فأوضح", "سلمان ناصر الحربي", "named_person")
    both = _links("أما ماجد العتيبي ونايف الشمري، فقالا إن الفريق يحتاج إلى مدافع.")
    assert [source for _, source, _ in both] == ["ماجد العتيبي", "نايف الشمري"]
    assert _links("أما على الصعيد الميداني فقال إن القوات تقدمت.")[0][1] is None


def test_after_bin_comes_a_name_whatever_its_letters_spell():
    assert _links("وقال الأمير فهد بن مساعد إن البطولة تنطلق غدا.")[0][1] == "الأمير فهد بن مساعد"
    assert _links("وشارك في الحفل المهندس ماجد بن طالب بحضور المسؤولين.") == []


def test_the_engineers_abbreviation_leads_to_a_name():
    links = _links("وأوضح مدير المشروع م. سالم علي القرني أن الأعمال انتهت. وأكد م. القرني أن الافتتاح قريب.")
    assert [(source, kind) for _, source, kind in links] == [
        ("مدير المشروع م. سالم علي القرني", "named_person"), ("م. القرني", "named_person")]
    assert len({a.source.source for a in audit_text("وأوضح مدير المشروع م. سالم علي القرني أن الأعمال انتهت. "
                                                    "وأكد م. القرني أن الافتتاح قريب.", score=False).attributions}) == 1


def test_a_lam_inside_what_was_said_tells_no_one():
    assert [label for _, label in _found("وقال الخبير إن السفن العابرة لقناة السويس زادت هذا العام.", "cue")] == \
        ["neutral"]
    assert [label for _, label in _found("وقال الوزير لقناة العربية إن القرار نهائي.", "cue")] == ["neutral", "told"]


def test_an_expectation_with_no_one_expecting_is_agentless():
    assert _found("ومن المتوقع أن ترتفع الأسعار الشهر المقبل.", "agentless") == [("ومن المتوقع أن", "passive")]


def test_hinting_and_estimating_a_figure_are_reported():
    assert _links("وألمح المدرب إلى أنه سيغادر النادي.") == [("وألمح", "المدرب", "official_unnamed")]
    assert _links("وقدرت منظمة الصحة العالمية عدد المصابين بأكثر من ألف.")[0][:2] == ("وقدرت", "منظمة الصحة العالمية")
    assert _links("وأنجزت الصفقة التي قدرت بخمسة ملايين دولار.") == []


def test_abd_written_apart_is_the_same_name():
    result = audit_text("وقال رئيس الجمعية الدكتور سامي عبدالرحمن إن الحملة بدأت. وأضاف د. عبد الرحمن أن المتطوعين "
                        "كثيرون.", score=False)
    assert len(result.sources) == 1 and result.sources[0].attributions == 2


def test_second_person_and_nouns_that_look_like_cues():
    assert _links("وقد تقولون إن هذا الأمر مبالغ فيه.") == []
    assert [cue for cue, _, _ in _links("وقالت الوزارة إنها لم تر داعيا لتغيير القرار.")] == ["وقالت"]
    assert _links("ونشر الحساب الخبر ودون تثبت من صحته.") == []


def test_a_continuation_takes_the_subject_brought_in_since_the_last_speaker():
    text = ("وقال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد. ودافع وزير الخارجية جون كيري عن قرار الرئيس. "
            "وقال إن الكونغرس سيوافق.")
    assert _links(text)[-1][:2] == ("وقال", "وزير الخارجية جون كيري")
    text = "وقال المتحدث باسم الحملة إن النتائج مشجعة. وردت المرشحة هيلاري كلينتون على منتقديها، ونفت أن تكون أخطأت."
    assert _links(text)[-1][:2] == ("ونفت", "المرشحة هيلاري كلينتون")
    # a relative clause has the subject of its own antecedent, not the sentence's
    text = "وقال الوزير إن الجلسة انتهت. ووافق المجلس على المشروع الذي طالب فيه النواب بتعديلات."
    assert [source for cue, source, _ in _links(text) if cue == "طالب"] != ["المجلس"]


def test_according_to_with_the_lam_written_apart():
    assert _links('وبدأ التصنيف التجريبي في الوزارة، وفقاً لـ"واس".') == [("وفقاً", "واس", "named_media")]


def test_a_plural_participle_does_not_carry_one_person():
    assert _links("وقال مدني إن العمل مستمر، مشيرين إلى أن المشروع يكتمل قريبا.")[-1] == ("مشيرين", None, None)


def test_a_title_goes_on_through_ila_to_its_holder():
    assert _links("وقال مبعوث الأمم المتحدة إلى ليبيا سامي الخطيب إن الحوار سيستأنف.")[0][1:] == \
        ("مبعوث الأمم المتحدة إلى ليبيا سامي الخطيب", "named_person")


def test_told_in_brackets_a_quoted_paper_and_whom_a_spokesman_speaks_for():
    assert _links("وأكدت لـ(عكاظ) مصادر مطلعة أن القرار صدر.")[0][1:] == ("مصادر مطلعة", "anonymous")
    assert _links("وقالت صحيفة «واشنطن تايمز» إن الإدارة تدرس الخيار.")[0][2] == "named_media"
    assert _links("وقال المتحدث باسم كودرين إن الوزير سيستقيل.")[0][2] == "official_unnamed"


def test_a_report_by_an_outlet_is_a_document_not_whom_it_was_told():
    assert _links('وأشار تقرير لموقع "ميدل إيست آي" إلى أن الحكومة تدرس القرار.') == \
        [("وأشار", 'تقرير لموقع "ميدل إيست آي"', "document")]


def test_cnn_arabic_opens_with_its_dateline():
    result = audit_text("الرباط، المغرب (CNN)-- رفعت الحكومة أسعار الوقود، وقال مسؤول إن القرار نهائي.",
                        score=False)
    assert [p.text for p in result.provenance] == ["الرباط، المغرب (CNN)-- "]


def test_quantifiers_and_many_before_a_source():
    assert _links("وقالت بعض وسائل الإعلام المحلية إن الوضع صعب.")[0][1:] == ("وسائل الإعلام المحلية", "vague")
    assert _links("وكانت روايات كثيرة قد نقلت أن المدرب سيرحل.")[0][1:] == ("روايات كثيرة", "vague")
    assert [source for _, source, _ in _links("فيما قال كل من خالد المصعبي ومحمد الشهري إن الأهداف واضحة.")] == \
        ["خالد المصعبي", "محمد الشهري"]


def test_a_participle_takes_the_verbs_subject_before_a_noun_in_its_complement():
    text = ("وقال المتحدث إن الجلسة انتهت. وجدد أبو خالد التأكيد على موقف الهيئة من مشاريع الدمج، "
            "محذرا من القرارات المتسرعة.")
    assert _links(text)[-1][:2] == ("محذرا", "أبو خالد")


def test_so_called_written_as_one_word():
    assert _found("ويشارك في الهجوم ماتسمى بالدولة الإسلامية.", "agentless") == [("ماتسمى", "passive")]


def test_round_21_shapes_from_other_outlets():
    assert _links("وتابع أنه سيغادر النادي قريبا.")[0][0] == "وتابع"
    assert _links("وتابع د. خالد الزعاق أن الطقس سيتغير.")[0][1] == "د. خالد الزعاق"
    assert [cue for cue, _, _ in _links("وأفادت مصادر مؤكدة بأن الوزير استقال.")] == ["وأفادت"]
    assert _links('وقالت فضائية "روسيا اليوم" إن القوات تقدمت.')[0][2] == "named_media"
    assert _links("وقالت ملكة بريطانيا إن العائلة حزينة.")[0][1:] == ("ملكة بريطانيا", "official_unnamed")


def test_a_name_then_where_he_said_it_and_a_club_by_its_short_name():
    assert _links("وقال ظريف في تغريدة إن الاتفاق صامد.")[0][1:] == ("ظريف", "named_person")
    links = _links("أعلن نادي نانت الفرنسي ضم لاعب الوسط. وأوضح نانت في بيان مقتضب أن العقد لثلاثة مواسم.")
    assert links[-1][1:] == ("نانت", "named_org")
    assert len(audit_text("أعلن نادي نانت الفرنسي ضم لاعب الوسط. وأوضح نانت في بيان مقتضب أن "
                          "العقد لثلاثة مواسم.", score=False).sources) == 1


def test_kama_after_a_comma_opens_a_clause_of_the_same_speaker():
    links = _links("وقال الوزير إن الوضع صعب، كما أكد أن الحل قريب.")
    assert [(cue, source) for cue, source, _ in links] == [("وقال", "الوزير"), ("أكد", "الوزير")]


def test_suspected_with_no_one_suspecting_is_agentless():
    assert _found("ويشتبه في أن مقاتلين من الحركة يختبئون في الغابة.", "agentless") == [("ويشتبه", "passive")]


def test_round_22_shapes_from_other_outlets():
    assert _links("وهذه المحن لا تدوم.") == []
    assert _links("وقال مصدر أممي إن المساعدات وصلت.")[0][2] == "official_unnamed"
    assert _links("وقال التلفزيون الرسمي لكوريا الشمالية إن الصاروخ أطلق.")[0][2] == "named_media"
    assert [(cue, source) for cue, source, _ in _links("وأضاف ماكرون قائلا إن فرنسا ستحمي مواطنيها.")] == \
        [("وأضاف", "ماكرون"), ("قائلا", "ماكرون")]


def test_there_are_those_who_say_and_specialists_agree():
    assert _links("هناك من يقول إن الخطة ستتعثر قبل نهاية العام.") == [("يقول", "هناك من", "vague")]
    assert _links("ويجمع العديد من الأخصائيين أن هجرة الأطباء خطيرة.")[0][::2] == ("ويجمع", "vague")
    assert _links("العلاقات القوية التي تجمع مصر وأستراليا متينة.") == []


def test_a_diacritized_passive_accusation_names_no_accuser():
    assert _found("واتُّهم اللاعب بالتهرب الضريبي.", "agentless") == [("واتُّهم", "passive")]
    assert _found("واتُّهم اللاعب بالتهرب الضريبي.", "cue") == []


def test_a_feminine_participle_does_not_continue_a_man():
    text = ("وقال الوزير خالد الفهد إن الخطة جاهزة. وأشادت المديرة سارة العتيبي بالخطة. وأضاف الوزير أن التنفيذ "
            "قريب، مؤكدة أنها مهمة.")
    assert _links(text)[-1][:2] == ("مؤكدة", "المديرة سارة العتيبي")
    assert _links("وأفادت الأنباء بحسب البي بي سي أن الوضع هادئ.")[-1][1:] == ("البي بي سي", "named_media")


def test_adding_things_in_the_present_is_not_speech():
    assert _links("وهم يضيفون البازلاء إلى الطبق قبل تقديمه.") == []
    assert _links("ويضيف الخبير أن الأسعار سترتفع.")[0][:2] == ("ويضيف", "الخبير")


def test_a_title_word_as_a_given_name_after_a_courtesy_title():
    assert _links("وقال الدكتور مساعد الأحمد إن البرنامج ناجح.")[0][1:] == ("الدكتور مساعد الأحمد", "named_person")
    assert _links("وقال الدكتور مساعد وزير الصحة إن البرنامج ناجح.")[0][2] == "official_unnamed"


def test_a_masculine_verbs_subject_is_no_feminine_body():
    links = _links("وقال النائب خالد العلي إن الوضع صعب. واتهم الحكومة بالتقصير.")
    assert links[-1][:2] == ("واتهم", "النائب خالد العلي")
    assert _links("وأعلنت السعودية أن الحدود مفتوحة.")[0][1:] == ("السعودية", "country_or_government")


def test_data_issued_by_a_body_is_its_document():
    assert _links("أظهرت الأرقام الصادرة عن وزارة التجارة أن السجلات الجديدة تضاعفت.")[0][1:] == \
        ("الأرقام الصادرة عن وزارة التجارة", "document")
    assert _links("وأظهرت الإحصاءات أن البطالة تراجعت.")[0][2] == "vague"


def test_a_dateline_opening_the_sentence_has_no_subject():
    text = ("خان يونس - تروي سيدة من المنطقة كيف غادرت منزلها فجر الإثنين. وتقول: «خرجنا بالملابس التي علينا».")
    assert not any(f.category == "source" and f.text == "يونس" for f in audit_text(text, score=False).findings)


def test_a_quoted_company_name_does_not_hide_the_name_set_off_after_it():
    links = _links("وأوضح مدير المبيعات في شركة «إي إس ايه»، كارل هوفمان، أن الطلب تضاعف هذا العام.")
    assert links[0][2] == "named_person" and links[0][1].endswith("كارل هوفمان")


def test_an_unknown_name_ends_where_the_outlet_he_spoke_to_begins():
    links = _links("وقال ميلان كوفاتش لوكالة رويترز إن عائلته تنتظر أي خبر.")
    assert links[0][1:] == ("ميلان كوفاتش", "named_person")
    assert links[1][1:] == ("ميلان كوفاتش", "named_person")


def test_a_verb_after_when_and_where_brings_in_the_next_speaker():
    text = ("قال المتحدث باسم الحكومة إن المفاوضات مستمرة. وأمس، في مقابلتين إذاعيتين، واحدة في الصباح والثانية "
            "في المساء، دافع وزير المالية سالم الدوسري عن الميزانية. وقال: «الأرقام مطمئنة».")
    assert _links(text)[-1][1] == "وزير المالية سالم الدوسري"
    text = ("أعلنت الهيئة أن الرحلات عادت. إلى ذلك، شن النائب فهد المطيري (مستقل)، في مقابلة مسائية، هجوما على "
            "الخطة. وقال: «الخطة متأخرة».")
    assert _links(text)[-1][1].startswith("النائب فهد المطيري")


def test_a_bare_name_after_a_verb_is_the_person_the_article_named_before():
    text = ("التقى وزير الخارجية، سامي الرميثي، نظيره العماني. وقال مصدر دبلوماسي إن اللقاء كان وديا. "
            "ودافع الرميثي عن قرار الحكومة. وقال: «القرار صائب».")
    assert _links(text)[-1][1:] == ("الرميثي", "named_person")


def test_broken_plurals_of_roles_after_a_quantifier_speak_as_a_group():
    assert _links("وذكر لـ(الوطن) عدد من مديري المستشفيات أن الأسرة متوفرة.")[0][1] == "عدد من مديري المستشفيات"


def test_a_place_in_the_title_then_a_given_name_in_two_words():
    links = _links("وقال مدير مكتب التعليم في محافظة الخرج عبد الرحمن الشهري إن المدارس جاهزة.")
    assert links[0][2] == "named_person" and links[0][1].endswith("عبد الرحمن الشهري")


@pytest.mark.parametrize("text, source, kind", [
    ("وأوضح مدير مستشفى الملك خالد أن الحالات مستقرة.", "مدير مستشفى الملك خالد", "official_unnamed"),
    ("وقال مدير مطار الأمير نايف إن الرحلات منتظمة.", "مدير مطار الأمير نايف", "official_unnamed"),
    ("وقال وكيل جامعة الملك عبدالعزيز الدكتور ماجد الحربي إن القبول بدأ.",
     "وكيل جامعة الملك عبدالعزيز الدكتور ماجد الحربي", "named_person"),
    ("وقال وزير الداخلية الأمير عبدالعزيز بن سعود إن الأمن مستتب.",
     "وزير الداخلية الأمير عبدالعزيز بن سعود", "named_person"),
])
def test_a_place_named_after_a_king_is_not_its_director(text, source, kind):
    links = _links(text)
    assert links[0][1:] == (source, kind)
    if kind == "named_person":
        sources = audit_text(text, score=False).sources
        assert "الملك" not in sources[0].name or "الحربي" in sources[0].name


@pytest.mark.parametrize("text, source", [
    ("وقال سامي العتيبي -محام ومستشار قانوني-: إن النظام واضح، مبيناً أن العقوبة رادعة.", "سامي العتيبي"),
    ("أكد د. فهد القرني -أستاذ علم النفس المساعد ورئيس قسم الإرشاد بالجامعة- أن الحوار ضروري، مضيفاً أن "
     "الأسرة أساس.", "د. فهد القرني"),
])
def test_two_titles_between_dashes_belong_to_one_speaker(text, source):
    links = _links(text)
    assert {link[1] for link in links} == {source}
    assert len(audit_text(text, score=False).sources) == 1


def test_a_title_before_a_slash_and_an_unknown_first_name_before_a_nisba():
    assert _links("وقال الأستاذ/ سعود العجلان إن الموسم ناجح.")[0][2] == "named_person"
    assert _links("يقول رستم الكرماني، رئيس برنامج آسيا الوسطى في المعهد، إن الوضع معقد.")[0][1:] == \
        ("رستم الكرماني", "named_person")


def test_according_to_someone_s_account_is_according_to_them():
    assert _links("وحسب رواية مريم الشمري فإن الحريق بدأ ليلا.")[0][1:] == ("مريم الشمري", "named_person")
    assert _links("وبحسب رأي الخبراء، فإن النمو سيتباطأ.")[0][1:] == ("الخبراء", "vague")


def test_a_statement_issued_is_not_part_of_the_title():
    links = _links("ونشر المفتش العام بيانا قال فيه إن الملف سيحال إلى القضاء.")
    assert links[0][1:] == ("المفتش العام", "official_unnamed")


def test_a_reporting_verb_before_a_dash_opens_an_aside_not_a_dateline():
    result = audit_text("وأشار المسؤول الليبي - في تصريح لوكالة الأنباء - إلى أن الطريق فتح.", score=False)
    assert result.provenance == ()
    assert result.attributions[0].source.text == "المسؤول الليبي"


def test_an_adverb_or_a_demonstrative_after_the_verb_is_not_the_speaker():
    assert _links("وادعى صراحة أن الدراسة مزورة.")[0][1] != "صراحة"
    links = _links("وقال الوزير إن الخطة جاهزة. واعتبر هؤلاء الأعضاء أن القرار خاطئ.")
    assert links[-1][1:] == ("الأعضاء", "official_unnamed")
    assert _links("وقال مندوبون في أوبك إن الإنتاج سيرتفع.")[0][2] == "official_unnamed"


def test_the_other_camp_is_a_vague_group_and_a_verbal_noun_of_kashafa_no_cue():
    assert _links("ويعتقد فريق آخر أن الظاهرة طبيعية.")[0][1:] == ("فريق آخر", "vague")
    assert _links("وقال الفريق مهاب مميش إن القناة جاهزة.")[0][2] == "named_person"
    assert _links("ويراقب المفتشون الوزارات بهدف كشف حالات الفساد.") == []


def test_a_bare_name_before_the_outlet_he_spoke_to_and_regional_shorthand():
    links = _links("وقال بابو في تصريح لصحيفة الشروق إن الفريق جاهز.")
    assert links[0][1:] == ("بابو", "named_person")
    assert _links("وكانت الصحة الفلسطينية أعلنت تسجيل إصابات جديدة.")[0][1:] == ("الصحة الفلسطينية", "named_org")
    links = _links("وأكد الوزير أن الميزانية متوازنة، مبرزا أن الإنفاق تراجع.")
    assert [link[0] for link in links] == ["وأكد", "مبرزا"] and links[1][1] == "الوزير"


def test_papers_given_by_unnamed_sources_and_a_woman_who_is_not_named():
    assert _links("وبحسب معطيات وفرتها مصادر مطلعة، فإن المصنع أغلق.")[0][2] == "anonymous"
    assert _links("وبحسب الأرقام الصادرة عن وزارة التجارة، فإن الصادرات ارتفعت.")[0][2] == "document"
    assert _links("وقالت سيدة تسكن الحي إن الحريق بدأ ليلا.")[0][1:] == ("سيدة", "anonymous")


def test_a_bloc_speaks_and_a_surname_named_before_can_open_the_sentence():
    assert _links("وقال تكتل بعلبك الهرمل في بيان إن الحكومة مقصرة.")[0][2] == "named_org"
    text = ("وانتقد الجمهور المدرب كارلوس فيرنانديز بعد الخسارة. وقال النادي إن المدرب باق. "
            "وكان فيرنانديز قد استبعد ماتيوسي من المعسكر الصيفي.")
    assert _links(text)[-1][1:] == ("فيرنانديز", "named_person")


def test_a_definite_document_after_a_definite_title_is_its_object():
    links = _links("وانتقد الوزير القرار واصفا إياه بالمتسرع.")
    assert links == [("وانتقد", "الوزير", "official_unnamed"), ("واصفا", "الوزير", "official_unnamed")]


def test_organizers_speak_and_leading_a_movement_is_no_claim():
    assert _links("وبحسب المنظمين، فإن الحضور تجاوز الألف.")[0][1:] == ("المنظمين", "official_unnamed")
    assert _links("وقد تزعم حركة التمرد في الجبال منذ أعوام.") == []
    assert _links("وتزعم الجماعة أن القصف طال المدنيين.")[0][0] == "وتزعم"


def test_a_body_inside_what_was_said_is_not_the_sentence_s_subject():
    text = "وأكد البرهان بأن الجيش لا ينحاز إلى أي حزب، واصفا الشائعات بأنها كاذبة."
    assert all(link[1] != "الجيش" for link in _links(text))


def test_a_country_spelt_as_a_nisba_after_a_common_noun_is_its_adjective():
    assert _links("وأعلنت السلطات السعودية مساء الخميس أنها أغلقت المعبر.")[0][1] == "السلطات السعودية"
    assert _links("وقالت الأجهزة الأمنية السعودية إنها ضبطت الشحنة.")[0][1] == "الأجهزة الأمنية السعودية"
    assert _links("واتهمت إيران السعودية بعرقلة المفاوضات.")[0][1] == "إيران"


def test_who_fears_is_cited_and_an_unnamed_fear_is_agentless():
    assert _links("ويخشى المزارعون أن يطول موسم الجفاف.")[0][1:] == ("المزارعون", "vague")
    result = audit_text("ويُخشى أن يطول موسم الجفاف هذا العام.", score=False)
    assert result.attributions == () and [f.text for f in result.findings if f.category == "agentless"] == ["ويُخشى"]
    assert not [f for f in result.findings if f.category == "hedge"]


def test_unnamed_experts_of_a_named_body_are_unnamed_officials():
    assert _links("ويرى خبراء صندوق النقد الدولي أن التضخم سيتراجع.")[0][1:] == (
        "خبراء صندوق النقد الدولي", "official_unnamed")
    assert _links("ويرى خبراء أن التضخم سيتراجع.")[0][1:] == ("خبراء", "vague")


def test_names_ending_in_na_workers_and_the_official_gazette():
    assert _links("وقال حنا في المؤتمر إن الحوار هو الحل.")[0][1:] == ("حنا", "named_person")
    assert _links("وأكد العاملون في المصفاة أنهم لن يعودوا قبل صرف الرواتب.")[0][1:] == ("العاملون", "vague")
    assert _links("وحسب ما أوردته صحيفة أم القرى، يبدأ العمل بالنظام الشهر المقبل.")[0][1:] == (
        "صحيفة أم القرى", "named_media")


def test_the_main_verb_after_a_time_clause_gives_the_participle_its_speaker():
    text = "وأثناء زيارته للقاهرة عام 1990، صافح الملك فهد الرئيس المصري قائلا: \"مصر أولا\"."
    assert _links(text)[0][1].startswith("الملك فهد")


def test_a_speaker_opening_the_sentence_before_the_verb_is_its_subject():
    assert _links("بغداد تتهم الحكومة التركية بتهريب النفط.")[0][1:] == ("بغداد", "country_or_government")
    assert _links("لجنة الحكام أدانتها لجنة الاستئناف مرارا.")[0][1] == "لجنة الاستئناف"


def test_a_feeling_in_quotation_marks_and_a_verbal_noun_after_a_definite_title():
    assert _links('وعبر السفير عن "قلقه" من تدهور الأوضاع.')[0][1] == "السفير"
    assert _links("ولفت المدير الانتباه إلى أن الطريق مغلق.")[0][1] == "المدير"


def test_a_name_ends_before_a_plural_verbal_noun_and_after_its_closing_comma():
    text = "ورفض اللاعب ياسر قحطان التصريحات. وقال إن ضميره مرتاح."
    assert _links(text)[0][1] == "اللاعب ياسر قحطان"
    text = "وأدانت وزيرة الخارجية، نادية الحسيني، إغلاق المعبر بشدة."
    assert _links(text)[0][1] == "وزيرة الخارجية، نادية الحسيني"


def test_a_relative_clause_about_a_thing_reports_no_one():
    assert _links("وعقد الطرفان اجتماعا مطولا والذي كشف خلافات عميقة بينهما.") == []
    assert _links("وتواصل الحكومة سياستها النقدية التي أثبتت نجاعتها في الأزمة.") == []
    links = _links("وحضر الجنازة زملاء الفقيد الذين نددوا بالجريمة.")
    assert [link[0] for link in links] == ["نددوا"]


def test_a_verb_with_its_object_attached_continues_the_speaker_of_its_sentence():
    links = _links("وانتقد النائب القانون الجديد ووصفه بأنه جائر.")
    assert links[-1] == ("ووصفه", "النائب", "official_unnamed")
    assert _links("ووجهت اللجنة انتقادا للقرار ووصفته بأنه متسرع.") == []
    assert _links("المشروع الذي أعلنه المحافظ أمس.")[0][1] == "المحافظ"


def test_where_the_office_is_may_close_an_apposition_before_the_verb():
    text = "سامي الحربي، المدير التنفيذي لشركة النقل في جدة، قال إن الأسطول اكتمل."
    assert _links(text)[0][1:] == ("سامي الحربي", "named_person")


def test_a_paper_no_one_issued_is_as_vague_as_reports():
    links = _links("وكشف تقرير عن ارتفاع عدد المخالفات. وأوضح التقرير أن أغلبها في جدة.")
    assert [link[2] for link in links] == ["vague", "vague"]
    assert _links("وأظهرت دراسة حديثة أن النوم المبكر يحسن الذاكرة.")[0][1:] == ("دراسة", "vague")
    links = _links("وأظهرت دراسة أعدتها جامعة الملك خالد أن النوم المبكر يحسن الذاكرة.")
    assert links[0][1:] == ("دراسة أعدتها جامعة الملك خالد", "document")
    assert _links("وأفاد بيان صدر عن مكتب المحافظ بأن الطريق سيفتح غدا.")[0][2] == "document"
    assert _links("وأوضح المتحدث أنه ورد بلاغ يفيد بوقوع حادث على الطريق.")[-1][1:] == ("بلاغ", "document")


def test_a_paper_its_sentence_says_someone_issued_stays_a_document():
    assert _links("وأصدر رئيس النادي بيانا أكد فيه أن المدرب باق.")[-1][2] == "document"
    assert _links("وبحسب إحصاءات وتقديرات الهيئة العامة للإحصاء، فإن السكان زادوا.")[0][1:] == (
        "إحصاءات وتقديرات الهيئة العامة للإحصاء", "document")


def test_a_second_title_after_a_name_is_the_same_person():
    text = "وقالت الدكتورة هند العتيبي عضو مجلس الشورى وأستاذ علم النفس إن التحرش جريمة."
    assert _links(text) == [("وقالت", "الدكتورة هند العتيبي", "named_person")]
    text = "وقال الشيخ خالد حسين المفتي العام وخطيب الجامع الكبير إن الاقتحامات مستمرة."
    assert [link[1] for link in _links(text)] == ["الشيخ خالد حسين"]
    text = "وقال الوزير سعد الغامدي ووكيل الوزارة إن الموسم ناجح."
    assert [link[1] for link in _links(text)] == ["الوزير سعد الغامدي", "وكيل الوزارة"]


def test_wishing_and_expressing_participles_continue_the_speaker():
    links = _links("وأعرب السفير عن تعازيه لأسر الضحايا، متمنيا الشفاء العاجل للمصابين، مبديا تضامن بلاده.")
    assert [link[:2] for link in links] == [("وأعرب", "السفير"), ("متمنيا", "السفير"), ("مبديا", "السفير")]


def test_owners_of_shops_one_of_them_and_his_name_after_a_comma():
    assert _links("وقال أحد أصحاب محال العطور إن الأسعار ارتفعت.")[0][1:] == ("أحد أصحاب محال العطور", "anonymous")
    assert _links("وقال أصحاب محال العطور إن الأسعار ارتفعت.")[0][1:] == ("أصحاب محال العطور", "vague")
    assert _links("وأكد أحد أصحاب محال العطور، فهد الشمري، أن الأسعار ارتفعت.")[0][2] == "named_person"
    assert _links("وأجاب المدير بأنها ستفتح قريبا.")[0][1] == "المدير"


def test_officials_in_the_construct_state_keep_whose_officials_they_are():
    assert _links("ونفى مسؤولو البلدية صحة الخبر.")[0][1:] == ("مسؤولو البلدية", "official_unnamed")


def test_diplomats_are_unnamed_officials_and_the_fed_by_its_short_name():
    assert _links("وقال دبلوماسيون في الأمم المتحدة إن التصويت سيجري غدا.")[0][2] == "official_unnamed"
    assert _links("ورفع المركزي الأمريكي توقعاته، وقال إن التضخم سيتراجع.")[-1][1:] == ("المركزي الأمريكي", "named_org")


def test_a_two_word_given_name_set_off_by_commas_after_a_title():
    text = "وقال مدير فرع الوزارة بالمنطقة، عبد الرحمن الشهري، إن الحملة مستمرة."
    assert _links(text)[0][2] == "named_person"


def test_numbered_list_items_are_not_claims_but_numbers_in_parentheses_are():
    """A list item's number after a sentence's end («(2) …», «4- …») counts nothing; a figure a ministry
    writes in parentheses inside a sentence is still a checkable claim."""
    proposals = ("ويقترح الكاتب على الوزارة عدة حلول للأزمة. (2) تحويل القروض إلى المطورين بدل الأفراد. "
                 "ومن شروط النجاح: 4- سرعة التنفيذ.")
    assert _found(proposals, "unattributed_claim") == []
    assert [t for t, _ in _found("سجلت المنطقة (7) حالات إصابة جديدة بالحمى.", "unattributed_claim")] == [
        "سجلت المنطقة (7) حالات إصابة جديدة بالحمى."]


def test_a_masculine_continuation_does_not_continue_a_body_named_by_a_feminine_noun():
    """«مشيراً» cannot have «الهيئة» as its subject (it would be «مشيرةً»): it goes back to the man who spoke
    before; a feminine participle, or a body named by a masculine noun, continues the body."""
    links = _links("وقال رئيس المجلس البلدي إن المشروع تأخر. وأكدت الهيئة أنها ستتابع التنفيذ، مشيراً إلى أن "
                   "المقاول سيغرم.")
    assert links[-1] == ("مشيراً", "رئيس المجلس البلدي", "official_unnamed")
    assert _links("وأكدت الهيئة أنها ستتابع التنفيذ، مشيرةً إلى أن المقاول سيغرم.")[-1][:2] == ("مشيرةً", "الهيئة")
    assert _links("وأكد المجلس أنه سيتابع التنفيذ، مشيراً إلى أن المقاول سيغرم.")[-1][:2] == ("مشيراً", "المجلس")


def test_students_are_a_group_that_speaks_and_its_plural_verbs_continue_it():
    links = _links("اشتكى طلاب من خريجي الكليات الصحية من تأخر قبولهم في الجامعات. وقالوا إن الوعود لم تتحقق.")
    assert links == [("اشتكى", "طلاب", "vague"), ("وقالوا", "طلاب", "vague")]
    # After a definite noun the students are whom the university called on, not a second speaker.
    assert [link[:2] for link in _links("ودعت الجامعة الطلاب إلى التسجيل قبل نهاية الأسبوع.")] == [
        ("ودعت", "الجامعة")]


def test_the_channel_named_after_whom_he_told_is_no_subject():
    """«وأضاف لشبكة بي بي سي إن…»: the channel after «لشبكة/لتلفزيون» is whom he spoke to; «وأضاف» has no
    subject of its own and continues the speaker before."""
    text = "وقال الباحث حامد الشريف إن المخطوط قديم. وأضاف لشبكة بي.بي.سي إن الفحص سيستمر."
    assert [link[:2] for link in _links(text)][1:] == [("وأضاف", "الباحث حامد الشريف"),
                                                      ("لشبكة", "الباحث حامد الشريف")]


def test_the_writer_of_a_report_is_a_role_not_a_person_named_katib():
    assert _links("وقال كاتب الدراسة إن النتائج أولية.") == [("وقال", "كاتب الدراسة", "official_unnamed")]


def test_a_masculine_verb_does_not_continue_a_woman_known_by_her_title():
    links = _links("وقال الوزير إن الخطة جاهزة. وأكدت المتحدثة باسم الوزارة أن التنفيذ بدأ. وقال إن الخطة شاملة.")
    assert links[-1][:2] == ("وقال", "الوزير")


def test_where_a_speaker_said_it_stands_between_his_name_and_what_he_said():
    """«وقال ميلان كوفاتش من مكتبه … لوكالة الصحافة الفرنسية:»: a name the lexicons do not know, then where
    he spoke, then whom he told; «من» opens such a phrase only before the speaker's own place."""
    text = ("وقال ميلان كوفاتش من مكتبه الصغير في ضاحية نوفي ساد غرب صربيا لوكالة الصحافة الفرنسية: "
            "«نطالب بالإفراج عن أخي فوراً».")
    assert _links(text)[0] == ("وقال", "ميلان كوفاتش", "named_person")
    assert _links("وقال عدد من المسؤولين إن الاتفاق تاريخي.")[0][2] != "named_person"
    # The phrase may be set off by a comma before «إلى أن», or lead straight into a quotation.
    assert _links("وتشير هيرنانديز في كتابها، إلى أن الأزمة بدأت مبكراً.")[0] == ("وتشير", "هيرنانديز", "named_person")
    assert _links("وقال ظريف في تغريدة نشرها على تويتر «لا عذر لأحد».")[0] == ("وقال", "ظريف", "named_person")
    # A word in «ة» before such a phrase is a common noun (a voter), not a woman's name.
    assert _links("وأكدت ناخبة في حي الرمال شرق المدينة: «لن أشارك هذه المرة».")[0][2] != "named_person"


def test_a_foreign_name_then_an_indefinite_role_is_a_named_person():
    assert _links("وقال تيرسيو مانسيني مدافع النادي البرتغالي: «المباراة ستكون صعبة».") == [
        ("وقال", "تيرسيو مانسيني مدافع النادي البرتغالي", "named_person")]


def test_a_figure_as_the_verbs_own_subject_is_no_speaker_carried_from_before():
    """«ويشير تراجع المخزونات إلى أن…»: the noun phrase before the clause is the verb's subject (a figure,
    no source), so the analyst quoted before is not its speaker; an object with no clause after it is."""
    links = _links("وقال المحلل إن السوق مستقرة. ويشير تراجع المخزونات إلى أن الطلب يتعافى.")
    assert links[1] == ("ويشير", None, None)
    links = _links("وقال الوزير إن الخطة جاهزة. وأكد أهمية التعاون بين البلدين.")
    assert links[1] == ("وأكد", "الوزير", "official_unnamed")
    # A people noun and whose they are, before where they said it, are the speakers (the feminine «ة» of a
    # definite noun is no common noun standing for a name).
    links = _links("وقال التقرير إن الحي مهمل. ورأى أصحاب المحلات في الحي أنه لا بد من حلول عاجلة.")
    assert links[1] == ("ورأى", "أصحاب المحلات", "vague")


def test_a_plural_verb_neither_continues_one_official_nor_drops_a_plural_title():
    """«يطالبون» cannot continue «المتحدث»; «أعضاء الفريق عبّروا» is the members speaking, a title that names
    several people."""
    links = _links("وقال المتحدث إن الوضع صعب. وقد تقدم أقارب المفقودين بدعاوى قضائية يطالبون بالكشف عن مصيرهم.")
    assert links[-1] == ("يطالبون", None, None)
    assert _links("وأوضح أن أعضاء الفريق عبّروا عن رغبتهم في التطوع.")[-1] == (
        "عبّروا", "أعضاء الفريق", "official_unnamed")
    assert _links("وقال أقاربه إن الوضع صعب، مضيفين أن الحل قريب.")[-1] == ("مضيفين", "أقاربه", "anonymous")


def test_a_term_the_writer_names_is_no_quotation():
    assert _quotes("وهو ما نسميه \"الآباء المنسيين للواقعية السحرية\" في النقد الأدبي.") == []
    assert _quotes("ومن مؤلفاته \"الشرقية في قلب الملك\" الذي صدر العام الماضي.") == []


def test_a_relative_clause_speaks_for_its_antecedent_not_for_the_last_speaker():
    """«العلامات التي تشير إلى…»: the subject of the verb after «التي» is the thing it describes, no source; the
    doctor quoted before is not carried to it, and what a thing points to is no attribution at all. A person
    named just before the pronoun is the speaker."""
    links = _links("وقال الطبيب إن المريض بخير. ورصد الأطباء العلامات التي تشير إلى تعافي المريض.")
    assert links == [("وقال", "الطبيب", "official_unnamed")]
    links = _links("وقال وزير الخارجية إن الحوار مستمر. والتقى الوفد رئيس الهيئة الدولية كينجي تاناكا، الذي أكد "
                   "أن التفتيش سيستمر.")
    assert links[-1][:2] == ("أكد", "رئيس الهيئة الدولية كينجي تاناكا")
    # A masculine verb after «التي» has another subject: the antecedent is what he spoke of.
    links = _links("وقال القيادي في حماس صلاح البردويل إن الوضع صعب. وأعرب عن أسفه للحملة الدعائية التي قال إن "
                   "عباس يقودها.")
    assert links[-1][:2] == ("قال", "القيادي في حماس صلاح البردويل")


def test_a_bare_bank_or_agency_takes_up_the_body_named_before():
    """«وعزا البنك» after «مصرف الراجحي» is that bank; «وأضافت الوكالة» after «وكالة الطاقة الدولية» is that
    agency, not a news agency."""
    assert _links("وأعلن مصرف الراجحي أرباحه. وعزا البنك ارتفاع الأرباح إلى نمو التمويل.")[-1] == (
        "وعزا", "البنك", "named_org")
    assert _links("وقالت وكالة الطاقة الدولية إن الطلب سيرتفع. وأضافت الوكالة أن الأسعار ستنخفض.")[-1] == (
        "وأضافت", "الوكالة", "named_org")
    assert _links("وقالت وكالة الطاقة الدولية إن الطلب سيرتفع. وقالت وكالة رويترز إن الإنتاج سيزيد. وأضافت "
                  "الوكالة أن الأسعار ستنخفض.")[-1][2] == "named_media"


def test_a_royal_order_issued_is_the_issuers_document_and_an_office_follows_fadila():
    links = _links("أصدر نائب خادم الحرمين الشريفين الأمير سعد بن ناصر بن فهد مساء أمس أمراً سامياً يقضي بإنشاء "
                   "هيئة جديدة للتراث.")
    assert links == [("أصدر", "نائب خادم الحرمين الشريفين الأمير سعد بن ناصر بن فهد", "named_person")]
    # An arrest warrant is an act, not a text that states facts.
    assert _links("وكان النائب العام أصدر أمرًا بالقبض على المتهم.") == []
    assert _links("وقال المدير إن الحفل ناجح. كما عبر فضيلة رئيس المحكمة عن تقديره لجهود المنظمين.")[-1][:2] == (
        "عبر", "فضيلة رئيس المحكمة")


def test_a_second_description_between_commas_leads_on_to_the_name():
    text = ("وأضاف رئيس شركة المعادن، كبير مديريها التنفيذيين بالإنابة، المهندس خالد العلي إن الإنتاج "
            "سيرتفع.")
    assert _links(text)[0][2] == "named_person"
    assert _links("وقال المدير، في تصريح للصحيفة، إن المبادرة رائدة.")[0][:3] == ("وقال", "المدير", "official_unnamed")


def test_an_aside_in_dashes_or_brackets_may_stand_between_a_subject_and_its_verb():
    links = _links("شقيق الضحية الأصغر سالم علي القحطاني -مهندس- أكد للصحيفة أن الحادث كان مفاجئاً.")
    assert links[0] == ("أكد", "سالم علي القحطاني", "named_person")
    assert _links("المواطن سالم القحطاني (مهندس) أكد للصحيفة أن الشارع بلا إنارة.")[0][:2] == ("أكد", "سالم القحطاني")


def test_where_a_body_is_names_it():
    assert _links("وأوضحت الشؤون الصحية بمحافظة الطائف أن المستشفى فتح تحقيقاً في الحادثة.") == [
        ("وأوضحت", "الشؤون الصحية بمحافظة الطائف", "named_org")]
    assert _links("فيما نفت الشؤون الصحية بمنطقة المدينة المنورة وجود نقص في الأدوية.")[0][1] == \
        "الشؤون الصحية بمنطقة المدينة المنورة"


def test_the_subject_of_the_verb_before_a_continuation_may_be_anonymous_or_a_collective():
    links = _links("وقال أوباما إن الاتفاق جيد. واسترسلت المصادر بالقول إن الاتفاق سيصمد.")
    assert links[-1] == ("بالقول", "المصادر", "anonymous")
    links = _links("وقال الوزير إن الحديقة آمنة. ورصد مواطن حفرة خزان في الحديقة، وقال إنه لاحظها أثناء جلوسه.")
    assert links[-1][:2] == ("وقال", "مواطن")


def test_a_verb_whose_gender_rules_out_the_last_speaker_looks_back_only_a_paragraph():
    """«وقالت» after a man goes back to the latest woman who spoke, but not across the article: a woman
    quoted paragraphs ago is not the subject of a verb the article gives no subject."""
    text = ("وقالت الوزيرة إن الخطة جاهزة.\nوافتتح المحافظ المعرض.\nوتجول في الأجنحة.\n"
            "وقال خالد العتيبي إن المعرض ناجح.\nوقالت إن الزوار كثيرون.")
    assert _links(text)[-1] == ("وقالت", None, None)
    text = "وقالت الوزيرة إن الخطة جاهزة.\nوقال خالد العتيبي إن المعرض ناجح. وقالت إن الزوار كثيرون."
    assert _links(text)[-1][:2] == ("وقالت", "الوزيرة")


def test_a_body_described_by_an_adjective_names_no_one():
    """«منظمة إغاثية» is some relief organization, «جمعيات أهلية» some associations: an unnamed body and a
    vague collective, not named organizations; a word in «ية» that a definite noun completes is part of a
    name («هيئة تنمية الصادرات»)."""
    assert _links("وقالت منظمة إغاثية إن المخيم يفتقر إلى المياه.") == [
        ("وقالت", "منظمة إغاثية", "official_unnamed")]
    assert _links("وأعلنت شركة كورية جنوبية أنها ستبني المصنع.")[0][1:] == ("شركة كورية جنوبية", "official_unnamed")
    assert _links("وتطالب جمعيات أهلية منذ عامين بإنشاء حديقة عامة.") == [
        ("وتطالب", "جمعيات أهلية", "vague")]
    assert _links("وأفادت هيئة تنمية الصادرات بأن الطلب ارتفع.") == [
        ("وأفادت", "هيئة تنمية الصادرات", "named_org")]
    assert _links("وقالت شركة نوكيا إن المبيعات تراجعت.") == [("وقالت", "شركة نوكيا", "named_org")]


def test_a_plural_of_people_with_its_plural_adjective_is_a_collective_whatever_follows():
    """No name takes a plural adjective: «منتجون محليون» are some producers, and after «يرى» what they see
    follows them directly, with no «أن» to close the subject."""
    assert _links("ويرى مؤرخون أوروبيون عدم صحة الرواية.") == [("ويرى", "مؤرخون أوروبيون", "vague")]
    assert _links("وقال منتجون محليون إن الأسعار سترتفع.") == [("وقال", "منتجون محليون", "vague")]


def test_an_office_right_after_a_given_name_is_the_family_name():
    """«القاضي», «والي», «الشيخ» are family names too: after a lone given name, with nothing of the office's
    own after it, the word completes the name, and the bare word later is that person, not a judge."""
    assert _links("وقال سامي القاضي إن المعرض ناجح. وأضاف القاضي أن الزوار كثيرون.") == [
        ("وقال", "سامي القاضي", "named_person"), ("وأضاف", "القاضي", "named_person")]
    links = _links("وأعلنت هالة والي، وزيرة الشؤون الاجتماعية، عن الجوائز. وقد صرحت والي بأن اللجنة اختارت عملين.")
    assert links == [("وأعلنت", "هالة والي", "named_person"), ("صرحت", "والي", "named_person")]
    # After a full name, an office is his: «نائب» opens «نائب رئيس النادي».
    assert _links("وقال ماجد الحربي نائب رئيس النادي إن الصفقة تمت.")[0][1] == "ماجد الحربي"


def test_the_mauritanian_ould_links_a_name_like_bin():
    """After «ولد», as after «بن», the name goes on even with a word that is also a title («الشيخ»)."""
    assert _links("ودعا المبعوث الخاص يحيى ولد الشيخ في كلمته إلى الحوار.")[0][1] == \
        "المبعوث الخاص يحيى ولد الشيخ"


def test_a_body_after_an_unknown_name_is_what_the_titled_speaker_acted_on():
    """«دعت زعيمة الحزب ليزبيث كوفاليك حكومة البلاد…»: the two name-shaped words after the title's
    complement are her name and «حكومة» starts whom she called on; read on, the whole run was one unnamed
    official and her later «وعلقت كوفاليك» went to it."""
    links = _links("ودعت زعيمة حزب الخضر ليزبيث كوفاليك حكومة البلاد إلى التريث. "
                   "وعلقت كوفاليك على القرار بأنه متسرع.")
    assert links == [("ودعت", "زعيمة حزب الخضر ليزبيث كوفاليك", "named_person"),
                     ("وعلقت", "كوفاليك", "named_person")]


def test_a_plural_in_yin_right_after_the_verb_is_its_object_not_its_subject():
    """A subject takes the nominative «ـون»; «ـين» right after the verb is whom it was told to or called on."""
    links = _links("وذكر التقرير أن المدير حاول إخفاء الأدلة، وأبلغ المسؤولين المحليين بروايته.")
    assert all(source is None or "المسؤولين" not in source for _, source, _ in links)
    assert _links("وأكد مسؤولون أن الطرح ناجح.") == [("وأكد", "مسؤولون", "official_unnamed")]


def test_drawing_attention_to_what_follows_anna_reports_it():
    links = _links("وقال رئيس الجمعية خالد العمري إن الموسم ناجح. ولفت النظر إلى أن عدد الزوار تضاعف.")
    assert links[-1] == ("ولفت النظر إلى", "رئيس الجمعية خالد العمري", "named_person")
    assert len(_links("وقال الوزير إن الأزمة عابرة. ولفت الانتباه إلى الأزمة مقال آخر.")) == 1


def test_a_regions_health_affairs_is_a_body_only_before_a_place():
    assert _links("وأوضحت صحة تبوك أن الحالات مستقرة.") == [("وأوضحت", "صحة تبوك", "named_org")]
    assert _links("وأكد الطبيب أن صحة المريض تتحسن.")[0][1] == "الطبيب"


def test_a_conjunction_after_the_verbs_object_joins_the_object_not_a_second_speaker():
    assert _links("ودعت مصر الأردن وتونس إلى اجتماع طارئ.") == [("ودعت", "مصر", "country_or_government")]
    links = _links("أكدت منظمة الأغذية والزراعة (فاو) وبرنامج الأغذية العالمي أن المجاعة تتسع.")
    assert [source for _, source, _ in links] == ["منظمة الأغذية والزراعة (فاو)", "برنامج الأغذية العالمي"]


def test_a_friend_of_the_writer_is_an_anonymous_private_person():
    assert _links("وشرحت لي صديقتي أنها لم تتلق ردا.") == [("وشرحت", "صديقتي", "anonymous")]


def test_the_levantine_general_al_imad_is_a_rank_before_a_family_name():
    """«العماد» is a rank (Lebanon, Syria), «عماد» a given name."""
    assert _links("وأكد العماد حداد أن الحدود هادئة.") == [("وأكد", "العماد حداد", "named_person")]
    assert _links("وقال عماد الحربي إن الموسم ناجح.")[0][1] == "عماد الحربي"


def test_a_word_before_bin_is_a_given_name_even_when_unlisted():
    """«عادل» is left out of the given names (it is also «just»); before «بن» it can only be one."""
    result = audit_text("أعلن رئيس الهيئة عادل بن سالم المري أن التسجيل بدأ بحضور رئيس الهيئة الأردنية زيد الخطيب. "
                        "وأوضح رئيس الهيئة أن المقاعد محدودة.", score=False)
    assert [(s.name, s.type) for s in result.sources] == [("رئيس الهيئة عادل بن سالم المري", "named_person")]
    assert [a.source.source for a in result.attributions] == [0, 0]


def test_a_plain_title_is_the_person_introduced_with_it_and_a_qualified_one_the_foreigner():
    """Two ministers of foreign affairs: the plain title is the one introduced with the plain title, «الوزير
    الإيطالي» the one whose title carries «الإيطالي»."""
    result = audit_text("أكد وزير الخارجية ناصر العتيبي أن الزيارة ناجحة، وذلك خلال لقائه وزير الخارجية الإيطالي "
                        "ماركو فيرالدي. وأكد فيرالدي أن بلاده مستعدة. وأوضح وزير الخارجية أن التعاون يتسع. "
                        "وأشار الوزير الإيطالي إلى أن الشركات مهتمة.", score=False)
    speakers = [(a.source.text, a.source.source) for a in result.attributions]
    assert [s.type for s in result.sources] == ["named_person", "named_person"]
    assert [index for _, index in speakers] == [0, 1, 0, 1]


def test_an_unlisted_name_closes_a_long_title_complement_before_anna():
    """The title runs on through «لدى … في …», and the two name-shaped words right before «أن» are the
    holder's name, even with no registered place or body before them."""
    links = _links("وأوضح مدير العمليات لدى فيتنكو في أوروبا الشرقية والقوقاز يان كوفاتش أن الطلب ارتفع.")
    assert links == [("وأوضح", "مدير العمليات لدى فيتنكو في أوروبا الشرقية والقوقاز يان كوفاتش", "named_person")]
    assert _links("وقال رئيس الجمعية في حديث خاص إن الموسم ناجح.")[0][2] == "official_unnamed"


def test_a_word_with_digits_ends_a_name():
    """Some pages glue the age to its number («52عاما»): no name has digits in it."""
    assert _links("وقالت صوفيا برانكو 52عاما إنها تنتظر منذ الصباح.") == [("وقالت", "صوفيا برانكو", "named_person")]


def test_a_title_then_the_family_name_of_someone_named_is_that_person_but_a_countrys_adjective_is_not():
    """Two people hold «الرئيس» here, so the title alone names neither; the family name does."""
    named = audit_text("واستقبل الرئيس خالد الفرحان رئيس الوزراء سعيد المالكي. وأكد الرئيس الفرحان أن الخطة جاهزة.",
                       score=False)
    assert [(a.source.text, a.source.type) for a in named.attributions][-1] == ("الرئيس الفرحان", "named_person")
    assert _links("وكان سامي اللبناني بين الحضور. وقال الرئيس اللبناني إن الزيارة مهمة.") == [
        ("وقال", "الرئيس اللبناني", "official_unnamed")]


def test_a_dash_before_the_name_after_a_titles_complement():
    assert _links("وقال النائب في البرلمان - سامي العتيبي إن القرار ظالم.") == [
        ("وقال", "النائب في البرلمان - سامي العتيبي", "named_person")]
    assert _links("وقال المتحدث باسم الشرطة - في تصريح صحفي - إن القرار نهائي.")[0][1:] == (
        "المتحدث باسم الشرطة", "official_unnamed")


def test_after_a_courtesy_title_deep_in_a_titles_complement_comes_the_name():
    assert _links("وأشاد أستاذ الجيولوجيا في جامعة أوسلو البروفيسور تورلايف باكن، بنتائج المسح.") == [
        ("وأشاد", "أستاذ الجيولوجيا في جامعة أوسلو البروفيسور تورلايف باكن", "named_person")]
    assert _links("وقال رئيس القسم في المستشفى الدكتور الغامدي إن الحالة مستقرة.") == [
        ("وقال", "رئيس القسم في المستشفى الدكتور الغامدي", "named_person")]


def test_a_title_contracted_with_lam_is_definite():
    """«للرئيس» is «ل» + «الرئيس»: a single name in «ي» after it is his name, as after «الرئيس»; after an
    indefinite title it is an adjective («لوزير كويتي»)."""
    assert _links("ووفقا للرئيس كينيدي فإن الحرب انتهت.")[0][2] == "named_person"
    assert _links("ووفقا لوزير كويتي فإن الحرب انتهت.")[0][2] == "official_unnamed"


@pytest.mark.parametrize("text, kept", [
    # Under «وفق» the agency has no verb of its own: a verb after a comma goes on with what the reported
    # subject did, and is no second report by the agency.
    ("ووفق تقارير وكالة الأنباء الأردنية، فإن المهرّب حاول عبور الحدود ليلاً، وأبلغ شركاءه بالموعد.", None),
    # After a speaking verb, the same shape is the speaker again.
    ("وقال مدير الجمارك عمر الحياري إن المهرّب حاول عبور الحدود ليلاً، وقال إن التحقيق مستمر.",
     ("وقال", "مدير الجمارك عمر الحياري", "named_person")),
])
def test_a_verb_after_a_comma_inside_what_a_source_reports(text, kept):
    links = _links(text)
    assert links[0][2] in ("named_media", "named_person")
    assert (links[1] if len(links) > 1 else None) == kept


def test_a_foreign_given_name_with_an_age_glued_to_its_number():
    # «جوليا» is a listed given name; the age written against its digits ends the name.
    text = "علمت جوليا هارتمان 61عاما وهي معلمة متقاعدة من طبيبها أنها تعافت تماماً."
    assert _links(text)[0] == ("علمت", "جوليا هارتمان", "named_person")


@pytest.mark.parametrize("text, expected", [
    # Bodies in the plural with no name, after «عدة» too.
    ("وقالت عدة جمعيات أهلية إن المساعدات لم تصل.", ("وقالت", "جمعيات أهلية", "vague")),
    ("وطالبت النقابات المهنية بزيادة الأجور.", ("وطالبت", "النقابات المهنية", "vague")),
    # Papers of unnamed makers are as opaque as their makers; a definite paper takes no maker after it.
    ("وبحسب تقديرات خبراء، فإن الطلب سيتراجع.", ("وبحسب", "تقديرات خبراء", "vague")),
    ("ودعا التقرير النقابات إلى خفض ساعات العمل.", ("ودعا", "التقرير", "document")),
])
def test_unnamed_groups_of_bodies_and_their_papers(text, expected):
    assert _links(text)[0] == expected


def test_a_body_and_a_group_joined_by_wa_speak_as_two():
    links = _links("وقالت هيئة الموانئ ومستوردون محليون إن الشحنات تأخرت أسبوعين.")
    assert [(s, t) for _, s, t in links] == [("هيئة الموانئ", "named_org"), ("مستوردون محليون", "vague")]


@pytest.mark.parametrize("text, cues", [
    # A thing opening its clause is the verb's subject: it shows something, no one is speaking.
    ("وقال المدير إن المبيعات تحسنت. فالأرقام الأخيرة تشير إلى انتعاش بطيء.", ["وقال"]),
    ("وأكد الخبير أن السوق مستقرة، لكن المؤشرات الأولية تؤكد عكس ذلك.", ["وأكد"]),
    ("وقال المدير إن المبيعات تحسنت. والتراجع الحاد يكشف ضعف الطلب.", ["وقال"]),
    # Where a speaker spoke is no subject of his verb.
    ("وقال المدرب إن الفريق جاهز. وعن الحلول في مقر النادي قال إن الوقت مبكر.", ["وقال", "قال"]),
    ("وقال المتحدث إن الفرق وصلت. وفي التفاصيل أكد أن الحريق أُخمد.", ["وقال", "أكد"]),
])
def test_a_thing_that_opens_its_clause_reports_nothing(text, cues):
    assert [cue for cue, _, _ in _links(text)] == cues


@pytest.mark.parametrize("text", [
    # A family name written once with the article and once without is one person.
    "وقال تاجر الذهب زياد فارسي إن الطلب ضعيف. كما يؤكد الفارسي أن الأسعار مستقرة.",
    "وأشاد الشيخ محمد خالد الحمد إن التعاون مستمر. وأكد الشيخ محمد الخالد أن الخطة ناجحة.",
    # «مختار» is a given name: the speaker's first name alone is still him.
    "وقال قائد الشرطة مختار حسين إن المضبوطات كبيرة. وأضاف مختار أن التحقيق مستمر.",
])
def test_one_person_under_two_forms_of_his_name(text):
    assert len(audit_text(text, score=False).sources) == 1


@pytest.mark.parametrize("text, expected", [
    # «علي» written with a dotted ya and closed by a family name is a man speaking; «على» goes on to its noun.
    ("وقال علي حمدان إن المحصول تضرر.", ("وقال", "علي حمدان", "named_person")),
    ("وقال على هامش المؤتمر إن العمل مستمر.", ("وقال", None, None)),
])
def test_ali_right_after_the_verb(text, expected):
    assert _links(text)[0] == expected


@pytest.mark.parametrize("text", [
    "فتعجب التاجر وسأله: وقال له كيف عدت؟ فأجابه بأن الطريق كان آمناً.",
    "فالناس كما ذكر آنفا يظنون أن الغلاء عابر.",
])
def test_a_question_word_or_a_back_reference_is_no_speakers_name(text):
    assert all(type_ != "named_person" for _, _, type_ in _links(text))


@pytest.mark.parametrize("text, expected", [
    # A speaker that opens its sentence before its verb is whom the next «و» verb goes on with.
    ("وقالت موسكو إن الحل سياسي. لكن واشنطن رفضت الطلب، واقترحت عقد اجتماع جديد.", "واشنطن"),
    # Unless the verbs disagree: the crowd listened (feminine), someone else spoke (masculine).
    ("وقال الداعية إن الصبر مفتاح الفرج. جماهير غفيرة أنصتت لكلمته، وتطرق فيها إلى فضل الصدقة.", "الداعية"),
])
def test_a_subject_that_comes_first_is_continued(text, expected):
    assert _links(text)[-1][1] == expected


@pytest.mark.parametrize("text, cues", [
    # A thing that points to or calls for something, in a relative clause, is no one speaking.
    ("وقال المحافظ إن الأضرار محدودة. وانتشرت على المواقع الصور التي تشير إلى حجم الأضرار.", ["وقال"]),
    ("وحذر الإمام من الأفكار المتطرفة التي تدعو إلى العنف.", ["وحذر"]),
])
def test_a_thing_in_a_relative_clause_points_to_something(text, cues):
    assert [cue for cue, _, _ in _links(text)] == cues


def test_in_his_view_is_the_speaker_just_cited():
    text = "وقال الخبير المالي سامر الدباغ إن التضخم سيتراجع. وبرأيه أن الفائدة ستبقى مرتفعة حتى الصيف."
    assert _links(text)[-1] == ("وبرأيه", "الخبير المالي سامر الدباغ", "named_person")


@pytest.mark.parametrize("text, relayed", [
    # The outlet relays; the speaker after «عن» is the source of what follows «أن», as with «قوله».
    ("ونقلت وكالة الأنباء الألمانية عن قائد الدفاع المدني عمر الخطيب أن الحريق أُخمد.",
     ("عن", "قائد الدفاع المدني عمر الخطيب", "named_person")),
    ("ونقل موقع إخباري محلي عن مسؤولين في البلدية أن الطريق سيفتح غداً.",
     ("عن", "مسؤولين في البلدية", "official_unnamed")),
])
def test_the_speaker_a_relay_names_after_an(text, relayed):
    links = _links(text)
    assert links[0][2] == "named_media" and relayed in links


def test_a_noun_in_ta_marbuta_after_a_full_name_is_what_he_did():
    text = ("أطلقت الرئيسة ماري جونسون مبادرة وطنية لمكافحة التدخين، وأكدت أنها ستشمل المدارس. "
            "وقالت جونسون إن التمويل مضمون.")
    names = [s.name for s in audit_text(text, score=False).sources]
    assert names == ["الرئيسة ماري جونسون"]


@pytest.mark.parametrize("text, cues", [
    # A feminine verb before a definite plural of things: what the things show, no one speaking.
    ("وقال الخبير إن السوق تتعافى. وتؤكد الوقائع الأخيرة أن النمو سيستمر.", ["وقال"]),
    # A woman named by a title in «ة», or by a family name shaped like a noun, still speaks.
    ("وقال الخبير إن السوق تتعافى. وتقول المستشارة إن النمو سيستمر.", ["وقال", "وتقول"]),
    ("وقالت المهندسة سلمى الحداد إن الجسر آمن. وتقول الحداد إن الصيانة انتهت.", ["وقالت", "وتقول"]),
])
def test_a_feminine_verb_before_things(text, cues):
    assert [cue for cue, _, _ in _links(text)] == cues


@pytest.mark.parametrize("text, expected", [
    ("وألقى الشيخ سالم آل حامد كلمة تحدث فيها عن أهمية التطوع.", [("تحدث", "الشيخ سالم آل حامد", "named_person")]),
    ("ووجه مدير التعليم تعميما إلى المدارس أكد فيه بدء الدراسة يوم الأحد.",
     [("أكد", "مدير التعليم", "official_unnamed")]),
    ("ويرى خالد أمرا آخر في هذه القضية، ويقول إن الحل قريب.",
     [("ويرى", "خالد", "named_person"), ("ويقول", "خالد", "named_person")]),
])
def test_the_speech_or_paper_a_speaker_gave_ends_the_speakers_name(text, expected):
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وسجل رئيس الوفد الماليزي كلمة في سجل الزوار أثنى فيها على ما رآه من تنظيم.",
     [("أثنى", "رئيس الوفد الماليزي", "official_unnamed")]),
    ("وكانت صحيفة الرأي قد رصدت الملف ونشرت الأسبوع الماضي تقريرا مطولا، أوضحت فيه أن المشروع تأخر عامين.",
     [("ونشرت", None, None), ("أوضحت", "صحيفة الرأي", "named_media")]),
    ("ونعى وزير الثقافة، سامي الحربي، الشاعر الراحل، في تغريدة على حسابه في تويتر، قال فيها إن الساحة فقدت صوتا.",
     [("قال", "وزير الثقافة، سامي الحربي", "named_person")]),
    # Guard: a phrase with a preposition attached names no speaker, nor does anything inside it.
    ("جاء ذلك في تصريح صحفي للحركة، أكدت فيه أن الحصار يجب أن ينتهي.", [("أكدت", None, None)]),
])
def test_a_verb_with_in_which_speaks_for_whoever_gave_the_speech_or_paper(text, expected):
    """«… كلمة في السجل أثنى فيها»: «فيها» takes up the speech or paper; the one who gave it, the subject of
    the clause that brought it in, is who speaks."""
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقال مدير الميناء خالد العمري إن السفن تأخرت. ويقول بلهجة حازمة: لن نقبل بالتأخير.",
     [("وقال", "مدير الميناء خالد العمري", "named_person"), ("ويقول", "مدير الميناء خالد العمري", "named_person")]),
    ("وقال رئيس اللجنة سامي الزهراني إن التقرير جاهز. وأوصى بإعادة إرسال مسودة الميثاق للغرفة التجارية لجميع "
     "الأعضاء، وإضافة عضوين للجنة.",
     [("وقال", "رئيس اللجنة سامي الزهراني", "named_person"), ("وأوصى", "رئيس اللجنة سامي الزهراني", "named_person")]),
    ("وأكد الداعية ماجد السالم أن الخطاب يتجدد، وأكد بشكل صريح أن المنبر ليس للسياسة.",
     [("وأكد", "الداعية ماجد السالم", "named_person"), ("وأكد", "الداعية ماجد السالم", "named_person")]),
    # Guard: names that begin with «بـ» still speak.
    ("وقال باسلمة إن الفريق جاهز.", [("وقال", "باسلمة", "named_person")]),
    ("وقالت بثينة العلي إن الحملة نجحت.", [("وقالت", "بثينة العلي", "named_person")]),
])
def test_a_preposition_and_a_noun_of_manner_after_the_verb_are_no_speaker(text, expected):
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    # «سعيد», «عادل» are left out of the given names for their other senses; «بن» after them makes a name.
    ("وقال المدير، سعيد بن علي القحطاني، إن العمل مستمر.",
     [("وقال", "المدير، سعيد بن علي القحطاني", "named_person")]),
    ("أكد وزير الخارجية، عادل بن سالم الهاشمي، أن المفاوضات مستمرة.",
     [("أكد", "وزير الخارجية، عادل بن سالم الهاشمي", "named_person")]),
])
def test_a_name_set_off_by_a_comma_after_a_title_may_start_with_any_word_before_bin(text, expected):
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ودعا وزير الخارجية البرتغالي محمد جواد نوري دول الجوار إلى الحوار. وكان نوري قد أكد أن بلاده منفتحة.",
     [("ودعا", "وزير الخارجية البرتغالي محمد جواد نوري", "named_person"), ("أكد", "نوري", "named_person")]),
    # Guard: a fourth word that no definite noun follows is still part of the name.
    ("وقال رئيس الاتحاد محمد رضا نعمت زاده إن الخطة جاهزة.",
     [("وقال", "رئيس الاتحاد محمد رضا نعمت زاده", "named_person")]),
])
def test_three_plain_words_are_a_whole_name_before_the_object_in_construct(text, expected):
    """«… محمد جواد نوري دول الجوار»: the countries he called on are not part of his name, and the name
    without them is the one «نوري» later takes up."""
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقال الرئيس الإيراني حسن روحاني إن الاتفاق جيد. وقال السيناتور بوب كروكر إن الاتفاق سيئ. وهاجم روحاني معارضي "
     "الاتفاق وقال إن بلاده لن تتراجع.",
     [("وقال", "الرئيس الإيراني حسن روحاني", "named_person"), ("وقال", "السيناتور بوب كروكر", "named_person"),
      ("وقال", "روحاني", "named_person")]),
    ("وقال وزير المالية خالد العمري إن العجز تراجع. وقال النائب سامي الدوسري إن الأرقام مضللة. فضلا عن ذلك، هاجم "
     "العمري خصومه بشدة، وقال إن الأرقام رسمية.",
     [("وقال", "وزير المالية خالد العمري", "named_person"), ("وقال", "النائب سامي الدوسري", "named_person"),
      ("وقال", "العمري", "named_person")]),
])
def test_a_speaker_brought_in_by_another_verb_is_found_past_its_object_and_an_opening_phrase(text, expected):
    """«وهاجم روحاني معارضي الاتفاق وقال»: a plural participle in construct is whom he attacked, not his name;
    «فضلا عن ذلك،» opens the sentence before its verb, as «في» or «أمس» do."""
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقال المدرب خالد العلي إن الفريق جاهز. ودفع اللاعبان بالكفالة، حيث أشارا إلى أنهما بريئان.",
     [("وقال", "المدرب خالد العلي", "named_person"), ("أشارا", None, None)]),
    ("وقال وزير الخارجية سامي الحربي إن الزيارة ناجحة. وأشادتا بدور المملكة في دعم الحكومة.",
     [("وقال", "وزير الخارجية سامي الحربي", "named_person"), ("وأشادتا", None, None)]),
    # Guard: «دعا» ends in «ا» and is singular.
    ("وقال المدرب خالد العلي إن الفريق جاهز. ودعا إلى الهدوء.",
     [("وقال", "المدرب خالد العلي", "named_person"), ("ودعا", "المدرب خالد العلي", "named_person")]),
])
def test_a_verb_in_the_dual_does_not_continue_one_speaker(text, expected):
    assert _links(text) == expected


def test_a_topic_opened_by_amma_speaks_through_fa_qad():
    text = "وقال المواطن أحمد العثمان إن الحر شديد. أما المواطن ماجد الفرحان، فقد قال: الأسعار مرتفعة جدا هذه الأيام."
    assert _links(text) == [("وقال", "المواطن أحمد العثمان", "named_person"),
                            ("قال", "المواطن ماجد الفرحان", "named_person")]


@pytest.mark.parametrize("text, said", [
    ("أما المواطن ماجد الفرحان، فقد قال: الأسعار مرتفعة جدا هذه الأيام.", "الأسعار مرتفعة جدا هذه الأيام"),
    ("وكانت وزارة الطاقة قد أعلنت الشهر الماضي أن الإنتاج سيرتفع.", "الشهر الماضي أن الإنتاج سيرتفع"),
])
def test_what_a_subject_before_its_verb_said_starts_after_the_verb(text, said):
    attribution, = audit_text(text, score=False).attributions
    start, end = attribution.content
    assert text[start:end] == said


@pytest.mark.parametrize("text, expected", [
    ("واعترف قائمقام أمين عام مركز مكافحة التهريب في الإقليم، علي رضا الكرماني، بأن الأرقام ارتفعت.",
     [("واعترف", "قائمقام أمين عام مركز مكافحة التهريب في الإقليم، علي رضا الكرماني", "named_person")]),
    ("وقال المتحدث باسم الشرطة، علي حسن القرني، إن التحقيق مستمر.",
     [("وقال", "المتحدث باسم الشرطة، علي حسن القرني", "named_person")]),
    # Guard: a verbal noun of form III in construct is no name.
    ("وقال مدير مركز متابعة الأسواق إن الأسعار مستقرة.", [("وقال", "مدير مركز متابعة الأسواق", "official_unnamed")]),
])
def test_a_name_after_a_titles_comma_may_open_with_ali(text, expected):
    """«علي» is also «على» once normalized; after a title's comma, with a name after it, it opens the name."""
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وأشاد رئيس النادي سالم آل حامد بنجاح المعسكر.", [("وأشاد", "رئيس النادي سالم آل حامد", "named_person")]),
    ("ودان الأمين العام الأسبق د. وديع جرجس سمعان العملية الإرهابية.",
     [("ودان", "الأمين العام الأسبق د. وديع جرجس سمعان", "named_person")]),
    ("وطالب الرئيس عبدربه منصور نوري المليشيات المسلحة بالانسحاب.",
     [("وطالب", "الرئيس عبدربه منصور نوري", "named_person")]),
    # Guards: a foreign family name in «بـ», and a family name with the article, stay in the name.
    ("ودعا مساعد الوزير أنطوني بلينكن الأطراف إلى الحوار.",
     [("ودعا", "مساعد الوزير أنطوني بلينكن", "named_person")]),
    ("وقال محمد علي حسن الأحمد إن الوضع هادئ.", [("وقال", "محمد علي حسن الأحمد", "named_person")]),
])
def test_a_name_ends_before_what_the_speaker_praised_or_condemned(text, expected):
    """After a name, «بـ» and a plain verbal noun («بنجاح», «بقتل») in construct, or a definite noun with a
    definite adjective after three name words, is the verb's object, not more of the name."""
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقال الرئيس رجب طيب إردوغان إن الحرب مستمرة. وقال مسؤولون إن الغارات توقفت. لكن إردوغان قال أمس إن "
     "العمليات ستستمر.",
     [("وقال", "الرئيس رجب طيب إردوغان", "named_person"), ("وقال", "مسؤولون", "official_unnamed"),
      ("قال", "إردوغان", "named_person")]),
    # Guard: a word no one in the article is named by is not a speaker.
    ("وقال مسؤولون إن الغارات توقفت. لكن الحرب قال فيها الجميع كلمتهم.", [("وقال", "مسؤولون", "official_unnamed")]),
])
def test_a_family_name_opening_its_clause_before_the_verb_is_that_speaker(text, expected):
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('التقينا "كيفن ماردن"، وعمره 60 عاما، في مزرعته. يقول "ماردن": "الشبكة تنقطع كل ساعة".',
     [("يقول", "ماردن", "named_person")]),
    ("وأكدت «ماما فاطمة» أنها لم تفاجأ بالخبر.", [("وأكدت", "ماما فاطمة", "named_person")]),
    # Guard: a quoted name no one in the article bears is a body's.
    ('وقال "بروميكس": "الشحنات ستصل الشهر المقبل".', [("وقال", "بروميكس", "named_org")]),
])
def test_a_quoted_family_name_of_someone_named_before_is_that_person(text, expected):
    assert _links(text) == expected


def test_what_was_said_after_a_quoted_name_starts_inside_the_quotation():
    text = 'التقينا "كيفن ماردن" في مزرعته. يقول "ماردن": "الشبكة تنقطع كل ساعة".'
    attribution, = audit_text(text, score=False).attributions
    start, end = attribution.content
    assert text[start:end] == "الشبكة تنقطع كل ساعة"
