"""Time to write review reports (issue #4, "Speed"): one article's HTML report with its charts, and the
corpus report of a 1,000-article batch (with the review reports of its 30 weakest articles).

    python benchmarks/bench_report.py [--corpus PATH] [--seed PATH] [--rounds 3]

The single report is timed twice: the first one in a fresh process (it pays for importing matplotlib and
Jinja2 and loading lexicons and model, as `audit report` does) and the best of `rounds` after that. The
corpus report is timed from a finished batch's SQLite store, as `audit report DIR` rebuilds it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path,
                        default=Path(os.environ.get("AUDIT_CORPUS", SHARED / "corpus" / "saudinewsnet_dev.jsonl")))
    parser.add_argument("--seed", type=Path, default=SHARED / "seed" / "000_c11bd150004c2f62.txt")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    for path in (args.corpus, args.seed):
        if not path.is_file():
            print(f"not found: {path}", file=sys.stderr)
            return 2

    started = time.perf_counter()
    from audit.formatters import html
    from audit.pipeline import audit_text

    text = args.seed.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.html"

        def one_report() -> None:
            output.write_text(html.render(audit_text(text, id=args.seed.name)), encoding="utf-8")

        one_report()
        cold = time.perf_counter() - started
        warm = float("inf")
        for _ in range(args.rounds):
            start = time.perf_counter()
            one_report()
            warm = min(warm, time.perf_counter() - start)
        print(f"one article report ({args.seed.name}, {len(text.split())} words, 3 charts):")
        print(f"  first in a fresh process:  {cold:6.2f} s (imports, lexicons and model included)")
        print(f"  each after that:           {warm:6.2f} s")

        from audit.batch import Options, run_batch
        from audit.corpus_report import write_corpus_report
        from audit.store import Store

        summary, _ = run_batch([str(args.corpus)], Path(folder) / "batch", workers=1, options=Options(),
                               progress=False, report=False, log=lambda _: None)
        store = Store(Path(folder) / "batch" / "audit.sqlite")
        best = float("inf")
        for _ in range(args.rounds):
            start = time.perf_counter()
            write_corpus_report(store, Path(folder) / "batch")
            best = min(best, time.perf_counter() - start)
        size = (Path(folder) / "batch" / "report.html").stat().st_size
        store.close()
        print(f"corpus report, {summary.audited:,} articles ({args.corpus.name}): {best:6.2f} s "
              f"(report.html {size / 1e3:.0f} kB, 7 charts, plus the 30 weakest articles' reports)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
