"""Document structure over the normalized text: paragraphs, lines, quotations, sentences, headline.

Offsets here are normalized offsets; the pipeline maps them back to the original once, at the end.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"[^\n]+")
_QUOTE_MARK = re.compile(r"[«»“”„‟\"‘’″{}]")
# What follows a mark that opens nothing: punctuation or the end of the line («…الأسعار". وقال»).
_NOTHING_QUOTED = re.compile(r"[ \t]*(?:[.,،؛:!?؟)\]]|$)", re.M)
# A sentence ends at . ! ? ؟ ؛ (runs of them, "...") followed by space, a closing mark or the end:
# "3.5", "21.10.2025" and "أ.ف.ب" have no space after the dot and do not split.
# (Written to start with a character class: the regex engine then skips ahead to candidates instead of
# trying every position.)
# «د. أحمد الغامدي», «م. سالم القرني»: the dot of the doctor's or the engineer's abbreviation ends no sentence
# (but «عام 2015 م.» does). Copy pasted from the web often loses the space after a full stop («انتهى الاجتماع
# مساءً.وأشار الوزير إلى…»): a dot between two Arabic words of two letters or more ends a sentence too («أ.ف.ب»
# keeps its dots).
_TERMINATOR = re.compile(r"[.!?؟؛…](?<!(?<!\w)د\.)(?<!(?<![\w.])(?<![0-9] )م\.)"
                         r"(?:[.!?؟؛…]*(?=[\s»”\"’)\]]|$)|(?<=[ء-ي]{2}\.)(?=[ء-ي]{2}))")
_WORD = re.compile(r"\w+")

# Minimum words for a quotation to count as someone's words rather than a quoted name or term
# («نوفايا غازيتا», "الكاردينال الرمادي"), unless a reporting colon or cue introduces it.
DIRECT_QUOTE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 30


@dataclass(frozen=True, slots=True, init=False)
class Quote:
    start: int
    """Position of the opening mark."""
    end: int
    """Position just after the closing mark (or the paragraph end when it is never closed)."""
    inner_start: int
    inner_end: int
    closed: bool
    words: int
    answer: bool = False
    """An interview answer: the whole line is the interviewee's words, with no quotation marks."""

    # Written out for the compiled build (see audit/results.py): dozens per article.
    def __init__(self, start: int, end: int, inner_start: int, inner_end: int, closed: bool, words: int,
                 answer: bool = False) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "inner_start", inner_start)
        object.__setattr__(self, "inner_end", inner_end)
        object.__setattr__(self, "closed", closed)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "answer", answer)


@dataclass(frozen=True, slots=True)
class Layout:
    paragraphs: tuple[tuple[int, int], ...]
    """One per non-empty line: newsroom copy marks paragraphs with a line break, a blank line or both."""
    blocks: tuple[tuple[int, int], ...]
    """Runs of lines between blank lines (page furniture such as «اقرأ أيضاً» lists comes as a block)."""
    lines: tuple[tuple[int, int], ...]
    quotes: tuple[Quote, ...]
    sentences: tuple[tuple[int, int, int], ...]
    """(start, end, paragraph index)."""
    headline: tuple[int, int] | None

    def paragraph_of(self, position: int) -> int:
        return _index_of(self.paragraphs, position)

    def block_of(self, position: int) -> int:
        return _index_of(self.blocks, position)

    def sentence_of(self, position: int) -> int | None:
        """Index of the sentence holding `position`, or None between sentences."""
        index = bisect.bisect_right(self.sentences, (position, float("inf"))) - 1
        if index >= 0 and position < self.sentences[index][1]:
            return index
        return None

    def quote_at(self, position: int) -> Quote | None:
        """The quotation whose inner text holds `position`, if any."""
        for quote in self.quotes:
            if quote.inner_start <= position < quote.inner_end:
                return quote
            if quote.start > position:
                break
        return None


