"""Result values shared by every stage: frozen dataclasses with offsets into the original text.

The JSON contract (DESIGN.md) is `ArticleAudit.to_dict()`; keys may be added, never change meaning.

The classes an article makes by the dozen write their own `__init__` (`init=False`): compiled (setup.py),
mypyc builds that one natively, about twenty times faster than the constructor `dataclass` generates,
which stays interpreted. They are still frozen dataclasses (equality, hashing, `dataclasses.replace`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"

SOURCE_TYPES = (
    "named_person",
    "named_org",
    "named_media",
    "document",
    "self",
    "official_unnamed",
    "country_or_government",
    "anonymous",
    "vague",
)
# RUBRIC.md, "Source types and opacity": 0 = fully identifiable; agentless findings are grade 5.
OPACITY = {
    "named_person": 0,
    "named_org": 1,
    "named_media": 1,
    "document": 1,
    "self": 1,
    "official_unnamed": 2,
    "country_or_government": 2,
    "anonymous": 3,
    "vague": 4,
}
AGENTLESS_OPACITY = 5
NAMED_TYPES = frozenset(t for t, grade in OPACITY.items() if grade <= 1)
UNIDENTIFIED_TYPES = frozenset({"anonymous", "vague"})
STANCES = ("neutral", "endorsing", "distancing")
FINDING_CATEGORIES = (
    "cue",
    "source",
    "agentless",
    "hedge",
    "booster",
    "quote",
    "unattributed_claim",
    "boilerplate",
    "loaded",
)


@dataclass(frozen=True, slots=True, init=False)
class Finding:
    """One flagged span of the original text."""

    category: str
    """One of FINDING_CATEGORIES."""
    label: str
    """Finer label: a stance, a source type, `according_to`, `attributed`…"""
    start: int
    end: int
    text: str
    """Exactly `original[start:end]`."""
    rule: str
    """Id of the lexicon rule (or built-in detector) that produced it."""
    sentence: int | None = None
    """Index into `ArticleAudit.sentences` of the sentence holding `start`."""

    def __init__(self, category: str, label: str, start: int, end: int, text: str, rule: str,
                 sentence: int | None = None) -> None:
        object.__setattr__(self, "category", category)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "sentence", sentence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True, init=False)
class Cue:
    start: int
    end: int
    text: str
    stance: str
    """neutral, endorsing or distancing (RUBRIC.md, "Verb stance")."""
    label: str
    """The cue's finer kind: the stance for reporting verbs, `according_to` or `told` for markers."""
    continuation: bool = False

    def __init__(self, start: int, end: int, text: str, stance: str, label: str, continuation: bool = False) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "stance", stance)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "continuation", continuation)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "stance": self.stance}


@dataclass(frozen=True, slots=True, init=False)
class SourceMention:
    start: int
    end: int
    text: str
    type: str
    source: int
    """Index into `ArticleAudit.sources`."""

    def __init__(self, start: int, end: int, text: str, type: str, source: int) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "source", source)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "index": self.source}


@dataclass(frozen=True, slots=True, init=False)
class Attribution:
    """A cue linked to the source that speaks and to what it said."""

    cue: Cue
    source: SourceMention | None
    """None when no source could be found."""
    content: tuple[int, int] | None
    """Span of what the source said, or None."""
    carried: bool = False
    """True when the source was taken from an earlier attribution (continuation cue)."""

    def __init__(self, cue: Cue, source: SourceMention | None, content: tuple[int, int] | None,
                 carried: bool = False) -> None:
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "content", content)
        object.__setattr__(self, "carried", carried)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cue": self.cue.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "content": {"start": self.content[0], "end": self.content[1]} if self.content else None,
        }


@dataclass(frozen=True, slots=True)
class Source:
    """One speaker, however many times the article mentions it."""

    name: str
    type: str
    opacity: int
    mentions: tuple[tuple[int, int], ...]
    anonymity_reason_given: bool = False
    attributions: int = 0
    """How many attributions this source carries."""
    verbs: tuple[str, ...] = ()
    """Cue texts used for this source, in order of appearance."""
    stances: tuple[str, ...] = ()
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "opacity": self.opacity,
            "mentions": [list(m) for m in self.mentions],
            "anonymity_reason_given": self.anonymity_reason_given,
            "attributions": self.attributions,
            "verbs": list(self.verbs),
            "stances": list(self.stances),
        }


@dataclass(frozen=True, slots=True, init=False)
class Sentence:
    start: int
    end: int
    paragraph: int
    headline: bool = False
    boilerplate: bool = False

    def __init__(self, start: int, end: int, paragraph: int, headline: bool = False, boilerplate: bool = False) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "paragraph", paragraph)
        object.__setattr__(self, "headline", headline)
        object.__setattr__(self, "boilerplate", boilerplate)


@dataclass(frozen=True, slots=True)
class ArticleAudit:
    """Everything the auditor found in one article."""

    id: str
    title: str | None
    text: str
    stats: dict[str, Any]
    findings: tuple[Finding, ...]
    attributions: tuple[Attribution, ...]
    sources: tuple[Source, ...]
    metrics: dict[str, Any]
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[tuple[int, int], ...]
    score: dict[str, Any] | None = None
    provenance: tuple[Span, ...] = ()
    warnings: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
    """Input metadata kept with the result: outlet, date, url, encoding, source file."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "title": self.title,
            **{key: value for key, value in self.meta.items() if value is not None},
            "stats": self.stats,
            "findings": [f.to_dict() for f in self.findings],
            "attributions": [a.to_dict() for a in self.attributions],
            "sources": [s.to_dict() for s in self.sources],
            "metrics": self.metrics,
            "score": self.score,
            "provenance": [p.to_dict() for p in self.provenance],
            "paragraphs": [list(p) for p in self.paragraphs],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class SkippedArticle:
    """An input that could not be audited, and why; a batch reports these instead of dying."""

    id: str
    source: str
    """File (and line or row) the input came from."""
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "reason": self.reason}
