"""One article through every stage: normalize → segment → detect → link sources → metrics (→ score).

`audit_text` is the Python API; the CLI prints exactly what it returns.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from audit.claims import unattributed_claims
from audit.detect import Detection, detect
from audit.lexicon import Lexicon, load_lexicon
from audit.metrics import compute_metrics
from audit.normalize import NormalizedText, count_text, normalize
from audit.results import OPACITY, ArticleAudit, Attribution, Cue, Finding, Sentence, Source, SourceMention, Span
from audit.score import score_audit
from audit.segment import segment
from audit.sources import Linking, link

_WORD = re.compile(r"\w+")
NON_ARABIC_RATIO = 0.5
_LEXICONS: dict[tuple[str, ...], Lexicon] = {}


def get_lexicon(extra_dirs: Iterable[str | Path] = ()) -> Lexicon:
    """The built-in lexicons plus `extra_dirs`, loaded once per process."""
    key = tuple(str(Path(d)) for d in extra_dirs)
    if key not in _LEXICONS:
        _LEXICONS[key] = load_lexicon([Path(d) for d in key])
    return _LEXICONS[key]


_OWN_OUTLETS: dict[tuple[str, str], frozenset[str]] = {}


def own_outlets(lexicon: Lexicon, outlet: str | None) -> frozenset[str]:
    """Registered outlets named in an article's `outlet` metadata («Okaz (okaz.com.sa)» → outlets.okaz)."""
    if not outlet:
        return frozenset()
    key = (lexicon.version, outlet)
    if key not in _OWN_OUTLETS:
        doc = normalize(outlet.replace("(", " ").replace(")", " ").replace(".", " "))
        _OWN_OUTLETS[key] = frozenset(m.rule.id for m in lexicon.scan(doc.text, doc)
                                      if m.rule.kind == "entity" and m.rule.source_type == "named_media")
    return _OWN_OUTLETS[key]


class _Offsets:
    """Normalized spans to original spans, and original positions to sentence indices."""

    def __init__(self, doc: NormalizedText, sentences: list[tuple[int, int]]):
        self.doc = doc
        self.sentence_starts = [s for s, _ in sentences]
        self.sentence_ends = [e for _, e in sentences]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.doc.span(start, end)

    def sentence(self, original_start: int) -> int | None:
        index = bisect.bisect_right(self.sentence_starts, original_start) - 1
        if index >= 0 and original_start < self.sentence_ends[index]:
            return index
        return None


def audit_text(text: str, *, id: str = "article", title: str | None = None, lexicon: Lexicon | None = None,
               lexicons: Iterable[str | Path] = (), meta: dict[str, Any] | None = None,
               score: bool = True, model: Any = None) -> ArticleAudit:
    """Audit one article. `text` is the decoded article; every offset in the result indexes it.

    With `score` (the default) the sourcing-strength classifier scores the article when a model is
    available (`model`, or the packaged one); `score=False` skips it.
    """
    lexicon = lexicon or get_lexicon(lexicons)
    doc = normalize(text)
    layout = segment(doc.text)
    detection = detect(doc, layout, lexicon)
    linking = link(detection, lexicon, own_outlets(lexicon, (meta or {}).get("outlet")))
    audit = _assemble(text, doc, detection, linking, id=id, title=title, meta=meta or {})
    if score:
        audit = score_audit(audit, model=model, lexicon=lexicon)
    return audit


