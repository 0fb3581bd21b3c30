"""Unattributed claims: sentences that assert checkable facts with no one cited for them.

A sentence qualifies when it is article prose (not the headline, page furniture or a quotation), is not a
question, holds a claim marker (a number, casualties, a date, a concrete event) outside quotations, has no
attribution of its own, and does not follow an attributed sentence in the same paragraph (whose source
carries over).
"""

from __future__ import annotations

from bisect import bisect_left

from audit.detect import Detection
from audit.sources import Linking


def unattributed_claims(detection: Detection, linking: Linking, body: list[int]) -> list[int]:
    """Indices (into the layout's sentences) of unattributed factual sentences; `body` lists the sentence
    indices that are article prose."""
    sentences = detection.layout.sentences
    markers = sorted(m.start for m in detection.category("claim_marker")
                     if detection.direct_quote_at(m.start) is None)
    # A sentence that already carries an agentless form or a hedge is flagged as such; it is not also an
    # assertion of fact.
    qualified = sorted(m.start for m in detection.category("agentless") + detection.category("hedge"))
    cue_positions = sorted(a.cue_start for a in linking.attributions)
    flagged: list[int] = []
    previous_attributed: tuple[int, bool] = (-1, False)
    for index in body:
        start, end, paragraph = sentences[index]
        attributed = _holds(cue_positions, start, end)
        carried = previous_attributed[0] == paragraph and previous_attributed[1]
        question = detection.doc.text[start:end].rstrip(" »\"”)").endswith(("?", "؟"))
        if not (attributed or carried or question or _holds(qualified, start, end)) and _holds(markers, start, end):
            flagged.append(index)
        previous_attributed = (paragraph, attributed)
    return flagged


def _holds(positions: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of positions has one in [start, end)."""
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end
