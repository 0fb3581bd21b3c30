"""Lexicons: declarative YAML rules, strictly validated, compiled into one scanner.

A rule has a `kind` from a closed set (phrase, verb, pattern, entity) that says how its surface forms are
written, and a `category` that says what a match means. LEXICON_SCHEMA.md (lexicons/SCHEMA.md) is the
reference; every problem is reported as `path:line: message`.
"""

from __future__ import annotations

import hashlib
import re
import re._constants as _sre  # the documented-in-source parse tree of `re`; see pattern_start
import re._parser as _sre_parser
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from audit.errors import LexiconError
from audit.normalize import TABLE, normalize, normalize_chars
from audit.results import SOURCE_TYPES, STANCES

KINDS = ("phrase", "verb", "pattern", "entity")
CATEGORIES = (
    "cue",
    "source",
    "title",
    "org_head",
    "media_head",
    "document_head",
    "agentless",
    "hedge",
    "booster",
    "anonymity_reason",
    "claim_marker",
    "stopword",
    "given_name",
    "provenance",
    "boilerplate",
    "loaded",
    "writer_voice",
)
CUE_LABELS = (*STANCES, "according_to", "told")
EXTENTS = ("match", "line", "paragraph", "to_end")
PROCLITICS = "وفبلك"
DEFAULT_PREFIXES = {"entity": "وفبلك"}
# Stopwords are only looked up word by word inside a candidate noun phrase; every other category is
# scanned (given names too: their positions tell where people are named).
WORD_LISTS = frozenset({"stopword", "given_name"})
SCANNED = frozenset(CATEGORIES) - {"stopword"}

_COMMON_KEYS = {"id", "kind", "category", "label", "examples", "note"}
_KIND_KEYS = {
    "phrase": {"phrases", "prefixes", "unless_next", "unless_prev", "if_next", "original_pattern"},
    "verb": {"past", "present", "participle", "forms", "objects", "prefixes", "unless_next", "unless_prev", "if_next",
             "original_pattern"},
    "pattern": {"pattern", "original_pattern", "prefixes", "unless_prev"},
    "entity": {"name", "variants", "type", "country", "ambiguous", "prefixes"},
}
_CATEGORY_KEYS = {
    "cue": {"continuation", "document_before", "clause"},
    "source": {"type"},
    "title": {"type", "relational"},
    "boilerplate": {"extent", "whole_line", "max_line_words"},
}
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


