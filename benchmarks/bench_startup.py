"""What the classifier adds to a cold `audit check` (issue #3: no more than 0.3 s).

    python benchmarks/bench_startup.py [--runs 7]

Runs `python -m audit check samples/article.txt` in fresh processes, with the score and with --no-score,
and prints the median wall time of each and their difference.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "article.txt"


def _run(extra: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "audit", "check", str(SAMPLE), "--color", "never", *extra],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    _run([])  # warm the file system cache
    with_score = statistics.median(_run([]) for _ in range(args.runs))
    without = statistics.median(_run(["--no-score"]) for _ in range(args.runs))
    print(f"cold audit check, no score:   {without:.3f} s (median of {args.runs})")
    print(f"cold audit check, with score: {with_score:.3f} s")
    print(f"the classifier adds:          {with_score - without:+.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
