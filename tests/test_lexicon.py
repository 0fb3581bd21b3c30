"""Lexicons: strict validation with path:line messages, and every rule's own examples."""

from __future__ import annotations

import subprocess
import sys
import re
import textwrap
from pathlib import Path

import pytest

from audit.errors import LexiconError
from audit.lexicon import builtin_lexicon_dir, load_lexicon, object_forms, verb_forms
from audit.normalize import normalize

BUILTIN = load_lexicon()


def _rule_ids():
    return [rule.id for rule in BUILTIN.rules]


@pytest.mark.parametrize("rule_id", _rule_ids())
def test_every_rule_has_examples_and_they_hold(rule_id):
    rule = BUILTIN.rule(rule_id)
    assert rule.examples_match, f"{rule.where}: {rule.id} has no examples that must match"
    assert rule.examples_no_match, f"{rule.where}: {rule.id} has no examples that must not match"
    if rule.category in ("stopword", "given_name"):
        return
    for example in rule.examples_match:
        doc = normalize(example)
        assert any(m.rule is rule for m in BUILTIN.scan(doc.text, doc)), f"{rule.where}: misses {example!r}"
    for example in rule.examples_no_match:
        doc = normalize(example)
        assert not any(m.rule is rule for m in BUILTIN.scan(doc.text, doc)), f"{rule.where}: fires on {example!r}"