@dataclass(frozen=True)
class Rule:
    """One validated lexicon rule."""

    id: str
    kind: str
    category: str
    label: str
    path: str
    line: int
    surfaces: tuple[str, ...] = ()
    """Normalized surface forms (phrase, verb, entity); empty for patterns."""
    imperfect: frozenset[str] = frozenset()
    """The surfaces of a verb rule generated from its present (imperfect) form."""
    objects: frozenset[str] = frozenset()
    """The surfaces of a reporting verb with an object pronoun attached («أعلنه», «نشرتها», «ينفيه»)."""
    pattern: re.Pattern[str] | None = None
    prefixes: str = "وف"
    unless_next: frozenset[str] = frozenset()
    unless_prev: frozenset[str] = frozenset()
    if_next: frozenset[str] = frozenset()
    original_pattern: re.Pattern[str] | None = None
    """When set, the original (diacritized) text of a match must match this too."""
    source_type: str | None = None
    name: str | None = None
    country: str | None = None
    ambiguous: bool = False
    relational: bool = False
    """A title that names whose relative someone is («والد الرهينة»): a name after its complement is theirs."""
    continuation: bool = False
    document_before: bool = False
    """A cue whose source is the text named before it in its sentence («… برقية شكر، فيما يلي نصها:»)."""
    clause: bool = False
    """A verb that reports only when what was said follows it («يرى الخبراء أن…», «كما يرى البعض»); with a
    plain object it is another verb («رأى أعرابية», «يرون الفيلم»)."""
    extent: str = "match"
    whole_line: bool = False
    max_line_words: int | None = None
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    contextual: bool = field(init=False)
    """Whether a match also depends on its surroundings, not only on its letters."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "contextual", bool(
            self.unless_next or self.unless_prev or self.if_next or self.whole_line or self.max_line_words
            or self.original_pattern is not None or self.ambiguous))


# ---------------------------------------------------------------------------------------------- YAML


# libyaml's safe loader when PyYAML was built with it (every wheel is): the same nodes, ten times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in
                        ("str", "int", "float", "bool", "null", "seq", "map"))


class _Node:
    """A YAML value with the line it started on (1-based)."""

    __slots__ = ("value", "line", "key_lines")

    def __init__(self, value: Any, line: int, key_lines: dict[str, int] | None = None):
        self.value = value
        self.line = line
        self.key_lines = key_lines or {}


def _to_python(node: yaml.Node, path: str, problems: list[str]) -> Any:
    """Convert a composed (safe) YAML node to plain values, keeping lines for mappings and sequences."""
    line = node.start_mark.line + 1
    if node.tag not in _PLAIN_TAGS:
        raise yaml.constructor.ConstructorError(None, None, f"the YAML tag {node.tag!r} is not allowed in a lexicon",
                                                node.start_mark)
    if isinstance(node, yaml.MappingNode):
        value: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = _to_python(key_node, path, problems)
            key = key.value if isinstance(key, _Node) else key
            if not isinstance(key, str):
                problems.append(f"{path}:{key_node.start_mark.line + 1}: keys must be strings, got {key!r}")
                continue
            if key in value:
                problems.append(f"{path}:{key_node.start_mark.line + 1}: duplicate key '{key}'")
            value[key] = _to_python(value_node, path, problems)
            key_lines[key] = key_node.start_mark.line + 1
        return _Node(value, line, key_lines)
    if isinstance(node, yaml.SequenceNode):
        return _Node([_to_python(item, path, problems) for item in node.value], line)
    constructor = yaml.constructor.SafeConstructor()
    return constructor.construct_object(node, deep=True)


def _plain(value: Any) -> Any:
    if isinstance(value, _Node):
        if isinstance(value.value, dict):
            return {k: _plain(v) for k, v in value.value.items()}
        if isinstance(value.value, list):
            return [_plain(v) for v in value.value]
        return value.value
    return value


def _load_yaml(path: Path, problems: list[str]) -> _Node | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"{path}:1: not UTF-8 ({error.reason} at byte {error.start})")
        return None
    except OSError as error:
        problems.append(f"{path}:1: cannot read ({error.strerror})")
        return None
    try:
        node = yaml.compose(text, Loader=_SAFE_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problems.append(f"{path}:{line}: YAML syntax error: {error.problem or error}")
        return None
    except yaml.YAMLError as error:
        problems.append(f"{path}:1: YAML error: {error}")
        return None
    if node is None:
        problems.append(f"{path}:1: empty file: expected a mapping with a 'rules' list")
        return None
    try:
        return _to_python(node, str(path), problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or node.start_mark
        problems.append(f"{path}:{mark.line + 1}: {error.problem}")
        return None


# ----------------------------------------------------------------------------------- surface forms


def normalize_surface(text: str) -> str:
    """A lexicon phrase as the scanner sees it: normalized, single-spaced."""
    return " ".join(normalize_chars(text).split())


def verb_forms(past: str, present: str) -> list[str]:
    """Third-person inflections of a reporting verb from its 3ms past and present forms.

    Defective verbs (ادّعى / يدّعي, دعا / يدعو) drop their final vowel letter before plural endings.
    """
    past, present = normalize_surface(past), normalize_surface(present)
    forms: set[str] = set()
    if past:
        if past.endswith("ي"):  # ى is normalized to ي: ادعى → ادعت، ادعوا، ادعيا
            stem = past[:-1]
            forms |= {past, stem + "ت", stem + "وا", past + "ا", stem + "تا", past + "ن"}
        elif past.endswith("ا"):  # دعا → دعت، دعوا، دعتا
            stem = past[:-1]
            forms |= {past, stem + "ت", stem + "وا", stem + "تا"}
        else:
            forms |= {past, past + "ت", past + "وا", past + "ا", past + "تا", past + "ن"}
    if present:
        body = present[1:] if present[0] in "يت" else present
        for person in "يت":
            stem = person + body
            forms.add(stem)
            forms.add(stem + "ان")
            if person == "ي":  # «تقولون» is «you say»: the plural in «ون» is third person with «ي» only
                forms.add((stem[:-1] if stem.endswith(("ي", "و")) else stem) + "ون")  # يدعي، يدعو → يدعون
        forms.add("ي" + body + "ن")
    return sorted(forms)


def object_forms(past: str, present: str) -> list[str]:
    """A reporting verb with a third-person object pronoun attached: «أعلنه», «نشرتها», «قالوه», «ينفيه»,
    «يشيعونه». The plural's silent alef drops (قالوا → قالوه) and a defective past takes its alef back
    (نفى → نفاه)."""
    past, present = normalize_surface(past), normalize_surface(present)
    bases: set[str] = set()
    if past:
        if past.endswith(("ي", "ا")):  # ى is normalized to ي: نفى → نفاه، نفته، نفوه
            stem = past[:-1]
            bases |= {stem + "ا", stem + "ت", stem + "و"}
        else:
            bases |= {past, past + "ت", past + "و"}
    if present:
        body = present[1:] if present[0] in "يت" else present
        for person in "يت":
            stem = person + body
            bases.add(stem)
            if person == "ي":  # not «تقولونه», you say it
                bases.add((stem[:-1] if stem.endswith(("ي", "و")) else stem) + "ون")
    return sorted(base + pronoun for base in bases for pronoun in ("ه", "ها", "هم"))


def participle_forms(participle: str) -> list[str]:
    """مشير → مشير، مشيرا، مشيره، مشيرين، مشيرات، مشيرتين (tanween alef and ة/ه included)."""
    stem = normalize_surface(participle)
    return [stem, stem + "ا", stem + "ه", stem + "ين", stem + "ات", stem + "تين", stem + "ان"]


# Patterns are normalized like text except ASCII, so that regex syntax (\\W, \\S, \\D) survives; Latin
# letters in a pattern are written lowercase, as the scanned text is.
_PATTERN_TABLE = {code: value for code, value in TABLE.items() if code >= 0x80}


def _compile_user_pattern(source: str) -> re.Pattern[str]:
    return re.compile(source.translate(_PATTERN_TABLE))


# ---------------------------------------------------------------------------------------- validate


def _str_list(rule: dict[str, Any], key: str, where: str, problems: list[str], required: bool) -> list[str]:
    value = rule.get(key)
    if value is None:
        if required:
            problems.append(f"{where}: missing '{key}'")
        return []
    items = value if isinstance(value, list) else None
    if items is None or not items or not all(isinstance(v, str) and v.strip() for v in items):
        problems.append(f"{where}: '{key}' must be a non-empty list of non-empty strings")
        return []
    return items


def _validate_rule(node: _Node, path: str, problems: list[str]) -> Rule | None:
    if not isinstance(node.value, dict):
        problems.append(f"{path}:{node.line}: a rule must be a mapping")
        return None
    raw = {k: _plain(v) for k, v in node.value.items()}
    line = node.line
    where = f"{path}:{line}"
    before = len(problems)

    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _ID_RE.match(rule_id):
        problems.append(f"{where}: 'id' must be a lowercase identifier like 'cues.qala', got {rule_id!r}")
        rule_id = None
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: 'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
        return None
    category = raw.get("category")
    if category not in CATEGORIES:
        problems.append(f"{where}: 'category' must be one of {', '.join(CATEGORIES)}, got {category!r}")
        return None

    allowed = _COMMON_KEYS | _KIND_KEYS[kind] | _CATEGORY_KEYS.get(category, set())
    for key in raw:
        if key not in allowed:
            key_line = node.key_lines.get(key, line)
            problems.append(
                f"{path}:{key_line}: unknown key '{key}' for a {kind} rule of category {category}"
                f" (allowed: {', '.join(sorted(allowed))})"
            )

    label = raw.get("label", "")
    if not isinstance(label, str):
        problems.append(f"{where}: 'label' must be a string")
        label = ""
    if category == "cue" and label not in CUE_LABELS:
        problems.append(f"{where}: a cue's 'label' must be one of {', '.join(CUE_LABELS)}, got {label!r}")

    fields: dict[str, Any] = {}
    prefixes = raw.get("prefixes", DEFAULT_PREFIXES.get(kind, "وف"))
    if not isinstance(prefixes, str) or any(ch not in PROCLITICS for ch in prefixes):
        problems.append(f"{where}: 'prefixes' must be letters from '{PROCLITICS}', got {prefixes!r}")
        prefixes = ""
    fields["prefixes"] = prefixes
    for key in ("unless_next", "unless_prev", "if_next"):
        if key in raw:
            fields[key] = frozenset(normalize_surface(w) for w in _str_list(raw, key, where, problems, True))
    if "original_pattern" in raw:
        try:
            fields["original_pattern"] = re.compile(str(raw["original_pattern"]))
        except re.error as error:
            problems.append(f"{where}: 'original_pattern' does not compile: {error}")

    surfaces: list[str] = []
    if kind == "phrase":
        surfaces = [normalize_surface(p) for p in _str_list(raw, "phrases", where, problems, True)]
    elif kind == "verb":
        past, present = raw.get("past", ""), raw.get("present", "")
        if not isinstance(past, str) or not isinstance(present, str):
            problems.append(f"{where}: 'past' and 'present' must be strings")
        elif not (past or present or "forms" in raw):
            problems.append(f"{where}: a verb rule needs 'past', 'present' or 'forms'")
        else:
            surfaces = verb_forms(past, present)
            fields["imperfect"] = frozenset(verb_forms("", present)) if present else frozenset()
            objects = raw.get("objects", False)
            if not isinstance(objects, bool):
                problems.append(f"{where}: 'objects' must be true or false")
            elif objects:
                fields["objects"] = frozenset(object_forms(past, present)) - set(surfaces)
                surfaces += sorted(fields["objects"])
        if "participle" in raw:
            if isinstance(raw["participle"], str) and raw["participle"].strip():
                surfaces += participle_forms(raw["participle"])
            else:
                problems.append(f"{where}: 'participle' must be a string")
        if "forms" in raw:
            surfaces += [normalize_surface(f) for f in _str_list(raw, "forms", where, problems, True)]
    elif kind == "pattern":
        source = raw.get("pattern")
        if not isinstance(source, str) or not source:
            problems.append(f"{where}: a pattern rule needs 'pattern' as a non-empty string")
        else:
            try:
                compiled = _compile_user_pattern(source)
            except re.error as error:
                problems.append(f"{where}: pattern does not compile: {error}")
            else:
                if compiled.search("") is not None:
                    problems.append(f"{where}: pattern matches the empty string")
                if _opens_with_lookaround(compiled):
                    problems.append(f"{where}: pattern begins with a lookaround, so it is tried at every position of "
                                    "every article; begin with its first letter and check what comes before "
                                    "after it («م(?<![0-9] م)» rather than «(?<![0-9] )م»)")
                fields["pattern"] = compiled
    elif kind == "entity":
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}: an entity needs a 'name'")
        fields["name"] = name
        surfaces = [normalize_surface(v) for v in _str_list(raw, "variants", where, problems, True)]
        if isinstance(name, str) and normalize_surface(name) not in surfaces:
            surfaces.append(normalize_surface(name))
        country = raw.get("country")
        if country is not None and not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}|intl", country)):
            problems.append(f"{where}: 'country' must be an ISO 3166 alpha-2 code or 'intl', got {country!r}")
        fields["country"] = country
        ambiguous = raw.get("ambiguous", False)
        if not isinstance(ambiguous, bool):
            problems.append(f"{where}: 'ambiguous' must be true or false")
        fields["ambiguous"] = bool(ambiguous)
        if category != "source":
            problems.append(f"{where}: entity rules must have category 'source'")

    if kind == "entity" or category == "source" or (category == "title" and "type" in raw):
        source_type = raw.get("type")
        if source_type not in SOURCE_TYPES:
            problems.append(f"{where}: 'type' must be one of {', '.join(SOURCE_TYPES)}, got {source_type!r}")
        fields["source_type"] = source_type
    if category == "title" and "relational" in raw:
        if not isinstance(raw["relational"], bool):
            problems.append(f"{where}: 'relational' must be true or false")
        fields["relational"] = bool(raw["relational"])
    if category == "cue":
        continuation = raw.get("continuation", False)
        if not isinstance(continuation, bool):
            problems.append(f"{where}: 'continuation' must be true or false")
        fields["continuation"] = bool(continuation)
        document_before = raw.get("document_before", False)
        if not isinstance(document_before, bool):
            problems.append(f"{where}: 'document_before' must be true or false")
        fields["document_before"] = bool(document_before)
        clause = raw.get("clause", False)
        if not isinstance(clause, bool):
            problems.append(f"{where}: 'clause' must be true or false")
        fields["clause"] = bool(clause)
    if category == "boilerplate":
        extent = raw.get("extent", "match")
        if extent not in EXTENTS:
            problems.append(f"{where}: 'extent' must be one of {', '.join(EXTENTS)}, got {extent!r}")
        fields["extent"] = extent
        whole_line = raw.get("whole_line", False)
        if not isinstance(whole_line, bool):
            problems.append(f"{where}: 'whole_line' must be true or false")
        fields["whole_line"] = bool(whole_line)
        max_words = raw.get("max_line_words")
        if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
            problems.append(f"{where}: 'max_line_words' must be a positive integer")
        fields["max_line_words"] = max_words

    bad_surfaces = [s for s in surfaces if not s]
    if bad_surfaces:
        problems.append(f"{where}: a phrase is empty once normalized")

    examples = raw.get("examples")
    match_examples: list[str] = []
    no_match_examples: list[str] = []
    if not isinstance(examples, dict):
        problems.append(f"{where}: 'examples' with 'match' and 'no_match' lists is required")
    else:
        for key in examples:
            if key not in ("match", "no_match"):
                problems.append(f"{where}: unknown key '{key}' in examples (allowed: match, no_match)")
        example_where = f"{path}:{node.key_lines.get('examples', line)}"
        match_examples = _str_list(examples, "match", example_where, problems, True)
        no_match_examples = _str_list(examples, "no_match", example_where, problems, True)

    if len(problems) > before or rule_id is None:
        return None
    return Rule(
        id=rule_id,
        kind=kind,
        category=category,
        label=label,
        path=path,
        line=line,
        surfaces=tuple(dict.fromkeys(surfaces)),
        examples_match=tuple(match_examples),
        examples_no_match=tuple(no_match_examples),
        **fields,
    )


def _rules_in_file(path: Path, problems: list[str]) -> list[Rule]:
    document = _load_yaml(path, problems)
    if document is None:
        return []
    if not isinstance(document.value, dict) or "rules" not in document.value:
        problems.append(f"{path}:{document.line}: expected a mapping with a 'rules' list")
        return []
    for key in document.value:
        if key != "rules":
            problems.append(f"{path}:{document.key_lines.get(key, 1)}: unknown top-level key '{key}'")
    rules_node = document.value["rules"]
    if not isinstance(rules_node, _Node) or not isinstance(rules_node.value, list):
        problems.append(f"{path}:{document.key_lines.get('rules', 1)}: 'rules' must be a list")
        return []
    rules = []
    for item in rules_node.value:
        if not isinstance(item, _Node):
            problems.append(f"{path}:{rules_node.line}: each rule must be a mapping, got {item!r}")
            continue
        rule = _validate_rule(item, str(path), problems)
        if rule is not None:
            rules.append(rule)
    return rules


def builtin_lexicon_dir() -> Path:
    """The lexicons shipped with the package: `audit/_lexicons` once installed (pyproject maps the
    repository's `lexicons/` there); imported from a checkout, the package sits next to `lexicons/`."""
    package = Path(__file__).resolve().parent
    installed = package / "_lexicons"
    return installed if installed.is_dir() else package.parent / "lexicons"


def lexicon_files(directories: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for directory in directories:
        directory = Path(directory)
        if directory.is_file():
            files.append(directory)
        elif directory.is_dir():
            files.extend(sorted(p for p in directory.iterdir() if p.suffix in (".yml", ".yaml")))
        else:
            raise LexiconError([f"{directory}:0: no such lexicon directory or file"])
    return files


# ----------------------------------------------------------------------------------------- scanner


class Match:
    """A rule firing on the normalized text: `[start, end)` covers prefix clitics and the surface.

    A plain class rather than a NamedTuple: an article makes a hundred of these, and compiled (setup.py)
    a plain class is built natively while a NamedTuple goes through its interpreted constructor.
    """

    __slots__ = ("rule", "start", "end", "prefix")

    def __init__(self, rule: Rule, start: int, end: int, prefix: str) -> None:
        self.rule = rule
        self.start = start
        self.end = end
        self.prefix = prefix  # the attached proclitics matched before the surface (e.g. 'و' in وقال)

    @property
    def core_start(self) -> int:
        return self.start + len(self.prefix)

    def _fields(self) -> tuple[Rule, int, int, str]:
        return self.rule, self.start, self.end, self.prefix

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Match) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Match(rule={self.rule.id!r}, start={self.start}, end={self.end}, prefix={self.prefix!r})"


def _trie_regex(words: Iterable[str]) -> str:
    """An alternation of `words` factored into a character trie so the regex engine branches once per
    character instead of trying every word at every position."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict[str, Any]) -> str:
        ending = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ending else body

    return emit(trie)


_WORD_RUN = re.compile(r"\S+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") else word
_NEXT_WORD = re.compile(r"[\s«»\"“”،,()]*(\w+|:)")
_QUOTE_MARKS = frozenset("«»\"“”")


@dataclass
class Lexicon:
    """Validated rules compiled for scanning. Build with `load_lexicon`."""

    rules: tuple[Rule, ...]
    files: tuple[str, ...]
    version: str
    """Hash of the rules' content: a trained model records it and refuses other lexicons."""
    # Everything below is derived from the rules in __post_init__.
    stopwords: dict[str, str] = field(init=False)
    """Normalized word or two-word phrase → `stop` (ends a noun phrase) or `skip` (stepped over)."""
    stopword_pair_heads: frozenset[str] = field(init=False)
    """First words of the two-word stopwords («من جانبه»): only these need a look at the next word."""
    given_names: frozenset[str] = field(init=False)
    given_name_pair_heads: frozenset[str] = field(init=False)
    """First words of the two-word given names («عبد الكريم»)."""
    female_names: frozenset[str] = field(init=False)
    """Given names of rules labelled `female`: a continuation verb agrees with its speaker's gender."""
    feminine_titles: frozenset[str] = field(init=False)
    """Titles without the article whose masculine is a title too («وزيره», «مديره»: normalized «ة»)."""
    word_lists: dict[str, frozenset[str]] = field(init=False)
    """Other stopword lists by label: `title_link`, `not_reported`."""
    _forms: dict[str, list[tuple[Rule, str]]] = field(init=False, repr=False)
    """Every surface with every proclitic string its rule allows → (rule, proclitics)."""
    _scanner: re.Pattern[str] | None = field(init=False, repr=False)
    _pattern_rules: tuple[Rule, ...] = field(init=False, repr=False)
    """Pattern rules that are run over the whole text."""
    _triggers: dict[str, list[tuple[Rule, str]]] = field(init=False, repr=False)
    """A pattern that starts with a fixed word («قد» in «قد\\s+…») is tried only where the scanner meets
    that word: word (with proclitics) → (rule, proclitics)."""
    _anchored: tuple[Rule, ...] = field(init=False, repr=False)
    """Patterns anchored at the start of the text (\\A), tried there only."""
    media_heads: frozenset[str] = field(init=False, repr=False)
    """Nouns that introduce an outlet's name («صحيفة», «وكالة», «قناة»)."""
    country_adjectives: frozenset[str] = field(init=False, repr=False)
    """Nisba adjectives of the countries, from their «الحكومة …» variants («المصرية», «المصري»)."""
    _arabic_first_words: frozenset[str] = field(init=False, repr=False)
    _pronoun_forms: frozenset[str] = field(init=False, repr=False)
    """Verb forms ending in the object pronoun «ه» (with proclitics): normalized, «أشاره» is also the noun
    «إشارة», so the original text must show «ه», not «ة»."""

    def __post_init__(self) -> None:
        self.stopwords, self.word_lists, self._triggers, self._scanner = {}, {}, {}, None
        surfaces: set[str] = set()
        forms: dict[str, list[tuple[Rule, str]]] = {}
        names: set[str] = set()
        female: set[str] = set()
        pronoun_forms: set[str] = set()
        for rule in self.rules:
            if rule.category == "stopword":
                label = rule.label or "stop"
                if label in ("stop", "skip"):
                    for surface in rule.surfaces:
                        self.stopwords[surface] = label
                else:
                    self.word_lists[label] = self.word_lists.get(label, frozenset()) | set(rule.surfaces)
                continue
            if rule.category == "given_name":
                names.update(rule.surfaces)
                if rule.label == "female":
                    female.update(rule.surfaces)
            if rule.kind == "pattern":
                continue
            allowed = _prefix_strings(rule.prefixes)
            for surface in rule.surfaces:
                surfaces.add(surface)
                for prefix in allowed:
                    forms.setdefault(prefix + surface, []).append((rule, prefix))
                    if surface in rule.objects and surface.endswith("ه"):
                        pronoun_forms.add(prefix + surface)
                    # ل + ال is written لل (للأمم المتحدة): the alef drops after the lam proclitic. The
                    # article's lam is counted with the proclitics, so «للبيان» has the core «بيان» and
                    # is the same source as «البيان»; «لل» in a prefix marks the contraction.
                    if prefix.endswith("ل") and surface.startswith("ال") and len(surface) > 2:
                        forms.setdefault(prefix + surface[1:], []).append((rule, prefix + "ل"))
        self.given_names, self.female_names = frozenset(names), frozenset(female)
        titles = {_strip_article(s) for r in self.rules if r.category == "title" for s in r.surfaces}
        self.feminine_titles = frozenset(t for t in titles if t.endswith("ه") and t[:-1] in titles)
        self.stopword_pair_heads = frozenset(key.split()[0] for key in self.stopwords if " " in key)
        self.given_name_pair_heads = frozenset(name.split()[0] for name in self.given_names if " " in name)
        self.media_heads = frozenset(s for r in self.rules if r.category == "media_head" for s in r.surfaces)
        feminine = {s.split()[1] for r in self.rules if r.source_type == "country_or_government" for s in r.surfaces
                    if s.startswith("الحكومه ") and s.endswith("يه")}
        self.country_adjectives = frozenset(feminine | {f[:-1] for f in feminine})
        self._arabic_first_words = frozenset(s.split()[0] for r in self.rules if r.ambiguous for s in r.surfaces
                                             if _ARABIC_LETTER.search(s))
        self._forms, self._pronoun_forms = forms, frozenset(pronoun_forms)
        scanned, anchored = [], []
        for rule in self.rules:
            if rule.kind != "pattern" or rule.category not in SCANNED:
                continue
            start = pattern_start(rule.pattern)  # type: ignore[arg-type]
            if start == "anchored":
                anchored.append(rule)
            elif start:
                for word in start:
                    surfaces.add(word)
                    for prefix in _prefix_strings(rule.prefixes):
                        self._triggers.setdefault(prefix + word, []).append((rule, prefix))
            else:
                scanned.append(rule)
        self._pattern_rules, self._anchored = tuple(scanned), tuple(anchored)
        if surfaces:
            # Proclitics are read greedily so the longest phrase wins (ل+وكالة الصحافة الفرنسية); the
            # matched string is then looked up whole, and a multi-word match also tries its shorter word
            # prefixes, so the split the regex chose does not matter (بلا شك: ب+لا شك or بلا شك).
            body = _trie_regex(sorted(surfaces | {"ل" + s[2:] for s in surfaces if s.startswith("ال")}))
            self._scanner = re.compile(r"(?<!\w)[وف]?[بلك]?(?:" + body + r")(?!\w)")

    def scan(self, text: str, original: Any = None) -> list[Match]:
        """Every rule firing in the normalized `text`, sorted by start then longest first.

        `original` (a NormalizedText) lets rules with an `original_pattern` check the diacritized text.
        """
        matches: list[Match] = []
        forms, triggers = self._forms, self._triggers
        if self._scanner is not None:
            for found in self._scanner.finditer(text):
                word = found.group()
                start, end = found.span()
                if " " in word or "\n" in word or "\t" in word:
                    self._multiword(text, start, end, original, matches)
                    continue
                if word in triggers:
                    self._triggered(triggers[word], text, start, original, matches)
                entries = forms.get(word)
                if entries is None:
                    continue
                if len(entries) == 1 and not entries[0][0].contextual and word not in self._pronoun_forms:
                    matches.append(Match(entries[0][0], start, end, entries[0][1]))
                else:
                    self._accept(entries, text, start, end, original, matches)
        for rule in self._anchored:
            opening = rule.pattern.match(text)  # type: ignore[union-attr]
            if opening is not None:
                self._pattern_match(rule, opening, text, original, matches)
        for rule in self._pattern_rules:
            for found in rule.pattern.finditer(text):  # type: ignore[union-attr]
                self._pattern_match(rule, found, text, original, matches)
        matches.sort(key=lambda m: (m.start, -m.end, m.rule.id))
        return matches

    def _triggered(self, entries: list[tuple[Rule, str]], text: str, start: int, original: Any,
                   matches: list[Match]) -> None:
        for rule, prefix in entries:
            found = rule.pattern.match(text, start + len(prefix))  # type: ignore[union-attr]
            if found is not None:
                self._pattern_match(rule, found, text, original, matches)

    def _pattern_match(self, rule: Rule, found: re.Match[str], text: str, original: Any,
                       matches: list[Match]) -> None:
        reported = "match" in found.re.groupindex
        start, end = found.span("match") if reported else found.span()
        if end == start:
            return
        if text[start].isalnum():
            # Patterns start on a word boundary, after at most the rule's proclitics (وقد يكون).
            before = start
            while before > start - 2 and before > 0 and text[before - 1] in rule.prefixes:
                before -= 1
            if before > 0 and (text[before - 1].isalnum() or text[before - 1] == "_"):
                return
            start = before
        if rule.contextual and not self._context_ok(rule, text, start, end, original):
            return
        matches.append(Match(rule, start, end, text[start:max(start, found.start())]))

    def _multiword(self, text: str, start: int, end: int, original: Any, matches: list[Match]) -> None:
        """A phrase match; shorter phrases at the same place may belong to other categories (the media head
        «وكالة الأنباء» inside an outlet's full name), so each word-prefix of the match is looked up too."""
        words = [(w.group(), w.end()) for w in _WORD_RUN.finditer(text, start, end)]
        for index, (word, word_end) in enumerate(words):
            if word in self._triggers:
                self._triggered(self._triggers[word], text, word_end - len(word) if index else start, original,
                                matches)
        taken: set[str] = set()
        for count in range(len(words), 0, -1):
            key = " ".join(w for w, _ in words[:count])
            entries = self._forms.get(key)
            if entries is not None:
                taken |= self._accept(entries, text, start, words[count - 1][1], original, matches, taken)

    def _accept(self, entries: list[tuple[Rule, str]], text: str, start: int, end: int, original: Any,
                matches: list[Match], taken: set[str] | frozenset[str] = frozenset()) -> set[str]:
        """Append the entries that hold here, except categories a longer phrase already took; return the
        categories added."""
        added: set[str] = set()
        for rule, prefix in entries:
            if rule.category in taken:
                continue
            if (rule.contextual or rule.objects) and not self._context_ok(rule, text, start, end, original, prefix):
                continue
            matches.append(Match(rule, start, end, prefix))
            added.add(rule.category)
        return added

    def _context_ok(self, rule: Rule, text: str, start: int, end: int, original: Any, prefix: str = "") -> bool:
        if (rule.unless_next or rule.unless_prev or rule.if_next) and _vetoed(rule, text, start, end):
            return False
        if (rule.whole_line or rule.max_line_words) and not _line_ok(rule, text, start, end):
            return False
        if rule.original_pattern is not None and not _original_ok(rule, original, start, end):
            return False
        if rule.objects and text[start:end] in self._pronoun_forms and original is not None and \
                original.original[original.to_original(end - 1)] == "ة":
            return False
        if rule.ambiguous:
            core = start + len(prefix)
            surface = text[core:end]
            gated = self._gated(surface) or prefix.endswith("لل") or (prefix.endswith("ل") and surface.startswith("ل"))
            if gated and not self._introduced(text, core, end):
                return False
        return True

    def _gated(self, surface: str) -> bool:
        """Bare Arabic names of ambiguous outlets need an introduction; full names such as
        «الوكالة الوطنية العراقية للأنباء» and Latin names do not."""
        first = surface.split(None, 1)[0]
        if first not in self._arabic_first_words and not _ARABIC_LETTER.search(surface):
            return False
        return first not in self.media_heads and _strip_article(first) not in self.media_heads

    def _introduced(self, text: str, start: int, end: int) -> bool:
        """An ambiguous outlet name (الرياض، الوطن) counts inside quotation marks or brackets («وكالة (تسنيم)»)
        or after a media head."""
        before = text[max(0, start - 3):start].rstrip()
        after = text[end:end + 3].lstrip()
        if before.endswith(("«", '"', "“", "”", "(")) and after[:1] in ("»", '"', "“", "”", ")"):
            return True  # the name between the marks: «ل"الرياض" السفير…» quotes «الرياض», not «السفير»
        words = text[max(0, start - 40):start].split()
        if not words:
            return False
        word = words[-1].strip("«»\"“”")
        if word in self.media_heads or word[1:] in self.media_heads or word[2:] in self.media_heads:
            return True
        return " ".join(words[-2:]) in self.media_heads

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def _opens_with_lookaround(pattern: re.Pattern[str]) -> bool:
    """Whether a pattern begins with a lookahead or lookbehind other than the word start «(?<!\\w)», which
    keeps the regex engine from skipping ahead to where a match can begin."""
    try:
        items = list(_sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:
        return False
    if not items or items[0][0] not in (_sre.ASSERT, _sre.ASSERT_NOT):
        return False
    op, (direction, body) = items[0]
    return not (op is _sre.ASSERT_NOT and direction == -1 and
                list(body) == [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_WORD)])])