def _index_of(spans: tuple[tuple[int, int], ...], position: int) -> int:
    """Index of the span holding `position`, or of the last one before it."""
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return max(index, 0)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def find_blocks(text: str) -> list[tuple[int, int]]:
    paragraphs = []
    position = 0
    for found in _PARAGRAPH_BREAK.finditer(text):
        span = _trimmed(text, position, found.start())
        if span:
            paragraphs.append(span)
        position = found.end()
    span = _trimmed(text, position, len(text))
    if span:
        paragraphs.append(span)
    return paragraphs


def find_lines(text: str) -> list[tuple[int, int]]:
    lines = []
    for found in _LINE.finditer(text):
        span = _trimmed(text, found.start(), found.end())
        if span:
            lines.append(span)
    return lines


# Verses of the Qur'an are set in braces after «قال تعالى:», «يقول الله عز وجل:»: «{…}» is the verse.
_OPENERS = {"«": "»", "“": "”", "„": "”", "‟": "”", "‘": "’", "{": "}"}
# ″ (double prime) closes “ on pages whose editor typed it for ” («“5+1″»).
_CLOSERS = {"»": "«", "”": "“", "’": "‘", "″": "“", "}": "{"}


_CLOSES_A_WORD = re.compile(r"\w”\s")


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Top-level quotations, paragraph (line) by paragraph. A quote left open runs to the end of its
    sentence, never further: one stray mark must not swallow the rest of a paragraph, and some pages set a
    whole article on one line; reading resumes after it. A stray closing mark is ignored, and so is a mark
    with nothing after it to open; marks inside an open quote nest and never end it early."""
    quotes: list[Quote] = []
    for paragraph_start, paragraph_end in paragraphs:
        position = paragraph_start
        while position < paragraph_end:
            position = _quotes_in(text, position, paragraph_end, quotes)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _quotes_in(text: str, start: int, end: int, quotes: list[Quote]) -> int:
    """Append the quotations of `text[start:end]` up to the first one left open; return where reading
    should resume (`end` when nothing was left open)."""
    stack: list[tuple[str, int]] = []
    for found in _QUOTE_MARK.finditer(text, start, end):
        mark, position = found.group(), found.start()
        opens = not _NOTHING_QUOTED.match(text, position + 1, end)
        if mark == '"':
            if stack and stack[-1][0] == '"':
                opened = stack.pop()
                if not stack:
                    quotes.append(_quote(text, opened[1], position + 1, True))
            elif opens:
                stack.append(('"', position))
        elif mark in _OPENERS:
            if opens:
                stack.append((mark, position))
        elif mark in _CLOSERS:
            opener = _CLOSERS[mark]
            same_family = [i for i, (m, _) in enumerate(stack) if m == opener or _OPENERS.get(m) == mark]
            if same_family:
                index = same_family[-1]
                opened = stack[index]
                del stack[index:]
                if not stack:
                    quotes.append(_quote(text, opened[1], position + 1, True))
            elif mark == "”" and not stack and opens and not _CLOSES_A_WORD.match(text, position - 1):
                # ” is used as an opener too (right-to-left typing): a closer only when its opener is open.
                # One written against the word before it and followed by a space («لـ”الفكر” المتطرف») closes
                # a quotation whose opener was typed the wrong way, and opens none.
                stack.append(("“", position))
    if not stack:
        return end
    unclosed = stack[0][1]
    terminator = _TERMINATOR.search(text, unclosed + 1, end)
    close = terminator.start() if terminator else end
    quotes.append(_quote(text, unclosed, close, False))
    return max(close, unclosed + 1)


def _quote(text: str, start: int, end: int, closed: bool) -> Quote:
    inner_start, inner_end = start + 1, end - 1 if closed else end
    return Quote(start, end, inner_start, inner_end, closed, len(_WORD.findall(text, inner_start, inner_end)))


def find_sentences(text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote]) -> list[tuple[int, int, int]]:
    """Sentences never cross a line break or a paragraph, and never end inside a quotation."""
    quote_starts = [q.inner_start for q in quotes]
    ends: list[int] = []
    for found in _TERMINATOR.finditer(text):
        inside = bisect.bisect_right(quote_starts, found.start()) - 1
        if inside < 0 or found.start() >= quotes[inside].inner_end:
            ends.append(found.end())
    sentences: list[tuple[int, int, int]] = []
    for index, (paragraph_start, paragraph_end) in enumerate(paragraphs):
        for line in _LINE.finditer(text, paragraph_start, paragraph_end):
            position = line.start()
            first = bisect.bisect_right(ends, position)
            last = bisect.bisect_right(ends, line.end())
            for end in ends[first:last]:
                span = _trimmed(text, position, end)
                if span:
                    sentences.append((*span, index))
                position = end
            span = _trimmed(text, position, line.end())
            if span:
                if _WORD.search(text, *span):
                    sentences.append((*span, index))
                elif sentences and sentences[-1][2] == index:  # a lone closing mark joins its sentence
                    start, _, para = sentences.pop()
                    sentences.append((start, span[1], para))
    return sentences


def find_headline(text: str, blocks: list[tuple[int, int]], lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first line is a headline when it stands alone (its own block, or a short line without a
    final full stop) and more text follows."""
    if len(lines) < 2 or not blocks:
        return None
    first = lines[0]
    line_text = text[first[0]:first[1]].rstrip()
    words = len(_WORD.findall(line_text))
    if words == 0 or words > HEADLINE_MAX_WORDS:
        return None
    # A headline is one unpunctuated line: a first line that ends with a full stop, or holds several
    # sentences, is the lead.
    ends_as_prose = line_text.endswith((".", ":", "،", "؛")) and not line_text.endswith("..")
    inner_break = any(found.end() < len(line_text) for found in _TERMINATOR.finditer(line_text)
                      if not line_text[found.start():found.end()].startswith(".."))
    if ends_as_prose or inner_break:
        return None
    if blocks[0] == first or words <= 15:
        return first
    return None


