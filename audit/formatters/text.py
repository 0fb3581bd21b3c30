"""The terminal summary of `audit check`: counts, the sources, then every flagged phrase in its context."""

from __future__ import annotations

from collections import Counter

from audit.results import ArticleAudit, Finding

TYPE_NAMES = {
    "named_person": "named person",
    "named_org": "named organization",
    "named_media": "named outlet",
    "document": "document",
    "self": "the outlet itself",
    "official_unnamed": "unnamed official",
    "country_or_government": "country/government",
    "anonymous": "anonymous",
    "vague": "vague collective",
}
_SHOWN = ("cue", "source", "agentless", "hedge", "booster", "quote", "unattributed_claim", "loaded")
_COLORS = {"cue": "36", "source": "35", "agentless": "31", "hedge": "33", "booster": "33",
           "quote": "32", "unattributed_claim": "31", "boilerplate": "90", "loaded": "31"}
CONTEXT = 32


class _Style:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _context(text: str, finding: Finding, style: _Style) -> str:
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    line_end = len(text) if line_end < 0 else line_end
    before_start = max(line_start, finding.start - CONTEXT)
    after_end = min(line_end, finding.end + CONTEXT)
    before = ("…" if before_start > line_start else "") + text[before_start:finding.start]
    after = text[finding.end:after_end] + ("…" if after_end < line_end else "")
    span = finding.text.replace("\n", " ")
    return f"{before}{style('[' + span + ']', '1;' + _COLORS.get(finding.category, '0'))}{after}"


def render(audit: ArticleAudit, *, color: bool = False, max_findings: int | None = None) -> str:
    style = _Style(color)
    m, stats = audit.metrics, audit.stats
    out: list[str] = []
    heading = audit.id + (f" — {audit.title}" if audit.title else "")
    out.append(style(heading, "1"))
    out.append(f"{stats['words']} words · {stats['sentences']} sentences · {stats['paragraphs']} paragraphs · "
               f"{stats['arabic_ratio']:.0%} Arabic letters")
    for warning in audit.warnings:
        out.append(style(f"warning: {warning}", "33"))
    out.append("")
    score = audit.score
    if score:
        band_colour = {"weak": "31", "moderate": "33", "strong": "32"}[score["band"]]
        out.append(style(f"Sourcing strength  {score['value']:.0f}/100  {score['band'].upper()}", "1;" + band_colour)
                   + f"   (weak {score['probabilities']['weak']:.0%} · moderate "
                   f"{score['probabilities']['moderate']:.0%} · strong {score['probabilities']['strong']:.0%})")
        for reason in score["reasons"][:3]:
            sign = "+" if reason["contribution"] > 0 else "−"
            out.append(f"  {sign} {reason['text']}")
    else:
        out.append("Sourcing strength  not scored (no model loaded)")
    out.append("")
    counts = Counter(f.category for f in audit.findings)
    types = Counter(s.type for s in audit.sources)
    out.append(f"Attributions   {m['attributions']} ({m['attributed_sentence_ratio']:.0%} of sentences attributed"
               f", {m['unlinked_attributions']} without a source)")
    type_list = " · ".join(f"{TYPE_NAMES[t]} {n}" for t, n in types.most_common())
    out.append(f"Sources        {m['distinct_sources']} distinct ({m['independent_sources']} independent)"
               + (f": {type_list}" if type_list else ""))
    if m["distinct_sources"]:
        out.append(f"               named {m['named_source_share']:.0%} · anonymous or vague "
                   f"{m['anonymous_share']:.0%} · mean opacity {m['mean_opacity']:.1f} of 4")
    out.append(f"Agentless      {m['agentless']}    Hedges {m['hedges']} ({m['hedges_per_100_words']:.1f}/100 words)"
               f"    Boosters {m['boosters']}")
    out.append(f"Quotes         {m['direct_quotes']} ({m['attributed_quotes']} attributed, "
               f"{m['unattributed_quotes']} unattributed)    Unattributed claims {m['unattributed_claims']}")
    if counts["boilerplate"]:
        out.append(f"Page furniture {counts['boilerplate']} block(s) left out of every figure")
    if audit.provenance:
        out.append("Wire credit    " + ", ".join(p.text.strip() for p in audit.provenance))

    if audit.sources:
        out.append("")
        out.append(style("Sources", "1"))
        out.append(f"  {'type':<20} {'opacity':>7} {'said':>4}  {'stance':<24} name")
        for source in sorted(audit.sources, key=lambda s: (s.opacity, -s.attributions)):
            stances = Counter(source.stances)
            stance = ", ".join(f"{k} {v}" if v > 1 else k for k, v in stances.most_common()) or "-"
            reason = " (anonymity explained)" if source.anonymity_reason_given else ""
            out.append(f"  {TYPE_NAMES[source.type]:<20} {source.opacity:>7} {source.attributions:>4}  "
                       f"{stance:<24} {source.name.replace(chr(10), ' ')}{reason}")

    shown = [f for f in audit.findings if f.category in _SHOWN]
    if shown:
        out.append("")
        out.append(style("Flagged phrases", "1"))
        limit = len(shown) if max_findings is None else max_findings
        for finding in shown[:limit]:
            line, col = _line_col(audit.text, finding.start)
            label = finding.label if finding.category != "source" else TYPE_NAMES.get(finding.label, finding.label)
            context = _context(audit.text, finding, style)
            out.append(f"  {line:>4}:{col:<4} {finding.category:<19} {label:<20} {context}")
        if len(shown) > limit:
            out.append(f"  … {len(shown) - limit} more (use --format json for all)")
    return "\n".join(out) + "\n"
