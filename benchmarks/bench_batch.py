"""`audit batch` throughput with 1 and 2 workers on the shared SaudiNewsNet sample, next to the
read-and-normalize floor measured in the same run, and the peak memory of a batch over 100,000 articles
made by repeating that sample (issue #5, "Benchmark").

    python benchmarks/bench_batch.py [--corpus PATH] [--rounds 3] [--memory-articles 100000] [--no-memory]

Throughput is the batch's own rate (reading, auditing, scoring, committing to SQLite), best of `rounds`;
worker start-up is reported apart. Peak memory is the largest total resident memory of the batch process
and all its workers together, sampled from /proc every 0.1 s, with the same figure for a run ten times
smaller beside it: if memory grew with the corpus, the two would differ.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_audit import build_kind

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "saudinewsnet_dev.jsonl"


def floor_rate(corpus: Path, rounds: int) -> float:
    from audit.normalize import normalize

    lines = corpus.read_bytes().splitlines()
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for line in lines:
            normalize(json.loads(line)["text"])
        best = min(best, time.perf_counter() - start)
    return len(lines) / best


def batch_rate(corpus: Path, workers: int, rounds: int) -> tuple[float, float]:
    from audit.batch import Options, run_batch

    best, startup = 0.0, 0.0
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as out:
            summary, code = run_batch([str(corpus)], Path(out) / "run", workers=workers, options=Options(),
                                      progress=False, report=False, log=lambda _: None)
            assert code == 0, code
            if summary.rate > best:
                best, startup = summary.rate, summary.startup
    return best, startup


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(rss.get(pid, 0) for pid in tree)


def peak_memory(corpus: Path, articles: int, workers: int) -> tuple[float, float, int]:
    """(peak MB of the whole process tree, seconds, articles written) for a batch over `articles` articles."""
    lines = corpus.read_bytes().splitlines()
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "repeated.jsonl"
        with big.open("wb") as out:
            for i in range(articles):
                row = json.loads(lines[i % len(lines)])
                row["id"] = f"{row['id']}-{i // len(lines)}"
                out.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "audit", "batch", str(big), "-o", f"{folder}/out",
                                    "--workers", str(workers), "--no-progress", "--no-report"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   cwd=folder)  # not the checkout: `-m` would import its uncompiled modules
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss(process.pid))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, stderr = process.communicate()
        done.set()
        sampler.join()
        seconds = time.perf_counter() - start
        if process.returncode != 0:
            raise SystemExit(f"batch failed ({process.returncode}): {stderr.decode()[-500:]}")
        with open(f"{folder}/out/articles.jsonl", "rb") as results:
            written = sum(1 for _ in results)
    return peak / 1e6, seconds, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("AUDIT_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--memory-articles", type=int, default=100_000)
    parser.add_argument("--no-memory", action="store_true", help="skip the 100,000-article memory run")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    articles = sum(1 for _ in args.corpus.open("rb"))
    print(f"corpus: {args.corpus.name}: {articles} articles; {os.cpu_count()} cores")
    print(f"build: {build_kind()}")
    floor = floor_rate(args.corpus, args.rounds)
    print(f"{'read + normalize (floor):':<28}{floor:8.0f} articles/s")
    rates = {}
    for workers in (1, 2):
        rates[workers], startup = batch_rate(args.corpus, workers, args.rounds)
        print(f"{f'batch, {workers} worker' + ('s' if workers > 1 else '') + ':':<28}{rates[workers]:8.0f} articles/s"
              f"  ({rates[workers] / workers:.0f} per worker; {floor / rates[workers]:.0f}x the floor; "
              f"{startup:.2f} s worker start-up)")
    print(f"{'2 workers / 1 worker:':<28}{rates[2] / rates[1]:8.2f}x")
    if not args.no_memory:
        small = max(1000, args.memory_articles // 10)
        for count in (small, args.memory_articles):
            megabytes, seconds, written = peak_memory(args.corpus, count, 2)
            print(f"{f'peak memory, {count:,} articles:':<36}{megabytes:6.0f} MB (batch and its 2 workers together; "
                  f"{written:,} written in {seconds:.0f} s, {written / seconds:.0f}/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
