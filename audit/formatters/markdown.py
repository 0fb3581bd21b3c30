"""A Markdown summary to paste into a ticket or a CMS comment."""

from __future__ import annotations

from collections import Counter

from audit.formatters.text import TYPE_NAMES
from audit.results import ArticleAudit

_SHOWN = {"agentless": "Agentless", "hedge": "Hedge", "booster": "Booster",
          "unattributed_claim": "Unattributed claim"}


def _cell(text: str) -> str:
    """Table cells: no pipes or line breaks from the article can break the table or inject markup."""
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")
            .replace(">", "&gt;").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")
            .replace("[", "\\[").replace("]", "\\]"))


def render(audit: ArticleAudit) -> str:
    m = audit.metrics
    lines = [f"### Sourcing audit: {_cell(audit.title or audit.id)}", ""]
    if audit.score:
        lines.append(f"**Sourcing strength: {audit.score['value']:.0f}/100 ({audit.score['band']})**")
        for reason in audit.score["reasons"][:3]:
            sign = "+" if reason["contribution"] > 0 else "−"
            lines.append(f"- {sign} {_cell(reason['text'])}")
    else:
        lines.append("**Sourcing strength:** not scored (no model loaded)")
    lines += ["", f"{audit.stats['words']} words, {audit.stats['sentences']} sentences; "
              f"{m['attributions']} attributions ({m['attributed_sentence_ratio']:.0%} of sentences), "
              f"{m['distinct_sources']} distinct sources, named {m['named_source_share']:.0%}, "
              f"anonymous or vague {m['anonymous_share']:.0%}; {m['agentless']} agentless, {m['hedges']} hedges, "
              f"{m['boosters']} boosters, {m['unattributed_claims']} unattributed claims.", ""]
    if audit.sources:
        lines += ["| Source | Type | Opacity | Attributions | Verbs |", "|---|---|---|---|---|"]
        for source in sorted(audit.sources, key=lambda s: (s.opacity, -s.attributions)):
            verbs = ", ".join(dict.fromkeys(source.verbs))
            lines.append(f"| {_cell(source.name)} | {TYPE_NAMES[source.type]} | {source.opacity} | "
                         f"{source.attributions} | {_cell(verbs)} |")
        lines.append("")
    flagged = [f for f in audit.findings if f.category in _SHOWN]
    if flagged:
        counts = Counter(f.category for f in flagged)
        lines.append("**Flagged:** " + ", ".join(f"{_SHOWN[c]} {n}" for c, n in counts.items()))
        for finding in flagged:
            lines.append(f"- {_SHOWN[finding.category]}: «{_cell(finding.text)}»")
        lines.append("")
    return "\n".join(lines) + "\n"
