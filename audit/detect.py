"""Lexicon detection over a segmented document: every rule match the article owns.

Pure: no I/O, no global state. Page furniture and datelines are carved out first; what falls inside them,
and cues or source words inside someone's direct quotation, are not the article's own findings.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from audit.lexicon import Lexicon, Match, line_bounds
from audit.normalize import NormalizedText
from audit.segment import DIRECT_QUOTE_MIN_WORDS, Layout, Quote

# Categories that belong to whoever is quoted when they occur inside a direct quotation.
SPEAKER_OWNED = frozenset({"cue", "source", "agentless", "hedge", "booster", "title", "org_head", "media_head",
                           "document_head", "anonymity_reason", "writer_voice"})
REPEATED_HEADLINE_RULE = "structure.repeated_headline"
_COLON_BEFORE = re.compile(r"[:：]\s*$")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")
_OPENING_WORDS = re.compile(r"\W*(?:\w+\W+)?\w+")
_LIST_SEPARATOR = re.compile(r"\s*[،,]\s*(?:و(?=\w))?")
TITLE_MAX_WORDS = 8
"""A quotation this short right after a word that names what follows is a title, not speech."""


@dataclass(frozen=True, slots=True)
class Block:
    """A boilerplate region of the normalized text."""

    start: int
    end: int
    rule: str
    label: str
    extent: str = "match"


@dataclass
class Detection:
    doc: NormalizedText
    layout: Layout
    matches: list[Match]
    """Article-level matches of every scanned category, sorted by start."""
    boilerplate: list[Block]
    provenance: list[Match]
    direct_quotes: list[Quote]
    by_category: dict[str, list[Match]] = field(default_factory=dict)
    _block_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        for match in self.matches:
            self.by_category.setdefault(match.rule.category, []).append(match)
        self._block_starts = [block.start for block in self.boilerplate]

    def in_boilerplate(self, position: int) -> bool:
        index = bisect.bisect_right(self._block_starts, position) - 1
        return index >= 0 and position < self.boilerplate[index].end

    def direct_quote_at(self, position: int) -> Quote | None:
        for quote in self.direct_quotes:
            if quote.inner_start <= position < quote.inner_end:
                return quote
        return None

    def category(self, name: str) -> list[Match]:
        return self.by_category.get(name, [])


def _boilerplate_blocks(text: str, layout: Layout, matches: list[Match]) -> list[Block]:
    blocks: list[Block] = []
    for match in matches:
        if match.rule.category != "boilerplate":
            continue
        extent = match.rule.extent
        if extent == "line":
            start, end = line_bounds(text, match.start, match.end)
        elif extent == "paragraph":
            start, end = layout.blocks[layout.block_of(match.start)]
        elif extent == "to_end":
            start, end = line_bounds(text, match.start, match.end)[0], len(text)
        else:
            start, end = match.start, match.end
        blocks.append(Block(start, end, match.rule.id, match.rule.label or "boilerplate", extent))
    if layout.headline is not None:
        headline = text[layout.headline[0]:layout.headline[1]]
        for start, end in layout.lines[1:]:
            if text[start:end] == headline:
                blocks.append(Block(start, end, REPEATED_HEADLINE_RULE, "repeated_headline", "line"))
    blocks.sort(key=lambda b: (b.start, -b.end))
    # A list marker inside an earlier list («الأكثر قراءة» after «العلامات الدالة») starts a block of its
    # own and the earlier one stops there; anything else inside a block is part of it.
    kept: list[Block] = []
    for block in blocks:
        if kept and block.start < kept[-1].end:
            last = kept[-1]
            if block.extent != "to_end" or block.start == last.start:
                continue
            kept[-1] = Block(last.start, block.start, last.rule, last.label, last.extent)
        kept.append(block)
    return kept


def _is_direct(text: str, quote: Quote, title_words: frozenset[str], head_ends: frozenset[int] = frozenset()) -> bool:
    """Someone's words rather than a quoted name or term («عكاظ», "الكاردينال الرمادي"): long enough, or
    introduced by a colon; but not a title after the word that introduces it («كتاب "المعجم الجغرافي
    للبلاد العربية السعودية"», «مبادرة "…"»), nor a name after the organization or outlet noun that heads it
    (`head_ends`: «شركة "واحة الشمال لتجارة الأخشاب"»), nor a list of names («باكستان، أفغانستان، الهند»)."""
    if quote.words == 0:
        return False
    if quote.words <= TITLE_MAX_WORDS:
        before = _WORD_BEFORE.search(text, max(0, quote.start - 30), quote.start)
        if before is not None and (before.group(1) in title_words or before.group(1)[1:] in title_words
                                   or before.end(1) in head_ends):
            return False
        items = [item.split() for item in _LIST_SEPARATOR.split(text[quote.inner_start:quote.inner_end])]
        if len(items) >= 3 and all(0 < len(item) <= 2 for item in items):
            return False
    if quote.words >= DIRECT_QUOTE_MIN_WORDS:
        return True
    return _COLON_BEFORE.search(text, max(0, quote.start - 30), quote.start) is not None


def _drop_nested(matches: list[Match]) -> list[Match]:
    """Within one category keep the longest of overlapping matches («مصادر مطلعة» over «مصادر»).
    `matches` come sorted by start, longest first (Lexicon.scan)."""
    kept: list[Match] = []
    last_end: dict[str, int] = {}
    for match in matches:
        category = match.rule.category
        if match.start < last_end.get(category, -1):
            continue
        kept.append(match)
        last_end[category] = match.end
    return kept


def _overrides(matches: list[Match]) -> list[Match]:
    """An agentless reading of a verb (يُعتقد، يُذكر أن) wins over the same letters read as a cue."""
    agentless = [(m.start, m.end) for m in matches if m.rule.category == "agentless"]
    if not agentless:
        return matches
    return [m for m in matches
            if m.rule.category != "cue" or not any(s < m.end and m.start < e for s, e in agentless)]


def _reported_interview(text: str, layout: Layout, matches: list[Match]) -> bool:
    """Whether a question-and-answer layout is the writer's account of the interview: an answer that opens
    with a reporting verb and its speaker («يقول البروفسور أبو النور بأن…») is the writer speaking, so no
    answer is the interviewee's own words."""
    answers = [q for q in layout.quotes if q.answer]
    if not answers:
        return False
    cue_starts = [m.start for m in matches if m.rule.category == "cue"]
    for answer in answers:
        opening = _OPENING_WORDS.match(text, answer.inner_start, answer.inner_end)
        index = bisect.bisect_left(cue_starts, answer.inner_start)
        if opening is not None and index < len(cue_starts) and cue_starts[index] < opening.end():
            return True
    return False


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` falls in one of the sorted, non-overlapping `spans`."""
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and position < spans[index][1]


def detect(doc: NormalizedText, layout: Layout, lexicon: Lexicon) -> Detection:
    text = doc.text
    scanned = _overrides(_drop_nested(lexicon.scan(text, doc)))
    blocks = _boilerplate_blocks(text, layout, scanned)
    cue_starts = [m.start for m in scanned if m.rule.category == "cue"]
    # «وقال أحمد المالكي -محامي-:»: a reporting verb opens a dashed aside, not a dateline
    provenance = [m for m in scanned if m.rule.category == "provenance"
                  and not any(m.start <= start < m.end for start in cue_starts)]
    carved = [(m.start, m.end) for m in provenance]

    title_words = lexicon.word_lists.get("quote_title", frozenset())
    # «شركة "واحة الشمال"», «قناة «العربية»»: a name in quotation marks after the indefinite noun that heads
    # it; after a definite one the quotation is what the body said («إن الوزارة «لا تعلق على…»»).
    head_ends = frozenset(m.end for m in scanned if m.rule.category in ("org_head", "media_head")
                          and not text.startswith("ال", m.core_start))
    reported = _reported_interview(text, layout, scanned)
    direct_quotes = [q for q in layout.quotes if _is_direct(text, q, title_words, head_ends)
                     and not (q.answer and reported)]

    # Regions no finding of the article's own may start in: furniture, datelines; and direct quotations
    # for what belongs to the speaker.
    excluded = sorted([(b.start, b.end) for b in blocks] + carved)
    quoted = sorted((q.inner_start, q.inner_end) for q in direct_quotes)
    kept: list[Match] = []
    for match in scanned:
        category = match.rule.category
        if category in ("boilerplate", "provenance") or (excluded and _inside(excluded, match.start)):
            continue
        if quoted and category in SPEAKER_OWNED and _inside(quoted, match.start):
            continue
        kept.append(match)
    return Detection(doc, layout, kept, blocks, provenance, direct_quotes)
