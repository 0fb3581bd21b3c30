"""Articles per second for `audit_text` on the shared SaudiNewsNet sample, next to the read-and-normalize
floor measured in the same run (issue #2, "Speed").

    python benchmarks/bench_audit.py [--corpus PATH] [--rounds 3]

Each figure is the best of `rounds` passes over the whole file on one core (one process, no threads).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "saudinewsnet_dev.jsonl"


def _best(rounds: int, job) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def build_kind() -> str:
    """Whether the pipeline that was timed is the mypyc-compiled one (setup.py) or pure Python."""
    from audit import is_compiled

    return "compiled with mypyc" if is_compiled() else "pure Python (AUDIT_PURE_PYTHON or an editable install)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("AUDIT_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from audit import audit_text
    from audit.normalize import normalize
    from audit.pipeline import get_lexicon

    get_lexicon()  # loading lexicons is start-up cost, not per-article cost
    raw_lines = args.corpus.read_bytes().splitlines()
    articles = len(raw_lines)
    words = [len(json.loads(line)["text"].split()) for line in raw_lines]

    def floor() -> None:
        for line in raw_lines:
            normalize(json.loads(line)["text"])

    def audit(score: bool) -> None:
        for line in raw_lines:
            row = json.loads(line)
            audit_text(row["text"], id=row["id"], score=score)

    audit(False)  # warm caches (first model load, regex compilation) outside the timing
    floor_s = _best(args.rounds, floor)
    audit_s = _best(args.rounds, lambda: audit(False))
    scored_s = _best(args.rounds, lambda: audit(True))
    print(f"corpus: {args.corpus.name}: {articles} articles, mean {statistics.mean(words):.0f} words "
          f"(median {statistics.median(words):.0f})")
    print(f"build: {build_kind()}")
    for name, seconds in (("read + normalize (floor)", floor_s), ("audit_text, no score", audit_s),
                          ("audit_text, with score", scored_s)):
        ratio = "" if seconds is floor_s else f"  = {seconds / floor_s:.1f}x the floor"
        per_article = seconds / articles * 1e6
        print(f"{name + ':':<26}{articles / seconds:8.0f} articles/s  ({per_article:6.0f} µs/article){ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