def pattern_start(pattern: re.Pattern[str]) -> frozenset[str] | str | None:
    """How a pattern begins: `"anchored"` for \\A, the set of whole words it must begin with when it
    begins with fixed letters followed by a non-letter («قد\\s+», «(?:في|خلال)\\s+»), else None (the pattern
    is run over the whole text). Only an optimization: a pattern that cannot be read is simply scanned."""
    try:
        items = list(_sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # the parser is CPython's own and may change; scanning is always correct
        return None
    if items and items[0] == (_sre.AT, _sre.AT_BEGINNING_STRING):
        return "anchored"
    if items and items[0][0] is _sre.ASSERT_NOT and items[0][1][0] == -1 and \
            list(items[0][1][1]) == [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_WORD)])]:
        items = items[1:]  # (?<!\w): the scanner only stops at word starts anyway
    words = [""]
    for index, (op, value) in enumerate(items):
        if op is _sre.LITERAL:
            words = [w + chr(value) for w in words]
        elif op is _sre.IN and all(o is _sre.LITERAL for o, _ in value):
            words = [w + chr(v) for w in words for _, v in value]
        elif op is _sre.BRANCH and all(all(o is _sre.LITERAL for o, _ in branch) for branch in value[1]):
            words = [w + "".join(chr(v) for _, v in branch) for w in words for branch in value[1]]
        elif (op in (_sre.ASSERT, _sre.ASSERT_NOT) and value[0] == -1 or op is _sre.ASSERT_NOT) and index > 0:
            # A lookbehind after the words («طالب(?<!ابي طالب)») reads back over them, a negative lookahead
            # («(?!\s+وطالب)») only forbids; neither consumes anything.
            continue
        else:
            space = (_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_SPACE)])
            ends_word = op is _sre.ASSERT or (op, value) == space or (
                op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and value[0] >= 1 and value[2][0] == space)
            if index == 0 or not ends_word or len(words) > 64:
                return None
            if not all(w and all(c.isalpha() for c in w) for w in words):
                return None
            return frozenset(words)
    return None


