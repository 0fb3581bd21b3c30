"""Link cues to sources and content, type each source (RUBRIC.md) and merge repeated mentions.

Pure: reads a Detection, returns attributions and sources in normalized offsets. A source noun phrase is
read word by word after a cue; lexicon categories (title, org_head, media_head, document_head, source,
entities) decide its type, stopwords end it, and given names tell a person's name from an object noun.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from dataclasses import dataclass, field

from audit.detect import Detection
from audit.lexicon import Lexicon, Match
from audit.results import OPACITY, STANCES

NP_CATEGORIES = frozenset({"source", "title", "org_head", "media_head", "document_head"})
MAX_NP_TOKENS = 20
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORDS = re.compile(r"\w+")
_QUOTE_OPEN = {"«": "»", '"': '"', "“": "”", "”": "“"}
_QUOTE_MARKS = frozenset('«»"“”')
COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "بانهم", "فان",
                             "وان", "لان"})
# Nisba adjectives (الروسية، أذربيجانية، وروسية) extend the phrase they follow.
_UNIDENTIFIED_SPEAKERS = frozenset({"official_unnamed", "anonymous"})
# Bodies whose officials («مسؤولو الوزارة») or experts («خبراء الأمم المتحدة») speak as unnamed officials.
_OFFICIALS_BODIES = frozenset({"named_org", "official_unnamed", "country_or_government"})
_EXPERTS_BODIES = frozenset({"named_org"})
_NISBA = re.compile(r"^(?:و)?(?:ال)?\w{2,}(?:يه|ي|يون|يين|يات|ان)$")
_DEFINITE_NISBA = re.compile(r"ال\w{2,}(?:يه|ي)(?!\w)")
_ENDING_PUNCT = frozenset(":،,؛;")
_DASHES = frozenset("-–—")
# «البالغ من العمر»: an age closes a name as a relative clause does.
_RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "وهو", "وهي", "وهم", "البالغ", "البالغة"})
# A quoted name can follow these: «صحيفة "الوطن"», «جمعية "إنسان"», «مدرب "العميد"».
_QUOTABLE_AFTER = frozenset({"media_head", "org_head", "title", "source"})
# Nouns that continue an organization's name: «هيئة قناة بنما», «مؤسسة النقد», «جمعية مراسلي الصحف».
_ORG_COMPLEMENTS = frozenset({"source", "org_head", "media_head", "document_head", "title"})
MEDIA_OR_ORG = frozenset({"named_media", "named_org", "country_or_government", "document"})


@dataclass(frozen=True, init=False)
class NounPhrase:
    """A candidate source mention, in normalized offsets, before coreference."""

    start: int
    end: int
    type: str
    rule: str
    key: tuple
    head: str = ""
    name_tokens: tuple[str, ...] = ()
    title: str = ""
    bare: bool = False
    """A title, head or definite noun alone («الوزير», «الوزارة»): resolved against other mentions."""
    tentative: bool = False
    """A lone definite word that is a source only if it names someone already named («الصفدي»)."""
    country: str | None = None
    definite: bool = False
    """A bare head with the article («الشركة», not «شركة»): it refers back to a body already named."""

    # Written out for the compiled build (see audit/results.py): an article reads dozens.
    def __init__(self, start: int, end: int, type: str, rule: str, key: tuple, head: str = "",
                 name_tokens: tuple[str, ...] = (), title: str = "", bare: bool = False, tentative: bool = False,
                 country: str | None = None, definite: bool = False) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "head", head)
        object.__setattr__(self, "name_tokens", name_tokens)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "bare", bare)
        object.__setattr__(self, "tentative", tentative)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "definite", definite)


class _Element:
    """One step of a noun phrase being read. A plain class for the reason given on `Match`."""

    __slots__ = ("kind", "start", "end", "word", "match")

    def __init__(self, kind: str, start: int, end: int, word: str = "", match: Match | None = None) -> None:
        self.kind = kind  # match, word, quoted, paren
        self.start = start
        self.end = end
        self.word = word
        self.match = match

    @property
    def category(self) -> str:
        return self.match.rule.category if self.match else self.kind


@dataclass
class SourceRecord:
    type: str
    key: tuple
    head: str = ""
    name_tokens: tuple[str, ...] = ()
    title: str = ""
    mentions: list[tuple[int, int]] = field(default_factory=list)
    mention_rules: list[str] = field(default_factory=list)
    verbs: list[tuple[int, int]] = field(default_factory=list)
    """Normalized spans of the cues this source speaks through."""
    stances: list[str] = field(default_factory=list)
    attributions: int = 0
    anonymity_reason: bool = False
    country: str | None = None


@dataclass(init=False)
class LinkedAttribution:
    cue: Match
    cue_start: int
    cue_end: int
    label: str
    stance: str
    continuation: bool
    source: int | None
    mention: tuple[int, int] | None
    content: tuple[int, int] | None
    carried: bool

    # Written out for the compiled build (see audit/results.py).
    def __init__(self, cue: Match, cue_start: int, cue_end: int, label: str, stance: str, continuation: bool,
                 source: int | None, mention: tuple[int, int] | None, content: tuple[int, int] | None,
                 carried: bool) -> None:
        self.cue = cue
        self.cue_start = cue_start
        self.cue_end = cue_end
        self.label = label
        self.stance = stance
        self.continuation = continuation
        self.source = source
        self.mention = mention
        self.content = content
        self.carried = carried


@dataclass
class Linking:
    attributions: list[LinkedAttribution]
    sources: list[SourceRecord]
    mentions: list[tuple[int, int, int, str]]
    """(start, end, source index, rule) for every source mention that speaks."""
    told: list[Match]


def _inner_start(element: _Element) -> int:
    """Where the text of an element starts: inside the bracket of a parenthetical."""
    return element.start + 1 if element.kind == "paren" else element.start


def _plural_verb(text: str, cue: Match) -> bool:
    """A reporting verb in the masculine plural (قالوا، يقولون، مشيرون، قالوه، يشيعونه؛ «يطالبون» of a pattern)."""
    if cue.rule.kind == "pattern":
        return text[cue.core_start:cue.end].split(maxsplit=1)[0].endswith(("وا", "ون"))
    if cue.rule.kind != "verb":
        return False
    surface = text[cue.core_start:cue.end]
    if surface in cue.rule.objects:
        # The object pronoun follows the plural's «و» (قالوه) or «ون» (يشيعونه); «يدعوه» is singular.
        surface = surface[:-1] if surface.endswith("ه") else surface[:-2]
        return surface.endswith("ون") or (surface.endswith("و") and surface[:-1] + "وا" in cue.rule.surfaces)
    # The dual as well: «أشارا», «قالتا», «يقولان» are the singular with «ا», «تا», «ان» («دعا» is singular).
    dual = surface.endswith(("ا", "ان")) and any(surface[:-len(ending)] in cue.rule.surfaces
                                                 for ending in ("ا", "تا", "ان") if surface.endswith(ending))
    return surface.endswith(("وا", "ون")) or dual


def _end_of_word_before(text: str, position: int) -> int:
    """Where the text before `position` ends once the spaces before it are skipped."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def _plural_participle(text: str, cue: Match) -> bool:
    """A continuation participle in the plural or dual (مشيرين، مؤكدون), not the feminine «…تين»."""
    if cue.rule.kind != "phrase" or not cue.rule.continuation:
        return False
    surface = text[cue.core_start:cue.end]
    return surface.endswith(("ين", "ون")) and not surface.endswith("تين")


def _singular(phrase: NounPhrase) -> bool:
    """A person, a title or a state: no subject of a masculine plural verb («قالوا», «يتهمون»)."""
    return _one_voice(phrase.type, phrase.key, phrase.head)


def _one_voice(type_: str, key: tuple, head: str) -> bool:
    """A person, a state, or someone known by a title in the singular («المتحدث», «والده», not «أقاربه»)."""
    return type_ in ("named_person", "country_or_government") or (key[:1] == ("title",) and not _plural_title(head))


# The titles and kinship words that name several people: «أعضاء اللجنة», «أقاربه», «جيران الضحية».
_PLURAL_TITLES = frozenset({"اعضاء", "اقارب", "اقرباء", "اصدقاء", "جيران"})


def _plural_title(head: str) -> bool:
    return head in _PLURAL_TITLES or _PRONOUN_SUFFIX.sub("", head) in _PLURAL_TITLES


def _paper(phrase: NounPhrase) -> bool:
    """A document, or a paper no one issued («تقرير», typed vague)."""
    return phrase.type == "document" or phrase.rule == "structure.document_head"


def _as_document(phrase: NounPhrase) -> NounPhrase:
    """A paper whose issuer the sentence gives elsewhere («أصدر الوزير بياناً قال فيه») is a document."""
    if phrase.rule != "structure.document_head" or phrase.type != "vague":
        return phrase
    return dataclasses.replace(phrase, type="document", key=("document",) + phrase.key[1:])


