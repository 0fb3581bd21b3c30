"""The pattern rules that cost the most: each rule run alone over the normalized sample, as the scanner runs it.

    python benchmarks/bench_rules.py [--corpus PATH] [--top 12] [--lexicons DIR]

A pattern anchored at the start of the text is matched once an article; one the scanner cannot start on a
fixed word is searched over the whole text; one that starts on a word is tried only where that word stands.
A rule that costs more than a few µs an article is worth rewriting (a literal first, possessive
quantifiers): two rules added in one round cost 5% of every audit before this script existed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "saudinewsnet_dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("AUDIT_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--lexicons", action="append", default=[], help="a user lexicon folder to include")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from audit.normalize import normalize
    from audit.pipeline import get_lexicon

    lexicon = get_lexicon(args.lexicons)
    texts = [normalize(json.loads(line)["text"]).text for line in args.corpus.read_bytes().splitlines()]
    scanned = {id(rule) for rule in lexicon._pattern_rules}
    anchored = {id(rule) for rule in lexicon._anchored}
    triggered: dict[int, set[str]] = {}
    for word, entries in lexicon._triggers.items():
        for rule, _ in entries:
            triggered.setdefault(id(rule), set()).add(word)

    costs = []
    for rule in lexicon.rules:
        if rule.kind != "pattern" or id(rule) not in scanned | anchored | set(triggered):
            continue
        pattern = rule.pattern
        places = []
        if id(rule) in triggered:  # where the scanner would try it, found before the clock starts
            words = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, triggered[id(rule)])) + r")(?!\w)")
            places = [(text, found.start()) for text in texts for found in words.finditer(text)]
        start = time.perf_counter()
        if id(rule) in anchored:
            how = "anchored"
            for text in texts:
                pattern.match(text)
        elif id(rule) in scanned:
            how = "whole text"
            for text in texts:
                for _ in pattern.finditer(text):
                    pass
        else:
            how = f"on its words ({len(places)} places)"
            for text, position in places:
                pattern.match(text, position)
        costs.append(((time.perf_counter() - start) / len(texts) * 1e6, rule.id, how))
    costs.sort(reverse=True)
    print(f"corpus: {args.corpus.name}: {len(texts)} articles; {len(costs)} pattern rules")
    for micros, rule_id, how in costs[:args.top]:
        print(f"{micros:8.1f} µs/article  {rule_id:<40} {how}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