def _prefix_strings(allowed: str) -> list[str]:
    """The proclitic strings a rule accepts: an optional conjunction then an optional preposition."""
    conjunctions = [""] + [c for c in "وف" if c in allowed]
    prepositions = [""] + [c for c in "بلك" if c in allowed]
    return [c + p for c in conjunctions for p in prepositions]


def _vetoed(rule: Rule, text: str, start: int, end: int) -> bool:
    if rule.unless_next or rule.if_next:
        found = _NEXT_WORD.match(text, end)
        word = found.group(1) if found else ""
        if rule.unless_next and (word in rule.unless_next or (word[:1] in "وف" and word[1:] in rule.unless_next)):
            return True
        if rule.if_next and word not in rule.if_next:
            return True
    return bool(rule.unless_prev) and _previous_word(text, start) in rule.unless_prev


def _previous_word(text: str, start: int) -> str:
    """The word before `start`, over spaces and quotation marks, within 40 characters. A backward regex
    search tries every position of the window; stepping back costs a few characters."""
    limit = max(0, start - 40)
    end = start
    while end > limit and (text[end - 1].isspace() or text[end - 1] in _QUOTE_MARKS):
        end -= 1
    begin = end
    while begin > limit and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
        begin -= 1
    return text[begin:end]


_LINE_FILLER = re.compile(r"[\s:：.\-–—|•·*#>«»\"“”()]*")


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the line(s) holding `[start, end)`."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _line_ok(rule: Rule, text: str, start: int, end: int) -> bool:
    line_start, line_end = line_bounds(text, start, end)
    if rule.whole_line:
        before, after = text[line_start:start], text[end:line_end]
        if _LINE_FILLER.fullmatch(before) is None or _LINE_FILLER.fullmatch(after) is None:
            return False
    return not (rule.max_line_words and len(text[line_start:line_end].split()) > rule.max_line_words)


