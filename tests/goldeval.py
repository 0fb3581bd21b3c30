"""Score the auditor against the gold set in tests/gold/*.yml.

Run `python tests/goldeval.py [-v]` to print precision, recall and F1 per finding category, the accuracy of
source types, cue stances and quote labels on matched findings, and of attribution links. A predicted and a
gold finding match when they are of the same category and their spans overlap (one-to-one, in text order).

`--real` scores tests/gold_real/: annotations of real articles from ../shared/corpus. Their text is not
in the repository: a case names its article (`corpus_id`) and every item gives code-point offsets
(`start`, `end`) into it, turned back into text and occurrence here. Categories a case does not list were
not annotated and are not scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

GOLD_DIR = Path(__file__).parent / "gold"
HELDOUT_DIR = Path(__file__).parent / "gold_heldout"
REAL_DIR = Path(__file__).parent / "gold_real"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "saudinewsnet_dev.jsonl"
# Sets kept blind: never used to change the rules, so `-v` does not list their errors (their figures are
# printed as for any set).
BLIND_FILES = frozenset({"armpro_real.yml", "armpro_real3.yml", "snn_real6.yml"})
CATEGORIES = ("cue", "source", "agentless", "hedge", "booster", "quote", "unattributed_claim", "boilerplate")
EXPECT_KEYS = (*CATEGORIES, "attribution")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    label_hits: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    cases: int = 0
    scored: set[str] = field(default_factory=set)
    """Categories that some case annotated."""

    def accuracy(self, name: str) -> float:
        hits = self.label_hits[name]
        return sum(hits) / len(hits) if hits else 1.0

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.counts.values():
            total.tp, total.fp, total.fn = total.tp + counts.tp, total.fp + counts.fp, total.fn + counts.fn
        return total


def load_cases(directory: Path = GOLD_DIR, corpus: Path = CORPUS) -> list[dict]:
    """Cases of every YAML file in `directory`. A real-article case names its corpus file (`corpus`, in the
    folder of `corpus`; that file by default) and its article (`corpus_id`)."""
    cases = []
    texts: dict[str, dict[str, str]] = {}
    for path in [directory] if directory.is_file() else sorted(directory.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            case["_file"] = path.name
            if "corpus_id" in case:
                source = corpus.with_name(case["corpus"]) if "corpus" in case else corpus
                if source not in texts:
                    texts[source] = {row["id"]: row["text"] for row in map(json.loads, source.open(encoding="utf-8"))}
                _from_offsets(case, texts[source][case["corpus_id"]])
            cases.append(case)
    return cases


def _occurrence(text: str, start: int, end: int) -> tuple[str, int]:
    """The string at [start, end) and which occurrence of it (as successive str.find calls count) it is."""
    needle, nth, position = text[start:end], 0, -1
    while position < start:
        position = text.find(needle, position + 1)
        nth += 1
    return needle, nth


def _from_offsets(case: dict, text: str) -> None:
    case["text"] = text
    case.setdefault("id", case["corpus_id"])
    for items in case["expect"].values():
        for item in items or []:
            if "start" in item:
                item["text"], item["nth"] = _occurrence(text, item.pop("start"), item.pop("end"))
            if "cue_start" in item:
                item["cue"], item["cue_nth"] = _occurrence(text, item.pop("cue_start"), item.pop("cue_end"))
            if "source_start" in item:
                item["source"], item["source_nth"] = _occurrence(text, item.pop("source_start"),
                                                                 item.pop("source_end"))


def locate(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    position = -1
    for _ in range(nth):
        position = text.find(needle, position + 1)
        if position < 0:
            raise ValueError(f"{needle!r} (occurrence {nth}) not in the case text")
    return position, position + len(needle)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pair(gold: list[tuple[tuple[int, int], dict]], predicted: list) -> tuple[list[tuple[dict, object]], list, list]:
    """One-to-one matching by overlap, in text order."""
    used: set[int] = set()
    pairs, missed = [], []
    for span, item in sorted(gold, key=lambda g: g[0]):
        for index, finding in enumerate(predicted):
            if index not in used and _overlaps(span, (finding.start, finding.end)):
                used.add(index)
                pairs.append((item, finding))
                break
        else:
            missed.append((span, item))
    extra = [f for i, f in enumerate(predicted) if i not in used]
    return pairs, missed, extra


def evaluate(cases: list[dict], audit_text) -> Report:
    report = Report()
    for case in cases:
        report.cases += 1
        text, expect, case_id = case["text"], case["expect"], case["id"]
        audit = audit_text(text, id=case_id, score=False)
        for category in CATEGORIES:
            if category not in expect:
                continue  # not annotated in this case
            report.scored.add(category)
            gold = [(locate(text, item["text"], item.get("nth", 1)), item) for item in expect[category] or []]
            predicted = [f for f in audit.findings if f.category == category]
            pairs, missed, extra = _pair(gold, predicted)
            counts = report.counts[category]
            counts.tp += len(pairs)
            counts.fn += len(missed)
            counts.fp += len(extra)
            for _span, item in missed:
                report.errors.append(f"{case_id}: missed {category} {item['text']!r}")
            for finding in extra:
                report.errors.append(f"{case_id}: extra {category} {finding.text!r} ({finding.label}, {finding.rule})")
            for item, finding in pairs:
                if category == "source":
                    ok = finding.label == item["type"]
                    report.label_hits["source_type"].append(ok)
                    if not ok:
                        report.errors.append(f"{case_id}: source {item['text']!r} typed {finding.label}, "
                                             f"expected {item['type']}")
                elif category in ("cue", "quote") and "label" in item:
                    ok = finding.label == item["label"]
                    report.label_hits[f"{category}_label"].append(ok)
                    if not ok:
                        report.errors.append(f"{case_id}: {category} {item['text']!r} labelled {finding.label}, "
                                             f"expected {item['label']}")
        for item in expect.get("attribution") or []:
            cue_span = locate(text, item["cue"], item.get("cue_nth", 1))
            candidates = [a for a in audit.attributions if _overlaps(cue_span, (a.cue.start, a.cue.end))]
            if item.get("source") is None:
                ok = bool(candidates) and all(a.source is None for a in candidates)
            else:
                source_span = locate(text, item["source"], item.get("source_nth", 1))
                ok = any(a.source is not None and any(_overlaps(source_span, tuple(m))
                                                      for m in audit.sources[a.source.source].mentions)
                         for a in candidates)
            report.label_hits["attribution_link"].append(ok)
            if not ok:
                got = [(a.source.text if a.source else None) for a in candidates]
                report.errors.append(f"{case_id}: cue {item['cue']!r} should link to {item.get('source')!r}, got {got}")
    return report


def format_report(report: Report) -> str:
    lines = [f"gold cases: {report.cases}", f"{'category':<20}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for category in CATEGORIES:
        if category not in report.scored:
            lines.append(f"{category:<20}  (not annotated)")
            continue
        c = report.counts[category]
        lines.append(f"{category:<20}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:6d}{c.fp:6d}{c.fn:6d}")
    m = report.micro
    lines.append(f"{'all (micro)':<20}{m.precision:7.3f}{m.recall:7.3f}{m.f1:7.3f}{m.tp:6d}{m.fp:6d}{m.fn:6d}")
    for name in ("source_type", "cue_label", "quote_label", "attribution_link"):
        hits = report.label_hits[name]
        lines.append(f"{name + ' accuracy':<28}{report.accuracy(name):.3f}  ({sum(hits)}/{len(hits)})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    parser.add_argument("--heldout", action="store_true",
                        help="score the held-out set (tests/gold_heldout), written by someone who never saw "
                             "the rules")
    parser.add_argument("--real", action="store_true",
                        help="score the annotations of real articles (tests/gold_real; needs ../shared/corpus)")
    parser.add_argument("--dir", type=Path, help="score the cases in another folder of gold YAML files, or one file")
    args = parser.parse_args(argv)
    from audit import audit_text

    directory = args.dir or (HELDOUT_DIR if args.heldout else REAL_DIR if args.real else GOLD_DIR)
    if directory == REAL_DIR and not CORPUS.is_file():
        print(f"the real-article gold set needs {CORPUS}", file=sys.stderr)
        return 2
    cases = load_cases(directory)
    report = evaluate(cases, audit_text)
    print(format_report(report))
    if args.verbose:
        blind = {f"{case['id']}:" for case in cases if case["_file"] in BLIND_FILES}
        shown = [error for error in report.errors if error.split(" ", 1)[0] not in blind]
        print("\n".join(shown))
        if len(shown) < len(report.errors):
            print(f"({len(report.errors) - len(shown)} errors in the blind set(s) {', '.join(sorted(BLIND_FILES))} "
                  "are not listed: they are never used to change the rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