def _strip_al(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _strip_conj(word: str) -> str:
    return word[1:] if word[:1] in "وف" and len(word) > 2 else word


class _Reader:
    """Reads noun phrases from the normalized text with the article's lexicon matches."""

    def __init__(self, detection: Detection, lexicon: Lexicon, own_outlets: frozenset[str] = frozenset()):
        self.doc = detection.doc
        self.text = detection.doc.text
        self.lexicon = lexicon
        self.own_outlets = own_outlets
        self.np_matches: dict[int, Match] = {}
        for match in detection.matches:
            if match.rule.category not in NP_CATEGORIES:
                continue
            current = self.np_matches.get(match.start)
            if current is None or _preference(match) > _preference(current):
                self.np_matches[match.start] = match
        self.pair_heads = lexicon.stopword_pair_heads
        self.title_links = lexicon.word_lists.get("title_link", frozenset())
        self.names_after_title = lexicon.word_lists.get("name_after_title", frozenset())
        self.title_ordinals = lexicon.word_lists.get("title_ordinal", frozenset())
        self.kunyas = lexicon.word_lists.get("kunya", frozenset())
        self.recipient_words = lexicon.word_lists.get("recipient", frozenset())
        self.never_names = lexicon.word_lists.get("never_name", frozenset())
        self.speech_objects = lexicon.word_lists.get("speech_object", frozenset())
        self._detection = detection
        self.manner_nouns = lexicon.word_lists.get("manner_noun", frozenset())
        self.source_adjectives = lexicon.word_lists.get("source_adjective", frozenset())
        self.quantifiers = lexicon.word_lists.get("quantifier", frozenset())
        self.construct_nouns = lexicon.word_lists.get("construct_noun", frozenset())
        self.people_nouns = lexicon.word_lists.get("people_noun", frozenset())
        self.honorific_titles = lexicon.word_lists.get("honorific_title", frozenset())
        self.study_heads = lexicon.word_lists.get("study_head", frozenset())
        self.recipients: dict[int, int] = {}
        """Start → end of «لـ"الشرق الأوسط"»-like spans: whom a source spoke to."""
        self.told_starts: set[int] = set()
        """Where a "told X" cue starts («في تصريح لـ», «لوكالة…»)."""
        given_names = [m.start for m in detection.category("given_name")]
        self.subject_starts = sorted(set(self.np_matches) | set(given_names))
        """Where a subject can start: a lexicon phrase or a given name."""
        self._read_cache: dict[tuple[int, int], tuple[list[NounPhrase], str]] = {}
        self.cue_starts = {m.start for m in detection.category("cue")}
        # «وأضاف ماكرون قائلاً إن…»: a participle of saying right after a word shows it is the speaker's name.
        self.saying_starts = {m.start for m in detection.category("cue")
                              if m.rule.continuation and m.rule.kind == "phrase" and not m.prefix}
        self.cue_starts |= {m.start for m in detection.category("agentless")}

    def _name_particle(self, position: int, limit: int) -> bool:
        """«أكد فان غال أن…», «المدرب لويس فان غال»: «فان» written without the hamza of «فإن» and followed by a
        word, where a name starts or goes on, is the Dutch particle of a name; nothing says «فإن» right after
        a reporting verb or a given name."""
        if self.doc.original[self.doc.to_original(position + 1)] != "ا":
            return False
        following = _TOKEN.search(self.text, position + 3, limit)
        return following is not None and following.group().isalpha() and following.group() not in COMPLEMENTIZERS

    def prepositional(self, position: int) -> bool:
        """Whether the phrase starting at `position` has a preposition attached («ببيانات», «لوزارة»,
        «وللوزارة», whose phrase starts after the article's lam)."""
        before = position - 1
        if before < 0 or self.text[before] not in "بلك":
            return False
        if before > 0 and self.text[before - 1:before + 1] == "لل":
            before -= 1
        if before > 0 and self.text[before - 1] in "وف":
            before -= 1
        return before == 0 or not self.text[before - 1].isalnum()

    def _family_name_shaped(self, element: _Element) -> bool:
        """«الزهراني», «الحمداوي»: a definite nisba written with a dotted «ي» (a final «ى», as in «الأخرى», is no
        nisba)."""
        word = element.word
        return element.kind == "word" and word.startswith("ال") and word.endswith("ي") and \
            self.doc.original[self.doc.to_original(element.end - 1)] == "ي" and _name_like(word[2:])

    def _body(self, element: _Element) -> bool:
        """Whether a phrase opening with `element` names a body: an organization's head noun or a registered
        name that is not an outlet's."""
        match = element.match
        return match is not None and (match.rule.category == "org_head" or
                                      match.rule.kind == "entity" and match.rule.source_type != "named_media")

    def _people_word(self, word: str) -> bool:
        """«المواطنين», «والفنانين», «الزوار»: a plural of people, by its sound-plural ending or the lexicon."""
        core = _strip_al(_strip_conj(word))
        return core.endswith(("ين", "ون")) or core in self.people_nouns

    def _titled(self, element: _Element) -> bool:
        """A title, or a role word such as «مسؤول», that can lead to a name."""
        if element.category == "title":
            return True
        match = element.match
        return (match is not None and match.rule.category == "source" and match.rule.source_type == "official_unnamed"
                and " " not in self.text[element.start:element.end])

    def _entity_type(self, rule) -> str:
        """A registered entity's type; the article's own outlet speaking («وعلمت عكاظ» in Okaz) is «self»."""
        if rule.id in self.own_outlets:
            return "self"
        return rule.source_type or "named_org"

    def _is_given_name(self, word: str) -> bool:
        return word in self.lexicon.given_names

    def _quoted_name_end(self, mark: re.Match[str], limit: int) -> int | None:
        """Where the quotation opened by `mark` closes, when it is short enough to be a name («فاير آي»,
        «جدة 36»); a longer quotation is what was said."""
        close = self.text.find(_QUOTE_OPEN[mark.group()], mark.end(), min(limit, mark.end() + 60))
        return close if close > mark.end() and len(self.text[mark.end():close].split()) <= 4 else None

    def _name_ahead(self, position: int, limit: int, object_first: bool = False) -> bool:
        """A given name within the next few words (a registered name counting as one; quotation marks
        around a company's name not counting), before anything that ends a phrase. With `object_first`,
        the first word is a preposition's noun, whatever its shape («على هامش المؤتمر»)."""
        count = 0
        after_entity = after_honorific = False
        while count <= 8:
            token = _TOKEN.search(self.text, position, limit)
            if token is None:
                return False
            match = self.np_matches.get(token.start())
            if match is not None:
                position, count, after_entity = match.end, count + 1, match.rule.kind == "entity"
                after_honorific = self.text[match.core_start:match.end] in self.honorific_titles
                continue
            word = token.group()
            if after_honorific and (_name_like(word) and not word.startswith("ال") or self._definite_name(word)) and \
                    word not in self.lexicon.stopwords and not self._pronoun_suffixed(
                        _Element("word", token.start(), token.end(), word)):
                return True  # «في جامعة واشنطن البروفيسور مايكو باريز»: after a courtesy title, a name
            after_honorific = False
            close = self._quoted_name_end(token, limit) if word in _QUOTE_OPEN else None
            if close is not None:
                # «شركة «آر إس ايه»، روب سادوفسكي»: a quoted name is one name, whatever its words look like
                position, count, after_entity = close + 1, count + 1, True
                continue
            if word in _QUOTE_MARKS or word in _DASHES:
                # «شركة «بروبيتي ماتريكس» للاستشارات …», «النائب في الكنيست - باسل غطاس»: the name set off
                # by a dash
                position = token.end()
                continue
            if word in "،,":
                # «مدير العمليات في شركة "نقل"، ماتيو بيرنار، إن»: the name set off by a comma.
                return self._name_follows(token.end(), limit)
            if word in COMPLEMENTIZERS or not word[0].isalpha():
                return False
            if self._pronoun_suffixed(_Element("word", token.start(), token.end(), word)):
                return False  # «وزير الخارجية عن خالص تعازيه لأسر الضحايا»: what he expressed, not a name
            shaped = (count or not object_first) and self._name_shape(token, limit)
            if self._two_word_given_name(token, limit):
                return True  # «في محافظة القطيف عبد الكريم العليط»
            if word in self.names_after_title and count and self._given_name_not_preposition(token, limit):
                return True  # «في عدن علي الأحمدي»: «علي» and a family name
            if word in self.lexicon.given_names or shaped or (
                    after_entity and self._foreign_name(token, limit)):
                return True
            if count >= 2 and self._foreign_name(token, limit, said_next=True):
                return True  # «مدير العمليات لدى فيتنكو في أوروبا الشرقية والقوقاز يان كوفاتش أن»
            after_entity = False
            if self.lexicon.stopwords.get(word) == "stop" and word not in self.title_links:
                return False
            position, count = token.end(), count + 1
        return False

    def _two_word_given_name(self, token: re.Match[str], limit: int) -> bool:
        """Whether `token` and the word after it are a given name written in two words («عبد الكريم»)."""
        word = token.group()
        if word not in self.lexicon.given_name_pair_heads:
            return False
        following = _TOKEN.search(self.text, token.end(), limit)
        return following is not None and word + " " + following.group() in self.lexicon.given_names

    def _apposition_before_name(self, position: int, limit: int) -> int | None:
        """Where the name starts after a short description set off by commas (at most six words, no verb of
        saying, no «أن»), when a name or a title leading to one follows its closing comma; else None."""
        for words, token in enumerate(_TOKEN.finditer(self.text, position, min(limit, position + 90))):
            word = token.group()
            if word in "،,":
                if words and (self._name_follows(token.end(), limit) or self._named_title_follows(token.end(), limit)):
                    return token.end()
                return None
            if not word.isalpha() or word in COMPLEMENTIZERS or token.start() in self.saying_starts or words == 6:
                return None
        return None

    def _named_title_follows(self, position: int, limit: int) -> bool:
        """A second title right after `position` that leads to a name («، رئيس المركز الدكتور عبدالعزيز»)."""
        token = _TOKEN.search(self.text, position, limit)
        if token is None:
            return False
        match = self.np_matches.get(token.start())
        return match is not None and match.rule.category == "title" and self._name_ahead(match.end, limit)

    def _name_follows(self, position: int, limit: int) -> bool:
        """A given name right after `position` («، حسن رامزه»), or a word and a family name that close the
        phrase («، باسل النحلاوي، إن»), or two or three name-shaped words that do («، ماتيو بيرنار، أن»)."""
        token = _TOKEN.search(self.text, position, limit)
        if token is None:
            return False
        word = token.group()
        if word in _QUOTE_OPEN:
            token = _TOKEN.search(self.text, token.end(), limit)
            word = token.group() if token else ""
        if token is not None and self._two_word_given_name(token, limit):
            return True  # «، عبد العزيز الرويلي،»
        if token is not None and word.isalpha() and word not in self.lexicon.stopwords and \
                (nasab := _TOKEN.search(self.text, token.end(), limit)) is not None and nasab.group() in _NASAB:
            return True  # «، عادل بن سالم الهاشمي،»: a name the lexicon leaves out for its other sense, then «بن»
        if token is not None and word in self.names_after_title and self._given_name_not_preposition(token, limit):
            return True  # «، علي رضا الكرماني،»: «علي» with a name after it, not «على»
        return word in self.lexicon.given_names or (token is not None and (
            self._name_shape(token, limit) or self._foreign_name(token, limit)))

    def _name_shape(self, token: re.Match[str], limit: int) -> bool:
        """«ضرار العلي،»: an unknown word and a family name with the article, closing the phrase."""
        word = token.group()
        if word.startswith("ال") or not word.isalpha() or word in self.lexicon.stopwords or word.endswith("ه"):
            return False
        return self._family_name_closes(token, limit)

    def _family_name_closes(self, token: re.Match[str], limit: int) -> bool:
        """After `token`, a family name with the article that ends the phrase (before «إن», punctuation or
        the end)."""
        family = _TOKEN.search(self.text, token.end(), limit)
        if family is None or not family.group().startswith("ال") or family.start() in self.np_matches or \
                family.group().endswith("ه") or _verbal_noun(family.group()[2:]):
            return False  # «مكة المكرمة»: family names seldom end in ة; «علي الالتزام» is «على» and its noun
        after = _TOKEN.search(self.text, family.end(), limit)
        return after is None or not after.group()[0].isalpha() or after.group() in COMPLEMENTIZERS

    def _named(self, elements: list[_Element]) -> bool:
        """Whether the phrase so far holds a given name («الكاتب صالح زهر الدين» before «في كتابه»)."""
        return any(e.kind == "word" and e.word in self.lexicon.given_names for e in elements)

    def _foreign_name(self, token: re.Match[str] | None, limit: int, said_next: bool = False) -> bool:
        """«منسق المنظمة في اليمن ماركوس هيلدبرانت إن»: after a place or an organization, two or three words
        with the shape of a name, in no lexicon and without the article, closing the phrase before «إن» or a
        comma («في حديث خاص.» has the shape too, hence the place before it). With `said_next`, only before
        «إن»: deep in a title's complement, where no place need precede the name."""
        words = 0
        while token is not None and words < 3:
            word = token.group()
            if not word[0].isalpha():
                break
            if word in COMPLEMENTIZERS:
                break
            if (token.start() in self.np_matches or not _name_like(word) or word in self.lexicon.stopwords
                    or word.endswith("ه") or (words == 0 and word[0] == "و") or self._accusative(token.end())):
                return False  # «وشمال أفريقيا»: a coordinated place, «انتقادًا حادًا» an object, not a name
            words += 1
            token = _TOKEN.search(self.text, token.end(), limit)
        closing = token is not None and (token.group() in COMPLEMENTIZERS or token.group() in "،," and not said_next)
        return words >= 2 and closing

    def _name_part(self, element: _Element, previous: _Element | None = None) -> bool:
        """Whether a word after a name can still belong to it («الصفدي», «بن سلمان», «باحميدان»); a
        preposition with a verbal noun («بمستوى», «بالدعاء»), a pronoun suffix («بقسوته») or the accusative
        «ـاً» («معروفاً») is what the speaker did or was, so the name ended."""
        if element.kind == "match" and previous is not None and previous.word == "ال":
            return True  # «آل الشيخ»: the family whose name is also a title
        if element.kind != "word":
            return False
        word = element.word
        if word in self.lexicon.given_names or (previous is not None and previous.word in _NAME_LINKS):
            return True  # «بن عطيه»: after «بن» comes a name, however the page spells its last letter
        if word in self.never_names or word in self.speech_objects or not word.isalpha() or \
                self._participle_plural_in_construct(element):
            # «ريم الحسن زوجة المطرب…»: a kinship word after a name starts what she is; «74عاما» her age
            return False
        if word.startswith("ال") and (_DEFINITE_VERBAL_NOUN.match(word, 2) or word.endswith("ات") and
                                      _DEFINITE_VERBAL_NOUN.match(word[:-2], 2)) and word not in _NOT_SURNAMES:
            # «محمد صالح بن عيسى الإفراج عن…», «كونتي الانتقادات»: what he announced or answered, singular or
            # plural, not his family name
            return False
        if word.startswith(_NOT_NAME_PART_PREFIXES) or self._pronoun_suffixed(element):
            return False
        if previous is not None and previous.kind == "word" and _VERBAL_NOUN.match(word) and \
                not word.startswith(("ال", "ابو", "لا", "با", "كا")) and \
                not word.endswith(("ات", "ها", "هم", "هما", "كم")):
            return False  # «ويبرر سالم ارتفاع الأسعار»: a verbal noun after a name starts what he did or said
        if word[:1] in "بل" and not word.startswith("با") and \
                self.doc.original[self.doc.to_original(element.end - 1)] == "ة":
            return False  # «وسام فتوح بقوة المصارف»: a preposition and a noun in «ة» («باسلمة» is a name)
        return not self._accusative(element.end)

    def _name_is_complete(self, name: list[_Element], element: _Element) -> bool:
        """Three plain words of a name («محمد جواد نوري») are a whole name: a fourth plain word without the
        article, no given name and no «بن» or «آل» before it, in construct with a definite noun after it, is
        what the speaker addressed or did («… نوري دول الجوار إلى الحوار»)."""
        if len(name) < 3 or element.kind != "word" or element.word in self.lexicon.given_names:
            return False
        following = _TOKEN.search(self.text, element.end)
        if following is None or not (following.group().startswith("ال") or following.start() in self.np_matches):
            return False
        # A definite word ends the name too when a definite word follows it: «وديع جرجس سمعان العملية
        # الإرهابية», «عبدربه منصور نوري المليشيات المسلحة» (a family name with the article ends the phrase).
        if element.word.startswith("ال") and not following.group().startswith("ال"):
            return False
        return all(e.kind == "word" and e.word not in _NAME_LINKS and e.word != "عبد" and not e.word.startswith("ال")
                   and _name_like(e.word) and e.word not in self.lexicon.stopwords for e in name[-3:])

    def _participle_plural_in_construct(self, element: _Element) -> bool:
        """«منتقدي الاتفاق», «معارضي الحكومة»: a plural participle that lost its «ن» before a definite noun
        is whom the speaker addressed or attacked, never a family name («مهدي» is too short to be one)."""
        word = element.word
        if element.kind != "word" or _PARTICIPLE_PLURAL_CONSTRUCT.match(word) is None or \
                word in self.lexicon.given_names:
            return False
        following = _TOKEN.search(self.text, element.end)
        return following is not None and following.group().startswith("ال")

    def _continues_name(self, element: _Element, previous: _Element, before: _Element | None = None) -> bool:
        """Whether a name read so far goes on with `element`: a name part, but nothing after a family name in
        «ـي» but another name («سامر الحمدي محبي الرحلات»)."""
        if self._family_name_shaped(previous) and element.word not in self.lexicon.given_names and \
                not self._family_name_shaped(element):  # «ماجد بن الحربي العتيبي»: a nisba, then the tribe's
            return False
        if before is not None and before.kind == "word" and before.word in self.lexicon.given_names and \
                previous.kind == "word" and previous.word not in self.lexicon.given_names and \
                previous.word not in _NAME_LINKS and element.word not in self.lexicon.given_names and \
                not element.word.startswith("ال") and \
                self.doc.original[self.doc.to_original(element.end - 1)] == "ة" and \
                (after := _TOKEN.search(self.text, element.end)) is not None and after.group() not in COMPLEMENTIZERS:
            # «الرئيسة ماري جونسون مبادرة وطنية لمكافحة…»: after a given name and a family name, a noun in «ة» is
            # what he launched; a third name in «ة» ends the phrase («محمد علي سلامة إن…»)
            return False
        if before is not None and previous.kind == element.kind == "word" and element.word[:1] == "ب" and \
                _PLAIN_MASDAR.fullmatch(element.word, 1) is not None and element.word not in self.lexicon.given_names and \
                (following := _TOKEN.search(self.text, element.end)) is not None and following.group().startswith("ال"):
            # «سالم آل حامد بنجاح المعسكر», «ماجد عبدالقادر بقتل الطفل»: after two names, «بـ» and a verbal noun
            # (فَعْل, فَعال) in construct is what he praised or did; «بلينكن», «بلان» are names
            return False
        return self._name_part(element, previous)

    def _accusative(self, end: int) -> bool:
        """Whether the word ending at `end` carries the tanween of an adverb or object («فنيًا», «أحيانًا»),
        which only the original text keeps."""
        last = self.doc.to_original(end - 1)
        return "\u064b" in self.doc.original[last - 1:last + 2]

    def _feminine_noun(self, element: _Element) -> bool:
        """A word the original writes with a final «ة» («ناخبة», «قائدة»), which normalization folds into «ه»."""
        return element.word.endswith("ه") and self.doc.original[self.doc.to_original(element.end - 1)] == "ة"

    def _pronoun_suffixed(self, element: _Element) -> bool:
        """«دعواه», «علمه», «لأنصاره»: a noun with the pronoun «ـه», which the original text tells from the «ة»
        that normalization folds into it («أسامة»)."""
        word = element.word
        # A definite noun takes no possessive suffix («الفقيه»), and Persian «…زاده» names end in «ه».
        if not word.endswith("ه") or word.startswith("ال") or word.endswith(("الله", "زاده")):
            return False
        return self.doc.original[self.doc.to_original(element.end - 1)] == "ه"

    def _given_name_not_preposition(self, token: re.Match[str], limit: int) -> bool:
        """«المستشار علي البوعينين إن»: «علي» is a name, not «على», when it is written with a dotted ya and a
        family name with the article follows and closes the phrase."""
        last = self.doc.to_original(token.end() - 1)
        if self.doc.original[last:last + 1] != "ي":
            return False
        following = _TOKEN.search(self.text, token.end(), limit)
        # «الدكتور علي محمد فخرو», «المهندس علي آل حرفش»: a given name or «آل» after it makes «علي» the first
        # of a person's names.
        named = following is not None and (following.group() in self.lexicon.given_names or following.group() == "ال")
        return named or self._family_name_closes(token, limit) or self._plain_name_closes(token, limit)

    def _manner_construct(self, token: re.Match[str], limit: int) -> bool:
        """«بهدوء القاضي»: «بـ» and a noun without a pronoun, then a title or a source word it is construct with."""
        word = token.group()
        if word in self.lexicon.given_names or self._pronoun_suffixed(_Element("word", token.start(), token.end(), word)):
            return False
        following = _TOKEN.search(self.text, token.end(), limit)
        match = self.np_matches.get(following.start()) if following is not None else None
        return match is not None and match.rule.category in ("title", "source")

    def _plain_name_closes(self, token: re.Match[str], limit: int) -> bool:
        """After `token`, one name-shaped word without the article that ends the phrase: «شيخ القبيلة علي
        غريب:» (the preposition «على» goes on to its noun: «علي هامش المؤتمر»)."""
        family = _TOKEN.search(self.text, token.end(), limit)
        if family is None or family.start() in self.np_matches or not _name_like(family.group()) or \
                family.group() in self.lexicon.stopwords or _verbal_noun(family.group()):
            return False
        after = _TOKEN.search(self.text, family.end(), limit)
        return after is None or not after.group()[0].isalpha() or after.group() in COMPLEMENTIZERS

    def elements(self, position: int, limit: int) -> tuple[list[_Element], str, int]:
        """Elements of the phrase starting at `position`, why it ended, and where the next one could start."""
        text = self.text
        stopwords = self.lexicon.stopwords
        elements: list[_Element] = []
        tokens = 0
        skipped = dashed = named_after_comma = False
        while tokens < MAX_NP_TOKENS:
            token = _TOKEN.search(text, position, limit)
            if token is None:
                return elements, "end", position
            word, start = token.group(), token.start()
            if start in self.recipients:
                if not elements:  # «وقال لـ«الشرق الأوسط» مصدر…»: the speaker comes after whom he told
                    position = self.recipients[start]
                    continue
                return elements, "stop", start  # «لقناة العربية»: whom the speaker told ends the phrase
            if elements and elements[-1].word in _NASAB and word[0].isalpha():
                # «فيصل بن مساعد», «خالد بن طالب»: after «بن» a name, whatever else its letters spell
                elements.append(_Element("word", start, token.end(), word))
                position, tokens = token.end(), tokens + 1
                continue
            match = self.np_matches.get(start)
            if match is not None and match.end <= limit:
                if elements and "و" in match.prefix and not (match.rule.category == "source" and
                                                             match.rule.kind != "entity"):
                    # «وصحيفة نوفايا غازيتا» starts a second speaker; «وزارة الصحة والسكان» does not.
                    if dashed and (closing_dash := _DASH.search(text, token.end(), limit)) is not None:
                        # «د. ناصر الزهراني -أستاذ علم الاجتماع ورئيس القسم-»: titles of one person between dashes
                        return elements, "punct", closing_dash.end()
                    return elements, "coordination", start
                elements.append(_Element("match", match.core_start, match.end, match=match))
                position, tokens = match.end, tokens + 1
                continue
            if start in self.cue_starts and elements:
                return elements, "cue", start
            if word in _QUOTE_OPEN:
                inside = self.np_matches.get(token.end())
                if inside is not None and inside.end <= limit and not elements and inside.rule.kind == "entity":
                    # «وكشفت «الوطن»»: a registered name in quotation marks is read as the name.
                    elements.append(_Element("match", inside.core_start, inside.end, match=inside))
                    position, tokens = inside.end, tokens + 1
                    continue
                close = self._quoted_name_end(token, limit)
                if close is not None and (
                        not elements or elements[-1].category in _QUOTABLE_AFTER or elements[0].category == "title"):
                    elements.append(_Element("quoted", token.end(), close, text[token.end():close]))
                    position, tokens = close + 1, tokens + 1
                    continue
                return elements, "punct", start
            if word in _DASHES:
                # «رئيس هيئة شؤون الأسرى - عيسى قراقع»، «وأضاف - غطاس - إنه»: some papers set names off
                # with dashes.
                dashed = bool(elements) and not dashed
                position = token.end()
                continue
            if word == "/" and elements and elements[-1].category == "title":
                position = token.end()  # «الأستاذ/ عبدالرحمن العجلان», «المهندس/ خالد»: a title and its name
                continue
            if word == "(":
                close = text.find(")", token.end(), min(limit, token.end() + 30))
                if close > 0 and elements:
                    elements.append(_Element("paren", start, close + 1, text[token.end():close]))
                    position = close + 1
                    continue
                return elements, "punct", start
            if not (word[0].isalpha() or word[0].isdigit()):
                after = _TOKEN.search(text, token.end(), limit) if word in "،," and not elements and skipped else None
                if after is not None and after.start() in self.np_matches:
                    position = token.end()  # «واعترف بدوره، مدرب الفريق…»: a title after the adverb and comma
                    continue
                titled = elements and (self._titled(elements[0]) or elements[0].word in self.people_nouns)
                if word in "،," and titled and (not named_after_comma and self._name_follows(token.end(), limit) or
                                                self._named_title_follows(token.end(), limit)):
                    # «مدير الشرطة بالمدينة، حسن رامزه»: the name set off by a comma after the title, or a
                    # second title that leads to it («وكيل الوزارة، رئيس المركز الدكتور عبدالعزيز بن سعيد»).
                    # The comma after that name closes it («رئيسة الوزراء، جاسيندا أردرن، إطلاق النار…»).
                    position, named_after_comma = token.end(), True
                    continue
                if word in "،," and titled and not named_after_comma and \
                        (apposition_end := self._apposition_before_name(token.end(), limit)) is not None:
                    # «رئيس شركة المعادن، كبير مديريها التنفيذيين بالإنابة، المهندس خالد العلي»: a
                    # second description between commas, then the name
                    position, named_after_comma = apposition_end, True
                    continue
                return elements, "complementizer" if word in _ENDING_PUNCT else "punct", start
            if not elements and word in self.quantifiers:
                # «بعض وسائل الإعلام», «كل من يزيد بالخير ومحمد آل مشاري»: the speakers are the phrase after
                following = _TOKEN.search(text, token.end(), limit)
                if following is not None and following.group() == "من":
                    following = _TOKEN.search(text, following.end(), limit)
                if following is not None and (following.start() in self.np_matches or
                                              following.group() in self.lexicon.given_names):
                    position, skipped = following.start(), True
                    continue
            if not elements and word[:1] == "ب" and not word.startswith("بال") and self._manner_construct(token, limit):
                # «ثم قال بخبث ضابط البوليس:», «فقال بهدوء القاضي»: said with the cunning of a police officer, with
                # a judge's calm; a manner, not a speaker («وقال بدوره الوزير» has its speaker after the adverb).
                return elements, "adverb", start
            particle = word == "فان" and (not elements or elements[-1].kind == "word" or
                                          elements[-1].category == "given_name") and self._name_particle(start, limit)
            if word in COMPLEMENTIZERS and not particle:
                return elements, "complementizer", start
            if word in ("الي", "علي") and elements and \
                    (after := _TOKEN.search(text, token.end(), limit)) is not None and after.group() in COMPLEMENTIZERS:
                return elements, "complementizer", start  # «وأشار باترسون إلى أن»: what was said follows
            following = _TOKEN.search(text, token.end(), limit) if word in self.pair_heads else None
            pair = word + " " + following.group() if following is not None else None
            label = self.lexicon.stopwords.get(pair) if pair else None
            if not label and not particle:
                label = stopwords.get(word)
                if not label and word[:1] in "وف" and len(word) > 2:
                    label = stopwords.get(word[1:])
            if label == "skip" and not elements:
                position = following.end() if following is not None and pair in self.lexicon.stopwords else token.end()
                skipped = True
                continue
            if label == "stop" and elements and word in self.names_after_title and \
                    (elements[-1].category == "title" or self._titled(elements[0]) and not self._named(elements)
                     or elements[-1].word in self.lexicon.given_names) \
                    and self._given_name_not_preposition(token, limit):
                # «المتحدث باسم اللجنة في تعز علي السقاف»: «علي» is the name the title goes on to, or the
                # father's name after a given name («م. أحمد علي الإبراهيم»)
                label = None
            elif label == "stop" and not elements and word in self.names_after_title and \
                    self._given_name_not_preposition(token, limit):
                label = None  # «وقال علي قاسم إن»: a man named «علي» speaking, not «على» after the verb
            elif label == "stop" and elements and self._titled(elements[0]) and word in self.title_links \
                    and not self._named(elements) and \
                    self._name_ahead(token.end(), limit, object_first=word in self.names_after_title):
                label = None  # «مدير التعليم في منطقة تبوك ناصر العنزي»: the title goes on to a name
            elif label and elements and elements[-1].category == "title" and word in self.title_ordinals:
                label = None  # «نائب الرئيس الأول للشؤون التجارية»
            elif label == "stop" and not elements and word in self.kunyas and \
                    (name := _TOKEN.search(text, token.end(), limit)) is not None and \
                    name.group() in self.lexicon.given_names:
                label = None  # «وذكرت أم ناصر أن»: a kunya, not «أم» (or)
            elif label == "skip" and elements and word in self.source_adjectives:
                label = None  # «مسؤول مصرفي آخر»: stepped over before a speaker, an adjective after one
            if label:
                # «بيتاني بارون جيبس التي قادت الدراسة»: a relative clause closes a name as a comma does; an
                # adverb («رسميًا», «أمس») closes it before what is said.
                return elements, "relative" if word in _RELATIVES else "adverb" if label == "skip" else "stop", start
            if elements and word[:1] == "و" and self._is_given_name(word[1:]) and word not in self.lexicon.given_names:
                return elements, "coordination", start  # «وسام» is a name, not «و» + «سام»
            if elements and word[:1] == "و" and not word.startswith("وال") and len(word) > 5 and \
                    self._people_word(word) and self._body(elements[0]):
                # «هيئة الموانئ ومستوردون محليون»: a body, then a group, read from after its «و»
                return elements, "coordination", start + 1
            elements.append(_Element("word", start, token.end(), word))
            position, tokens = token.end(), tokens + 1
        return elements, "limit", position

    def read(self, position: int, limit: int) -> tuple[list[NounPhrase], str]:
        """Noun phrases starting at `position` (several when coordinated with و), and why reading ended.
        The same place is read for several purposes (after a cue, before one, to find who is named), so
        results are kept per (position, limit)."""
        key = (position, limit)
        cached = self._read_cache.get(key)
        if cached is None:
            cached = self._read_cache[key] = self._read(position, limit)
        return cached[0][:], cached[1]

    def _read(self, position: int, limit: int) -> tuple[list[NounPhrase], str]:
        phrases: list[NounPhrase] = []
        reason = "end"
        for _ in range(4):
            coordination_at = position
            elements, reason, position = self.elements(position, limit)
            phrase = self.classify(elements, reason)
            if phrase is None:
                break
            if phrases and self._second_title(phrases[-1], phrase, coordination_at):
                # «هند العتيبي عضو مجلس الشورى وأستاذ علم النفس»: after the titles that follow a name, a title
                # joined by «و» is one more of hers, not a second speaker («الوزير محمد العلي ووزير الخارجية» is).
                if reason != "coordination":
                    break
                continue
            if phrases and phrases[-1].bare and phrases[-1].key[0] == "title" and phrase.type == "named_person" \
                    and phrase.title and phrase.name_tokens:
                # «الكاتب والباحث السياسي عبد الحكيم معتوق»: two titles of one named person.
                phrases[-1] = dataclasses.replace(phrase, start=phrases[-1].start)
            elif phrases and phrases[-1].bare and phrases[-1].rule == "structure.document_head" and \
                    phrase.type == "document" and len(phrase.key) > 2:
                # «إحصاءات وتقديرات مصلحة الإحصاءات العامة»: two kinds of paper from the one issuer named after both.
                phrases[-1] = dataclasses.replace(phrase, start=phrases[-1].start)
            else:
                phrases.append(phrase)
            if reason != "coordination" or self._object_left(elements, phrase):
                break
        return phrases, reason

    def _object_left(self, elements: list[_Element], phrase: NounPhrase) -> bool:
        """«دعت السعودية العراق والكويت», «أعلنت الجامعة توفر وظائف بكلية الطب وكلية العلوم»: after the
        subject, words it left unread begin the verb's object, and an «و» after them joins the object, not
        a second speaker. A word with «و» (in «منظمة الأغذية والزراعة (فاو)») or a bracket stays part of the
        name."""
        return any(e.start >= phrase.end and e.kind != "paren" and not (e.kind == "word" and e.word[:1] == "و")
                   for e in elements)

    def _second_title(self, person: NounPhrase, phrase: NounPhrase, coordination_at: int) -> bool:
        names = self.lexicon.given_names
        if person.type != "named_person" or not (person.title or any(token in names for token in person.name_tokens)):
            return False
        titles_after_name = (self.np_matches.get(position) for position in range(person.end, coordination_at))
        if not any(m is not None and m.rule.category == "title" for m in titles_after_name):
            return False
        if phrase.key[0] == "title":
            return True
        return phrase.type == "named_person" and bool(phrase.title) and \
            not any(token in names for token in phrase.name_tokens)

    # ------------------------------------------------------------------------------------ typing

    def classify(self, elements: list[_Element], reason: str) -> NounPhrase | None:
        phrase = self._classify(elements, reason)
        if phrase is not None and any(e.kind == "quoted" and e.end == phrase.end for e in elements[1:]):
            # «مجلة "ليكيب"», «شركة «أرامكو»»: a phrase that ends on a quoted name takes its closing mark.
            phrase = dataclasses.replace(phrase, end=phrase.end + 1)
        return phrase

    def _classify(self, elements: list[_Element], reason: str) -> NounPhrase | None:
        if not elements:
            return None
        first = elements[0]
        category = first.category
        if category == "source":
            return self._typed_source(elements)
        if category == "media_head":
            return self._media(elements)
        if category == "document_head":
            return self._document(elements)
        if category == "org_head":
            return self._organization(elements)
        if category == "title":
            return self._person_with_title(elements)
        if first.kind == "word":
            return self._bare_words(elements, reason)
        if first.kind == "quoted" and len(elements) == 1 and reason == "complementizer":
            # «قالت «السعودي الفرنسي كابيتال» إن…»: a name in quotation marks, unknown to the lexicons, as the
            # subject; newsrooms quote the names of companies and bodies, seldom of people, unless the name
            # starts with a given name («وأضاف «عبد الرحيم» أن»).
            name = " ".join(first.word.split())
            words = name.split()
            if words[0] in self.lexicon.given_names or " ".join(words[:2]) in self.lexicon.given_names or \
                    (len(words) == 2 and words[0] in ("ابو", "ام", "ماما", "بابا") and _name_like(words[1])) or \
                    (len(words) == 1 and words[0] in _named_people(self, self._detection, words[0])):
                # «تقول "أم خالد" إن», «وأكدت «ماما سارة»»: a kunya or a nickname is how a person is called;
                # «يقول "ديمان":» quotes the family name of «مايك ديمان», named before
                return NounPhrase(first.start, first.end, "named_person", "structure.quoted_name",
                                  ("person", tuple(words)), name_tokens=tuple(words))
            return NounPhrase(first.start, first.end, "named_org", "structure.quoted_name", ("org", name), head=name)
        return None

    def _one_of(self, start: int, end: int, head: str) -> NounPhrase:
        """«أحد المدونين», «أحد السكان»: one unnamed member of a group, an anonymous source."""
        return NounPhrase(start, end, "anonymous", "structure.one_of", ("anonymous", self.text[start:end]), head=head)

    def _end(self, elements: list[_Element], index: int) -> int:
        """End of the phrase: element `index` plus following nisba adjectives («أمني لبناني»), describing
        adjectives («كبير», «رفيع المستوى») and parentheticals."""
        end = elements[index].end
        for position, element in enumerate(elements[index + 1:], index + 1):
            if element.kind == "paren" or (element.kind == "word" and (
                    _NISBA.match(element.word) or element.word in self.source_adjectives)):
                end = element.end
                continue
            head = elements[index].match
            if element.match is not None and element.match.rule.source_type == "country_or_government" and \
                    head is not None and head.rule.kind != "entity" and element.match.prefix == "" and \
                    _DEFINITE_NISBA.match(self.text, element.start, element.end):
                # «السلطات السعودية»: after a common noun, a country named as a nisba is the adjective it spells
                # («اتهمت إيران السعودية» names two countries).
                end = element.end
                continue
            if position == index + 1 and head is not None and head.rule.source_type in _UNIDENTIFIED_SPEAKERS \
                    and element.match is not None and element.match.rule.source_type == "named_org" \
                    and self.text.startswith("ال", element.start):
                end = element.end  # «متحدث الخارجية الباكستانية»: the body whose spokesman it is
                continue
            break
        return end

    def _typed_source(self, elements: list[_Element]) -> NounPhrase | None:
        first = elements[0]
        rule = first.match.rule  # type: ignore[union-attr]
        source_type = rule.source_type or "vague"
        if rule.kind == "entity":
            # Ambiguous bare names were already checked for a head noun or quotation marks by the scanner.
            head = _strip_al(self.text[first.start:first.end].split()[0])
            return NounPhrase(first.start, self._end(elements, 0), self._entity_type(rule), rule.id,
                              ("entity", rule.id), head=head, country=rule.country)
        # «تقارير وكالة الأنباء الأذرية»: reports of a named outlet are that outlet speaking; reports or
        # statements of a named body are a document.
        if source_type in ("vague", "document") and len(elements) > 1 and elements[1].kind in ("match", "quoted") \
                and not self._people_word(self.text[first.start:first.end].split()[-1]) \
                and not self.text.endswith(" من", 0, first.end):  # not «نشطاء موقع…», nor «العديد من الفصائل»
            second = self.classify(elements[1:], "")
            if second is not None and second.type in MEDIA_OR_ORG | {"named_person"}:
                if second.type == "named_media":
                    return second
                return NounPhrase(first.start, second.end, "document", rule.id, ("document",) + second.key)
        surface = self.text[first.start:first.end]
        one_of = _ONE_OF.search(self.text, max(0, first.start - 8), first.start)
        if source_type == "vague" and one_of is not None and self._people_word(surface.split()[0]):
            # «أحد السكان», «أحد المتظاهرين»: one member of a collective, unnamed
            end = self._end(elements, 0)
            return self._one_of(one_of.start(), end, _strip_al(surface.split()[0]))
        # «مسؤولو اتحاد كرة القدم», «ممثلو الوزارة» (officials in the construct plural, whose body follows) and
        # «خبراء الأمم المتحدة», «علماء ناسا» (people of a named body) are unnamed officials of that body.
        bodies = _OFFICIALS_BODIES if source_type == "official_unnamed" and surface.endswith("و") else \
            _EXPERTS_BODIES if source_type == "vague" and self._people_word(surface) else ()
        if bodies and " " not in surface and len(elements) > 1 and elements[1].kind == "match":
            body = self.classify(elements[1:], "")
            if body is not None and body.type in bodies and body.start == elements[1].start:
                return NounPhrase(first.start, body.end, "official_unnamed", rule.id,
                                  ("official_unnamed", surface) + body.key[1:], head=_strip_al(surface))
        if surface.endswith(" من") and len(elements) > 1:
            # «عدد من المسؤولين», «الكثير من الزوار والسياح»: a part of a group is that group, typed by it when the
            # lexicon knows it and a vague collective otherwise.
            if elements[1].kind == "match":
                group = self.classify(elements[1:], "")
                if group is not None and group.type in ("anonymous", "official_unnamed", "vague"):
                    return NounPhrase(first.start, group.end, group.type, rule.id,
                                      (group.type, surface) + group.key[1:], head=group.head)
                if group is not None and group.type in MEDIA_OR_ORG and elements[1].category == "org_head":
                    # «العديد من الفصائل المسلحة»: some of several bodies, no one can tell which
                    return NounPhrase(first.start, group.end, "vague", rule.id,
                                      ("vague", self.text[first.start:group.end]))
            elif elements[1].kind == "word":
                people = list(itertools.takewhile(lambda e: e.kind == "word" and self._people_word(e.word), elements[1:]))
                if not people:
                    return None  # «عدد من الأمور»: things, not speakers
                rest = elements[1 + len(people):]
                if rest and rest[0].kind == "word" and not _strip_conj(people[-1].word).startswith("ال"):
                    people.append(rest[0])  # «أصحاب المحلات», «سيدات المجتمع»: a head in construct takes whose they are
                    rest = rest[1:]
                described = itertools.takewhile(lambda e: e.kind == "word" and _NISBA.match(e.word), rest)
                end = ([people[-1]] + list(described))[-1].end  # «الشخصيات الكشفية العالمية»
                return NounPhrase(first.start, end, "vague", rule.id, ("vague", self.text[first.start:end]))
        if source_type == "official_unnamed" and " " not in surface and len(elements) > 1:
            # «مسؤولة التحصين في المكتب الإقليمي ليلى الشامي»: a role word followed by a name is a title.
            person = self._person_with_title(elements, named_only=True)
            if person.type == "named_person":
                return person
        if source_type == "named_person":
            # «سموه», «معاليه»: a word of the lexicon names no person by itself; it stands for one named before.
            return NounPhrase(first.start, first.end, "named_person", rule.id, ("antecedent",), head=surface, bare=True)
        head = _strip_al(surface.split()[0])
        bare = (surface.startswith("ال") and source_type in ("anonymous", "official_unnamed")
                and len(surface.split()) == 1)
        end = self._end(elements, 0)
        if source_type in ("anonymous", "official_unnamed"):
            in_body = _IN_BODY.match(self.text, end)
            if in_body is not None and in_body.end() in self.np_matches and \
                    self.np_matches[in_body.end()].rule.category in ("org_head", "source", "title"):
                # «مسؤول في وزارة الطاقة», «مصادر عسكرية في الجيش»: the body is part of the phrase, not the
                # speaker; one unnamed insider of a named body («مصدر في وزارة المالية») is an unnamed official.
                body_elements, _, _ = self.elements(in_body.end(), len(self.text))
                body_phrase = self.classify(body_elements, "") if body_elements else None
                if body_phrase is not None and body_phrase.type == "named_person":
                    body_phrase = None  # «مصادر مقربة من قائد الفريق ياسر القحطاني»: close to a person
                insider_type = "official_unnamed" if head == "مصدر" else source_type
                end = body_phrase.end if body_phrase else end
                return NounPhrase(first.start, end, insider_type, rule.id,
                                  (insider_type, self._unnamed_key(surface, first.start, end)), head=head,
                                  definite=surface.startswith("ال"))
        return NounPhrase(first.start, end, source_type, rule.id,
                          (source_type, self._unnamed_key(surface, first.start, end)), head=head, bare=bare,
                          definite=surface.startswith("ال"))

    def _unnamed_key(self, surface: str, start: int, end: int) -> str:
        """Who an unnamed source is, as far as the words tell: «مصادر أمنية» and «مصادر طبية» are two sources,
        «مصدر مطلع» and «مصدر مطلع آخر» too. A definite phrase («المصادر الأمنية») refers back to one already
        described and is keyed by its head, for the registry to join it to that one."""
        words = (surface if surface.startswith("ال") else self.text[start:end]).split()
        return " ".join(_strip_al(w) for w in words)

    def _media(self, elements: list[_Element]) -> NounPhrase:
        first = elements[0]
        if len(elements) > 1:
            second = elements[1]
            if second.category == "media_head" and len(elements) > 2:
                inner = self._media(elements[1:])
                if not inner.bare:  # «موقع صحيفة "دايلي مايل"»: the paper's name decides
                    return dataclasses.replace(inner, start=first.start)
            if second.match is not None and second.match.rule.kind == "entity":
                rule = second.match.rule
                if self._entity_type(rule) == "country_or_government":
                    # «التلفزيون الرسمي لكوريا الشمالية»: a state's broadcaster is an outlet, not the state.
                    head = _strip_al(self.text[first.start:first.end].split()[0])
                    return NounPhrase(first.start, self._end(elements, 1), "named_media", "structure.media_head",
                                      ("media", head, rule.id), country=rule.country)
                return NounPhrase(first.start, self._end(elements, 1), self._entity_type(rule), rule.id,
                                  ("entity", rule.id), country=rule.country)
            if second.kind in ("quoted", "paren"):
                # «صحيفة «الحياة»», «صحيفة (الحياة)»: a registered name in quotation marks or brackets.
                # The name must be the whole of what is quoted: «صحيفة «واشنطن تايمز»» is no city.
                inner_end = len(self.text[:second.end - (second.kind == "paren")].rstrip())
                inside = self.np_matches.get(_inner_start(second))
                if inside is not None and inside.rule.kind == "entity" and inside.end == inner_end:
                    rule = inside.rule
                    return NounPhrase(first.start, self._end(elements, 1), self._entity_type(rule), rule.id,
                                      ("entity", rule.id), country=rule.country)
            if second.kind in ("quoted", "word") or (second.kind == "match" and second.category != "title"):
                name = second.word if second.kind != "match" else self.text[second.start:second.end]
                return NounPhrase(first.start, self._end(elements, 1), "named_media", "structure.media_head",
                                  ("media", " ".join(name.split())))
        head = _strip_al(self.text[first.start:first.end].split()[0])
        return NounPhrase(first.start, self._end(elements, 0), "named_media", "structure.media_head",
                          ("media", head), head=head, bare=True)

    def _document(self, elements: list[_Element]) -> NounPhrase:
        first = elements[0]
        head = _strip_al(self.text[first.start:first.end].split()[0])
        if len(elements) > 1 and elements[1].kind in ("match", "quoted"):
            owner = self.classify(elements[1:], "")
            made_by = elements[1].match is not None and elements[1].match.prefix.endswith("ل")
            if owner is not None and owner.type in ("anonymous", "vague") and not made_by and self._definite(first):
                owner = None  # a definite head takes no maker: «ودعا التقرير النقابات» names whom it called on
            if owner is not None:
                # «تقرير صحيفة «الحياة»» is the paper speaking; «مسح لرويترز», «تقرير لموقع "ميدل إيست آي"» are
                # documents the outlet made.
                if owner.type == "named_media" and not made_by:
                    return owner
                if owner.type in ("anonymous", "vague") and not made_by:
                    # «تقديرات خبراء», «وثائق مصادر مطلعة»: papers no one can check are as opaque as their makers
                    return dataclasses.replace(owner, start=first.start)
                return NounPhrase(first.start, owner.end, "document", "structure.document_head",
                                  ("document", head) + owner.key, head=head)
        end = self._end(elements, 0)
        issued = _ISSUED_BY.match(self.text, end)
        if issued is not None:
            # «الأرقام الصادرة عن وزارة التجارة», «البيانات التي نشرتها الهيئة»: whose text it is
            owners, _ = self.read(issued.end(), min(len(self.text), issued.end() + 120))
            if owners and owners[0].type in _ISSUERS:
                return NounPhrase(first.start, owners[0].end, "document", "structure.document_head",
                                  ("document", head) + owners[0].key, head=head)
            if owners and owners[0].type in ("anonymous", "vague"):
                # «معطيات وفرتها مصادر مؤكدة»: papers no one can check are as opaque as whoever gave them
                return dataclasses.replace(owners[0], start=first.start)
        surface = self.text[first.start:first.end]
        if surface.startswith("ال") and surface.endswith("ات") and " " not in surface:
            # «الإحصاءات», «التقديرات» with no issuer name no one: a vague collective.
            return NounPhrase(first.start, end, "vague", "structure.document_head", ("vague", head), head=head)
        definite = self._definite(first)
        if not definite and surface in self.study_heads and not any(
                e.kind != "word" or e.word.startswith(("ال", "ل", "بال")) for e in elements[1:]) and \
                self.text[elements[-1].end:elements[-1].end + 2].strip()[:1] not in _QUOTE_OPEN:
            # «كشف تقرير عن…», «أظهرت دراسة حديثة أن…»: a report or a study that no one issued and nothing names
            # (as «تقرير مؤشرات الأداء» or «دراسة فلكية للدكتور…» are named) is no named document; a reader can
            # check it no better than «تقارير».
            return NounPhrase(first.start, end, "vague", "structure.document_head", ("vague", head), head=head,
                              bare=True)
        return NounPhrase(first.start, end, "document", "structure.document_head", ("document", head),
                          head=head, bare=len(elements) == 1)

    def _place_adjective(self, word: str) -> bool:
        """«المكرمة», «المنورة», «الشرقية»: a definite adjective, not a verbal noun or people («المواطنين»)."""
        return word.startswith("ال") and not _DEFINITE_VERBAL_NOUN.match(word, 2) and not self._people_word(word)

    def _organization(self, elements: list[_Element]) -> NounPhrase:
        first = elements[0]
        head = _strip_al(self.text[first.start:first.end].split()[0])
        if len(elements) > 1:
            second = elements[1]
            inside = second.match if second.kind == "match" else self.np_matches.get(_inner_start(second))
            if inside is not None and inside.rule.kind == "entity" and inside.rule.source_type == "named_media" \
                    and inside.end <= second.end + 1:
                # «وكالة "سبوتنيك"»: the head noun introduces a registered name, which decides the type.
                rule = inside.rule
                return NounPhrase(first.start, self._end(elements, 1), self._entity_type(rule), rule.id,
                                  ("entity", rule.id), country=rule.country)
            if second.kind in ("quoted", "paren") and _NEWS_NAME.search(second.word) and \
                    self.text[first.start:first.end] in self.lexicon.media_heads:
                # «وكالة «أنباء فارس»»: an agency whose quoted name says it gives news is an outlet.
                return NounPhrase(first.start, self._end(elements, 1), "named_media", "structure.media_head",
                                  ("media", " ".join(second.word.split())))
        end = first.end
        # An organization's name is a construct chain closed by a definite noun or a proper name
        # («وزارة الشؤون البلدية والقروية», «هيئة قناة بنما»), then only definite adjectives; an indefinite
        # word after that is the verb's object («أعلنت وزارة الصحة تسجيل 40 حالة»).
        # A definite head («الوزارة أولاً», «المحكمة ثلاثة») is already closed.
        definite = self._definite(first)
        definite_head = definite and " " not in self.text[first.start:first.end]
        if not definite and len(elements) > 1 and self._indefinite_adjective(elements[1]) and not (
                len(elements) > 2 and self._names_in_construct(elements[2])):
            # «منظمة حقوقية», «شركة سعودية»: a body described, not named («هيئة تنمية الصادرات» is a name: the
            # word in «ية» is a noun there, and a definite noun completes it).
            end = elements[1].end
            for element in elements[2:]:
                if not self._indefinite_adjective(element):
                    break
                end = element.end
            return NounPhrase(first.start, end, "official_unnamed", "structure.org_head",
                              ("official_unnamed", self._unnamed_key("", first.start, end)), head=head)
        for index, element in enumerate(elements[1:], 1):
            if element.kind == "word":
                word = _strip_conj(element.word) if element.word[:1] == "و" else element.word
                if word in _IN_PLACE and index + 1 < len(elements) and elements[index + 1].kind == "word" and \
                        not self._people_word(elements[index + 1].word):
                    # «الشؤون الصحية بمحافظة الطائف»: where it is names the body; a place may have its adjective
                    # («بمنطقة مكة المكرمة»)
                    end = elements[index + 1].end
                    if index + 2 < len(elements) and elements[index + 2].kind == "word" and \
                            self._place_adjective(elements[index + 2].word):
                        end = elements[index + 2].end
                    break
                if definite and not word.startswith(("ال", "ل")):
                    break  # «لدعم الشرعية», «للغذاء» complement a name; «استحدثت» is what the body did
                if index == 1 and definite_head and word.endswith(("ين", "ون")):
                    # A definite head takes adjectives only, and no adjective of a body is a plural of people:
                    # «ودعت البلدية السكان» names whom the body called on.
                    break
                definite = word not in self.construct_nouns  # «إمارة منطقة …» awaits the region's name
                end = element.end
                continue
            if element.match is not None and element.category == "source" and not element.match.prefix and \
                    element.match.rule.kind != "entity" and \
                    self.text.startswith("ال", elements[index - 1].start):
                break  # «ودعت وزارة الصحة السكان»: people right after a definite noun are the object
            if element.match is not None and definite and "ب" in element.match.prefix and \
                    element.category == "document_head":
                break  # «ورحبت الوزارة بالقرار»: what the body welcomed, not part of its name
            if element.match is not None and definite and not element.match.prefix and \
                    not self.text.startswith("ال", element.start):
                break  # «واتهمت اللجنة رئيس كوريا الجنوبية»: a closed name takes no second head; that is the object
            if element.kind in ("quoted", "paren") or element.category in _ORG_COMPLEMENTS:
                end = element.end
                # A registered name or a definite noun closes the chain («البلدية» in «لجنة الانتخابات البلدية»);
                # a head noun («قناة» in «هيئة قناة بنما») or an indefinite one («دراسات» in «مركز دراسات وادي
                # النيل») awaits one.
                definite = element.kind != "match" or element.match.rule.kind == "entity" or (  # type: ignore[union-attr]
                    element.category != "title" and self.text.startswith("ال", element.start))
                continue
            break
        if end == first.end:
            # «الوزارة» alone names no one by itself; coreference may tie it to «وزارة الصحة».
            return NounPhrase(first.start, end, "official_unnamed", "structure.org_head", ("bare_org", head),
                              head=head, bare=True, definite=definite)
        name = " ".join(_strip_al(w) for w in self.text[first.start:end].split())
        return NounPhrase(first.start, end, "named_org", "structure.org_head", ("org", name), head=head)

    def _office_as_family_name(self, elements: list[_Element], index: int) -> _Element | None:
        """«غادة والي، وزيرة التضامن», «محمد القاضي إن»: a one-word office right after a lone given name, with
        nothing of its own after it, is the family name; so is a definite one before another title («محمد
        القاضي رئيس المحكمة»). After a full name an office opens a phrase of its own («جون كيري وزير
        الخارجية», «فيصل المشوح محامي»), and so does an office in construct («نائب وزير»). Returned as a word
        element."""
        if index >= len(elements):
            return None
        office = elements[index]
        if office.match is None or office.match.prefix or office.category != "title":
            return None
        word = self.text[office.start:office.end]
        last = index + 1 == len(elements)
        if " " in word or not (last or self._surname_like(office) and elements[index + 1].category == "title"):
            return None
        return _Element("word", office.start, office.end, word)

    def _indefinite_adjective(self, element: _Element) -> bool:
        """«حقوقية», «دولية», «سعودية»: an indefinite adjective in «ية», or a country's nisba without the
        article («أمريكي»)."""
        if element.kind == "word":
            word = element.word
            return len(word) > 4 and word.endswith("يه") and not word.startswith("ال") and \
                word not in self.lexicon.given_names
        surface = self.text[element.start:element.end]
        return element.match is not None and element.match.rule.source_type == "country_or_government" and \
            not element.match.prefix and not surface.startswith("ال") and surface.endswith(("يه", "ي"))

    def _names_in_construct(self, element: _Element) -> bool:
        """Whether `element`, after a head and a word in «ية», completes a construct name: a definite noun, a
        registered name or a name in quotation marks («هيئة تنمية الصادرات», «جمعية رعاية «إنسان»»)."""
        if element.kind == "word":
            return _strip_conj(element.word).startswith(("ال", "لل"))
        return element.kind in ("match", "quoted", "paren") and not self._indefinite_adjective(element)

    def _person_with_title(self, elements: list[_Element], *, named_only: bool = False) -> NounPhrase:
        """A title and the name after it. With `named_only` (a role word such as «مسؤول», not a title),
        the name must start with a given name: «مسؤول أميركي كبير» names no one."""
        first = elements[0]
        # A title without a name is an unnamed official, or what its rule says («والد الضحية»: anonymous). A
        # relative's own name comes right after the kinship word and starts with a given name («شقيقه خالد
        # المهنا», not «والدتها توقف التنفس»).
        unnamed = (first.match.rule.source_type if first.match is not None else None) or "official_unnamed"
        relational = first.match is not None and first.match.rule.relational
        name_index = self._name_index(elements, given_only=named_only or relational)
        if relational and name_index is not None and name_index > 1:
            name_index = None  # «والد الشهيد فهد القرني»: the name is the martyr's, not his father's
        title_end = elements[name_index - 1].end if name_index else elements[-1].end
        title = " ".join(self.text[first.start:title_end].split())
        title_key = " ".join(_strip_al(w) for w in title.split())
        if name_index is None:
            end = self._end_title(elements) if unnamed == "official_unnamed" else self._end_kin(elements)
            return NounPhrase(first.start, end, unnamed, "structure.title",
                              ("title", title_key), head=_strip_al(title.split()[0]), title=title_key, bare=True)
        last = name_index
        while last + 1 < len(elements) and (elements[last].kind != "match" or last == name_index) and (
                elements[last + 1].kind == "paren" or not self._name_is_complete(
                    elements[name_index:last + 1], elements[last + 1]) and self._continues_name(
                    elements[last + 1], elements[last], elements[last - 1] if last > 0 else None)
                or (last == name_index and self._surname_like(elements[last + 1]))):
            last += 1
        if named_only and last == name_index == 1 and elements[1].kind == "word":
            # «مسؤول تركي»: a lone given name right after a role word is its adjective (Turki, Turkish); a
            # person named after «مسؤول» has a family name too.
            return NounPhrase(first.start, self._end_title(elements), unnamed, "structure.title",
                              ("title", title_key), head=_strip_al(title.split()[0]), title=title_key, bare=True)
        name_tokens = tuple(w for e in elements[name_index:last + 1] if e.kind in ("word", "match", "quoted")
                            for w in (e.word.split() if e.kind == "quoted" else
                                      [e.word if e.kind == "word" else self.text[e.start:e.end]]))
        return NounPhrase(first.start, elements[last].end, "named_person", "structure.title_name",
                          ("person", name_tokens), name_tokens=name_tokens, title=title_key)

    def _definite_name(self, word: str) -> bool:
        """A family name with the article («الأحمد», «الخطيب»): name-shaped, no verbal noun, no people noun."""
        return word.startswith("ال") and _name_like(word[2:]) and not _DEFINITE_VERBAL_NOUN.match(word, 2) and \
            not self._people_word(word) and word not in self.lexicon.stopwords

    def _name_index(self, elements: list[_Element], given_only: bool = False) -> int | None:
        """Where the name starts after a title: at the first given name («أيمن» in «وزير الخارجية أيمن
        الصفدي»), else at a trailing run of plain words that are not complements («الروسي بوتين»), else
        right after the title when a second title follows the name («د. توفيق السويلم - رئيس الجمعية»)."""
        if len(elements) > 1 and elements[1].kind == "word" and self.text[elements[0].end - 1] == ".":
            return 1  # «د. فقيه», «م. فقيه»: an abbreviation takes no complement, a name follows it
        if len(elements) > 2 and elements[1].category == "title" and elements[2].kind == "word" and \
                self.text[elements[0].start:elements[0].end] in self.honorific_titles and \
                " " not in (second := self.text[elements[1].start:elements[1].end]) and not second.startswith("ال") \
                and self._definite_name(elements[2].word):
            return 1  # «الدكتور مساعد الأحمد», «الأستاذ أمين الخطيب»: a title word as a given name, then the family
        names = self.lexicon.given_names
        # «مدير مستشفى الملك فهد», «مطار الملك فهد»: an indefinite noun, then a king or a prince: the place is
        # named after him; a person's royal title follows a definite word («وزير الداخلية الأمير محمد»).
        eponyms = {index for index in range(3, len(elements))
                   if self.text[elements[index - 1].start:elements[index - 1].end] in _ROYAL_TITLES
                   and not self.text.startswith("ال", elements[index - 2].start)}
        for index, element in enumerate(elements[1:], 1):
            if index in eponyms:
                continue
            if element.kind == "word" and (element.word in names or self._two_word_name(elements, index)):
                return index
            if element.kind == "word" and index + 2 < len(elements) and elements[index + 1].kind == "word" and \
                    elements[index + 1].word in _NASAB and _name_like(element.word) and \
                    not element.word.startswith("ال") and element.word not in self.lexicon.stopwords:
                return index  # «وزير المالية عادل بن حمد المسعود»: a word before «بن» is a given name
            if index + 1 < len(elements) and elements[index + 1].kind == "word" and \
                    self.text[element.start:element.end] in self.honorific_titles and \
                    (_name_like(elements[index + 1].word) and not elements[index + 1].word.startswith("ال") or
                     index + 2 == len(elements) and self._definite_name(elements[index + 1].word)):
                # «مدير جامعة الملك سعود الدكتور بدران العمر»: after a courtesy title, a name; a family name
                # alone when it ends the phrase («رئيس القسم في المستشفى الدكتور الزهراني»)
                return index + 1
            if element.kind == "word" and element.word in self.names_after_title and index + 1 < len(elements) \
                    and (elements[index + 1].word in names or elements[index + 1].word == "ال"):
                return index  # «الدكتور علي محمد فخرو», «علي آل حرفش»: «علي» is the first of his names
            if element.kind == "word" and element.word == "ال" and index + 1 < len(elements):
                return index  # «السفير آل الشيخ»: «آل» and the family's name

            if element.kind == "quoted" and element.word.split()[:1] and element.word.split()[0] in names:
                return index  # «الناطق باسم الخارجية «جون كيربي»»: some papers quote the name after a title
        if given_only:
            return None
        if len(elements) > 1 and self.text[elements[0].start:elements[0].end] in self.honorific_titles and \
                self._family_name_shaped(elements[1]):
            return 1  # «الدكتور الزهراني», «اللواء العسيري»: after a courtesy title, a nisba is the family name
        # The run of name-shaped words before a prepositional tail («للصحفيين», «بالسفير الياباني»: what the
        # speaker did to whom), else at the end of the phrase.
        ends = [i for i in range(2, len(elements))
                if elements[i].kind == "word" and elements[i].word.startswith(("لل", "بال"))][:1]
        # Or before a body or a title that follows two name-shaped words after the title's complement:
        # «دعت زعيمة الحزب هارييت هارمان حكومة المملكة…» called on the government; it is no part of her name.
        ends = [i for i in range(4, len(elements))
                if elements[i].kind == "match" and elements[i].category in ("org_head", "source", "title")
                and all(self._plain_name_word(elements[j]) for j in (i - 2, i - 1))][:1] + ends
        for end in ends + [len(elements)]:
            while end > 1 and elements[end - 1].kind == "word" and elements[end - 1].word.startswith(("لل", "بال")):
                end -= 1
            start = end
            while start > 1 and self._name_part(elements[start - 1], elements[start - 2]):
                start -= 1
            for index in range(start, end):
                word = elements[index].word
                if _strip_conj(word).startswith(("ال", "لل")) or word in self.never_names or index in eponyms:
                    continue  # «الإيطالي», «والفنون», «لشؤون»: an adjective, a coordinated noun, no name
                following = elements[index + 1] if index + 1 < end else None
                if word[:1] in "لب" and following is not None and following.word.startswith("ال") and \
                        not self._family_name_shaped(following):
                    continue  # «لكرة القدم الإسباني خافيير لوبيث»: a preposition and a noun, not a name
                if index == end - 1 == 1 and word.endswith("ي") and word not in names and \
                        not self._definite(elements[0]):
                    return None  # «وزير كويتي», «مستشار قانوني»: an indefinite title and its adjective, no name
                if index == 1 and self.text[elements[0].start:elements[0].end].endswith("باسم"):
                    continue  # «المتحدث باسم كودرين»: whom he speaks for, not his name
                if following is not None and following.word.startswith("ال") and _MUFAALA.match(word) and \
                        word not in names:
                    continue  # «مركز مكافحة المخدرات»: a verbal noun in construct with the next, not a name
                if (not word.isalpha() or _verbal_noun(word) or self._accusative(elements[index].end)) \
                        and word not in names:
                    break  # «وتوقع الوزير انخفاض أسعار القمح»: a verbal noun starts what he said, not a name
                return index
        if len(elements) > 2 and elements[1].kind == "word" and self._name_part(elements[1]) and \
                not elements[1].word.startswith("ال"):
            after = 2
            while after < len(elements) and self._name_part(elements[after], elements[after - 1]):
                after += 1
            if after < len(elements) and elements[after].category == "title" and after + 1 not in eponyms:
                return 1
        return None

    def _definite(self, element: _Element) -> bool:
        """Whether a phrase's first word has the article, also when «ل» contracted it («للرئيس»)."""
        return self.text.startswith("ال", element.start) or \
            (element.match is not None and element.match.prefix.endswith("لل"))

    def _plain_name_word(self, element: _Element) -> bool:
        """An unknown word that can be part of a name: no article, no preposition, no verbal noun."""
        return element.kind == "word" and _name_like(element.word) and \
            not _strip_conj(element.word).startswith(("ال", "لل", "بال")) and not _verbal_noun(element.word) and \
            element.word not in self.never_names and element.word not in self.lexicon.stopwords

    def _surname_like(self, element: _Element) -> bool:
        """A one-word title right after a given name is a family name: «هاني الشيخ», «سعود الأمير»."""
        surface = self.text[element.start:element.end]
        return element.category == "title" and surface.startswith("ال") and " " not in surface

    def _two_word_name(self, elements: list[_Element], index: int) -> bool:
        if index + 1 >= len(elements) or elements[index + 1].kind != "word":
            return False
        return elements[index].word + " " + elements[index + 1].word in self.lexicon.given_names

    def _end_kin(self, elements: list[_Element]) -> int:
        """«والد الرهينة الكرواتي», «أقارب الضحية»: a relative is named by whose relative they are, one definite
        noun and its adjective; «والدته» already says whose («وجد زوجته حزينة»: what follows is not).
        """
        first = elements[0]
        word = self.text[first.start:first.end]
        if _has_pronoun_suffix(word) or (
                word[-1:] in "هي" and self.doc.original[self.doc.to_original(first.end - 1)] in "هي"):
            return first.end
        end = first.end
        for index, element in enumerate(elements[1:3]):
            if element.kind != "word" or not element.word.startswith("ال") or (
                    index and not self._family_name_shaped(element)):
                break  # «ناشد والد الرهينة الخاطفين»: after whose relative, only an adjective in «ـي»
            end = element.end
        return end

    def _end_title(self, elements: list[_Element]) -> int:
        end = elements[0].end
        previous = elements[0]
        for element in elements[1:]:
            if element.kind in ("word", "paren", "quoted") or element.category in _ORG_COMPLEMENTS:
                if element.kind in ("word", "match") and (self._accusative(element.end) or (
                        element.category == "document_head" and self.text[element.end - 1] == "ا")):
                    break  # «وأصدر مدير الجامعة بياناً», «المفتش العام بيانا»: no complement is in the accusative
                if element.kind == "word" and element.word in self.speech_objects:
                    break  # «وسجّل رئيس الوفد كلمة»: the speech he gave
                if element.category == "document_head" and self.text.startswith("ال", element.start) and \
                        self.text[previous.start:previous.end].split()[-1].startswith("ال"):
                    break  # «وانتقد الوزير القرار»: a definite noun after a definite title is its object
                surface = element.word if element.kind == "word" else self.text[element.start:element.end]
                if element.kind in ("word", "match") and surface.startswith("ال") and self._people_word(surface) \
                        and self.text[previous.start:previous.end].split()[-1].startswith("ال") and \
                        self.text[previous.start:previous.end] not in self.honorific_titles:
                    # «ودعا الوزير المواطنين إلى…», «ووعد رئيس النادي الجماهير…»: whom the title addressed
                    # («المهندس الحصين» is a name)
                    break
                if element.kind == "word" and surface.startswith("ال") and _DEFINITE_VERBAL_NOUN.match(surface, 2) \
                        and self.text[previous.start:previous.end].split()[-1].startswith("ال") and \
                        self.text[previous.start:previous.end] not in self.honorific_titles:
                    break  # «ولفت الوزير الانتباه إلى…»: no definite noun completes a definite title; it is the object
                if element.kind == "word" and not element.word.startswith(("ال", "ل", "ب")) and \
                        (not _name_like(element.word) or _verbal_noun(element.word) or self._pronoun_suffixed(element)) \
                        and self.text[previous.start:previous.end].split()[-1].startswith("ال"):
                    # «وتوقع الوزير انخفاض أسعار الديزل», «قدم مدرب الفريق شكره»: after a definite title, a verbal
                    # noun or a noun with a pronoun is what the speaker did, not a complement of the title.
                    break
                end, previous = element.end, element
                continue
            break
        return end

    def _says_after_circumstance(self, position: int) -> bool:
        """«وقال ظريف في تغريدة إن», «وقال ميلان كوفاتش من مكتبه … لوكالة الصحافة الفرنسية:»: where, when
        or how the words were said, then what was said or whom it was told. «من» opens such a phrase only before
        a place of the speaker's own («من منزله», «من مكتبها»), not as «some of» («عدد من المسؤولين»)."""
        opener = _CIRCUMSTANCE.match(self.text, position)
        if opener is None:
            return False
        if opener.group(1) == "من":
            place = _WORD.match(self.text, opener.end())
            if place is None or not (place.group().endswith("ها") or self._pronoun_suffixed(
                    _Element("word", place.start(), place.end(), place.group()))):
                return False
        # Every token before the last is a word of the phrase: the loop returns on anything else.
        tokens = _TOKEN.finditer(self.text, opener.start(1), min(len(self.text), opener.end() + 200))
        for words, token in enumerate(tokens):
            if token.start() in self.told_starts or token.start() in self.recipients:
                return True
            word = token.group()
            if word == ":" or word in _SAID_WORDS or word in _QUOTE_OPEN:
                return 1 < words <= 7
            if word in "،,":
                # «وتشير هيرنانديز في كتابها، إلى أن…»: the phrase set off by a comma, then what was said
                return 1 < words <= 7 and _CLAUSE_OPENS.match(self.text, token.end()) is not None
            if not word[0].isalnum() or words == 12:
                return False  # whom it was told may follow a longer phrase («… لوكالة الصحافة الفرنسية»)
        return False

    def _bare_words(self, elements: list[_Element], reason: str) -> NounPhrase | None:
        words = [e for e in elements if e.kind == "word"]
        if len(words) != len(elements):
            words = words[: next(i for i, e in enumerate(elements) if e.kind != "word")]
        if reason == "stop" and len(words) == len(elements) <= 3 and self._says_after_circumstance(words[-1].end) \
                and not any(self._feminine_noun(e) and not e.word.startswith("ال") for e in words):
            # The speaker's name, where he said it, then what he said. A word in «ة» is a common noun there
            # («وأكدت ناخبة في حي…:», a voter); the names in «ة» are known given names.
            reason = "complementizer"
        first = words[0].word
        tokens = tuple(e.word for e in words)
        names = self.lexicon.given_names
        one_of = _ONE_OF.search(self.text, max(0, words[0].start - 8), words[0].start)
        if one_of is not None and first.startswith("ال") and self._people_word(first):
            # «أحد المدونين», «أحد المحللين»: one unnamed member of a group.
            end = words[0].end
            for element in words[1:3]:
                if not (element.word.startswith("ال") and _NISBA.match(element.word)):
                    break
                end = element.end
            return self._one_of(one_of.start(), end, _strip_al(first))
        if first in self.people_nouns and first not in names:
            # «وقال زوار المعرض إن…», «وأبدى زوار المعرض إعجابهم»: a plural of people, and whose they are, is a
            # vague collective when what they said or did follows; after «دعا», «حث» it is whom they called on.
            # Whose they are may be a construct chain closed by a definite noun («أصحاب محال الخضار»).
            closed = 1
            while closed < min(len(words), 3) and not words[closed - 1].word.startswith("ال") and \
                    (words[closed].word.startswith("ال") or closed < 2 and _name_like(words[closed].word)
                     and words[closed].word not in names):
                closed += 1
            if closed > 1 and not words[closed - 1].word.startswith("ال"):
                closed = 1
            said = reason == "complementizer" and len(words) == closed
            did = len(words) > closed and (self._pronoun_suffixed(words[closed]) or
                                           _has_pronoun_suffix(words[closed].word))
            if said or did:
                end = words[closed - 1].end
                if one_of is not None:  # «أحد أصحاب المحال»: one of them, unnamed
                    return self._one_of(one_of.start(), end, first)
                return NounPhrase(words[0].start, end, "vague", "structure.people",
                                  ("vague", self.text[words[0].start:end]), head=first)
        if first[:1] == "و" and first not in names and first[1:] not in names:
            return None  # «ونقل وتوطين التصنيع»: a coordinated noun, not a speaker («وليد» is a name)
        if first in self.manner_nouns or first[:1] == "ب" and first not in names and len(first) >= 5 and \
                self._feminine_noun(words[0]) and not first.startswith("بو") and \
                self.doc.original[self.doc.to_original(words[0].start + 1)] != "ا":
            # «ويقول بلهجة حازمة:», «وأوصى بإعادة إرسال الملفات»: «بـ» and a noun in «ة» say how, or what, not
            # who («باسلمة», «بوطيبة» are names)
            return None
        nominative = list(itertools.takewhile(
            lambda e: _PEOPLE_PLURAL.match(e.word) is not None and e.word.endswith("ون") and e.word not in names
            and not e.word.startswith("ال"), words[:3]))
        if nominative and (len(nominative) > 1 or len(nominative) < len(words) or reason != "limit"):
            # «ويرى مؤرخون أوروبيون عدم صحة الرواية», «وقال منتجون محليون إن»: a plural of people in «ـون» and its
            # plural adjectives are the subject (no name takes a plural adjective); what follows is what they
            # said or see.
            end = nominative[-1].end
            return NounPhrase(words[0].start, end, "vague", "structure.people",
                              ("vague", self.text[words[0].start:end]), head=first)
        plural = next((i for i, e in enumerate(words[:2]) if _PEOPLE_PLURAL.match(e.word) and e.word not in names
                       and e.word not in self.recipient_words and not e.word.startswith(("لل", "بال"))), None)
        if plural is not None and reason in ("complementizer", "punct") and len(words) == plural + 1 and \
                (not first.startswith("ال") or len(words) == 1):
            # «وقال حلفاء غربيون لتركيا إن», «وقال متضررون إن», «وقال الانفصاليون إن»: a plural of people (a nisba
            # or a participle in «ـون/ـين») ending the phrase is a collective no one can check, not a foreign name.
            return NounPhrase(words[0].start, words[-1].end, "vague", "structure.people",
                              ("vague", self.text[words[0].start:words[-1].end]), head=first)
        if len(words) == 2 and reason in ("complementizer", "punct") and first not in names and \
                all(e.word.endswith("ان") and not e.word.startswith("ال") and len(e.word) >= 5 for e in words):
            # «وقال قائدان كبيران إن», «مسؤولان أمريكيان»: a dual noun and its adjective are two unnamed people.
            return NounPhrase(words[0].start, words[-1].end, "anonymous", "structure.people",
                              ("anonymous", self.text[words[0].start:words[-1].end]), head=first)
        if first.startswith("لل"):
            return None  # «وفقاً للجدول الزمني»: a prepositional phrase, not a speaker
        if len(elements) >= 2 and first.endswith("و") and first not in _LOANWORDS_IN_WAW and \
                (len(first) >= 4 or first == "ذوو") and first not in names and first not in self.kunyas and \
                (elements[1].kind != "word" or not _name_like(elements[1].word)):
            # «وقال سائقو سيارات أجرة», «موظفو الشركة», «ذوو الشهيدين»: a plural of people in the construct state
            # (its ن dropped before whom they serve) is a collective no one can check; a name in «و» (ماريو) has
            # a name after it, and some loanwords end in «و» («سيناريو القضية», «فيديو»).
            end = self._end(elements, 1)
            return NounPhrase(words[0].start, end, "vague", "structure.construct_plural",
                              ("vague", self.text[words[0].start:end]), head=first)
        if _strip_conj(first) in self.kunyas and len(words) >= 2 and \
                (_strip_conj(first) != "ام" or words[1].word in names):
            # «أبو الرب», «أبو محمد الجولاني»: a third word only as a family name with the article.
            # Not a verbal noun: «وجدد أبو خالد التأكيد على…» is what he renewed.
            last = 2 if len(words) > 2 and words[2].word.startswith("ال") and not words[1].word.startswith("ال") \
                and not _DEFINITE_VERBAL_NOUN.match(words[2].word, 2) else 1
            name_tokens = tuple(e.word for e in words[:last + 1])
            return NounPhrase(words[0].start, words[last].end, "named_person", "structure.kunya",
                              ("person", name_tokens), name_tokens=name_tokens)
        for index, element in enumerate(words[:5]):
            if element.word in names or _strip_conj(element.word) in names or self._two_word_name(words, index):
                if index and first[:1] in "لب" and not first.startswith(("ال", "بال")):
                    return None  # «يروج لموت عمر»: a preposition and its noun, then whose (death) it is
                # «المبتعثة ريم الشهري»: a description, then the name.
                last = index
                while last + 1 < len(words) and not self._name_is_complete(words[index:last + 1], words[last + 1]) \
                        and self._continues_name(words[last + 1], words[last], words[last - 1] if last > 0 else None):
                    last += 1
                family_office = self._office_as_family_name(elements, last + 1) \
                    if last == index and last + 1 == len(words) else None
                words = words[:last + 1]
                if 0 < index <= 2 and all(_name_like(e.word) and not self._pronoun_suffixed(e) and
                                          not _verbal_noun(e.word) and e.word not in self.never_names and
                                          e.word not in self.people_nouns for e in words[:index]):
                    index = 0  # «دانيلي بيل»: an unknown first name before a known one is part of the name
                name_tokens = tuple(e.word for e in words[index:])
                start = words[0].start
                if index == 0 and element.word not in names and element.word[:1] in "وف":
                    # «أحمد العامري وسلطان الحربي»: the second name of a pair, without its conjunction.
                    start, name_tokens = start + 1, (element.word[1:],) + name_tokens[1:]
                end = words[-1].end
                if family_office is not None:
                    name_tokens, end = name_tokens + (family_office.word,), family_office.end
                return NounPhrase(start, end, "named_person", "structure.given_name",
                                  ("person", name_tokens), name_tokens=name_tokens)
        after = elements[len(words)] if len(words) < len(elements) else None
        if after is not None and after.category == "title" and 2 <= len(words) <= 3 and not _verbal_noun(first) \
                and not any(e.word.startswith(("و", "ال")) for e in words) and \
                sum(not _name_like(e.word) or self._pronoun_suffixed(e) or self._accusative(e.end) for e in words) <= 1:
            # «كلود بيفر رئيس وحدة الساعات في الشركة», «هوي لي المحلل لدى فيليب فيوتشرز»: a full name the
            # lexicons do not know, then the title that says who it is (translated copy sets it after the name,
            # with no comma); the title belongs to the mention. One word before a title is as often a noun
            # («مدينة الأمير سلطان», «أنصار الفريق») and words joined by «و» are nouns («بدعم ومتابعة سمو…»);
            # one word of a foreign name may have the shape of an Arabic noun («مات كارول», «خايمي تابيا»), two
            # are nouns («تنفيذ توجيهات خادم الحرمين»), and so is a first word shaped like a verbal noun
            # («تصريح لفضيلة وكيل الوزارة») or a word with the article («استمرار الحملة…»).
            end = self._end_title(elements[len(words):])
            return NounPhrase(words[0].start, end, "named_person", "structure.name_title", ("person", tokens),
                              name_tokens=tokens, title=self.text[after.start:end])
        recipient = next((i for i, e in enumerate(words) if i and e.word in self.recipient_words), None)
        deed = next((i for i, e in enumerate(words[:4]) if i and not e.word.startswith("ال") and (
            self._pronoun_suffixed(e) or _verbal_noun(e.word) or self._participle_plural_in_construct(e))), None)
        if recipient is not None:
            # «قال بوتين للصحافيين إن»: whom the words were told ends the name and shows it spoke.
            words, tokens, reason = words[:recipient], tokens[:recipient], "complementizer"
        elif deed is not None and deed <= 3 and not first.startswith("ال") and \
                all(_name_like(e.word) and not self._pronoun_suffixed(e) for e in words[:deed]):
            # «وأكد شتاينماير تفهمه لموقف المملكة»: a noun with a pronoun or a verbal noun may be what a speaker
            # did, the name ending before it; but the words before may be a verbal noun too («أعلنت استدعاء
            # سفيرها»), so they count only as the name of someone named elsewhere.
            words, tokens = words[:deed], tokens[:deed]
            return NounPhrase(words[0].start, words[-1].end, "named_person", "structure.name",
                              ("person", tokens), name_tokens=tokens, tentative=True)
        elif reason == "adverb" and len(words) == 1 and _SAYS_AFTER_ADVERBS.match(self.text, words[0].end):
            reason = "complementizer"  # «وأعلن فولفسبورغ رسمياً، مساء الأحد، أن»: adverbs, then what was said
        elif reason in ("stop", "cue") and len(elements) == len(words) and \
                (following := _TOKEN.search(self.text, words[-1].end)) is not None and \
                (following.start() in self.recipients or following.start() in self.told_starts):
            # «وقال زلاتكو سالوبيك لوكالة الصحافة الفرنسية», «وقال بابو في تصريح لصحيفة…»: whom he told
            # ends the name
            reason = "complementizer"
        elif reason == "cue" and len(elements) == len(words) and \
                (following := _TOKEN.search(self.text, words[-1].end)) is not None and \
                following.start() in self.saying_starts:
            reason = "complementizer"  # «وأضاف ماكرون قائلاً»: the name, then «saying»
        if not first.startswith("ال") and reason in ("complementizer", "end", "punct", "relative") and len(words) <= 3:
            # «قال بوتين إن»: unknown words just before «إن» or a comma are a name, unless they have the
            # shape of a common noun («تنفيذ», «إرشادات», «تأييدها»), which then needs a known person.
            return NounPhrase(words[0].start, words[-1].end, "named_person", "structure.name",
                              ("person", tokens), name_tokens=tokens,
                              tentative=not all((_name_like(e.word) or (i and i == len(words) - 1 and
                                                                         self._family_name_shaped(e)))
                                                and not self._pronoun_suffixed(e) and not self._accusative(e.end)
                                                for i, e in enumerate(words)))
        if not first.startswith("ال") and len(words) == 1:
            # «أكد ريستريبو في مقطع…»: a lone unknown word counts only if it names someone named elsewhere.
            return NounPhrase(words[0].start, words[-1].end, "named_person", "structure.name",
                              ("person", tokens), name_tokens=tokens, tentative=True)
        if len(words) == 1 and reason in ("complementizer", "punct") and self._family_name_shaped(words[0]):
            # «وأوضح الحمداوي أن», «وقال الكعبي:»: a lone definite word of the nisba shape before what is
            # said is a family name; the common nouns that speak (الوزارة، الموقع، الخلية) have other shapes,
            # and a final «ى» (العدوى، الأخرى) is no nisba.
            return NounPhrase(words[0].start, words[0].end, "named_person", "structure.name",
                              ("person", tokens), name_tokens=tokens)
        if first.startswith("ال") and len(words) <= 2:
            return NounPhrase(words[0].start, words[-1].end, "named_person", "structure.name",
                              ("person", tokens), name_tokens=tokens, tentative=True)
        return None


def _joined(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Name tokens with «عبد» joined to the name it is written apart from: «عبد الغفار» is «عبدالغفار»."""
    if "عبد" not in tokens[:-1]:
        return tokens
    joined: list[str] = []
    for token in tokens:
        if joined and joined[-1] == "عبد":
            joined[-1] += token
        else:
            joined.append(token)
    return tuple(joined)


# What issued a document: «الأرقام الصادرة عن وزارة التجارة», «البيانات التي نشرتها الهيئة».
_ISSUED_BY = re.compile(r"\s+(?:(?:ال)?صادر(?:ه)?|صدر|صدرت)\s+(?:عن|من)\s+"
                        r"|\s+(?:التي\s+)?(?:نشرته|نشرتها|اصدرته|اصدرتها|اعلنتها|قدمتها|وفرتها|اجرته|اجرتها|اعدته|اعدتها|اطلقتها|نفذتها|نقلته|نقلتها|بثته|بثتها)\s+")
_ISSUERS = frozenset({"named_org", "named_media", "official_unnamed", "country_or_government", "named_person"})
# After «بن», «بنت» a name follows whatever its letters spell («فيصل بن مساعد»); so it does after the
# Mauritanian «ولد» («إسماعيل ولد الشيخ أحمد», «محمد ولد عبد العزيز»).
_NASAB = frozenset({"بن", "بنت", "ولد"})
# Words inside a name after which a name continues: «بن», «أبو», «آل» (normalized «ال»), «ولد».
_NAME_LINKS = frozenset({"بن", "بنت", "ابن", "ابو", "ابي", "ام", "ال", "ولد"})
# Proclitic prepositions before a verbal noun or the article: never the start of a family name («بن» and
# «با…» names such as «باحميدان» are).
_NOT_NAME_PART_PREFIXES = ("بال", "لل", "بم", "بت", "لت", "لم")
_NOT_NAME = re.compile(
    r"^(?:لل|ل?ال|بال|لت|بم|بت)"   # a preposition or the article: «للجدول», «الاتفاق», «بالإنجاز»; «لتبين», «بمحاسبة»
    r"|(?:ات|ها|هم|هما|كم|نا)$"  # a plural or a pronoun suffix: «إرشادات», «تأييدها»
    r"|^[لبك]?ت\w\wي\w$"           # the verbal noun of form II, with a preposition or not: «تنفيذ», «بتعزيز»
    r"|^[لبك]?(?:است|ا)\w\w\wا\w$"  # forms VIII and X: «اجتماع», «باعتقال», «استقرار»
    r"|^[لبك]ا\w\wا\w$"           # form IV with a preposition: «بإجراء», «لإطلاق» (alone, «إكرام» is a name)
)
# Verbal nouns of forms II, VII, VIII and X («تنفيذ», «انخفاض», «اجتماع», «استقرار»), plurals in ات and
# pronoun suffixes («إنجازات», «بدأها»): no name starts with them.
_VERBAL_NOUN = re.compile(r"^ت\w\wي\w$|^(?:است|ا)\w\w\wا\w$|^[لبك]ا\w\wا\w$|\w\w(?:ات|ها|هم|هما|كم)$")
_NOT_SURNAMES = frozenset({"الله", "الرحمن", "الدين", "الاسلام"})


def _name_like(word: str) -> bool:
    """Whether an unknown word can be a personal name at all."""
    return word.isalpha() and len(word) > 1 and _NOT_NAME.search(word) is None


_CATEGORY_PREFERENCE = {"source": 2, "org_head": 1}


def _preference(match: Match) -> tuple[int, int]:
    """Longest first; at equal length a registered entity, then a typed source phrase, then an
    organization head («وكالة» heads agencies of every kind, not only news agencies)."""
    if match.rule.kind == "entity":
        return (match.end - match.start, 3)
    return (match.end - match.start, _CATEGORY_PREFERENCE.get(match.rule.category, 0))


# ------------------------------------------------------------------------------------- registry


def _same_role(known: list[str], wanted: list[str]) -> bool:
    """One title is the other with more qualifiers: «المتحدث باسم الجيش (اللبناني)»."""
    shorter = min(len(known), len(wanted))
    return known[:shorter] == wanted[:shorter]


class _Registry:
    """Sources of one article; a new mention joins the source it refers to."""

    def __init__(self, text: str, find_titled_people, find_people, find_organizations,
                 adjectives: frozenset[str] = frozenset()):
        self._text = text
        self._adjectives = adjectives
        self.records: list[SourceRecord] = []
        self._find_titled_people = find_titled_people
        self._titled_people: dict[str, dict[str, tuple[str, ...]]] = {}
        self._find_people = find_people
        self._people: dict[str, tuple[str, ...] | None] = {}
        self._find_organizations = find_organizations
        self._organizations: list[NounPhrase] | None = None

    @property
    def organizations(self) -> list[NounPhrase]:
        """Every named organization the article mentions, speaking or not, in text order; read only when a
        bare «الشركة» needs it."""
        if self._organizations is None:
            self._organizations = self._find_organizations()
        return self._organizations

    def person_named(self, family: str) -> tuple[str, ...] | None:
        """The full name of the first person the article names with this family name: after a given name
        («محمد الخياط»), else after a title («الحرفي سليم الخياط»). Only the sentences that hold the name are
        read, and only when a lone family name needs it."""
        if family not in self._people:
            tokens = self._find_people(family).get(family)
            if tokens is None:
                tokens = next((t for t in self._find_titled_people(family).values() if t[-1] == family), None)
            self._people[family] = tokens
        return self._people[family]

    def titled_people(self, head: str) -> dict[str, tuple[str, ...]]:
        """«title → name» for the titles headed by `head` in the article, read only when a bare title needs it."""
        if head not in self._titled_people:
            self._titled_people[head] = self._find_titled_people(None, head)
        return self._titled_people[head]

    def _find_person(self, tokens: tuple[str, ...]) -> int | None:
        # «الفارسي» after «زياد فارسي»: family names are written with and without the article.
        tokens = tuple(_strip_al(t) for t in _joined(tokens))
        wanted = set(tokens)
        for index in range(len(self.records) - 1, -1, -1):
            record = self.records[index]
            if record.type != "named_person" or not record.name_tokens:
                continue
            name = tuple(_strip_al(t) for t in _joined(record.name_tokens))
            known = set(name)
            # «الصفدي» or «أيمن الصفدي» within «أيمن الصفدي»; a longer mention must end on the same name.
            if wanted <= known or (known <= wanted and tokens[-1] == name[-1]):
                return index
        return None

    def _last(self, predicate) -> int | None:
        for index in range(len(self.records) - 1, -1, -1):
            if predicate(self.records[index]):
                return index
        return None

    def resolve(self, phrase: NounPhrase) -> tuple[int | None, NounPhrase | None]:
        """The record index for `phrase` (creating one when needed), or None to drop a tentative phrase."""
        if phrase.type == "named_person" and phrase.name_tokens:
            index = self._find_person(phrase.name_tokens)
            if index is not None:
                record = self.records[index]
                if len(phrase.name_tokens) > len(record.name_tokens):
                    record.name_tokens = phrase.name_tokens
                if phrase.title and not record.title:
                    record.title = phrase.title
                return index, phrase
            if phrase.tentative:
                if all(self._text.count(word) < 2 for word in phrase.name_tokens):
                    return None, None  # no other place in the article can have named it (and reading them all is dear)
                # «الخياط» after «الحرفي سليم الخياط» was introduced (as a speaker or not).
                tokens = self.person_named(phrase.name_tokens[-1])
                if tokens is None and len(phrase.name_tokens) == 2 and phrase.name_tokens[0].endswith("ي") and \
                        self.person_named(phrase.name_tokens[0]) is not None:
                    # «ولفت القرني الانتباه إلى»: the known family name, then the verb's object. Only a nisba
                    # («القرني»): after «وأدار سامي المباراة» the people read by shape include «سامي المباراة».
                    tokens = self.person_named(phrase.name_tokens[0])
                    phrase = dataclasses.replace(phrase, end=phrase.start + len(phrase.name_tokens[0]),
                                                 name_tokens=phrase.name_tokens[:1])
                if tokens is not None:
                    index = self._find_person(tokens)
                    if index is None:
                        index = self._new(NounPhrase(phrase.start, phrase.end, "named_person", phrase.rule,
                                                     ("person", tokens), name_tokens=tokens))
                    return index, phrase
                return None, None
            if phrase.rule == "structure.name":
                # «أعلن نادي نانت الفرنسي…. وأوضح نانت في بيان أن…»: the name of a body just named.
                index = self._last(lambda r: r.type in ("named_org", "named_media") and any(
                    all(token in self._text[start:end].split() for token in phrase.name_tokens)
                    for start, end in r.mentions))
                if index is not None:
                    record = self.records[index]
                    return index, NounPhrase(phrase.start, phrase.end, record.type, phrase.rule, record.key)
            return self._new(phrase), phrase
        if phrase.bare and phrase.key[0] == "title":
            office = self._text[phrase.start:phrase.end]
            # «غادة والي … وقد صرحت والي»: an office that is the family name of someone named is that person.
            index = self._last(lambda r: r.type == "named_person" and len(r.name_tokens) > 1 and
                               r.name_tokens[-1] == office)
            if index is not None:
                tokens = self.records[index].name_tokens
                return index, NounPhrase(phrase.start, phrase.end, "named_person", "structure.family_name",
                                         ("person", tokens), name_tokens=tokens)
            person = self._person_for_title(phrase.title)
            if person is not None:
                index = self._find_person(person[1])
                typed = NounPhrase(phrase.start, phrase.end, "named_person", "structure.title_resolved",
                                   ("person", person[1]), name_tokens=person[1], title=person[0])
                return (index if index is not None else self._new(typed)), typed
            *title_words, last = office.split()
            if title_words and last.startswith("ال") and len(last) > 4 and last not in self._adjectives \
                    and (tokens := self.person_named(last)) is not None and len(tokens) > 1:
                # «الرئيس السيسي» after «عبدالفتاح السيسي»: the family name of someone the article names; «المصري»
                # after «الرئيس» is his country, whoever else is called so.
                index = self._find_person(tokens)
                typed = NounPhrase(phrase.start, phrase.end, "named_person", "structure.family_name",
                                   ("person", tokens), name_tokens=tokens, title=phrase.title)
                return (index if index is not None else self._new(typed)), typed
        if phrase.bare and phrase.key[0] == "bare_org":
            head = _SAME_HEAD.get(phrase.head, phrase.head)
            index = self._last(lambda r: r.type == "named_org" and _SAME_HEAD.get(r.head, r.head) == head)
            if index is not None:
                return index, NounPhrase(phrase.start, phrase.end, "named_org", phrase.rule, phrase.key)
            # «وقعت الحكومة عقداً مع شركة المراعي… وقالت الشركة»: the company named before, even where it did not speak.
            named = [o for o in self.organizations if o.end <= phrase.start and _SAME_HEAD.get(o.head, o.head) == head]
            if named and phrase.definite:
                organization = named[-1]
                index = next((i for i, r in enumerate(self.records) if r.key == organization.key), None)
                if index is None:
                    index = self._new(organization)
                    self.records[index].mentions.append((organization.start, organization.end))
                    self.records[index].mention_rules.append(organization.rule)
                return index, NounPhrase(phrase.start, phrase.end, "named_org", phrase.rule, organization.key)
        if phrase.bare and phrase.type == "document":
            # «التقرير» after «التقرير الإحصائي لوزارة الصحة»: the document already cited; after «كشف تقرير»,
            # the same report no one issued.
            index = self._last(lambda r: r.type in ("document", "vague") and r.head == phrase.head)
            if index is not None:
                record = self.records[index]
                return index, NounPhrase(phrase.start, phrase.end, record.type, phrase.rule, record.key)
        if phrase.type == "self" and phrase.head in ("صحيفه", "جريده"):
            # «ذكرت صحيفة «الحياة»… وأضافت الصحيفة»: the paper just cited, not the one publishing the article.
            index = self._last(lambda r: r.type == "named_media")
            if index is not None:
                return index, NounPhrase(phrase.start, phrase.end, "named_media", phrase.rule, self.records[index].key)
        if phrase.bare and phrase.key[0] == "media":
            # «وأضافت الوكالة» after «وكالة الطاقة الدولية»: an agency may be no news agency
            index = self._last(lambda r: r.type in ("named_media", "self") or
                               (phrase.head == "وكاله" and r.type == "named_org" and r.head == "وكاله"))
            if index is not None:
                return index, NounPhrase(phrase.start, phrase.end, self.records[index].type, phrase.rule, phrase.key)
        if (phrase.bare or phrase.definite) and phrase.type in ("anonymous", "official_unnamed"):
            # «المصدر» is the source just described, «مصدر قضائي» or «مصادر مطلعة» alike; so is «المصادر
            # الأمنية» after «مصادر أمنية»; «المصدر نفسه» is the unnamed source just cited, whatever its words.
            same = _SAME_ONE.match(self._text, phrase.end) is not None
            index = self._last(lambda r: r.type in ("anonymous", "official_unnamed") and
                               (same or r.head in (phrase.head, phrase.head + "ه", phrase.head[:-1])))
            if index is not None:
                record = self.records[index]
                return index, NounPhrase(phrase.start, phrase.end, record.type, phrase.rule, record.key)
        for index, record in enumerate(self.records):
            if record.key == phrase.key:
                return index, phrase
        return self._new(phrase), phrase

    def _person_for_title(self, title: str) -> tuple[str, tuple[str, ...]] | None:
        if not title:
            return None
        head = title.split()[0]
        words = title.split()
        # «المتحدث باسم الجيش اللبناني» and «المتحدث باسم الجيش» are the same role.
        people = self.titled_people(head)
        candidates = [(t, tokens) for t, tokens in people.items() if len(t.split()) > 1 and _same_role(t.split(), words)]
        exact = [(t, tokens) for t, tokens in candidates if t == title]
        if len({tokens for _, tokens in exact}) == 1:
            # «وزير الخارجية عادل الجبير» and «وزير الخارجية الألماني فرانك شتاينماير»: the plain title is
            # the one introduced with the plain title.
            return exact[0]
        if not candidates and len(words) > 1:
            # «الوزير الألماني» after «وزير الخارجية الألماني فرانك شتاينماير»: the head and its qualifier.
            candidates = [(t, tokens) for t, tokens in people.items() if t.split()[0] == head and
                          set(words) <= set(t.split())]
        if not candidates:
            # «الوزير هاني الشيخ» then «وزير الصحة الفلسطيني»: the same head, when only one person has it.
            candidates = [(t, tokens) for t, tokens in people.items() if t.split()[0] == head]
        if len({tokens for _, tokens in candidates}) == 1:
            return candidates[0]
        return None

    def _new(self, phrase: NounPhrase) -> int:
        self.records.append(SourceRecord(type=phrase.type, key=phrase.key, head=phrase.head,
                                         name_tokens=phrase.name_tokens, title=phrase.title,
                                         country=phrase.country))
        return len(self.records) - 1


# --------------------------------------------------------------------------------------- linking


def _verb_gender(text: str, cue: Match) -> str | None:
    """The gender of a singular reporting verb or participle as written: «قالت», «تقول», «مؤكدةً» feminine;
    «قال», «يقول», «مؤكداً» masculine; None for plurals and other phrases."""
    rule = cue.rule
    core = text[cue.core_start:cue.end]
    if rule.kind == "phrase" and rule.continuation:
        # «مؤكدة» (normalized «مؤكده») is feminine and «مؤكداً» masculine when the rule holds both.
        if core.endswith("ه") and core[:-1] + "ا" in rule.surfaces:
            return "f"
        return "m" if core.endswith("ا") and core[:-1] + "ه" in rule.surfaces else None
    if rule.kind != "verb":
        return None
    # Present forms pair by their prefix; a rule given as a list of forms («تتحدث», «يتحدث») pairs the same way.
    if core[:1] == "ت" and "ي" + core[1:] in rule.surfaces:
        return "f"
    if core[:1] == "ي":
        return "m" if "ت" + core[1:] in rule.surfaces else None
    if core.endswith("ت") and core[:-1] in rule.surfaces:
        return "f"
    return "m" if core + "ت" in rule.surfaces else None


def _written_gender(verb: str) -> str | None:
    """The gender a singular verb of the third person shows: «أنصتت», «تدرس» feminine; «رفض», «يدرس»
    masculine; None for plurals and duals."""
    if verb.endswith(("ون", "ان", "ين", "ا")):
        return None
    if verb.endswith("ت") or verb.startswith("ت"):
        return "f"
    return "m"


def _sentence_bounds(detection: Detection, position: int) -> tuple[int, int]:
    index = detection.layout.sentence_of(position)
    if index is None:
        return position, len(detection.doc.text)
    start, end, _ = detection.layout.sentences[index]
    return start, end


# Particles that may stand between a subject and its verb: «وكانت وزارة الصحة قد أعلنت»; so may a relative
# pronoun («رئيس الوزراء الذي قال») or a place before «قد» («مصادر عسكرية في عدن قد أفادت»).
_GAP_WORDS = r"(?:قد|لقد|كان|كانت|بدوره|بدورها|من جهته|من جهتها|أيضا|ايضا|ذاته|ذاتها|نفسه|نفسها)"
# An aside in dashes or brackets may stand there too: «سالم علي القحطاني -مهندس- أكد», «(31 سنة)».
_SUBJECT_VERB_GAP = re.compile(r"[\s،,]*(?:[-–(]\s*[^\s\-–()«»\"]+(?:\s+[^\s\-–()«»\"]+){0,3}\s*[-–)]\s*|"
                               r"(?P<relative>الذي|التي|الذين)\s+|(?:في|لدى)\s+\S+\s+(?:\S+\s+)?(?=قد\s)|"
                               r"(?:في|لدى)\s+[^\s،,]+\s+(?=$))?(?:" + _GAP_WORDS + r"\s+)*$")
# Verbal nouns of forms II, IV, VIII and X after the article: «التنفيذ», «الإفراج», «الاجتماع», «الاستقرار».
_DEFINITE_VERBAL_NOUN = re.compile(r"(?:ت\w\wي\w|ا\w\wا\w|(?:است|ا)\w\w\wا\w)$")
_ONE_OF = re.compile(r"(?<!\w)(?:احد|احدي)\s+$")
_WORD_BEFORE_SPACE = re.compile(r"(\w+) $")
_ADVERBS = frozenset({"ايضا", "مجددا", "سابقا", "تماما", "كثيرا", "دائما", "احيانا", "فورا", "لاحقا", "مؤخرا",
                      "اخيرا", "جدا", "حاليا", "غدا", "ابدا", "قريبا", "عموما", "خصوصا"})
_PRONOUN_SUFFIX = re.compile(r"(?:ها|هم|هما|ه|ي)$")
_PLAIN_MASDAR = re.compile(r"[^اوي\W]{3}|\w\wا\w")  # «قتل», «ضبط», «نجاح»: after «بـ», a verbal noun
_MUFAALA = re.compile(r"^م\wا\w\wه$")  # «مكافحة», «متابعة», «معالجة»: the verbal noun of form III
_PARTICIPLE_PLURAL_CONSTRUCT = re.compile(r"^م\w{3,}ي$")
_CLAUSE_OPENERS = frozenset({"لكن", "ولكن", "بينما", "فيما", "اذ", "ثم", "بل"})
_IN_WHICH = re.compile(r"\s+في(?:ه|ها|هما)(?!\w)")
_RESUMPTIVE = re.compile(r"\s+(?:عن|ب|الي|في|ل|من)(?:ه|ها|هم)(?!\w)")
_PRONOUN_SUFFIXED_WORD = re.compile(r"\w\w(?:ها|هم|هما)(?!\w)")


def _has_pronoun_suffix(word: str) -> bool:
    """«إعجابهم», «والدتها»: a noun with «ـها», «ـهم», «ـهما» (the «ـه» of «his» needs the original text)."""
    return len(word) > 4 and word.endswith(("ها", "هم", "هما"))
_GAP_WORD_SET = frozenset({"قد", "لقد", "كان", "كانت", "بدوره", "بدورها", "جهته", "جهتها", "من", "أيضا", "ايضا",
                           "ذاته", "ذاتها", "نفسه", "نفسها"})


def _word_before_gap(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the last word before `end`, stepping back over particles («وكان الوزاني قد ادّعى»)."""
    position = end
    for _ in range(4):
        stop = position
        while stop > start and not text[stop - 1].isalnum():
            if text[stop - 1] not in " \t،,":
                return None
            stop -= 1
        begin = stop
        while begin > start and text[begin - 1].isalnum():
            begin -= 1
        if begin == stop:
            return None
        if text[begin:stop] not in _GAP_WORD_SET:
            return begin, stop
        position = begin
    return None


_SUBJECT_TYPES = frozenset({"named_person", "named_org", "named_media", "official_unnamed", "country_or_government"})


def _sentence_subject(reader: _Reader, detection: Detection, cue_start: int, sentence_start: int,
                      bare: bool = False) -> list[NounPhrase]:
    """A continuation cue with no source before it takes the sentence's named subject:
    «وسُئلت المتحدثة باسم الصندوق سارة الغامدي عن موعد…، فقالت إن…»."""
    # «وأكد البرهان بأن الجيش لا ينحاز…، واصفا»: what follows «بأن» after a cue is what was said
    first_cue = min((c for c in reader.cue_starts if sentence_start <= c < cue_start), default=None)
    said = _SAID_OPENS.search(reader.text, first_cue, cue_start) if first_cue is not None else None
    covered = -1
    for start in sorted(reader.np_matches):
        if said is not None and start >= said.end():
            break
        if sentence_start <= start < cue_start and start >= covered:
            if _PREPOSITION_BEFORE.search(reader.text, max(0, start - 8), start):
                continue  # «المقيم في لندن»، «الزيارات إلى لبنان»: the object of a preposition is no subject
            phrases, _ = reader.read(start, cue_start)
            if phrases and bare and reader.prepositional(phrases[0].start):
                # «بالسعودية», «للحركة»: nor, where asked, a phrase with one attached, or any phrase inside it
                # («لفضيلة وكيل الوزارة…»)
                covered = phrases[0].end
                continue
            if phrases and reader.text.startswith(":", phrases[0].end):
                continue  # «موقع الملعب: وجّه المحلل…»: a page's kicker, not the sentence's subject
            if phrases and phrases[0].type in _SUBJECT_TYPES:
                return phrases[:1]
    return []


_BODY_TYPES = ("named_org", "official_unnamed", "country_or_government")
# Not «عن»: in «نقلت الوكالة عن مسؤول قوله» the phrase after it is the relayed speaker.
# normalized: إلى → الي; «وفي طهران» with its conjunction.
_PREPOSITION_BEFORE = re.compile(r"(?<!\w)[وف]?(?:الي|في|علي|من|مع|لدي|حول|ضد|بين|نحو)\s+$")
_SKIP_AFTER_SOURCE = re.compile(r"[»\"”]?[\s،,:]*(?:(?:ب|ف|و)?(?:ان|انه|انها|انهم)(?!\w))?[\s:]*")
_WORD = re.compile(r"\w+")


def _skip(optional: re.Pattern[str], text: str, position: int) -> int:
    """Where `optional`, a pattern that may match nothing, ends when read from `position`."""
    found = optional.match(text, position)
    return found.end() if found is not None else position


def _content(detection: Detection, cue_start: int, after: int, sentence: tuple[int, int]) -> tuple[int, int] | None:
    text = detection.doc.text
    start = _skip(_SKIP_AFTER_SOURCE, text, after)
    sentence_start, sentence_end = sentence
    quote = next((q for q in detection.direct_quotes if after <= q.start <= start + 2), None)
    if quote is not None:
        return quote.inner_start, quote.inner_end
    end = sentence_end
    while end > start and text[end - 1] in ".!?؟؛ ":
        end -= 1
    if _has_words(text, start, end, 3):
        return start, end
    before_end = cue_start
    while before_end > sentence_start and text[before_end - 1] in "،, ":
        before_end -= 1
    if _has_words(text, sentence_start, before_end, 3):
        return sentence_start, before_end
    return None


def _verbal_noun(word: str) -> bool:
    """«انخفاض», «تسجيل», and with a preposition «لاجتماع», «بتسجيل»: a verbal noun, never a name."""
    return _VERBAL_NOUN.search(word) is not None or (word[:1] in "لبك" and _VERBAL_NOUN.search(word[1:]) is not None)


def _honorific_noun(pronoun: str) -> str:
    """The honorific a suffixed one refers to: «سموه» → «سمو», «معاليها» → «معالي», «سماحته» → «سماحه»
    (normalized «سماحة»)."""
    stem = pronoun[:-2] if pronoun.endswith("ها") else pronoun[:-1]
    return stem[:-1] + "ه" if stem.endswith("ت") else stem


def _has_words(text: str, start: int, end: int, count: int) -> bool:
    return any(found >= count for found, _ in enumerate(_WORD.finditer(text, start, end), 1))


def _titled_people(reader: _Reader, detection: Detection, family: str | None = None,
                   head: str | None = None) -> dict[str, tuple[str, ...]]:
    """Every «title + name» in the article, so a title used alone elsewhere resolves to the name; with
    `family`, only in the sentences where that name is written; with `head`, only in the sentences that hold
    a title with that head (a title in apposition names the person read before it in its sentence)."""
    people: dict[str, tuple[str, ...]] = {}
    # Titles set after a name: one that two different people hold («بركات محمد صاحب محل فواكه» … «محمد
    # الحيز صاحب محل فواكه») names neither of them.
    after_name: dict[str, tuple[str, ...] | None] = {}
    text = detection.doc.text
    titles = detection.category("title")
    wanted = None if head is None else {_sentence_bounds(detection, m.start) for m in titles
                                        if _strip_al(text[m.core_start:m.end].split()[0]) == head}
    for match in titles:
        bounds = _sentence_bounds(detection, match.start)
        end = bounds[1]
        if family is not None and text.find(family, match.start, end) < 0:
            continue
        if wanted is not None and bounds not in wanted:
            continue
        phrases, _ = reader.read(match.start, end)
        if phrases and phrases[0].bare and phrases[0].key[0] == "title" and phrases[0].title:
            # «عبدالله التركي الأمين العام للرابطة»: the name set before the title it holds.
            before = _name_just_before(reader, text, match.start)
            if before:
                title = phrases[0].title
                after_name[title] = before if after_name.get(title, before) == before else None
            continue
        if not phrases or phrases[0].type != "named_person" or not phrases[0].name_tokens:
            continue
        person = phrases[0]
        person_titles = [person.title] if person.title else []
        # «العميد جوزيف خوري، المتحدث باسم الجيش،»: a title in apposition names the same person.
        after = _APPOSITION.match(text, person.end)
        if after is not None:
            apposed, _ = reader.read(after.end(), end)
            if apposed and apposed[0].bare and apposed[0].key[0] == "title":
                person_titles.append(apposed[0].title)
        for title in person_titles:
            people.setdefault(title, person.name_tokens)
            head_only = title.split()[0]
            if head_only != title:
                people.setdefault(head_only, person.name_tokens)
    for title, name in after_name.items():
        if name is not None:
            people.setdefault(title, name)
    return people


def _name_just_before(reader: _Reader, text: str, position: int) -> tuple[str, ...] | None:
    """The person's name that ends right before `position` (after a space or a comma): a given name, then
    one to three name-shaped words."""
    window = text[max(0, position - 60):position]
    if not window or window[-1] not in " \t،,":
        return None
    tokens = window.rstrip(" \t،,").split()
    if position > 60 and window[:1].isalnum():
        tokens = tokens[1:]  # cut by the window
    words: list[str] = []
    for token in reversed(tokens[-4:]):
        if not token.isalpha():
            break
        words.insert(0, token)
    names = reader.lexicon.given_names
    for index, word in enumerate(words[:-1]):
        if _strip_conj(word) in names and all((_name_like(w) or w.startswith("ال") and _name_like(w[2:]))
                                              and w not in reader.lexicon.stopwords for w in words[index + 1:]):
            return (_strip_conj(word),) + tuple(words[index + 1:]) if word not in names else tuple(words[index:])
    return None


_APPOSITION = re.compile(r"\s*[،,]\s*")
_AS_BEFORE = re.compile(r"(?<!\w)(?:كما|مثلما)\s+$")
_SAME_ONE = re.compile(r"\s+(?:نفسه|نفسها|ذاته|ذاتها|عينه|عينها|نفسهم|ذاتهم)(?!\w)")
# What opens what was said: «أن/إن» (not «بعد أن», «قبل أن»: after, before) or a colon; for a verb of opinion
# also a quotation or an opinion noun («يرى الخبير ضرورة…»).
_SAID_OPENS = re.compile(r"(?<!\w)(?<!بعد\s)(?<!قبل\s)[وفل]?ب?ان(?:ه|ها|هم|هما|نا)?(?!\w)|:")
_CLAUSE_AFTER = re.compile(_SAID_OPENS.pattern + r"|[«\"“]"
                           r"|(?<!\w)(?:ضروره|اهميه|وجوب|عدم|صعوبه|استحاله|امكانيه)(?!\w)")
# Plurals of people in «ـون/ـين»: a nisba («الانفصاليون») or a participle («المزارعون», «متضررون», «المستثمرين»);
# a participle has no «ا» or «ي» after its «م», as «ماكرون» and «ميلتون» have.
_PEOPLE_PLURAL = re.compile(r"(?:(?:ال)?\w{3,}ي(?:ون|ين)|(?:ال)?م[^اي\W]\w{2,}(?:ون|ين))$")


def _accusative_plural(token: re.Match[str] | None) -> bool:
    """A plural of people in «ـين» right after a verb is the accusative, its object, never its subject (which
    a plural takes in «ـون»): «وأبلغ المسؤولين الروس», «ودعت الحوثيين وحلفاءهم»."""
    return token is not None and token.group().endswith("ين") and _PEOPLE_PLURAL.match(token.group()) is not None


# A name that says it gives news: «أنباء فارس», «الأنباء الألمانية», «العربية للأنباء», «سكاي نيوز».
_NEWS_NAME = re.compile(r"(?<!\w)(?:ال)?انباء(?!\w)|(?<!\w)للانباء(?!\w)|نيوز(?!\w)")
# «أن» (or «إن», «بأن», «لأن») and then at most five words up to a verb: the clause's subject may be them.
_COMPLEMENTIZER_THEN_WORDS = re.compile(r"(?<!\w)[وف]?[بل]?ان\s+[^\s،,.:؛]+(?:\s+[^\s،,.:؛]+){0,4}\s+$")
_COMPLEMENTIZER_BEFORE = re.compile(r"(?<!\w)[وف]?[بل]?ان\s+$")
_FROM_INFORMANT = re.compile(r"\s*[»\"”)]?\s+من\s+")
_WORD_BEFORE = re.compile(r"(\w+)[\s،,]*$")
_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")
_TO_WHAT = re.compile(r"\s+(?:الي|علي)\s+(?!ان)")
# A definite plural: sound feminine («الاتجاهات») or broken in the shapes of أفعال، فعائل، مفاعل، فعول
# («الارقام», «النتائج», «المصادر», «الرسوم»).
_THINGS_PLURAL = re.compile(r"ال(?:\w+ات|ا\w\wا\w|\w\wا[ئي]\w|م\wا\w\w|\w\wو\w)$")
# Before a subject that comes first: «لكن واشنطن رفضت…», «بينما الحكومة تدرس…».
_SUBJECT_FIRST_OPENERS = frozenset({"لكن", "بينما", "فيما", "ثم", "اما"})
# What may open a clause whose subject comes first: «فإن أرقام الربع الأخير تشير», «ولعل السلوك الأخير يشير».
_THING_CLAUSE_OPENERS = frozenset({"ان", "فان", "وان", "لكن", "ولكن", "لعل", "ولعل", "بل", "اذ", "حيث", "كما"})
# (Normalized spellings, as all the sets here: «على» is «علي», «إلى» «الي».)
_PREPOSITIONS = frozenset({"في", "من", "علي", "عن", "الي", "مع", "بين", "عند", "حتي", "منذ", "لدي", "خلال", "بعد",
                           "قبل", "حول", "نحو", "ضد", "عبر", "وسط", "امام", "داخل", "خارج"})
# «وأن الأخير يزعم»: the latter, the first, the second stand for people named before.
_PERSON_ANAPHORS = frozenset({"الاخير", "الاخيره", "الاول", "الاولي", "الثاني", "الثانيه", "الاخر", "الاخري"})
# Words that open a clause of its own before a subject or a verb («فيما لفت الوزير», «وكانت الوزارة قد
# أعلنت»), and the «عن» of a relayed speaker («نقلت الوكالة عن الوزير قوله»).
_MAIN_CLAUSE_OPENERS = frozenset({"فيما", "بينما", "حين", "كما", "ثم", "لكن", "ولكن", "اما", "عن", "وكان", "وكانت",
                                  "وكانوا", "فكان", "فكانت", "وقد", "فقد"})
_COMMA = re.compile(r"[،,]")
_DASH = re.compile(r"[-–—]")
# Kings and princes whose names institutions bear («جامعة الملك سعود», «مستشفى الأمير سلطان»).
_ROYAL_TITLES = frozenset({"الملك", "الملكه", "الامير", "الاميره"})
# Words that open a sentence's adverbial of time or place («وأمس،», «وفي نيويورك،», «إلى ذلك،»).
_ADVERBIAL_OPENERS = frozenset({"في", "الي", "امس", "خلال", "اثناء", "بعد", "بعيد", "قبل", "قبيل", "اثر", "عقب", "فور",
                                "عند", "منذ", "ابان", "وسط", "لدي", "فضلا", "علاوه", "بالاضافه", "اضافه"})
# Where or when after a name, then what was said: «ظريف في تغريدة إن».
_CIRCUMSTANCE = re.compile(r"\s+(في|عبر|خلال|امام|لدي|من)\s+")
_SAID = ("ان", "انه", "انها", "بان", "بانه", "بانها")  # «أن», «إنه», «بأنها»…: what was said opens
_SAID_WORDS = frozenset(_SAID)
_ATTENTION = frozenset({"نظر", "انتباه"})
_LOANWORDS_IN_WAW = frozenset({"سيناريو", "فيديو", "راديو", "ستوديو", "استوديو", "ستديو", "بورتفوليو", "كازينو",
                               "مترو", "بيانو", "كيلو", "ديكو", "ريو", "فيتو", "بونو", "يورو"})
# Who may be the subject of the verb before a continuation («واسترسلت المصادر بالقول إن…»): anyone who can
# speak, not a paper («وأصدرت الوزارة تقريراً، مؤكدة…» is the ministry).
_VERB_SUBJECTS = frozenset({"named_person", "official_unnamed", "named_org", "anonymous", "vague", "named_media",
                            "country_or_government"})
_IN_PLACE = frozenset({"بمنطقه", "بمحافظه", "بمدينه", "بمركز", "بولايه", "بامانه"})
# Heads that name the same kind of body: «البنك» takes up «مصرف الراجحي».
_SAME_HEAD = {"مصرف": "بنك"}
_RELATIVE_BEFORE = re.compile(r"(?<!\w)و?(الذي|التي)\s+$")
_ANTECEDENT_END = re.compile(r"(\w+)[\s،,»\"”)]*$")
_CLAUSE_LINKS = frozenset({"اذ", "حيث", "لان", "كما", "بل", "ثم"})
_WORD_AFTER_SPACE = re.compile(r"\s+\w+")
# What was said opening: «أن», «بأن», «إلى أن» (أشار إلى أن), «على أن» (أكد على أن).
_CLAUSE_OPENS = re.compile(r"\s*(?:(?:الي|علي)\s+)?(?:" + "|".join(_SAID) + r")(?!\w)")
# Adverbs, commas and a weekday after a name, then what was said: «رسمياً، مساء الأحد، أن».
_SAYS_AFTER_ADVERBS = re.compile(r"(?:\s*[،,]?\s*[^\s،,:.]+){1,4}?\s*[،,]?\s*(?:(?:ب?[اإأ]ن(?:ه|ها)?)(?!\w)|:)")
# Where an office is, closing the title set off by commas between a name and its verb: «، … في لندن،».
_PLACE_CLOSES_APPOSITION = re.compile(r"\s+(?:في|لدي|ب\w+)(?:\s+[^\s،,.:؛«\"“]+){1,3}\s*[،,]\s*")
# What was said right after a verb: «بأنه», «إن», a colon, a quotation.
_SAID_RIGHT_AFTER = re.compile(r"\s*(?:(?:ب|ل)?ان(?:ه|ها|هم|هما)?(?!\w)|:|[«\"“])")
# «وقال: "…"»: a verb that opens a quotation is its speaker talking, not words inside someone's report.
_QUOTATION_FOLLOWS = re.compile(r"\s*(?::|[«\"“”])")
# «أما» opening a topic that a verb with «ف» then speaks for.
_FA_QAD_BEFORE = re.compile(r"(?<!\w)ف(?:قد|لقد)\s+$")
_TOPIC = re.compile(r"(?<!\w)و?اما\s+")
# A name, a comma, then at most a few title words before the phrase: «مهاب مميش، رئيس [هيئة القناة]».
_NAME_BEFORE_COMMA = re.compile(r"(?:^|[\s،,.:])((?:[^\W\d]+ ){1,2}[^\W\d]+)\s*[،,]\s*(?:[^\W\d]+\s+){0,3}$")


def _named_organizations(reader: _Reader, detection: Detection) -> list[NounPhrase]:
    """Every organization head that reads as a named organization («شركة المراعي», «نادي الهلال»)."""
    organizations = []
    text = detection.doc.text
    for match in detection.category("org_head"):
        _, end = _sentence_bounds(detection, match.start)
        phrases, _ = reader.read(match.start, end)
        if phrases and phrases[0].type == "named_org" and phrases[0].start == match.start:
            words = text[match.end:phrases[0].end].split()
            if len(words) == 1 and not words[0].startswith("ال") and words[0].endswith(("ي", "يه")):
                continue  # «محكمة أمريكية»: a court, not a named one
            organizations.append(phrases[0])
    return organizations


def _named_people(reader: _Reader, detection: Detection, family: str | None = None) -> dict[str, tuple[str, ...]]:
    """Family name → full name for every given name followed by a family name in the article; with
    `family`, only in the sentences where that name is written."""
    people: dict[str, tuple[str, ...]] = {}
    text = detection.doc.text
    for match in detection.category("given_name"):
        _, end = _sentence_bounds(detection, match.start)
        if family is not None and text.find(family, match.start, end) < 0:
            continue
        phrases, _ = reader.read(match.start, end)
        if phrases and phrases[0].type == "named_person" and len(phrases[0].name_tokens) > 1 and \
                phrases[0].name_tokens[-1] not in _NOT_SURNAMES:
            people.setdefault(phrases[0].name_tokens[-1], phrases[0].name_tokens)
    return people


def _told_cues(detection: Detection, cues: list[Match]) -> list[tuple[int, Match]]:
    """«قال مصدر لـ"الشرق الأوسط"»: an outlet after the lam of address, following a reporting verb in the
    same sentence, is whom the source spoke to. Returns (start of the cue, including the lam, outlet).
    An outlet that a "told" phrase already introduces («في تصريح لـ"عكاظ"») is not a second cue."""
    text = detection.doc.text
    told = []
    verb_positions = [m.start for m in cues if m.rule.kind == "verb"]
    cue_ends = sorted(m.end for m in cues if m.rule.label != "told")
    # «وفقاً لـ"واس"» is according to the agency; «تقرير لموقع "ميدل إيست آي"» is the site's report.
    not_told_after = {m.end for m in cues if m.rule.label == "according_to"} | \
        {m.end for m in detection.category("document_head")}
    told_phrase_ends = [m.end for m in cues if m.rule.label == "told"]
    for match in detection.category("source") + detection.category("media_head"):
        if match.rule.category == "source" and match.rule.source_type not in ("named_media", "self"):
            continue
        start = match.start if match.prefix.endswith("ل") else -1
        if start < 0:
            lam = _LAM_BEFORE.search(text, max(0, match.start - 4), match.start)
            if lam is None:
                continue
            start = lam.start()
        if any(start - 4 <= end <= match.start for end in told_phrase_ends):
            continue
        if _end_of_word_before(text, start) in not_told_after:
            continue
        sentence_start, _ = _sentence_bounds(detection, match.start)
        if not any(sentence_start <= v < start for v in verb_positions):
            continue
        # «قال الخبير إن السفن العابرة لقناة السويس…»: after «إن» or a colon the lam is in what was said
        last_cue = cue_ends[bisect.bisect_right(cue_ends, start) - 1]
        if _SAID_OPENS.search(text, last_cue, start) is None:
            told.append((start, match))
    # «لوكالة المغرب العربي للأنباء» is found as an outlet and as a media head: one recipient, one cue.
    longest: dict[int, tuple[int, Match]] = {}
    for start, match in told:
        if start not in longest or match.end > longest[start][1].end:
            longest[start] = (start, match)
    return sorted(longest.values(), key=lambda item: item[0])


_VERB_AFTER_MA = re.compile(r"\s+(\w+)(?:\s+(?:في|على|عن|من)(?!\w))?")
_IN_BODY = re.compile(r"\s+(في|من|داخل)\s+")
_CLOSING_QUOTE = re.compile(r"(?:\s*[»\"”)])?")
_OPENING_MARKS = re.compile(r"[\s«\"“”(]*")
_DETACHED_LAM = re.compile(r"\s*ل\s*(?=[«\"“”])")
# ” opens too where it was typed right to left; some papers bracket their name: «لـ(عكاظ)».
_LAM_BEFORE = re.compile(r"(?<!\w)ل\s*[«\"“”(]?\s*$")


class _Linker:
    """Walks the article's cues in order, keeping the most recent explicit source for continuations."""

    def __init__(self, detection: Detection, lexicon: Lexicon, own_outlets: frozenset[str] = frozenset()):
        self.detection = detection
        self.text = detection.doc.text
        # The closures capture the reader, not self: a cycle through self would leave every linked
        # article for the cyclic garbage collector instead of freeing it on return.
        self.reader = reader = _Reader(detection, lexicon, own_outlets)
        self.registry = _Registry(detection.doc.text,
                                  lambda family=None, head=None: _titled_people(reader, detection, family, head),
                                  lambda family=None: _named_people(reader, detection, family),
                                  lambda: _named_organizations(reader, detection), lexicon.country_adjectives)
        self.attributions: list[LinkedAttribution] = []
        self.mentions: list[tuple[int, int, int, str]] = []
        self.last_source: int | None = None
        self.last_content: tuple[int, int] | None = None
        """What the last explicit source said: a source reported inside it does not take over the voice."""
        self.not_reported = lexicon.word_lists.get("not_reported", frozenset())
        self.not_reported_imperfect = lexicon.word_lists.get("not_reported_imperfect", frozenset())
        self.scripture = lexicon.word_lists.get("scripture", frozenset())
        self.lexicon = lexicon
        self.scripture_heads = frozenset(phrase.split()[0] for phrase in self.scripture)

    def _mention(self, index: int, phrase: NounPhrase) -> int:
        """Record that `phrase` names source `index` here; returns the index."""
        record = self.registry.records[index]
        record.mentions.append((phrase.start, phrase.end))
        record.mention_rules.append(phrase.rule)
        self.mentions.append((phrase.start, phrase.end, index, phrase.rule))
        return index

    def _record_use(self, index: int, cue_start: int, cue_end: int, stance: str) -> None:
        record = self.registry.records[index]
        record.attributions += 1
        record.verbs.append((cue_start, cue_end))
        record.stances.append(stance)

    def _reports_nothing(self, cue: Match) -> bool:
        """«أن تعلن اللجنة» (that the committee announce), «لم يقل»: a verb in the subjunctive or negated;
        «صورة أوضح.»: the letters of a verb ending a sentence, which is no reporting verb."""
        if cue.rule.kind == "phrase" and cue.rule.continuation and not cue.prefix and \
                (self._after_accusative_noun(cue) or self._after_feminine_noun(cue)):
            return True  # «مبلغاً معتبراً», «معلومات مؤكدة»: the participle is the adjective of the noun before it
        if cue.rule.kind not in ("verb", "pattern") or cue.rule.label == "told":
            return False  # phrases («بحسب») and "told X" forms are no verbs to negate
        if self._quotes_scripture(cue.end):
            return True
        following = self.text[cue.end:cue.end + 3].lstrip()
        if following[:1] in (".", "؛") or not following:
            return True
        if cue.rule.kind == "verb" and self.reader._accusative(cue.end):
            return True  # «تضمن نفياً قاطعاً»: the letters of a verb with tanween are a noun
        if cue.rule.clause and not self._clause_follows(cue):
            return True  # «رأى أعرابية», «يرون الفيلم»: seeing, not saying
        if cue.prefix:
            return False
        words = self.text[max(0, cue.start - 12):cue.start].split()
        if not words:
            return False
        before = {words[-1], _strip_conj(words[-1]), " ".join(words[-2:])}
        if before & self.not_reported:
            # «هناك من يقول إن…»: «من» closing a source phrase is who says it, not «من» before a verbal noun.
            gap = _end_of_word_before(self.text, cue.start)
            phrases = (self.reader.np_matches.get(start) for start in range(max(0, gap - 12), gap))
            return not any(m is not None and m.end == gap and m.rule.category == "source" for m in phrases)
        return bool(before & self.not_reported_imperfect) and self.text[cue.core_start:cue.end] in cue.rule.imperfect

    def _unread_subject(self, cue: Match, sentence: tuple[int, int]) -> bool:
        """Whether a reporting verb (not a continuation) is followed by a definite noun the reader could not
        type: its own subject, unknown to the lexicons («ورأى أصحاب العلاقة», «وقال الدفاع»)."""
        if cue.rule.kind != "verb" or cue.rule.continuation or cue.prefix.startswith("ف"):
            return False
        elements, _, _ = self.reader.elements(cue.end, sentence[1])
        if not elements or elements[0].kind != "word":
            return False
        word = elements[0].word
        heads = self.lexicon.media_heads
        if not word.startswith("ال"):
            return self._construct_subject(elements)
        if len(word) <= 4 or _DEFINITE_VERBAL_NOUN.match(word, 2) or \
                self.reader._people_word(word) or word in heads or word[2:] in heads:
            return False  # «ودعا السياسيين…» names whom he called on; «وأكد الموقع» is the site just cited
        # «وتوقع الشبيب…», «وعزا العربي…»: a family name the article gave before (after a given name, or in a
        # source's words) is that person, whom the carry finds; only a word no one bears is an unknown subject.
        if self.text.count(word) < 2:
            return True
        names = self.lexicon.given_names
        for before in re.compile(r"(\S+)\s+" + re.escape(word) + r"(?!\w)").finditer(self.text, 0, cue.start):
            first = before.group(1)
            if first in names or first in ("علي", "بن", "د.", "م.") or (
                    _name_like(first) and first not in self.lexicon.stopwords and first[:1] not in "وفبل"):
                return False
        return not any(word in record.name_tokens or any(word in self.text[a:b].split() for a, b in record.mentions)
                       for record in self.registry.records) and self.registry.person_named(word) is None

    def _construct_subject(self, elements: list[_Element]) -> bool:
        """«ويشير تراجع المخزونات إلى أن…», «وتؤكد نسبة النمو في الواردات أن…»: an indefinite noun and the
        definite noun it governs, then what was said. A verb takes either an object or a clause, so a noun
        phrase before the clause is the verb's own subject (here a figure, no source), not the speaker carried
        from before. «لفت نظر الزوار إلى أن» is the speaker drawing the visitors' attention."""
        if len(elements) < 2 or elements[1].kind != "word" or not elements[1].word.startswith("ال"):
            return False
        first = elements[0].word
        if first[:1] in "وفبلك" or first in self.lexicon.given_names or first in _ATTENTION:
            return False  # a conjunction or a preposition opens no subject («كما اعترف بصعوبة الوضع إذ إن»)
        position = elements[1].end
        for _ in range(4):
            if _CLAUSE_OPENS.match(self.text, position):
                return True
            word = _WORD_AFTER_SPACE.match(self.text, position)
            if word is None or word.group().strip() in _CLAUSE_LINKS:
                return False
            position = word.end()
        return False

    def _clause_follows(self, cue: Match) -> bool:
        """Whether what was said follows the verb in its sentence: «أن/إن», a colon or a quotation within a few
        words, an opinion noun («يرى الخبير ضرورة…»); or «كما» introduces the verb («كما يرى البعض»)."""
        _, end = _sentence_bounds(self.detection, cue.start)
        if _AS_BEFORE.search(self.text, max(0, cue.start - 6), cue.start):
            return True
        return _CLAUSE_AFTER.search(self.text, cue.end, min(end, cue.end + 90)) is not None

    def _after_feminine_noun(self, cue: Match) -> bool:
        """«حالة مؤكدة», «معلومات مؤكدة»: a feminine participle right after an indefinite feminine noun (in «ة» or
        «ات», no comma between) agrees with it as its adjective; one closing a speaker's sentence follows a
        comma or a definite word («وأشادت الوزارة بالخطوة، مؤكدة»)."""
        original = self.detection.doc.original
        if original[self.detection.doc.to_original(cue.end - 1)] != "ة":
            return False
        before = _WORD_BEFORE_SPACE.search(self.text, max(0, cue.start - 30), cue.start)
        if before is None:
            return False
        word = before.group(1)
        if word.startswith(("ال", "وال", "بال", "لل", "وبال", "ولل")) or word[:1] in "بل":
            return False
        noun = self.reader.np_matches.get(before.start(1))
        if noun is not None and noun.end == before.end(1) and noun.rule.category == "source" and \
                noun.rule.kind != "entity":
            return True  # «مصادر مؤكدة»: a plural of things agrees in the feminine singular
        return word.endswith("ات") or original[self.detection.doc.to_original(before.end(1) - 1)] == "ة"

    def _after_accusative_noun(self, cue: Match) -> bool:
        """Whether the word right before `cue` (a space between, no comma) is an indefinite noun in the
        accusative, which the tanween of the original text shows; not an adverb («أيضاً», «رسمياً»)."""
        before = _WORD_BEFORE_SPACE.search(self.text, max(0, cue.start - 30), cue.start)
        if before is None or not self.reader._accusative(before.end(1)):
            return False
        word = before.group(1)
        return not (word.endswith("يا") or word in _ADVERBS)

    def _thing_indicates(self, cue: Match, sentence: tuple[int, int]) -> bool:
        """«ويشير ارتفاع الأسعار إلى…», «يحث حكومات العالم»: an imperfect verb followed by a verbal noun or a
        noun with a pronoun suffix has it for its subject or object; it reports what a thing indicates, and
        continues no one's speech («ويشير إلى أن…» does). A definite noun may be an unlisted speaker («ويقول
        المؤلف»), so it is left to the speaker reader."""
        if cue.rule.kind != "verb" or (self.text[cue.core_start:cue.end] not in cue.rule.imperfect and
                                       not self._after_relative(cue)):
            return False
        elements, _, _ = self.reader.elements(cue.end, sentence[1])
        if not elements or elements[0].kind != "word":
            return False
        first = elements[0]
        if not first.word.startswith("ال"):
            return not _name_like(first.word)
        # «وتؤكد الاتجاهات الحديثة أن…», «تشير النتائج إلى…»: after a feminine verb, a definite plural that is no
        # people (in «ات», or broken, which the verb agrees with in the feminine) shows something; a masculine
        # singular there is a woman's family name («وتقول النجار»), and speaks.
        return _verb_gender(self.text, cue) == "f" and _THINGS_PLURAL.match(first.word) is not None and \
            not self.reader._people_word(first.word)

    def _thing_before(self, cue: Match, sentence: tuple[int, int]) -> bool:
        """«فالتجربة تشير إلى…», «والتراجع الحاد يكشف ضعف الطلب», «فإن أرقام الربع الأخير تشير»: a verb
        right after a clause that opens with a definite phrase naming no speaker (no source, title or name the
        lexicons know, no plural of people, no family-name shape) has that thing for its subject; it reports
        what the thing shows, and continues no one. The phrase must open its clause: «في مقر النادي قال» is
        where a speaker spoke."""
        if cue.prefix or cue.rule.kind != "verb":
            return False
        window = max(sentence[0], cue.start - 60)
        words = list(_WORD_OR_MARK.finditer(self.text, window, cue.start))
        if not words or not _strip_conj(words[-1].group()).startswith("ال") and not words[-1].group().startswith("ال"):
            return False
        chain, head = 0, ""
        for token in reversed(words):
            word = token.group()
            if not word[0].isalpha() or word in _THING_CLAUSE_OPENERS:
                break
            # «والنقد», «فالتجربة» open their clause with their conjunction; «وفي» is a preposition.
            conjoined = word[:1] in "وف" and (word[1:] in _PREPOSITIONS or word[1:].startswith("ال"))
            head = word[1:] if conjoined else word
            if head in _PREPOSITIONS or head.startswith(("بال", "لل")) or \
                    _NISBA.match(head) and head.startswith("ال") and chain == 0 or self.reader._people_word(head):
                return False
            chain += 1
            if conjoined or chain > 4:
                break
        else:
            if window > sentence[0]:
                return False  # the words run back past what was read: where the clause opens is not known
        # «وأن الأخير يزعم»: opening the clause, «الأخير» is a person («فالأرقام الأخيرة تشير» is not).
        return 0 < chain <= 4 and head not in _PERSON_ANAPHORS and \
            not self._np_before(cue.start, sentence[0], relative=False)

    def _relative_antecedent_source(self, cue: Match) -> int | None:
        """For a verb right after «الذي/التي» whose subject the relative's antecedent is (their genders agree):
        the source named just before the pronoun («رئيس الهيئة، كينجي تاناكا، الذي أكد»), -1 when the
        antecedent is a thing, a definite noun that is no source («الأدبيات المعتبرة التي أثبتت»), and None
        when the words before do not tell (the last speaker may then be carried)."""
        if cue.rule.continuation:
            return None
        relative = _RELATIVE_BEFORE.search(self.text, max(0, cue.start - 12), cue.start)
        if relative is None:
            return None
        gender = _verb_gender(self.text, cue)
        if gender == ("m" if relative.group(1) == "التي" else "f"):
            return None  # «الحملة التي قال إن عباس يقودها»: the antecedent is what he spoke of, not who spoke
        before = _ANTECEDENT_END.search(self.text, max(0, relative.start() - 200), relative.start())
        if before is None:
            return None
        word = before.group(1)
        for index, record in enumerate(self.registry.records):
            # «للحارس عبدالله المعيوف الذي أفصح»: a mention ends there, or the name of one who spoke before
            if any(end == before.end(1) for _, end in record.mentions) or \
                    (record.type == "named_person" and word in record.name_tokens):
                return index
        given = _WORD_BEFORE.search(self.text, max(0, before.start(1) - 20), before.start(1))
        if word.startswith("ال") and not self.reader._people_word(word) and \
                not self.reader._family_name_shaped(_Element("word", before.start(1), before.end(1), word)) and \
                (given is None or given.group(1) not in self.lexicon.given_names):
            return -1  # a thing, not a family name after a given name («عبدالله المعيوف الذي»)
        return None

    def _after_relative(self, cue: Match) -> bool:
        """«الاجتماع الذي كشف خلافات بينهما»: a relative pronoun right before the verb; its subject is the
        antecedent, which in the thing-indicates shape is a thing (the meeting, the tests), not a speaker."""
        before = _WORD_BEFORE_SPACE.search(self.text, max(0, cue.start - 12), cue.start)
        return before is not None and _strip_conj(before.group(1)) in ("الذي", "التي")  # «الذين» are people

    def _document_before(self, cue: Match, sentence: tuple[int, int]) -> list[NounPhrase]:
        """The text a «فيما يلي نصه» reproduces: the last document named before it in its sentence
        («صدر عن الوزارة بيان حول الزيارة فيما يلي نصه:»)."""
        heads = [m for m in self.detection.category("document_head") if sentence[0] <= m.start < cue.start]
        for head in reversed(heads):
            phrases, _ = self.reader.read(head.start, cue.start)
            if phrases and _paper(phrases[0]):
                return [_as_document(phrases[0])]  # what is reproduced word for word is a document
        return []

    def _quotes_scripture(self, position: int) -> bool:
        """«قال تعالى», «يقول الله عز وجل», «قال صلى الله عليه وسلم»: scripture quoted in a sermon or a
        column is no one the article cites for its facts."""
        first = _WORDS.search(self.text, position, position + 12)
        if first is None or first.group() not in self.scripture_heads:
            return False
        words = _WORDS.findall(self.text, first.start(), first.start() + 40)
        return any(" ".join(words[:count]) in self.scripture for count in (1, 2, 3, 4))

    def link(self, cues: list[Match], told: list[tuple[int, Match]]) -> None:
        text = self.text
        merged: set[int] = set()
        pending_told: list[tuple[int, int, Match]] = []
        for cue in cues:
            if cue.start in merged or self._reports_nothing(cue):
                continue
            sentence = _sentence_bounds(self.detection, cue.start)
            label = cue.rule.label
            if label == "told":
                pending_told.append((cue.start, cue.end, cue))
                continue
            stance = label if label in STANCES else "neutral"
            cue_end = cue.end
            phrases: list[NounPhrase] = []
            if cue.rule.document_before:
                phrases = self._document_before(cue, sentence)
                if not phrases:
                    continue
            elif label == "according_to" and not cue.rule.continuation:
                after = cue.end
                detached = _DETACHED_LAM.match(text, after)
                if detached is not None:
                    after = detached.end()  # «وفقاً لـ"واس"»: the lam written apart, then the quoted name
                if text[cue.start:cue.end].endswith("ما"):
                    verb = next((c for c in cues if cue.end < c.start <= cue.end + 2), None)
                    if verb is not None:  # «بحسب ما أفادت الوكالة»: one cue, the verb's subject
                        merged.add(verb.start)
                        cue_end = after = verb.end
                    else:  # «بحسب ما نشرت قيادة الجيش», «وفق ما جاء في بيان…»: any verb, then its subject
                        skipped = _VERB_AFTER_MA.match(text, cue.end)
                        if skipped is not None:
                            cue_end, after = skipped.end(1), skipped.end()
                phrases, _ = self.reader.read(after, sentence[1])
                if not phrases:
                    continue  # «حسب الاتفاق»: an "according to" with no one behind it is not an attribution
                # «وفقاً لجدول زمني», «حسب منهج الدولة»: after "according to", unknown words are a plan or a
                # rule far more often than a name; they count only for someone the article names elsewhere.
                # After «بحسب ما كشفه» the words are the verb's subject: someone speaking.
                if after == cue.end:
                    phrases = [dataclasses.replace(p, tentative=True) if p.rule == "structure.name" else p
                               for p in phrases]
            elif not (cue.rule.kind == "phrase" and cue.rule.continuation):
                phrases = self._subject_after_complementizer(cue, sentence) or self._opening_subject(cue, sentence)
                if not phrases:
                    phrases, _ = self.reader.read(cue.end, sentence[1])
                # A subject takes no preposition: «في ما وصفته ببيانات معادية» has none after the verb.
                phrases = [p for p in phrases if not self.reader.prepositional(p.start)]
                if phrases and cue.rule.kind == "verb" and not text[cue.end:phrases[0].start].strip() and \
                        _accusative_plural(_TOKEN.match(text, phrases[0].start)):
                    # «وأبلغ المسؤولين الروس», «ودعت الحوثيين»: after a verb, a plural in «ـين» is the object;
                    # after «عن» («نقلت الوكالة عن مسؤولين») it is whom the words came from.
                    phrases = []
                if phrases and _verb_gender(text, cue) == "m" and self._feminine_body(phrases[0]):
                    phrases = []  # «وطالب منظمة الحج بتقديم…»: a masculine verb's subject is no feminine body
                if text[cue.core_start:cue.end] in cue.rule.objects:
                    # «كما وصفها ماركس» but «واعتبرها مميزة»: after a verb with its object attached, unknown
                    # words are its predicate as often as its subject; they count for someone named elsewhere.
                    phrases = [dataclasses.replace(p, tentative=True) if p.rule == "structure.name" else p
                               for p in phrases]
                if _plural_verb(text, cue):
                    # A verb agrees in number only with a subject before it: after «يتهمون» or «قالوا» comes
                    # the object («يتهمون رئيس الوزراء»), or a plural subject the verb was wrongly made to match.
                    phrases = [p for p in phrases if not _singular(p)]
                informed = _FROM_INFORMANT.match(text, phrases[-1].end) if phrases and \
                    phrases[-1].type in ("self", "named_media") else None
                if informed is not None:
                    # «وعلمت «عكاظ» من مصادرها الخاصة»: the paper learned it; whom it learned it from is the source.
                    informants, _ = self.reader.read(informed.end(), sentence[1])
                    if informants and not informants[0].tentative and informants[0].rule != "structure.name":
                        phrases = informants[:1]  # not «وقالت الصحيفة من جهتها»
            resolved = self._resolve(phrases)
            if phrases and not resolved and label == "according_to":
                continue
            if not resolved and text[cue.core_start:cue.end] in cue.rule.objects and not (
                    cue.prefix[:1] == "و" and _SAID_RIGHT_AFTER.match(text, cue.end) and
                    any(sentence[0] <= a.cue_start < cue.start and a.source is not None for a in self.attributions)):
                # «الذي أعلنه الوزير»: with its object attached, a verb reports only when its subject follows;
                # «تم نقله إلى المستشفى», «الجدير ذكره» are nouns or report no one. A clause of its own that goes
                # straight on to what was said continues the speaker its sentence cited («أكد النائب ضرورة
                # التمسك بالاتفاق ووصفه بأنه خط أحمر»).
                continue
            if not resolved and label != "according_to" and not (cue.rule.kind == "phrase" and cue.rule.continuation) \
                    and not cue.prefix.startswith("و"):
                # «وكانت وزارة الطاقة قد أعلنت الشهر الماضي أن…»: the subject came first. A verb with «و» starts
                # a clause of its own («في بحر العرب، وأشارت نماذج المحاكاة…»), so nothing before it is its
                # subject («أما الوزير فقال» has one: «ف» answers the topic).
                # Before the verb, a phrase with a preposition is the verb's subject only as a document a
                # relative clause describes («متأثراً بمسح رسمي أظهر ركوداً», «ببلاغ يفيد»); «للحركة، أكدت فيه»
                # or «بموقع تويتر، قال فيها» name no speaker.
                # «التي أوصت بها منظمة الصحة»: a pronoun after the verb takes up the relative's antecedent,
                # which is then what was done, not who did it.
                resumed = text[cue.core_start:cue.end] in cue.rule.objects or _RESUMPTIVE.match(text, cue.end)
                before = self._topic(cue, sentence[0]) or \
                    [p for p in self._np_before(cue.start, sentence[0], relative=not resumed)
                     if _paper(p) or not self.reader.prepositional(p.start)]
                if not before and not resumed:
                    before = self._known_name_opening(cue, sentence[0])
                if resumed:
                    # «أصدر المفتش العام بياناً أكد فيه», «كتبت تغريدة قالت فيها»: a paper someone issued is
                    # that issuer's document, however bare its head
                    before = [_as_document(p) for p in before]
                    if not before and _IN_WHICH.match(text, cue.end) and not self._after_relative(cue):
                        # «سجّل رئيس الوفد كلمة في السجل أثنى فيها»: a speech or a note is no source word; the
                        # one who gave it, the sentence's subject, said what is in it
                        clause = self._clause_start(cue.start, sentence[0])
                        before = _sentence_subject(self.reader, self.detection, cue.start, clause, bare=True)
                        if not before and clause > sentence[0]:
                            before = _sentence_subject(self.reader, self.detection, cue.start, sentence[0], bare=True)
                if _plural_verb(text, cue) and len(before) == 1:  # «أما خالد ويوسف فقالوا»: several are plural
                    before = [p for p in before if not _singular(p)]
                resolved = self._resolve(before)
            # A subject before the cue («وكانت الوزارة قد أعلنت أن…») says what follows the cue
            content = _content(self.detection, cue.start, max([p.end for _, p in resolved] + [cue_end]), sentence)
            if not resolved:
                reporting = None if cue.rule.continuation or _QUOTATION_FOLLOWS.match(text, cue.end) else \
                    self._reported_speech_around(cue.start, sentence)
                if reporting is not None and (reporting.label == "according_to" or
                                              not self._coordinated_after_comma(cue)):
                    # «قال إن الشركة تابعت وبيّنت…»: verbs inside what someone said are theirs. After «بحسب»
                    # the source has no verb of its own for a verb after a comma to join: «وفق الوكالة، فإن
                    # الوزير حاول…، وأبلغ نظراءه» goes on with what the minister did.
                    continue
                if self._thing_indicates(cue, sentence) or self._thing_before(cue, sentence):
                    continue
                antecedent = self._relative_antecedent_source(cue)
                if antecedent is not None and antecedent >= 0:
                    # «تصريحات مورينيو الذي قال…»: the source just named is the relative clause's subject
                    start, end = next((a, b) for a, b in reversed(self.registry.records[antecedent].mentions)
                                      if b <= cue.start)
                    self.mentions.append((start, end, antecedent, "structure.relative"))
                    self._record_use(antecedent, cue.start, cue_end, stance)
                    self.attributions.append(LinkedAttribution(cue, cue.start, cue_end, label, stance, False,
                                                               antecedent, (start, end), content, False))
                    continue
                if antecedent == -1 and _TO_WHAT.match(text, cue.end):
                    # «الصور التي تشير إلى حجم الدمار», «القيم التي تحث على الأمانة»: what a thing points to or
                    # calls for, no one's words («التي تقول إنه», «التي تتحدث عنها» have a speaker of their own)
                    continue
                if self._unread_subject(cue, sentence) or antecedent is not None:
                    # «وقال الدفاع عن أحد المتهمين إن…», «العلامات التي تشير إلى تعافي المريض»: the verb has a
                    # subject of its own (there the antecedent of the relative), which is no known source; no
                    # speaker is better than the last one.
                    self.attributions.append(LinkedAttribution(cue, cue.start, cue_end, label, stance, False, None,
                                                               None, content, False))
                    continue
                self._carry(cue, cue.start, cue_end, label, stance, content, sentence)
                continue
            for index, phrase in resolved:
                self._mention(index, phrase)
                self._record_use(index, cue.start, cue_end, stance)
                self.attributions.append(LinkedAttribution(cue, cue.start, cue_end, label, stance,
                                                           cue.rule.continuation, index, (phrase.start, phrase.end),
                                                           content, False))
                if not self._reported_inside_last(cue, phrase.start):
                    self.last_source, self.last_content = index, content
        for start, match in told:
            # «لـ«الشرق الأوسط»»: the cue closes with the outlet's quotation mark
            pending_told.append((start, _skip(_CLOSING_QUOTE, text, match.end), match))
        told_end = -1
        for start, end, cue in sorted(pending_told, key=lambda t: (t[0], -t[1])):
            if start < told_end:
                continue  # «في حديثه لصحيفة»: the «لـ» of the phrase is the outlet's, one telling
            told_end = end
            self._told(cue, start, end)

    def _reported_inside_last(self, cue: Match, source_start: int) -> bool:
        """«وقال العتيبي إن … التي تعلن عنها الوزارة … . وأعرب عن أمله»: a source reported inside what the last
        speaker said does not take over the voice, and the next «وأعرب» is still him; nor does «بحسب» set in
        his sentence («وأوضح رئيس المنظمة، وفقاً لما أوردته صحيفة "مكة"، أن…»). A clause opened by «و», «ف»,
        «فيما», «بينما» has a speaker of its own, as «نقلت الوكالة عن X قوله» has in X."""
        return self._reported_inside(cue, source_start, self.last_content)

    def _reported_inside(self, cue: Match, source_start: int, content: tuple[int, int] | None) -> bool:
        """Whether a cue and its source sit in a clause subordinate to `content`, what someone else said."""
        if content is None or not content[0] <= cue.start < content[1]:
            return False
        if cue.prefix.startswith(("و", "ف")):
            return False
        opens = min(cue.start, source_start)
        before = _WORD_BEFORE.search(self.text, max(0, opens - 20), opens)
        return before is None or before.group(1) not in _MAIN_CLAUSE_OPENERS

    def _resolve(self, phrases: list[NounPhrase]) -> list[tuple[int, NounPhrase]]:
        resolved = []
        for phrase in phrases:
            named_before = None
            if phrase.key == ("antecedent",):
                named_before = self._antecedent(phrase)
                if named_before is None:
                    continue
                tokens = named_before.name_tokens
                phrase = NounPhrase(phrase.start, phrase.end, "named_person", phrase.rule, ("person", tokens),
                                    name_tokens=tokens)
            index, typed = self.registry.resolve(phrase)
            if index is not None and named_before is not None:
                mentions = self.registry.records[index].mentions
                if (named_before.start, named_before.end) not in mentions:
                    mentions.append((named_before.start, named_before.end))  # named in passing: the source's name
            if index is not None and typed is not None:
                resolved.append((index, typed))
        return resolved

    def _antecedent(self, honorific: NounPhrase) -> NounPhrase | None:
        """Whom «سموه», «معاليه», «سماحته» stand for: the bearer of the same honorific last named before them
        («صاحب السمو الملكي الأمير فيصل بن خالد … وقال سموه»), else the last person who spoke, else the
        nearest title with a given name («شجب وزير العدل الدكتور سامي الفهيد … وأدان معاليه»)."""
        noun = _honorific_noun(honorific.head)
        for found in reversed(list(re.finditer(r"(?<!\w)(?:ال)?" + noun + r"(?!\w)", self.text[:honorific.start]))):
            # The title that follows the honorific («سمو الأمير», «معالي وزير الحج»), within a few words.
            titles = self._title_starts(found.end() + 1, found.end() + 31)
            person = self._titled_person(titles[0]) if titles else None
            if person is not None:
                return person
        spoken = [(start, end, index) for start, end, index, _ in self.mentions
                  if start < honorific.start and self.registry.records[index].type == "named_person"
                  and self.registry.records[index].name_tokens]
        if spoken:
            start, end, index = max(spoken)
            tokens = self.registry.records[index].name_tokens
            return NounPhrase(start, end, "named_person", "structure.antecedent", ("person", tokens),
                              name_tokens=tokens)
        names = self.reader.lexicon.given_names
        for start in reversed(self._title_starts(0, honorific.start)[-4:]):
            person = self._titled_person(start)
            if person is not None and any(token in names for token in person.name_tokens):
                return person
        return None

    def _title_starts(self, start: int, end: int) -> list[int]:
        """Where a title begins in `[start, end)`, in text order."""
        matches, starts = self.reader.np_matches, self.reader.subject_starts
        return [p for p in starts[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
                if p in matches and matches[p].rule.category == "title"]

    def _titled_person(self, start: int) -> NounPhrase | None:
        """The named person a title at `start` introduces, if it introduces one."""
        phrases, _ = self.reader.read(start, _sentence_bounds(self.detection, start)[1])
        if phrases and phrases[0].type == "named_person" and phrases[0].name_tokens:
            return phrases[0]
        return None

    def _subject_after_complementizer(self, cue: Match, sentence: tuple[int, int]) -> list[NounPhrase]:
        """«وقال إن طهران أبلغت الوكالة…»: after «أن» a clause puts its subject first, so the phrase after the
        verb is its object; the subject is the phrase between «أن» and the verb."""
        if cue.prefix or not _COMPLEMENTIZER_THEN_WORDS.search(self.text, max(sentence[0], cue.start - 80), cue.start):
            return []
        before = self._np_before(cue.start, sentence[0], relative=False)
        if before and _COMPLEMENTIZER_BEFORE.search(self.text, max(0, before[0].start - 6), before[0].start):
            return before
        return []

    def _opening_subject(self, cue: Match, sentence: tuple[int, int]) -> list[NounPhrase]:
        """«واشنطن تتهم فصائل عراقية…», «الجيش الإسرائيلي يعلن مقتل جندي»: a sentence that opens with a
        speaker and goes straight on to the verb has its subject first; what follows the verb is its object.
        Not with an object pronoun on the verb: «لجنة الانضباط أدانتها لجنة الاستئناف» opens with the object."""
        if cue.prefix or cue.rule.kind != "verb" or self.text[cue.core_start:cue.end] in cue.rule.objects:
            return []
        opening = _TOKEN.search(self.text, sentence[0], cue.start)
        if opening is None or opening.start() == cue.start:
            return []
        starts = self.reader.subject_starts
        index = bisect.bisect_left(starts, opening.start())
        if index == len(starts) or starts[index] != opening.start():
            return []  # no speaker can start where the sentence does
        before = self._np_before(cue.start, sentence[0], relative=False)
        if before and before[0].start == opening.start() and not self.text[before[0].end:cue.start].strip():
            return before
        return []

    def _np_before(self, cue_start: int, sentence_start: int, relative: bool = True) -> list[NounPhrase]:
        """Subject-first order («وزير الخارجية أيمن الصفدي قال»): the phrase that ends closest before the
        cue, with nothing but particles between them, or a relative pronoun it is the antecedent of (not with
        `relative` False: in «أن مشروع الشراكة الذي كشف عنه البيان», the phrase after «أن» is the subject of
        the clause, not of the verb in the relative)."""
        text, reader = self.text, self.reader
        window_start = max(sentence_start, cue_start - 160)
        # Only where a subject can start: a lexicon phrase (title, organization, source…) or a given name,
        # or right before the verb the family name of someone the article names («وكان الوزاني قد ادّعى»).
        # A family name written only here was named nowhere else, and reading every name in the article to
        # learn that is dear.
        subject_starts = reader.subject_starts
        starts = subject_starts[bisect.bisect_left(subject_starts, window_start):
                                bisect.bisect_left(subject_starts, cue_start)]
        surname = _word_before_gap(text, window_start, cue_start)
        family = text[surname[0]:surname[1]] if surname is not None else ""
        if len(family) > 2 and text.count(family) > 1 and family not in self.reader.lexicon.stopwords and \
                self.registry.person_named(family) is not None:
            starts.append(surname[0])  # type: ignore[index]
        for start in sorted(starts)[-6:]:
            if _PREPOSITION_BEFORE.search(text, max(0, start - 8), start):
                continue  # «أحالت الملفات إلى النيابة، وقال…»: the object of a preposition is no subject
            phrases, _ = reader.read(start, cue_start)
            # An unknown word is a name only when what follows shows it («قال بوتين إن»); before a verb
            # nothing does, so the subject must be recognizable.
            if not phrases or (phrases[-1].rule == "structure.name" and not phrases[-1].tentative):
                continue
            gap = _SUBJECT_VERB_GAP.fullmatch(text, phrases[-1].end, cue_start)
            if gap is not None and gap.group("relative") and not self._relative_antecedent(phrases[-1], gap.group("relative"),
                                                                               relative):
                continue
            if gap is not None:
                named = self._name_before_apposition(phrases[-1])
                return [named] if named is not None else phrases[-1:]
            if phrases[-1].type == "named_person" and self._apposition_until(phrases[-1].end, cue_start):
                return phrases[-1:]  # «مهاب مميش، رئيس هيئة القناة، قال»
        return []

    def _topic(self, cue: Match, sentence_start: int) -> list[NounPhrase]:
        """«أما عمار عبدالشكور، أحد الجيولوجيين بالهيئة، فبين أن…»: the «ف» answers «أما», and the topic
        «أما» opened is the verb's subject, however long the apposition between them."""
        if not cue.prefix.startswith("ف") and not _FA_QAD_BEFORE.search(self.text, max(0, cue.start - 8), cue.start):
            return []  # «أما المواطن ماجد الفرحان، فقد قال:»: the «ف» may open «قد» before the verb
        topics = list(_TOPIC.finditer(self.text, max(sentence_start, cue.start - 160), cue.start))
        if not topics:
            return []
        found = topics[-1]
        phrases, _ = self.reader.read(found.end(), cue.start)
        if not phrases or phrases[0].start != found.end() or phrases[-1].rule == "structure.name" and \
                not phrases[-1].tentative:
            return []
        return phrases

    def _relative_antecedent(self, phrase: NounPhrase, pronoun: str, allowed: bool) -> bool:
        """Whether `phrase` can be the subject of the relative clause `pronoun` opens: a country is feminine
        («أميركا التي أعلنت», not «… وباكستان، الذي قال»), and a name read on into other words («الرئيس
        أوباما إسرائيل بصفتها الدولة الوحيدة التي») is no clean antecedent."""
        if not allowed or (pronoun == "الذي" and phrase.type == "country_or_government"):
            return False
        if _PRONOUN_SUFFIXED_WORD.search(self.text, phrase.start, phrase.end):
            return False
        names = self.reader.lexicon.given_names
        return all(_name_like(t) or t in names or (t.startswith("ال") and _name_like(t[2:])) for t in phrase.name_tokens)

    def _name_before_apposition(self, phrase: NounPhrase) -> NounPhrase | None:
        """«مهاب مميش، رئيس هيئة القناة، قال»: a title in apposition stands for the name before it."""
        if phrase.type not in ("official_unnamed", "named_org"):
            return None
        found = _NAME_BEFORE_COMMA.search(self.text, max(0, phrase.start - 60), phrase.start)
        if found is None:
            return None
        words = found.group(1).split()
        if not all(_name_like(w) or w in self.reader.lexicon.given_names for w in words[:-1]) or \
                any(w in self.reader.lexicon.stopwords for w in words) or found.start(1) in self.reader.cue_starts:
            return None
        if not (words[0] in self.reader.lexicon.given_names or len(words) >= 2):
            return None
        return NounPhrase(found.start(1), found.end(1), "named_person", "structure.apposition",
                          ("person", tuple(words)), name_tokens=tuple(words), title=phrase.title)

    def _apposition_until(self, end: int, cue_start: int) -> bool:
        """Between a name and its verb, only a title in apposition: «، رئيس هيئة القناة،»."""
        comma = _APPOSITION.match(self.text, end)
        if comma is None:
            return False
        titled, _ = self.reader.read(comma.end(), cue_start)
        if not titled or titled[0].type not in ("official_unnamed", "named_org"):
            return False
        # «، المدير التنفيذي لشركة النقل في جدة،»: where the office is may close the apposition
        return _SUBJECT_VERB_GAP.fullmatch(self.text, titled[-1].end, cue_start) is not None or \
            _PLACE_CLOSES_APPOSITION.fullmatch(self.text, titled[-1].end, cue_start) is not None

    def _coordinated_after_comma(self, cue: Match) -> bool:
        """«…، وقال إن أمن دول الخليج…», «…، كما أكد أن الحل قريب»: a verb with «و» or «كما» after a comma starts
        a clause of the article's own, whatever the previous clause reported."""
        before = self.text[max(0, cue.start - 8):cue.start].rstrip()
        if not cue.prefix.startswith("و"):
            if not before.endswith("كما"):
                return False
            before = before[:-3].rstrip()
        return before.endswith(("،", ","))

    def _reported_speech_around(self, position: int, sentence: tuple[int, int]) -> LinkedAttribution | None:
        """The attribution of the sentence whose reported speech holds `position`: after «أن/إن» or a colon
        («قال إن الشركة تابعت وبيّنت…»); «أعلن المسؤولية عن التفجير وقال إنه…» coordinates a second verb of
        the same speaker instead."""
        return next((a for a in self.attributions
                     if a.source is not None and a.content is not None and a.content[0] <= position < a.content[1]
                     and sentence[0] <= a.cue_start and _SAID_OPENS.search(self.text, a.cue_end, position)), None)

    def _carry(self, cue: Match, cue_start: int, cue_end: int, label: str, stance: str,
               content: tuple[int, int] | None, sentence: tuple[int, int]) -> None:
        """A cue without its own source speaks for the sentence's subject or the last explicit source."""
        same_sentence = [a for a in self.attributions
                         if sentence[0] <= a.cue_start < cue_start and a.source is not None]
        # «… حسب النتائج …، مبيناً أن…»: a source cited inside someone's reported speech is not whom the
        # participle continues.
        same_sentence = [a for a in same_sentence
                         if not any(b is not a and self._reported_inside(a.cue, a.mention[0] if a.mention else a.cue_start,
                                                                         b.content) for b in same_sentence)]
        source = same_sentence[-1].source if same_sentence else None
        # «على حد قوله»: "by his account" refers back to the speaker last cited, never to a new phrase.
        by_account = label == "according_to"
        if source is None and not by_account and (cue.prefix[:1] in ("و", "ف") or cue.rule.continuation):
            # A main clause of its own («ونفت», «مؤكداً»), not a relative («الذي طالب») or a subordinate one
            # («عندما أوصى», «حيث رحب») whose subject is someone else.
            source = self._verb_subject_before(cue, cue_start)
        if source is None and not by_account and (cue.prefix.startswith("ف") or cue.rule.continuation):
            subject = _sentence_subject(self.reader, self.detection, cue_start, sentence[0])
            resolved = self._resolve(subject[:1])
            if resolved:
                source = self._mention(*resolved[0])
        if source is None and not by_account:
            # ««…»، يقول وهو يطرق صينية»: the person the paragraph just introduced.
            source = self._person_before(cue_start)
        if source is None:
            source = self.last_source
        record = self.registry.records[source] if source is not None else None
        if record is not None and _one_voice(record.type, record.key, record.head) and (
                _plural_verb(self.text, cue) or _plural_participle(self.text, cue)):
            # «يقولون» after «قال أبو تمام», «مشيرين» after «قال مدني», «يطالبون» after «قال المتحدث»: not one
            # person's voice
            source = None
        gender = _verb_gender(self.text, cue)
        if source is not None and gender is not None and self._gender(source) not in (None, gender):
            # «وقالت» cannot continue «المدرب أليخاندرو سابيلا»: the latest explicit source it agrees with, if
            # it spoke in this paragraph or the one before (further back, the verb's subject is someone the
            # article has not cited).
            paragraphs = self.detection.layout.paragraphs
            here = self.detection.layout.paragraph_of(cue_start)
            since = paragraphs[max(0, here - 1)][0] if paragraphs else 0
            source = next((a.source for a in reversed(self.attributions) if a.source is not None and not a.carried
                           and a.source != source and self._gender(a.source) in (None, gender)
                           and a.cue_start >= since), None)
        mention = self.registry.records[source].mentions[-1] if source is not None and \
            self.registry.records[source].mentions else None
        self.attributions.append(LinkedAttribution(cue, cue_start, cue_end, label, stance, True, source, mention,
                                                   content, True))
        if source is not None:
            self._record_use(source, cue_start, cue_end, stance)

    def _verb_subject_before(self, cue: Match, cue_start: int) -> int | None:
        """«دافع جون كيري عن قرار الرئيس. وقال إن…», «ردت هيلاري كلينتون على منتقديها، ونفت…»: a speaker the
        article brought in as the subject of another verb since the last source spoke. The subject is the
        phrase right after the verb that opens the cue's sentence, or the sentence before when the cue opens
        its own; it must be a person or a body the lexicons or the article name, not an unknown word."""
        layout = self.detection.layout
        index = layout.sentence_of(cue_start)
        if index is None:
            return None
        start, end, paragraph = layout.sentences[index]
        if not _has_words(self.text, start, cue_start, 2):
            if index == 0 or layout.sentences[index - 1][2] != paragraph:
                return None
            start, end, _ = layout.sentences[index - 1]
        # «خان يونس - تروي…»: a dateline opening the sentence is no verb and its subject
        start = max([start] + [m.end for m in self.detection.provenance if m.start <= start < m.end])
        last_spoken = max((m_end for m_start, m_end, _, _ in self.mentions if m_start < cue_start), default=-1)
        verb = _TOKEN.search(self.text, start, end)
        for hop in range(4):
            # «وأمس، في مقابلتين تلفزيونيتين، دافع كيري…», «إلى ذلك، شن السيناتور…»: when and where come
            # first, set off by commas, and the verb after them
            if verb is None or (verb.group() not in _ADVERBIAL_OPENERS and _strip_conj(verb.group()) not in
                                _ADVERBIAL_OPENERS if hop == 0 else
                                self._verb_like(verb)):
                break
            comma = _COMMA.search(self.text, verb.end(), min(end, cue_start))
            verb = _TOKEN.search(self.text, comma.end(), end) if comma else None
        if verb is not None and not self._verb_like(verb):
            return self._subject_first(verb, cue, cue_start, end, last_spoken)
        if verb is None:
            return None
        subject = _TOKEN.search(self.text, verb.end(), end)
        if subject is None or subject.start() >= cue_start or subject.start() <= last_spoken:
            return None
        phrases, _ = self.reader.read(subject.start(), min(end, cue_start))
        if not phrases or phrases[0].start != subject.start() or phrases[0].type not in _VERB_SUBJECTS:
            return None
        if phrases[0].rule == "structure.name":
            # «دافع كيري عن قرار…»: a bare word after any verb counts only as a name the article gave before
            phrases[0] = dataclasses.replace(phrases[0], tentative=True)
        return self._agreeing_subject(phrases[0], cue)  # «خان يونس - … وتقول»: «تقول» is no man's

    def _subject_first(self, opening: re.Match[str], cue: Match, cue_start: int, end: int,
                       last_spoken: int) -> int | None:
        """«لكن واشنطن رفضت الطلب، واقترحت…»: the sentence opens with a known speaker (after «لكن»,
        «بينما»…) and goes straight on to its verb; that speaker is the subject the cue continues."""
        subject = _TOKEN.search(self.text, opening.end(), end) \
            if _strip_conj(opening.group()) in _SUBJECT_FIRST_OPENERS else opening
        if subject is None or subject.start() >= cue_start or subject.start() <= last_spoken:
            return None
        phrases, _ = self.reader.read(subject.start(), min(end, cue_start))
        if not phrases or phrases[0].start != subject.start() or phrases[0].type not in _VERB_SUBJECTS or \
                phrases[0].tentative or phrases[0].rule == "structure.name":
            return None
        verb = _TOKEN.search(self.text, phrases[-1].end, min(end, cue_start))
        if verb is None or self.text[phrases[-1].end:verb.start()].strip() or not self._verb_like(verb):
            return None
        # «جماهير كبيرة أنصتت لكلمته…، وتطرق فيها»: «تطرق» goes on with someone else
        return self._agreeing_subject(phrases[0], cue, verb.group())

    def _agreeing_subject(self, phrase: NounPhrase, cue: Match, verb: str | None = None) -> int | None:
        """The source `phrase` names, as the subject the cue continues, unless its name or the `verb` it
        governs disagrees in gender with the cue."""
        gender = _verb_gender(self.text, cue)
        if gender is not None and (self._name_gender(phrase.name_tokens) not in (None, gender) or
                                   verb is not None and _written_gender(verb) not in (None, gender)):
            return None
        resolved = self._resolve([phrase])
        return self._mention(*resolved[0]) if resolved else None

    def _known_name_opening(self, cue: Match, sentence_start: int) -> list[NounPhrase]:
        """«لكن إردوغان قال…», «وإردوغان قد أعلن…»: one unknown word opening its clause right before the verb
        (or «قد»), which counts only as the family name of someone the article has named."""
        end = _end_of_word_before(self.text, cue.start)
        gap = _WORD_BEFORE_SPACE.search(self.text, max(0, end - 8), end + 1) if end < cue.start else None
        if gap is not None and gap.group(1) in ("قد", "لقد"):
            end = _end_of_word_before(self.text, gap.start(1))
        word = _WORD_BEFORE_SPACE.search(self.text, max(0, end - 30), min(len(self.text), end + 1))
        if word is None or word.end(1) != end:
            return []
        token = word.group(1)
        bare = _strip_conj(token) if token[:1] == "و" and _strip_conj(token) != token else token
        opener = _WORD_BEFORE_SPACE.search(self.text, max(0, word.start(1) - 12), word.start(1))
        opens = word.start(1) <= sentence_start or (opener is not None and opener.end(1) == word.start(1) - 1 and
                                                    opener.group(1) in _CLAUSE_OPENERS) or \
            self.text[max(0, word.start(1) - 2):word.start(1)].strip() in ("،", ",") or bare != token
        if not opens or not bare.isalpha() or not _name_like(bare) or bare in self.lexicon.stopwords or \
                word.start(1) in self.reader.np_matches or self.registry.person_named(bare) is None:
            return []
        start = word.start(1) + len(token) - len(bare)
        return [NounPhrase(start, word.end(1), "named_person", "structure.name", ("person", (bare,)),
                           name_tokens=(bare,), tentative=True)]

    def _clause_start(self, position: int, sentence_start: int) -> int:
        """Where the last clause «و» + verb + subject before `position` starts («…الذي واصل غيابه وبعث وكيل
        أعمال اللاعب خطابا»), or the sentence's start."""
        start = sentence_start
        for word in _WORDS.finditer(self.text, sentence_start, position):
            if word.group().startswith("و") and len(word.group()) > 2 and self._verb_like(word):
                following = _TOKEN.search(self.text, word.end(), position)
                if following is not None and following.start() in self.reader.np_matches:
                    start = word.start()
        return start

    def _verb_like(self, word: re.Match[str]) -> bool:
        """Whether the first word of a sentence can be its verb: not a particle or a known phrase, nor a
        definite noun, a nisba in «ي» or a noun in «ة» (the original text keeps «ى» of «نفى» and «سعى»)."""
        token = word.group()
        if not token[0].isalpha() or token in self.lexicon.stopwords or _strip_conj(token) in self.lexicon.stopwords \
                or word.start() in self.reader.np_matches or word.start() in self.reader.cue_starts \
                or _strip_conj(token).startswith("ال"):
            return False
        last = self.detection.doc.original[self.detection.doc.to_original(word.end() - 1)]
        return last not in "يةه"

    def _feminine_body(self, phrase: NounPhrase) -> bool:
        """A body named by a feminine singular noun («منظمة الحج», «الحكومة», «السعودية»): the verb before it
        would be feminine had it been its subject."""
        if phrase.type not in _BODY_TYPES or phrase.name_tokens:
            return False
        return self._feminine_head(phrase.start, phrase.end)

    def _feminine_head(self, start: int, end: int) -> bool:
        """Whether the phrase at `[start, end)` opens on a feminine singular noun, one the original writes
        with «ة»; not a man's honorific («سعادة المهندس», «فضيلة الشيخ»)."""
        match = self.reader.np_matches.get(start)
        if match is not None and match.rule.category == "title":
            return False
        doc = self.detection.doc
        head = self.text[start:end].split(maxsplit=1)[0]
        return len(head) > 3 and doc.original[doc.to_original(start + len(head) - 1)] == "ة"

    def _name_gender(self, name_tokens: tuple[str, ...]) -> str | None:
        """«f» or «m» for a name that starts with a known given name."""
        if not name_tokens or name_tokens[0] not in self.lexicon.given_names:
            return None
        return "f" if name_tokens[0] in self.lexicon.female_names else "m"

    def _gender(self, index: int) -> str | None:
        """«f» or «m» for a person known by a given name, «f» for a feminine title or a body named by a
        feminine noun («وزارة الصحة»: «مشيراً» cannot continue it), else None."""
        record = self.registry.records[index]
        if record.type in _BODY_TYPES and not record.name_tokens and record.mentions and \
                self._feminine_head(*record.mentions[0]):
            return "f"
        if record.type == "anonymous" and record.title and record.mentions:
            # A relative: «والدة», «زوجته», «ابنتها» are women, «والده», «زوجها» men; the original text tells «ة»
            # from the «ه» of «his».
            doc = self.detection.doc
            start = doc.to_original(record.mentions[0][0])
            word = _PRONOUN_SUFFIX.sub("", doc.original[start:].split(maxsplit=1)[0]) if doc.original[start:].strip() else ""
            return "f" if word.endswith(("ة", "ت")) else "m" if word else None
        if record.type not in ("named_person", "official_unnamed"):
            return None
        gender = self._name_gender(record.name_tokens)
        if gender is not None:
            return gender
        # A masculine title says nothing: «رئيس اللجنة أميمة عزوز» is a woman.
        return "f" if record.title and record.title.split()[0] in self.lexicon.feminine_titles else None

    def _person_before(self, cue_start: int) -> int | None:
        paragraph = self.detection.layout.paragraphs[self.detection.layout.paragraph_of(cue_start)]
        if self.last_source is not None and any(paragraph[0] <= s < cue_start
                                                for s, _ in self.registry.records[self.last_source].mentions):
            return None  # the paragraph already has an explicit speaker: continuation takes it
        nearest = None
        for start in sorted(self.reader.np_matches):
            rule = self.reader.np_matches[start].rule
            if paragraph[0] <= start < cue_start and rule.category == "title" and rule.source_type is None:
                nearest = start  # a relative («ابنه كيفر…») is introduced as whose son, not as the speaker
        if nearest is None:
            return None
        _, end = _sentence_bounds(self.detection, nearest)
        phrases, _ = self.reader.read(nearest, min(end, cue_start))
        if not phrases or phrases[0].type != "named_person":
            return None
        index, phrase = self.registry.resolve(phrases[0])
        if index is None or phrase is None:
            return None
        return self._mention(index, phrase)

    def _told(self, cue: Match, start: int, end: int) -> None:
        """A "told X" form speaks for the attribution nearest to it in its sentence; a relaying verb («بيان
        نقلته وكالة الأنباء») names the outlet that carried the text, which is its source but, being read
        after the other cues, never takes over the voice of the article's speakers."""
        sentence = _sentence_bounds(self.detection, start)
        if cue.rule.kind == "verb":
            outlets = [(i, p) for i, p in self._resolve(self.reader.read(cue.end, sentence[1])[0][:1])
                       if p.type in ("named_media", "self")]
            if outlets:
                index, phrase = outlets[0]
                self._mention(index, phrase)
                self._record_use(index, start, end, "neutral")
                self.attributions.append(LinkedAttribution(cue, start, end, "told", "neutral", False, index,
                                                           (phrase.start, phrase.end), None, False))
                return
        near = [a for a in self.attributions if sentence[0] <= a.cue_start < sentence[1] and a.label != "told"]
        if near:
            closest = min(near, key=lambda a: abs(a.cue_start - start))
            self.attributions.append(LinkedAttribution(cue, start, end, "told", "neutral", True, closest.source,
                                                       closest.mention, closest.content, True))
            if closest.source is not None:
                self._record_use(closest.source, start, end, "neutral")
            return
        self._carry(cue, start, end, "told", "neutral", _content(self.detection, start, end, sentence), sentence)


def link(detection: Detection, lexicon: Lexicon, own_outlets: frozenset[str] = frozenset()) -> Linking:
    """Attributions and sources of one article; `own_outlets` are the entity ids of the outlet that
    published it (its own name is the outlet itself speaking)."""
    linker = _Linker(detection, lexicon, own_outlets)
    cues = sorted(detection.category("cue"), key=lambda m: m.start)
    told = _told_cues(detection, cues)
    # Whom a source spoke to is not a source: the outlet after «لـ» or after «في تصريح لـ» is never read
    # as a subject.
    for start, match in told:
        linker.reader.np_matches.pop(match.start, None)
        end = _skip(_CLOSING_QUOTE, linker.text, match.end)
        if match.rule.category == "media_head":
            # «وقال لشبكة بي بي سي إن…», «لقناة "العربية"»: the channel's name belongs to whom he told too.
            channel = linker.reader.np_matches.get(_skip(_OPENING_MARKS, linker.text, end))
            if channel is not None and channel.rule.source_type == "named_media":
                linker.reader.np_matches.pop(channel.start)
                end = _skip(_CLOSING_QUOTE, linker.text, channel.end)
        linker.reader.recipients[start] = end
        linker.reader.recipients[match.start] = end
    linker.reader.told_starts.update(cue.start for cue in cues if cue.rule.label == "told")
    for cue in cues:
        if cue.rule.label == "told" and cue.rule.kind != "verb":
            outlet = _TOKEN.search(linker.text, cue.end)
            if outlet is not None:
                position = outlet.start() if outlet.group() not in _QUOTE_OPEN else outlet.end()
                linker.reader.np_matches.pop(position, None)
    linker.link(cues, told)
    linker.attributions.sort(key=lambda a: a.cue_start)
    _mark_anonymity_reasons(detection, linker.registry.records)
    return Linking(linker.attributions, linker.registry.records, linker.mentions, [m for _, m in told])


def _mark_anonymity_reasons(detection: Detection, records: list[SourceRecord]) -> None:
    reasons = detection.category("anonymity_reason")
    if not reasons:
        return
    for record in records:
        if OPACITY.get(record.type, 0) < 2:
            continue
        for start, _ in record.mentions:
            sentence = _sentence_bounds(detection, start)
            if any(sentence[0] <= r.start < sentence[1] for r in reasons):
                record.anonymity_reason = True
                break