def _original_ok(rule: Rule, original: Any, start: int, end: int) -> bool:
    if original is None:
        return False
    span_start, span_end = original.span(start, end)
    return rule.original_pattern.search(original.original, span_start, span_end) is not None  # type: ignore


# ------------------------------------------------------------------------------------------ loading


def _check_examples(rule: Rule, lexicon: Lexicon, problems: list[str]) -> None:
    for example in rule.examples_match:
        document = normalize(example)
        if not any(m.rule is rule for m in lexicon.scan(document.text, document)):
            problems.append(f"{rule.where}: rule '{rule.id}' does not match its example {example!r}")
    for example in rule.examples_no_match:
        document = normalize(example)
        if any(m.rule is rule for m in lexicon.scan(document.text, document)):
            problems.append(f"{rule.where}: rule '{rule.id}' matches its no_match example {example!r}")


def _check_word_list_examples(rule: Rule, problems: list[str]) -> None:
    words = set(rule.surfaces)
    for example in rule.examples_match:
        if normalize_surface(example) not in words and not set(normalize_surface(example).split()) & words:
            problems.append(f"{rule.where}: rule '{rule.id}' does not match its example {example!r}")
    for example in rule.examples_no_match:
        if set(normalize_surface(example).split()) & words:
            problems.append(f"{rule.where}: rule '{rule.id}' matches its no_match example {example!r}")