# Interviews set out as questions and answers: «* ما الجديد هذا العام؟» then «- أضفنا سوقاً…»; «س:» and «ج:».
_QUESTION_MARK = re.compile(r"\s*(?:[*•■▪●]+|س\s*[:/]|-)\s*")
_ANSWER_MARK = re.compile(r"\s*(?:-|–|ج\s*[:/])\s*")
INTERVIEW_MIN_QUESTIONS = 2


def find_answers(text: str, lines: list[tuple[int, int]]) -> list[Quote]:
    """The answers of an interview laid out as questions and answers. A question is a line that opens
    with a bullet, «س:» or a dash and ends with a question mark; the lines after it, up to the next
    question, are the answer. Fewer than two questions is no interview layout."""
    questions = [i for i, (start, end) in enumerate(lines)
                 if text[end - 1] in "؟?" and _QUESTION_MARK.match(text, start, end) is not None]
    if len(questions) < INTERVIEW_MIN_QUESTIONS:
        return []
    answers = []
    for number, question in enumerate(questions):
        following = questions[number + 1] if number + 1 < len(questions) else len(lines)
        for start, end in lines[question + 1:following]:
            inner = _ANSWER_MARK.match(text, start, end)
            inner_start = inner.end() if inner else start
            if inner_start < end:
                answers.append(Quote(start, end, inner_start, end, True,
                                     len(_WORD.findall(text, inner_start, end)), answer=True))
    return answers


def segment(text: str) -> Layout:
    blocks = find_blocks(text)
    lines = find_lines(text)
    quotes = find_quotes(text, lines)
    sentences = find_sentences(text, lines, quotes)  # an answer is several sentences, so before answers
    answers = find_answers(text, lines)
    if answers:
        # Quotation marks inside an answer are the interviewee's own quoting; the answer is the quotation.
        quotes = sorted([q for q in quotes if not any(a.start <= q.start < a.end for a in answers)] + answers,
                        key=lambda q: q.start)
    headline = find_headline(text, blocks, lines)
    return Layout(tuple(lines), tuple(blocks), tuple(lines), tuple(quotes), tuple(sentences), headline)