def _write(tmp_path: Path, body: str, name: str = "user.yml") -> Path:
    (tmp_path / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return tmp_path


def _problems(tmp_path: Path, body: str) -> list[str]:
    with pytest.raises(LexiconError) as caught:
        load_lexicon([_write(tmp_path, body)], check_examples=True)
    return caught.value.problems


GOOD_RULE = """\
rules:
  - id: user.tasrih
    kind: verb
    category: cue
    label: neutral
    past: صرّح
    present: يصرّح
    examples:
      match: ["وصرّحت المديرة"]
      no_match: ["التصريح"]
"""


def test_a_missing_example_list_is_an_error(tmp_path):
    problems = _problems(tmp_path, """\
        rules:
          - id: user.no_examples
            kind: phrase
            category: hedge
            phrases: [على الأغلب]
        """)
    assert any("user.yml:2:" in p and "examples" in p for p in problems)


def test_unknown_key_bad_value_bad_pattern_and_duplicate_id_are_reported_with_lines(tmp_path):
    problems = _problems(tmp_path, """\
        rules:
          - id: user.one
            kind: phrase
            category: hedge
            phrasez: [على الأغلب]
            examples: {match: [على الأغلب], no_match: [غالب]}
          - id: user.two
            kind: phrase
            category: nonsense
            phrases: [x]
            examples: {match: [x], no_match: [y]}
          - id: user.three
            kind: pattern
            category: hedge
            pattern: "قد ("
            examples: {match: [قد], no_match: [y]}
          - id: cues.qala
            kind: phrase
            category: hedge
            phrases: [ربما جدا]
            examples: {match: [ربما جدا], no_match: [y]}
        """)
    text = "\n".join(problems)
    assert "user.yml:5: unknown key 'phrasez'" in text
    assert "user.yml:7: 'category' must be one of" in text
    assert "user.yml:12:" in text and "does not compile" in text
    assert "user.yml:17: duplicate id 'cues.qala'" in text


def test_a_pattern_that_opens_with_a_lookaround_is_refused(tmp_path):
    problems = _problems(tmp_path, r"""
        rules:
          - id: user.slow
            kind: pattern
            category: title
            pattern: "(?<![0-9] )م\\.(?=\\s?[^\\W\\d]{2})"
            examples: {match: [م. سالم القرني], no_match: [2015 م. وقال]}
          - id: user.fast
            kind: pattern
            category: title
            pattern: "م(?<![0-9] م)\\.(?=\\s?[^\\W\\d]{2})"
            examples: {match: [م. سالم القرني], no_match: [2015 م. وقال]}
        """)
    assert [p for p in problems if "lookaround" in p] == [p for p in problems if "user.yml:3:" in p]
    assert len([p for p in problems if "lookaround" in p]) == 1


@pytest.mark.parametrize("flag", ["objects", "clause"])
def test_verb_flags_must_be_true_or_false(tmp_path, flag):
    problems = _problems(tmp_path, f"""\
        rules:
          - id: user.narrated
            kind: verb
            category: cue
            label: neutral
            past: سرد
            present: يسرد
            {flag}: sometimes
            examples: {{match: [سرد الشاهد], no_match: [السرد]}}
        """)
    assert any("user.yml:2:" in p and f"'{flag}' must be true or false" in p for p in problems), problems


def test_a_title_type_and_relational_are_checked(tmp_path):
    problems = _problems(tmp_path, """\
        rules:
          - id: user.kin
            kind: phrase
            category: title
            type: cousin
            relational: often
            phrases: [ابن عمه]
            examples: {match: [ابن عمه], no_match: [عمه]}
        """)
    assert any("user.yml:2:" in p and "'type' must be one of" in p for p in problems), problems
    assert any("user.yml:2:" in p and "'relational' must be true or false" in p for p in problems), problems


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    problems = _problems(tmp_path, "rules:\n  - id: a\n    kind: [unclosed\n")
    assert problems and problems[0].startswith(str(tmp_path / "user.yml") + ":")


def test_a_rule_failing_its_own_example_is_reported(tmp_path):
    problems = _problems(tmp_path, GOOD_RULE.replace('match: ["وصرّحت المديرة"]', 'match: ["أعلنت المديرة"]'))
    assert any("does not match its example" in p for p in problems)


def test_yaml_is_safe_loaded(tmp_path):
    problems = _problems(tmp_path, "rules: !!python/object/apply:os.system ['echo pwned']\n")
    assert problems == [f"{tmp_path / 'user.yml'}:1: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' "
                        "is not allowed in a lexicon"]


def test_user_lexicons_add_rules(tmp_path):
    lexicon = load_lexicon([_write(tmp_path, GOOD_RULE.replace("user.tasrih", "user.tasrih2"))], check_examples=True)
    assert lexicon.rule("user.tasrih2").category == "cue"
    # The model version covers the built-in lexicons only.
    assert lexicon.version == BUILTIN.version


def test_verb_inflections_are_generated():
    forms = set(verb_forms("قال", "يقول"))
    assert {"قال", "قالت", "قالوا", "يقول", "تقول", "يقولون", "تقولان"} <= forms
    assert {"ادعي", "ادعت", "ادعوا", "يدعي", "يدعون"} <= set(verb_forms("ادّعى", "يدّعي"))
    called = set(verb_forms("دعا", "يدعو"))
    assert {"دعا", "دعت", "دعوا", "دعتا", "يدعو", "تدعو", "يدعون", "يدعوان"} <= called
    assert not {"دعات", "يدعوون"} & called


def test_object_pronoun_forms_are_generated():
    assert {"قاله", "قالته", "قالوه", "قالوها", "يقوله", "تقولها", "يقولونه"} <= set(object_forms("قال", "يقول"))
    denied = set(object_forms("نفى", "ينفي"))
    assert {"نفاه", "نفتها", "نفوه", "ينفيه", "ينفونه"} <= denied
    assert not {"نفيه", "نفواه"} & denied


def test_lexicons_check_command_exit_codes(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "audit", "lexicons", "check"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "all valid" in ok.stdout
    bad = _write(tmp_path, "rules:\n  - id: Bad Id\n    kind: phrase\n")
    failed = subprocess.run([sys.executable, "-m", "audit", "lexicons", "check", str(bad)],
                            capture_output=True, text=True)
    assert failed.returncode == 4
    assert f"{bad / 'user.yml'}:2:" in failed.stderr


def test_builtin_lexicons_ship_with_the_package():
    files = {p.name for p in builtin_lexicon_dir().glob("*.yml")}
    assert {"cues.yml", "sources.yml", "outlets.yml", "hedges.yml", "boilerplate.yml"} <= files
    outlets = [r for r in BUILTIN.rules if r.id.startswith("outlets.")]
    assert len(outlets) >= 60


def test_patterns_tried_at_their_first_word_find_what_a_full_scan_finds():
    """Triggering a pattern at the words it starts with is only an optimization: the matches must be those
    of running every pattern over the whole text."""
    import dataclasses

    from conftest import SAMPLES

    full = dataclasses.replace(BUILTIN)
    full._triggers = {}
    full._pattern_rules = tuple(r for r in BUILTIN.rules if r.kind == "pattern" and r.category != "stopword"
                                and r not in BUILTIN._anchored)
    assert BUILTIN._triggers, "no pattern is triggered: the optimization silently stopped applying"
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")]
    texts += [example for rule in BUILTIN.rules for example in rule.examples_match + rule.examples_no_match]
    for text in texts:
        doc = normalize(text)
        assert BUILTIN.scan(doc.text, doc) == full.scan(doc.text, doc), text[:60]


def test_a_pattern_is_triggered_by_the_words_it_opens_with():
    from audit.lexicon import pattern_start

    assert pattern_start(re.compile(r"(?:في|خلال)\s+تصريح")) == {"في", "خلال"}
    # A lookbehind after the words reads back over them and does not end the word; a space does.
    assert pattern_start(re.compile(r"(?:يطالب|تطالب)(?<!ابي طالب)(?=\s+ب)")) == {"يطالب", "تطالب"}
    assert pattern_start(re.compile(r"وسوم(?<=[.] وسوم)\s[^\n]{0,40}")) == {"وسوم"}
    # A negative lookahead only forbids what may follow; the next item still has to end the word.
    assert pattern_start(re.compile(r"طالب(?!\s+وطالب)(?=\s+ب)")) == {"طالب"}
    assert pattern_start(re.compile(r"طالب(?!\s+وطالب)\w*")) is None
    assert pattern_start(re.compile(r"\Aعاجل")) == "anchored"
    # Words that may run on into longer ones («قال» in «قالت») cannot be looked up whole: scan the text.
    assert pattern_start(re.compile(r"قال\w*")) is None
    assert pattern_start(re.compile(r"(?<![0-9])[0-9]+")) is None