def _assemble(text: str, doc: NormalizedText, detection: Detection, linking: Linking, *, id: str,
              title: str | None, meta: dict[str, Any]) -> ArticleAudit:
    layout = detection.layout
    headline = layout.headline
    sentences: list[Sentence] = []
    spans: list[tuple[int, int]] = []
    for start, end, paragraph in layout.sentences:
        original = doc.span(start, end)
        is_headline = headline is not None and start >= headline[0] and end <= headline[1]
        sentences.append(Sentence(*original, paragraph, is_headline, detection.in_boilerplate(start)))
        spans.append(original)
    offsets = _Offsets(doc, spans)
    body = [i for i, s in enumerate(sentences) if not s.headline and not s.boilerplate]

    def finding(category: str, label: str, start: int, end: int, rule: str) -> Finding:
        o_start, o_end = offsets.span(start, end)
        return Finding(category, label, o_start, o_end, text[o_start:o_end], rule, offsets.sentence(o_start))

    findings: list[Finding] = []
    # Attributions, cues and sources.
    records = linking.sources
    source_objects: list[Source] = []
    for record in records:
        mentions = tuple(doc.span(s, e) for s, e in record.mentions) or ()
        longest = max(mentions, key=lambda m: m[1] - m[0]) if mentions else None
        name = text[longest[0]:longest[1]] if longest else " ".join(record.name_tokens) or record.key[-1]
        source_objects.append(Source(name=name, type=record.type, opacity=OPACITY[record.type], mentions=mentions,
                                     anonymity_reason_given=record.anonymity_reason,
                                     attributions=record.attributions,
                                     verbs=tuple(text[slice(*doc.span(*v))] for v in record.verbs),
                                     stances=tuple(record.stances), country=record.country))
    attributions: list[Attribution] = []
    seen_cues: set[tuple[int, int]] = set()
    for linked in linking.attributions:
        c_start, c_end = offsets.span(linked.cue_start, linked.cue_end)
        cue = Cue(c_start, c_end, text[c_start:c_end], linked.stance, linked.label, linked.continuation)
        mention = None
        if linked.source is not None and linked.mention is not None:
            m_start, m_end = offsets.span(*linked.mention)
            mention = SourceMention(m_start, m_end, text[m_start:m_end], records[linked.source].type, linked.source)
        content = offsets.span(*linked.content) if linked.content else None
        attributions.append(Attribution(cue, mention, content, linked.carried))
        if (c_start, c_end) not in seen_cues:
            seen_cues.add((c_start, c_end))
            findings.append(finding("cue", linked.label, linked.cue_start, linked.cue_end, linked.cue.rule.id))
    for start, end, index, rule in linking.mentions:
        findings.append(finding("source", records[index].type, start, end, rule))

    for category in ("agentless", "hedge", "booster", "loaded"):
        for match in detection.category(category):
            findings.append(finding(category, match.rule.label or category, match.start, match.end, match.rule.id))

    # Direct quotations: attributed when an attribution's content covers them or an attribution sits in
    # the same sentence or the one before it in the same paragraph.
    cue_sentences = {layout.sentence_of(a.cue_start) for a in linking.attributions
                     if a.source is not None}
    for quote in detection.direct_quotes:
        if detection.in_boilerplate(quote.start):
            continue
        quote_sentence = layout.sentence_of(quote.start)
        attributed = any(a.content and a.content[0] <= quote.inner_start < a.content[1] and a.source is not None
                         for a in linking.attributions)
        if quote.answer:
            # A question-and-answer layout is an on-record interview: the answers are the words of the person
            # the page presents (in its headline or introduction), named or not there.
            attributed = True
        elif not attributed and quote_sentence is not None:
            paragraph = layout.sentences[quote_sentence][2]
            attributed = quote_sentence in cue_sentences or (
                quote_sentence - 1 in cue_sentences and layout.sentences[quote_sentence - 1][2] == paragraph)
        findings.append(finding("quote", "attributed" if attributed else "unattributed",
                                quote.inner_start, quote.inner_end, "structure.quote"))

    for index in unattributed_claims(detection, linking, body):
        start, end, _ = layout.sentences[index]
        findings.append(finding("unattributed_claim", "fact", start, end, "structure.unattributed_claim"))
    for block in detection.boilerplate:
        findings.append(finding("boilerplate", block.label, block.start, block.end, block.rule))
    findings.sort(key=lambda f: (f.start, -f.end, f.category))

    provenance = tuple(Span(*offsets.span(m.start, m.end), text[slice(*offsets.span(m.start, m.end))])
                       for m in detection.provenance)

    # Stats and metrics over the article's own prose: boilerplate and the headline are left out.
    body_spans = [layout.sentences[i] for i in body]
    body_text = "\n".join(doc.text[s:e] for s, e, _ in body_spans)
    words, letters, arabic = count_text(body_text)
    paragraphs = len({p for _, _, p in body_spans})
    arabic_ratio = round(arabic / letters, 4) if letters else 0.0
    attributed_sentences = len({layout.sentence_of(a.cue_start) for a in linking.attributions}
                               & set(body))
    sources_tuple = tuple(source_objects)
    # Rhetorical questions mark a writer arguing; an interview's questions are the interviewer's job.
    interview = any(q.answer for q in layout.quotes)
    questions = 0 if interview else sum(1 for s, e, _ in body_spans
                                        if doc.text[s:e].rstrip(" »\"”)").endswith(("?", "؟")))
    metrics = compute_metrics(words=words, body_sentences=len(body), attributed_sentences=attributed_sentences,
                              sources=sources_tuple, attributions=tuple(attributions), findings=tuple(findings),
                              questions=questions, writer_voice=_writer_voice(detection, linking))
    warnings = []
    if letters and arabic_ratio < NON_ARABIC_RATIO:
        warnings.append(f"only {arabic_ratio:.0%} of the letters are Arabic: the lexicons cover Arabic, "
                        "so this audit is likely to miss attributions")
    if headline is not None and title is None:
        h_start, h_end = doc.span(*headline)
        title = text[h_start:h_end]
    return ArticleAudit(
        id=id,
        title=title,
        text=text,
        stats={"words": words, "sentences": len(body), "paragraphs": paragraphs, "arabic_ratio": arabic_ratio},
        findings=tuple(findings),
        attributions=tuple(attributions),
        sources=sources_tuple,
        metrics=metrics,
        sentences=tuple(sentences),
        paragraphs=tuple(doc.span(s, e) for s, e in layout.paragraphs),
        provenance=provenance,
        warnings=tuple(warnings),
        meta=meta,
    )


def _writer_voice(detection: Detection, linking: Linking) -> int:
    """First-person and judging phrases of the writer: not those inside what a cited source said
    («يرى عضو الشورى السابق بأن … فعلينا كأفراد مجتمع أن…»), which are the source's, as in a quotation."""
    reported = [a.content for a in linking.attributions if a.content and a.source is not None]
    return sum(1 for m in detection.category("writer_voice")
               if not any(start <= m.start < end for start, end in reported))

