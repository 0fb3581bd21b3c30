"""Features for the sourcing-strength classifier, computed from an audit's results only.

Stateless and stable: a feature's name and meaning never change; a new feature gets a new name and the
model records which names it was trained on. Every value is a plain float.
"""

from __future__ import annotations

import math

from audit.metrics import tally
from audit.results import NAMED_TYPES, OPACITY, UNIDENTIFIED_TYPES, ArticleAudit

FEATURE_VERSION = 3

FEATURES: dict[str, str] = {
    "attributed_sentence_ratio": "share of body sentences with an attribution cue",
    "named_attribution_share": "share of attributions whose source is identifiable (opacity <= 1)",
    "anonymous_attribution_share": "share of attributions whose source is anonymous or a vague collective",
    "official_attribution_share": "share of attributions to unnamed officials or to a state/government",
    "unlinked_attribution_share": "share of attributions with no source found",
    "named_source_share": "share of distinct sources that are identifiable",
    "anonymous_share": "share of distinct sources that are anonymous or vague",
    "mean_opacity": "mean opacity (0-4) of distinct sources; 4 when there is none",
    "log_distinct_sources": "log(1 + distinct sources)",
    "log_independent_sources": "log(1 + independent sources)",
    "log_named_sources": "log(1 + distinct identifiable sources)",
    "log_unidentified_sources": "log(1 + distinct anonymous or vague sources)",
    "has_named_person": "1 when a named person speaks",
    "has_document": "1 when a named document is cited",
    "source_type_entropy": "Shannon entropy (bits) of the distinct sources' types",
    "log_attributed_quotes": "log(1 + direct quotes attributed to someone)",
    "unattributed_quote_share": "share of direct quotes attributed to no one",
    "hedges_per_100_words": "hedges per 100 words",
    "boosters_per_100_words": "boosters per 100 words",
    "agentless_per_100_words": "agentless attributions (يُعتقد، يُقال…) per 100 words",
    "unattributed_claim_ratio": "share of body sentences asserting facts with no attribution",
    "distancing_share": "share of attributions with a distancing verb (زعم، ادّعى)",
    "endorsing_share": "share of attributions with an endorsing verb (أكد، كشف)",
    "anonymity_reason_share": "share of anonymous/unnamed sources whose anonymity is explained",
    "lead_attributed": "1 when the first two body sentences hold an attribution",
    "wire_credit": "1 when a dateline credits a wire agency or the article is placed by a dateline",
    "log_words": "log(1 + words)",
    "top_source_share": "share of attributions given to the most-cited source (1 when there is none)",
    "log_attributions": "log(1 + attributions)",
    "attributions_per_100_words": "attributions per 100 words",
    "first_source_opacity": "opacity of the first attribution's source (5 when the article attributes nothing)",
    "log_named_persons": "log(1 + distinct named people)",
    "quotes_per_100_words": "direct quotes per 100 words",
    "question_ratio": "share of body sentences that are questions (rhetorical questions mark opinion)",
    "writer_voice_per_100_words": "first-person and judging phrases of the writer per 100 words",
    "lead_named": "1 when an attribution in the first two body sentences names an identifiable source",
    "several_named_sources": "1 when two or more distinct identifiable sources speak",
    "on_record_at_length": "1 when a named person carries two or more attributions",
}

# Which way a feature should push, editorially: +1 toward «strong», -1 toward «weak», 0 no expectation.
# Training drops a feature whose fitted weight goes against its direction (it would only be standing in
# for another, correlated feature), so that every reason an editor reads points the way the rubric does.
FEATURE_DIRECTIONS: dict[str, int] = {
    "attributed_sentence_ratio": 1, "named_attribution_share": 1, "anonymous_attribution_share": -1,
    "official_attribution_share": 0, "unlinked_attribution_share": -1, "named_source_share": 1,
    "anonymous_share": -1, "mean_opacity": -1, "log_distinct_sources": 1, "log_independent_sources": 1,
    "log_named_sources": 1, "log_unidentified_sources": -1, "has_named_person": 1, "has_document": 1,
    "source_type_entropy": 0, "log_attributed_quotes": 1, "unattributed_quote_share": -1,
    "hedges_per_100_words": -1, "boosters_per_100_words": -1, "agentless_per_100_words": -1,
    "unattributed_claim_ratio": -1, "distancing_share": -1, "endorsing_share": 0, "anonymity_reason_share": 1,
    "lead_attributed": 1, "wire_credit": 0, "log_words": 0, "top_source_share": -1, "log_attributions": 1,
    "attributions_per_100_words": 1, "first_source_opacity": -1, "log_named_persons": 1, "quotes_per_100_words": 1,
    "question_ratio": -1, "writer_voice_per_100_words": -1, "lead_named": 1, "several_named_sources": 1,
    "on_record_at_length": 1,
}
FEATURE_NAMES: tuple[str, ...] = tuple(FEATURES)

