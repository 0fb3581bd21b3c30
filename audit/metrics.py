"""Per-article numbers, computed from results only (never from the text again) and excluding boilerplate."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import Any, TypeVar

from audit.results import NAMED_TYPES, OPACITY, SOURCE_TYPES, UNIDENTIFIED_TYPES, Attribution, Finding, Source


def _ratio(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


Key = TypeVar("Key", bound=Hashable)


def tally(values: Iterable[Key]) -> dict[Key, int]:
    """How many times each value occurs; a plain dict, read with `.get(value, 0)`. (collections.Counter
    does the same but its constructor runs in the interpreter even when this module is compiled.)"""
    counts: dict[Key, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def compute_metrics(*, words: int, body_sentences: int, attributed_sentences: int, sources: tuple[Source, ...],
                    attributions: tuple[Attribution, ...], findings: tuple[Finding, ...], questions: int = 0,
                    writer_voice: int = 0) -> dict[str, Any]:
    """The metric block of the JSON contract; every share is over distinct sources unless named
    `*_attribution_share` (over attributions)."""
    categories = tally(finding.category for finding in findings)
    quote_labels = tally(finding.label for finding in findings if finding.category == "quote")
    types = tally(s.type for s in sources)
    distinct = len(sources)
    linked = [a for a in attributions if a.source is not None]
    linked_types = tally(a.source.type for a in linked)  # type: ignore[union-attr]
    entropy = -sum((n / distinct) * math.log2(n / distinct) for n in types.values()) if distinct else 0.0
    per_100 = 100.0 / words if words else 0.0
    return {
        "attributed_sentence_ratio": _ratio(attributed_sentences, body_sentences),
        "attributions": len(attributions),
        "unlinked_attributions": len(attributions) - len(linked),
        "distinct_sources": distinct,
        "independent_sources": _independent(sources),
        "source_types": {t: types.get(t, 0) for t in SOURCE_TYPES},
        "named_source_share": _ratio(sum(types.get(t, 0) for t in NAMED_TYPES), distinct),
        "anonymous_share": _ratio(sum(types.get(t, 0) for t in UNIDENTIFIED_TYPES), distinct),
        "named_attribution_share": _ratio(sum(linked_types.get(t, 0) for t in NAMED_TYPES), len(linked)),
        "anonymous_attribution_share": _ratio(sum(linked_types.get(t, 0) for t in UNIDENTIFIED_TYPES), len(linked)),
        "mean_opacity": round(sum(OPACITY[s.type] for s in sources) / distinct, 4) if distinct else None,
        "source_type_entropy": round(entropy, 4),
        "hedges": categories.get("hedge", 0),
        "boosters": categories.get("booster", 0),
        "hedges_per_100_words": round(categories.get("hedge", 0) * per_100, 4),
        "boosters_per_100_words": round(categories.get("booster", 0) * per_100, 4),
        "agentless": categories.get("agentless", 0),
        "direct_quotes": categories.get("quote", 0),
        "attributed_quotes": quote_labels.get("attributed", 0),
        "unattributed_quotes": quote_labels.get("unattributed", 0),
        "unattributed_claims": categories.get("unattributed_claim", 0),
        "unattributed_claim_ratio": _ratio(categories.get("unattributed_claim", 0), body_sentences),
        "anonymity_reasons_given": sum(1 for s in sources if s.anonymity_reason_given),
        "question_ratio": _ratio(questions, body_sentences),
        "writer_voice_per_100_words": round(writer_voice * per_100, 4),
    }


def _independent(sources: tuple[Source, ...]) -> int:
    """Distinct sources, with every vague collective («مراقبون», «تقارير») counted as one origin: a reader
    cannot tell them apart, so they add no independent confirmation."""
    identified = sum(1 for s in sources if s.type != "vague")
    return identified + (1 if any(s.type == "vague" for s in sources) else 0)
