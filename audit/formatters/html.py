"""The editorial review report of one article: one self-contained HTML file (no script, no network),
right to left, printable, with every finding highlighted and explained, the sources, an editor's
checklist and charts. Everything from the article is escaped (Jinja2 autoescape)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from audit.formatters.arabic import BAND_NAMES, CATEGORY_NAMES, LABEL_NAMES, STANCE_NAMES, TYPE_NAMES, counted
from audit.results import ArticleAudit, Finding

# Findings highlighted in the text, outermost first when they overlap.
SHOWN = ("boilerplate", "quote", "unattributed_claim", "source", "cue", "agentless", "hedge", "booster", "loaded")
_NESTING = {category: rank for rank, category in enumerate(SHOWN)}
CONTENT_SECURITY_POLICY = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
                           "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("audit", "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["percent"] = lambda value: "—" if value is None else f"{round(value * 100)}%"
    return env


def _tooltip(finding: Finding, audit: ArticleAudit) -> str:
    parts = [CATEGORY_NAMES.get(finding.category, finding.category)]
    if finding.category == "source":
        source = next((s for s in audit.sources if (finding.start, finding.end) in s.mentions), None)
        parts.append(TYPE_NAMES.get(finding.label, finding.label))
        if source is not None:
            parts.append(f"الغموض {source.opacity} من 4")
    elif finding.label in LABEL_NAMES:
        parts.append(LABEL_NAMES[finding.label])
    elif finding.label and finding.label != finding.category:
        parts.append(finding.label)
    parts.append(f"القاعدة: {finding.rule}")
    return " · ".join(parts)


def highlighted_text(audit: ArticleAudit) -> tuple[Markup, int]:
    """The article as HTML, one block per paragraph (print keeps a paragraph, and so every highlight, on one
    page), every shown finding wrapped in spans carrying its id; a finding that crosses another or a
    paragraph break is split into pieces with the same `data-f`. Returns the HTML and the number of
    findings."""
    text = audit.text
    shown = [(i, f) for i, f in enumerate(audit.findings) if f.category in SHOWN and f.end > f.start]
    paragraphs = [p for p in audit.paragraphs if p[1] > p[0]] or [(0, len(text))]
    breaks = {0, len(text)} | {p[0] for p in paragraphs} | {p[1] for p in paragraphs}
    bounds = sorted(breaks | {f.start for _, f in shown} | {f.end for _, f in shown})
    paragraph_at = {p[0]: p[1] for p in paragraphs}
    starts: dict[int, list[tuple[int, Finding]]] = {}
    for item in shown:
        starts.setdefault(item[1].start, []).append(item)
    active: list[tuple[int, Finding]] = []
    pieces: list[str] = []
    paragraph_end = -1
    for left, right in zip(bounds, bounds[1:], strict=False):
        active = [item for item in active if item[1].end > left] + starts.get(left, [])
        active.sort(key=lambda item: (_NESTING[item[1].category], item[1].start, -item[1].end))
        if left == paragraph_end:
            pieces.append("</div>")
        if left in paragraph_at:
            pieces.append('<div class="para">')
            paragraph_end = paragraph_at[left]
        elif left >= paragraph_end and not text[left:right].strip():
            continue  # the blank lines between paragraphs: the blocks' margins show them
        piece = str(escape(text[left:right]))
        for index, finding in reversed(active):
            kind = f" t-{finding.label}" if finding.category == "source" else ""
            classes = escape(f"f f-{finding.category}{kind}")
            piece = (f'<span class="{classes}" data-f="{index}" data-category="{escape(finding.category)}" '
                     f'title="{escape(_tooltip(finding, audit))}">{piece}</span>')
        pieces.append(piece)
    if paragraph_end == len(text):
        pieces.append("</div>")
    return Markup("".join(pieces)), len(shown)


def checklist(audit: ArticleAudit) -> list[str]:
    """What an editor should do before publishing, from the findings."""
    m = audit.metrics
    items = []
    unidentified = [a for a in audit.attributions if a.source and a.source.type in ("anonymous", "vague")]
    if unidentified:
        items.append(f"{counted(len(unidentified), 'معلومة', 'معلومتان', 'معلومات', feminine=True)} تستند إلى "
                     "مصادر مجهولة أو مبهمة: اطلب تأكيداً من مصدر مسمّى.")
    unexplained = [s for s in audit.sources
                   if s.type in ("anonymous", "official_unnamed") and not s.anonymity_reason_given]
    if unexplained:
        items.append(f"{counted(len(unexplained), 'مصدر', 'مصدران', 'مصادر', feminine=False)} غير مسمّى دون ذكر "
                     "سبب إخفاء الهوية: اذكر لماذا لا يُسمّى المصدر.")
    if m["agentless"]:
        items.append(f"{counted(m['agentless'], 'صيغة', 'صيغتان', 'صيغ', feminine=True)} مبنية للمجهول "
                     "(يُعتقد، يُقال…) تخفي المصدر: سمِّ من يعتقد أو يقول.")
    if m["unattributed_claims"]:
        items.append(f"{counted(m['unattributed_claims'], 'جملة', 'جملتان', 'جمل', feminine=True)} تقرر وقائع "
                     "دون مصدر: أضف المصدر أو تحقق منها.")
    if m["unattributed_quotes"]:
        items.append(f"{counted(m['unattributed_quotes'], 'اقتباس', 'اقتباسان', 'اقتباسات', feminine=False)} بلا "
                     "قائل: حدّد من قال.")
    if m["unlinked_attributions"]:
        items.append(f"{counted(m['unlinked_attributions'], 'فعل', 'فعلان', 'أفعال', feminine=False)} إسناد لم "
                     "يُعرف فاعله: تأكد من أن القارئ يعرف من يتكلم.")
    named = [s for s in audit.sources if s.opacity <= 1]
    if audit.attributions and len(named) <= 1 and len(audit.sources) <= 1:
        items.append("يعتمد الخبر على مصدر واحد: أضف صوتاً مستقلاً.")
    if m["hedges_per_100_words"] >= 1.0:
        items.append(f"التحوّط مرتفع ({m['hedges_per_100_words']:.1f} لكل 100 كلمة): افصل ما هو مؤكد عمّا هو "
                     "متوقَّع.")
    distancing = sum(1 for a in audit.attributions if a.cue.stance == "distancing")
    if distancing:
        items.append(f"{counted(distancing, 'فعل', 'فعلان', 'أفعال', feminine=False)} تشكيك (زعم، ادّعى): تأكد "
                     "من أن الصياغة منصفة.")
    if not audit.attributions:
        items.append("لا ينسب الخبر أي معلومة إلى أي مصدر.")
    return items or ["لا ملاحظات على الإسناد."]


def article_charts(audit: ArticleAudit) -> dict[str, str]:
    from audit import charts

    out = {}
    types = Counter(s.type for s in audit.sources)
    if types:
        order = [t for t in TYPE_NAMES if types[t]]
        colours = [charts.COLOURS["named"] if t in ("named_person", "named_org", "named_media", "document", "self")
                   else charts.COLOURS["official"] if t in ("official_unnamed", "country_or_government")
                   else charts.COLOURS["unidentified"] for t in order]
        out["types"] = charts.data_uri(charts.horizontal_bars([TYPE_NAMES[t] for t in order], [types[t] for t in order],
                                                   "مزيج أنواع المصادر", colours, "عدد المصادر"))
    paragraphs = [i for i, s in enumerate(audit.sentences) if not s.headline and not s.boilerplate]
    paragraph_ids = sorted({audit.sentences[i].paragraph for i in paragraphs})
    if paragraph_ids:
        series: dict[str, list[float]] = {"مصادر مسمّاة": [], "مسؤولون وحكومات": [], "مجهولة ومبهمة": [],
                                          "مبني للمجهول": [], "وقائع بلا مصدر": []}
        spans = {p: (min(audit.sentences[i].start for i in paragraphs if audit.sentences[i].paragraph == p),
                     max(audit.sentences[i].end for i in paragraphs if audit.sentences[i].paragraph == p))
                 for p in paragraph_ids}
        for p in paragraph_ids:
            start, end = spans[p]
            inside = [a for a in audit.attributions if start <= a.cue.start < end]
            opacity = [a.source.type for a in inside if a.source]
            series["مصادر مسمّاة"].append(sum(t in ("named_person", "named_org", "named_media", "document", "self")
                                              for t in opacity))
            series["مسؤولون وحكومات"].append(sum(t in ("official_unnamed", "country_or_government") for t in opacity))
            series["مجهولة ومبهمة"].append(sum(t in ("anonymous", "vague") for t in opacity))
            series["مبني للمجهول"].append(sum(1 for f in audit.findings
                                              if f.category == "agentless" and start <= f.start < end))
            series["وقائع بلا مصدر"].append(sum(1 for f in audit.findings
                                                if f.category == "unattributed_claim" and start <= f.start < end))
        series_colours = dict(zip(series, (charts.COLOURS["named"], charts.COLOURS["official"],
                                           charts.COLOURS["unidentified"], charts.COLOURS["agentless"],
                                           charts.COLOURS["claims"]), strict=True))
        out["paragraphs"] = charts.data_uri(charts.stacked_columns(
            [str(n + 1) for n in range(len(paragraph_ids))], series, series_colours, "الإسناد على امتداد الخبر",
            "الفقرة", "العدد"))
    m = audit.metrics
    out["epistemic"] = charts.data_uri(charts.horizontal_bars(["تحوّط", "جزم", "مبني للمجهول"],
                                                   [m["hedges"], m["boosters"], m["agentless"]],
                                                   "التحوّط والجزم والبناء للمجهول",
                                                   [charts.COLOURS["hedge"], charts.COLOURS["booster"],
                                                    charts.COLOURS["agentless"]]))
    return out


def context(audit: ArticleAudit, *, with_charts: bool = True) -> dict[str, Any]:
    body, shown = highlighted_text(audit)
    score = audit.score
    reasons = []
    if score:
        for reason in score["reasons"][:3]:
            reasons.append({"sign": "+" if reason["contribution"] > 0 else "−", "text": reason.get("text", "")})
    sources = []
    for source in sorted(audit.sources, key=lambda s: (s.opacity, -s.attributions)):
        verbs = Counter(zip(source.verbs, source.stances, strict=False))
        sources.append({
            "name": source.name, "type": TYPE_NAMES[source.type], "type_key": source.type, "opacity": source.opacity,
            "mentions": len(source.mentions),
            "verbs": "، ".join(f"{verb} ({STANCE_NAMES.get(stance, stance)})" + (f" ×{n}" if n > 1 else "")
                               for (verb, stance), n in verbs.items()),
            "reason": ("نعم" if source.anonymity_reason_given else "لا")
            if source.type in ("anonymous", "official_unnamed") else "—",
        })
    legend = [(category, CATEGORY_NAMES[category]) for category in SHOWN if category != "loaded"]
    return {"audit": audit, "score": score, "band_name": BAND_NAMES.get(score["band"]) if score else None,
            "reasons": reasons, "body": body, "shown": shown, "sources": sources, "checklist": checklist(audit),
            "legend": legend, "type_names": TYPE_NAMES, "charts": article_charts(audit) if with_charts else {},
            "csp": CONTENT_SECURITY_POLICY, "metrics": audit.metrics, "stats": audit.stats}


def render(audit: ArticleAudit, *, with_charts: bool = True) -> str:
    return environment().get_template("article.html.j2").render(**context(audit, with_charts=with_charts))