# Features that measure one aspect of sourcing move together, and a linear model spreads weight across
# them with signs that mean nothing one by one; reasons are therefore given per aspect: the aspect's net
# push, stated through its first (representative) feature.
FEATURE_GROUPS: dict[str, tuple[str, ...]] = {
    "coverage": ("attributed_sentence_ratio", "lead_attributed", "unattributed_claim_ratio",
                 "unlinked_attribution_share", "log_attributions", "attributions_per_100_words"),
    "named": ("named_attribution_share", "named_source_share", "log_named_sources", "has_named_person",
              "has_document", "log_named_persons", "first_source_opacity", "lead_named", "several_named_sources",
              "on_record_at_length"),
    "anonymity": ("anonymous_attribution_share", "anonymous_share", "log_unidentified_sources", "mean_opacity",
                  "official_attribution_share", "anonymity_reason_share"),
    "diversity": ("log_independent_sources", "log_distinct_sources", "source_type_entropy", "top_source_share"),
    "quotes": ("log_attributed_quotes", "unattributed_quote_share", "quotes_per_100_words"),
    "hedging": ("hedges_per_100_words", "boosters_per_100_words", "distancing_share", "endorsing_share"),
    "agentless": ("agentless_per_100_words",),
    "voice": ("writer_voice_per_100_words", "question_ratio"),
    "form": ("log_words", "wire_credit"),
}


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def featurize(audit: ArticleAudit) -> dict[str, float]:
    """The feature vector of one audit, by name (FEATURE_NAMES order)."""
    m = audit.metrics
    words = audit.stats["words"]
    attributions = audit.attributions
    linked = [a for a in attributions if a.source is not None]
    linked_types = tally(a.source.type for a in linked)  # type: ignore[union-attr]
    stances = tally(a.cue.stance for a in attributions)
    types = tally(s.type for s in audit.sources)
    unidentified = [s for s in audit.sources if s.opacity >= 2]
    body = [i for i, s in enumerate(audit.sentences) if not s.headline and not s.boilerplate]
    lead = body[:2]
    lead_spans = [(audit.sentences[i].start, audit.sentences[i].end) for i in lead]
    lead_attributed = any(s <= a.cue.start < e for a in attributions for s, e in lead_spans)
    lead_named = any(s <= a.cue.start < e and a.source.type in NAMED_TYPES  # type: ignore[union-attr]
                     for a in linked for s, e in lead_spans)
    per_100 = 100.0 / words if words else 0.0
    named_sources = sum(types.get(t, 0) for t in NAMED_TYPES)
    by_source = tally(a.source.source for a in linked)  # type: ignore[union-attr]
    first_source = linked[0].source.type if linked else None  # type: ignore[union-attr]
    unidentified_sources = sum(types.get(t, 0) for t in UNIDENTIFIED_TYPES)
    values = {
        "attributed_sentence_ratio": m["attributed_sentence_ratio"],
        "named_attribution_share": _share(sum(linked_types.get(t, 0) for t in NAMED_TYPES), len(linked)),
        "anonymous_attribution_share": _share(sum(linked_types.get(t, 0) for t in UNIDENTIFIED_TYPES), len(linked)),
        "official_attribution_share": _share(linked_types.get("official_unnamed", 0)
                                             + linked_types.get("country_or_government", 0), len(linked)),
        "unlinked_attribution_share": _share(len(attributions) - len(linked), len(attributions)),
        "named_source_share": m["named_source_share"],
        "anonymous_share": m["anonymous_share"],
        "mean_opacity": m["mean_opacity"] if m["mean_opacity"] is not None else 4.0,
        "log_distinct_sources": math.log1p(m["distinct_sources"]),
        "log_independent_sources": math.log1p(m["independent_sources"]),
        "log_named_sources": math.log1p(named_sources),
        "log_unidentified_sources": math.log1p(unidentified_sources),
        "has_named_person": float(types.get("named_person", 0) > 0),
        "has_document": float(types.get("document", 0) > 0),
        "source_type_entropy": m["source_type_entropy"],
        "log_attributed_quotes": math.log1p(m["attributed_quotes"]),
        "unattributed_quote_share": _share(m["unattributed_quotes"], m["direct_quotes"]),
        "hedges_per_100_words": m["hedges_per_100_words"],
        "boosters_per_100_words": m["boosters_per_100_words"],
        "agentless_per_100_words": m["agentless"] * per_100,
        "unattributed_claim_ratio": m["unattributed_claim_ratio"],
        "distancing_share": _share(stances.get("distancing", 0), len(attributions)),
        "endorsing_share": _share(stances.get("endorsing", 0), len(attributions)),
        "anonymity_reason_share": _share(sum(1 for s in unidentified if s.anonymity_reason_given), len(unidentified)),
        "lead_attributed": float(lead_attributed),
        "wire_credit": float(bool(audit.provenance)),
        "log_words": math.log1p(words),
        "top_source_share": max(by_source.values()) / len(linked) if linked else 1.0,
        "log_attributions": math.log1p(len(attributions)),
        "attributions_per_100_words": len(attributions) * per_100,
        "first_source_opacity": float(OPACITY[first_source]) if first_source else 5.0,
        "log_named_persons": math.log1p(types.get("named_person", 0)),
        "quotes_per_100_words": m["direct_quotes"] * per_100,
        "question_ratio": m["question_ratio"],
        "writer_voice_per_100_words": m["writer_voice_per_100_words"],
        "lead_named": float(lead_named),
        "several_named_sources": float(named_sources >= 2),
        "on_record_at_length": float(any(s.type == "named_person" and s.attributions >= 2 for s in audit.sources)),
    }
    return {name: float(values[name]) for name in FEATURE_NAMES}


def vector(audit: ArticleAudit) -> list[float]:
    features = featurize(audit)
    return [features[name] for name in FEATURE_NAMES]