def load_lexicon(extra_dirs: Iterable[Path] = (), *, include_builtin: bool = True,
                 check_examples: bool = False) -> Lexicon:
    """Load, validate and compile the built-in lexicons plus `extra_dirs`.

    Raises LexiconError listing every problem as `path:line: message`. With `check_examples`, every
    rule's own examples are run too (what `audit lexicons check` does).
    """
    builtin_files = lexicon_files([builtin_lexicon_dir()]) if include_builtin else []
    files = builtin_files + lexicon_files(Path(d) for d in extra_dirs)
    problems: list[str] = []
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for path in files:
        for rule in _rules_in_file(path, problems):
            if rule.id in seen:
                problems.append(f"{rule.where}: duplicate id '{rule.id}' (first defined at {seen[rule.id].where})")
                continue
            seen[rule.id] = rule
            rules.append(rule)
    if problems:
        raise LexiconError(problems)
    # The version covers the built-in lexicons only: a model is trained on them, and a user's additions
    # are reported as such rather than refused.
    lexicon = Lexicon(tuple(rules), tuple(str(p) for p in files), _version(builtin_files))
    if check_examples:
        for rule in rules:
            if rule.category in WORD_LISTS:
                _check_word_list_examples(rule, problems)
            else:
                _check_examples(rule, lexicon, problems)
        if problems:
            raise LexiconError(problems)
    return lexicon


def _version(files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def iter_problems(extra_dirs: Iterable[Path] = (), include_builtin: bool = True) -> Iterator[str]:
    """Every problem in the lexicons, for `audit lexicons check`; yields nothing when all is well."""
    try:
        load_lexicon(extra_dirs, include_builtin=include_builtin, check_examples=True)
    except LexiconError as error:
        yield from error.problems
