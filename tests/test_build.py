"""The compiled build (setup.py, mypyc) must give exactly the results of the Python modules it is built from.

Where the installed pipeline is compiled, a second process imports the same package's `.py` files instead
and both audit the same texts; the JSON of every audit must be identical. Where nothing is compiled (an
editable or AUDIT_PURE_PYTHON install) there is nothing to compare and the test says so.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SAMPLES, shared_dir

from audit import audit_text, is_compiled

# Run in a fresh interpreter: a finder placed ahead of the standard ones loads every audit.* module from its
# .py file, so the extension modules next to them are never imported.
_PURE_AUDITS = r"""
import importlib.machinery as machinery
import json
import sys


class PythonSourcesFirst:
    def find_spec(self, name, path=None, target=None):
        if name != "audit" and not name.startswith("audit."):
            return None
        for entry in (path if path is not None else sys.path):
            spec = machinery.FileFinder(entry or ".", (machinery.SourceFileLoader, [".py"])).find_spec(name)
            if spec is not None:
                return spec
        return None


sys.meta_path.insert(0, PythonSourcesFirst())
import audit.pipeline

assert audit.pipeline.__file__.endswith(".py"), audit.pipeline.__file__
texts = json.load(sys.stdin)
print(json.dumps([audit.pipeline.audit_text(text).to_dict() for text in texts], ensure_ascii=False))
"""


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    for path in sorted((REPO / "tests" / "gold").glob("*.yml")):
        texts += [case["text"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    corpus = shared_dir() / "corpus" / "saudinewsnet_dev.jsonl"
    if corpus.is_file():
        with corpus.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for _, line in zip(range(300), lines, strict=False)]
    return texts


@pytest.mark.skipif(not is_compiled(), reason="the installed pipeline is pure Python (editable or AUDIT_PURE_PYTHON "
                                         "install): no compiled build to compare")
def test_compiled_pipeline_gives_the_results_of_its_python_sources(tmp_path: Path) -> None:
    texts = _texts()
    compiled = [audit_text(text).to_dict() for text in texts]
    done = subprocess.run([sys.executable, "-c", _PURE_AUDITS], input=json.dumps(texts), capture_output=True,
                          text=True, encoding="utf-8", cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    pure = json.loads(done.stdout)
    assert len(pure) == len(texts) > 100
    differing = [i for i, (a, b) in enumerate(zip(compiled, pure, strict=True)) if a != b]
    assert not differing, f"{len(differing)} of {len(texts)} audits differ, first: text {differing[0]}"



def test_hand_written_constructors_match_their_dataclass_fields():
    """Finding, Cue, Quote, NounPhrase… write their own `__init__` so that the compiled build constructs them
    natively; it must take exactly the dataclass's fields, in order, with the same defaults, so that
    `dataclasses.replace` and keyword construction keep working, and a frozen one must stay frozen."""
    import dataclasses

    from audit.detect import detect
    from audit.normalize import normalize
    from audit.pipeline import get_lexicon
    from audit.segment import segment
    from audit.sources import _Reader, link

    text = "وقال وزير الصحة فهد الجلاجل في مؤتمر صحفي: «نستهدف تطعيم ثلاثة ملايين شخص خلال ستة أسابيع»."
    lexicon = get_lexicon()
    doc = normalize(text)
    layout = segment(doc.text)
    detection = detect(doc, layout, lexicon)
    linking = link(detection, lexicon, frozenset())
    audit = audit_text(text, score=False)
    phrases, _ = _Reader(detection, lexicon, frozenset()).read(doc.text.index("وزير"), len(doc.text))
    attribution = audit.attributions[0]
    samples = [audit.findings[0], attribution.cue, attribution.source, attribution, audit.sentences[0],
               layout.quotes[0], phrases[0], linking.attributions[0]]
    for made in samples:
        cls = type(made)
        fields = dataclasses.fields(made)
        values = {f.name: getattr(made, f.name) for f in fields}
        assert cls(**values) == made and cls(*values.values()) == made, cls  # names, and their order
        required = {f.name: values[f.name] for f in fields if f.default is dataclasses.MISSING}
        with_defaults = cls(**required)
        assert all(getattr(with_defaults, f.name) == f.default for f in fields
                   if f.default is not dataclasses.MISSING), cls
        first = fields[0].name
        assert dataclasses.replace(made, **{first: values[first]}) == made, cls
        if cls.__dataclass_params__.frozen:
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(made, first, values[first])
