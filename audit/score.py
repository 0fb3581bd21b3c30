"""Attach the sourcing-strength score to an audit: the model's probabilities, 0-100 value, band and the
features that moved it most, each with a sentence in Arabic for editors."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

from audit.features import featurize
from audit.model import PACKAGED_MODEL, Model, load_model
from audit.results import ArticleAudit

_MODELS: dict[tuple[str, str | None], Model] = {}


def get_model(path: str | Path | None = None, lexicon_version: str | None = None) -> Model | None:
    """The model at `path` (the packaged one by default), loaded and verified once per process; None when
    no model ships with the package."""
    key = (str(path or PACKAGED_MODEL), lexicon_version)
    model = _MODELS.get(key)
    if model is None:
        if path is None and not PACKAGED_MODEL.exists():
            return None
        model = _MODELS[key] = load_model(path, lexicon_version=lexicon_version)
    return model


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def _count(value: float) -> int:
    return round(math.expm1(value))


_TEMPLATES: dict[str, Any] = {
    "attributed_sentence_ratio": lambda v: f"{_percent(v)} من الجمل منسوبة إلى مصدر",
    "named_attribution_share": lambda v: f"{_percent(v)} من الإسناد إلى مصادر مسمّاة",
    "anonymous_attribution_share": lambda v: f"يعتمد {_percent(v)} من الإسناد على مصادر مجهولة أو مبهمة",
    "official_attribution_share": lambda v: f"{_percent(v)} من الإسناد إلى مسؤولين غير مسمّين أو إلى حكومات",
    "unlinked_attribution_share": lambda v: f"{_percent(v)} من أفعال الإسناد بلا مصدر واضح",
    "named_source_share": lambda v: f"{_percent(v)} من المصادر مسمّاة",
    "anonymous_share": lambda v: f"{_percent(v)} من المصادر مجهولة أو مبهمة",
    "mean_opacity": lambda v: f"متوسط غموض المصادر {v:.1f} من 4",
    "log_distinct_sources": lambda v: f"عدد المصادر المختلفة: {_count(v)}",
    "log_independent_sources": lambda v: f"عدد المصادر المستقلة: {_count(v)}",
    "log_named_sources": lambda v: f"عدد المصادر المسمّاة: {_count(v)}",
    "log_unidentified_sources": lambda v: f"عدد المصادر المجهولة أو المبهمة: {_count(v)}",
    "has_named_person": lambda v: "يتحدث في الخبر شخص مسمّى" if v else "لا يتحدث في الخبر أي شخص مسمّى",
    "has_document": lambda v: "يستند الخبر إلى وثيقة مسمّاة" if v else "لا يستند الخبر إلى وثيقة مسمّاة",
    "source_type_entropy": lambda v: f"تنوّع أنواع المصادر {v:.1f} بت",
    "log_attributed_quotes": lambda v: f"اقتباسات مباشرة منسوبة إلى قائليها: {_count(v)}",
    "unattributed_quote_share": lambda v: f"{_percent(v)} من الاقتباسات بلا قائل",
    "hedges_per_100_words": lambda v: f"{v:.1f} عبارة تحوّط لكل 100 كلمة",
    "boosters_per_100_words": lambda v: f"{v:.1f} عبارة جزم لكل 100 كلمة",
    "agentless_per_100_words": lambda v: f"{v:.1f} صيغة مبنية للمجهول (يُعتقد، يُقال…) لكل 100 كلمة",
    "unattributed_claim_ratio": lambda v: f"{_percent(v)} من الجمل تقرر وقائع دون مصدر",
    "distancing_share": lambda v: f"{_percent(v)} من الإسناد بأفعال تشكيك (زعم، ادّعى)",
    "endorsing_share": lambda v: f"{_percent(v)} من الإسناد بأفعال تأكيد (أكد، كشف)",
    "anonymity_reason_share": lambda v: f"سبب إخفاء الهوية مذكور لـ{_percent(v)} من المصادر غير المسمّاة",
    "lead_attributed": lambda v: "مقدمة الخبر منسوبة إلى مصدر" if v else "مقدمة الخبر بلا مصدر",
    "wire_credit": lambda v: "يذكر سطر المكان مصدر الخبر" if v else "لا سطر مكان يذكر مصدر الخبر",
    "log_words": lambda v: f"طول الخبر {_count(v)} كلمة",
    "top_source_share": lambda v: f"{_percent(v)} من الإسناد إلى مصدر واحد",
    "log_attributions": lambda v: f"عدد مرات الإسناد: {_count(v)}",
    "attributions_per_100_words": lambda v: f"{v:.1f} إسناد لكل 100 كلمة",
    "first_source_opacity": lambda v: ("لا يُسند الخبر شيئاً إلى أي مصدر" if v >= 5
                                       else f"غموض أول مصدر في الخبر {v:.0f} من 4"),
    "log_named_persons": lambda v: f"عدد الأشخاص المسمّين المتحدثين: {_count(v)}",
    "quotes_per_100_words": lambda v: f"{v:.1f} اقتباس مباشر لكل 100 كلمة",
    "question_ratio": lambda v: f"{_percent(v)} من الجمل أسئلة",
    "writer_voice_per_100_words": lambda v: f"{v:.1f} عبارة بصوت الكاتب (أرى، نحن، في رأيي) لكل 100 كلمة",
    "lead_named": lambda v: "مقدمة الخبر منسوبة إلى مصدر مسمّى" if v else "لا مصدر مسمّى في مقدمة الخبر",
    "several_named_sources": lambda v: "يتحدث في الخبر مصدران مسمّيان أو أكثر" if v else "أقل من مصدرين مسمّيين",
    "on_record_at_length": lambda v: ("شخص مسمّى يتحدث علناً أكثر من مرة" if v
                                      else "لا شخص مسمّى يتحدث أكثر من مرة"),
}


def reason_text(feature: str, value: float) -> str:
    """The reason in words, in Arabic, as an editor would say it."""
    template = _TEMPLATES.get(feature)
    return template(value) if template else f"{feature} = {value:g}"


def score_audit(audit: ArticleAudit, *, model: Model | str | Path | None = None, lexicon: Any = None) -> ArticleAudit:
    """The audit with its `score` filled in (unchanged when no model is available)."""
    if not isinstance(model, Model):
        model = get_model(model, getattr(lexicon, "version", None))
    if model is None:
        return audit
    score = model.score(featurize(audit))
    for reason in score["reasons"]:
        reason["text"] = reason_text(reason["feature"], reason["value"])
    return dataclasses.replace(audit, score=score)
