"""`audit batch`: audit a corpus with a pool of workers (or a Dask cluster), commit results to SQLite as
they come, and write articles.jsonl, scores.csv and the corpus report.

Memory stays bounded whatever the corpus size: inputs are streamed, and only a fixed number of chunks is
in flight at a time. Nothing is lost: a chunk is committed in one transaction, a killed run is finished
with `--resume`, Ctrl-C keeps everything committed so far, and a bad input becomes a skipped record.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from audit.errors import EXIT_BAD_INPUT, EXIT_OK, AuditError, ConfigError, InputError
from audit.inputs import Fields, count, materialize, read_all
from audit.results import SkippedArticle
from audit.store import SCHEMA_VERSION, Rows, Store, rows_for

CHUNK = 64
DEFAULT_FIELDS = Fields()
IN_FLIGHT_PER_WORKER = 3


@dataclass(frozen=True)
class Options:
    """What every worker needs to audit an article the same way."""

    lexicons: tuple[str, ...] = ()
    model: str | None = None
    score: bool = True


@dataclass
class Summary:
    audited: int = 0
    skipped: int = 0
    resumed: int = 0
    seconds: float = 0.0
    startup: float = 0.0
    """Seconds spent starting the workers (loading lexicons and model), not counted in `seconds`."""
    interrupted: bool = False
    reasons: Counter = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.audited / self.seconds if self.seconds else 0.0


# ------------------------------------------------------------------------------------------ workers

_WORKER: dict[str, Any] = {}


def _worker_init(options: Options) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _load(options)


def _load(options: Options) -> tuple[Any, Any]:
    from audit.pipeline import get_lexicon
    from audit.score import get_model

    key = json.dumps(asdict(options), sort_keys=True)
    if _WORKER.get("key") != key:
        lexicon = get_lexicon(options.lexicons)
        model = get_model(options.model, lexicon.version) if options.score else None
        _WORKER.update(key=key, lexicon=lexicon, model=model)
    return _WORKER["lexicon"], _WORKER["model"]


def _ready() -> None:
    time.sleep(0.05)  # long enough that each worker takes one of these


def audit_chunk(chunk: list[tuple[int, Any]], options: Options, fields: Fields) -> tuple[list[Rows], list[tuple]]:
    """Decode, parse and audit a chunk of inputs; a top-level function so that process pools and Dask can
    ship it. Returns the audited rows and the skipped records (seq, key, id, source, reason)."""
    from audit.pipeline import audit_text

    lexicon, model = _load(options)
    rows, skipped = [], []
    for seq, record in chunk:
        article = materialize(record, fields)
        if isinstance(article, SkippedArticle):
            skipped.append((seq, article.source, article.id, article.source, article.reason))
            continue
        result = audit_text(article.text, id=article.id, title=article.meta.get("title"), lexicon=lexicon,
                            meta={k: v for k, v in article.meta.items() if k != "title"},
                            score=options.score and model is not None, model=model)
        data = result.to_dict()
        data["source"] = article.source
        if article.extracted:
            data["text"] = article.text  # offsets refer to the text extracted from the HTML page
        rows.append(rows_for(seq, article.key, article.source, data, article.text))
    return rows, skipped


# ------------------------------------------------------------------------------------------ engines


class LocalEngine:
    """A pool of worker processes; `workers=1` audits in-process (no pool to start, easiest to debug)."""

    def __init__(self, workers: int, options: Options, fields: Fields):
        self.workers, self.options, self.fields = workers, options, fields
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            self.pool = ProcessPoolExecutor(self.workers, initializer=_worker_init, initargs=(self.options,))
            # Start every worker now (each loads the lexicons and the model), so start-up is not billed to
            # the first chunks and the rate reported is the workers' steady pace.
            wait([self.pool.submit(_ready) for _ in range(self.workers)])
        else:
            _load(self.options)
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        if exc_type is not None:
            self.cancel()  # a second Ctrl-C or an error: nothing more will be committed
        if self.pool is not None:
            self.pool.shutdown(wait=True)

    @property
    def capacity(self) -> int:
        return max(1, self.workers) * IN_FLIGHT_PER_WORKER

    def submit(self, chunk: list[tuple[int, Any]]) -> Future:
        if self.pool is None:
            future: Future = Future()
            future.set_result(audit_chunk(chunk, self.options, self.fields))
            return future
        return self.pool.submit(audit_chunk, chunk, self.options, self.fields)

    def cancel(self) -> None:
        """Stop without waiting: the chunks in flight are not committed (--resume redoes them). The workers
        are not killed: one killed while sending its result leaves half a message in the pipe, and the
        executor then waits for the rest forever; they finish their chunk and exit on their own."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


class DaskEngine:
    """The same chunks on a Dask cluster: an existing one (`--scheduler ADDRESS`) or a local one."""

    def __init__(self, workers: int, options: Options, fields: Fields, scheduler: str | None):
        self.workers, self.options, self.fields, self.scheduler = workers, options, fields, scheduler
        self.client: Any = None
        self.cluster: Any = None

    def __enter__(self) -> DaskEngine:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise AuditError("--engine dask needs the dask extra: pip install '.[dask]'") from None
        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    @property
    def capacity(self) -> int:
        workers = len(self.client.scheduler_info().get("workers", {})) if self.client else self.workers
        return max(1, workers or self.workers) * IN_FLIGHT_PER_WORKER

    def submit(self, chunk: list[tuple[int, Any]]):
        return self.client.submit(audit_chunk, chunk, self.options, self.fields, pure=False)  # type: ignore

    def cancel(self) -> None:
        pass


# ------------------------------------------------------------------------------------------- driver


@contextlib.contextmanager
def _stop_on_ctrl_c() -> Iterator[threading.Event]:
    """The first Ctrl-C asks the batch to stop once the chunks in flight are committed; a second one
    interrupts at once. A KeyboardInterrupt raised at any point can land inside `concurrent.futures.wait`
    while it holds some futures' locks, and the executor then deadlocks on them at shutdown; a flag cannot.
    Outside the main thread signals cannot be caught and Ctrl-C interrupts as Python does by default."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def request_stop(signum: int, frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, request_stop)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _chunks(records: Iterable[tuple[int, Any]], size: int) -> Iterator[list[tuple[int, Any]]]:
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _progress(total: int | None, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    try:
        size = os.get_terminal_size(sys.stderr.fileno())
        sized = size.columns > 0 and size.lines > 0
    except (OSError, ValueError):
        sized = False
    # A pseudo-terminal that reports no size (`script`, some CI runners) makes tqdm print nothing at all:
    # give it a plain 80×24 one.
    shape = {"dynamic_ncols": True} if sized else {"ncols": 80, "nrows": 24}
    return tqdm(total=total, unit="art", smoothing=0.1, file=sys.stderr, **shape)


def run_batch(inputs: list[str], out_dir: Path, *, workers: int, options: Options, fields: Fields = DEFAULT_FIELDS,
              resume: bool = False, engine: str = "local", scheduler: str | None = None,
              progress: bool | None = None, report: bool = True,
              log: Callable[[str], None] = lambda line: print(line, file=sys.stderr)) -> tuple[Summary, int]:
    """Audit every input into `out_dir`; returns the summary and the exit code."""
    if out_dir.exists() and not out_dir.is_dir():
        raise AuditError(f"{out_dir}: exists and is not a folder; -o takes the folder to write results into")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise AuditError(f"{out_dir}: cannot create the results folder ({error.strerror})") from None
    store = Store(out_dir / "audit.sqlite", bulk=True)
    if not resume and not store.is_empty():
        store.close()
        raise AuditError(f"{out_dir}: already holds batch results; use --resume to finish them, or another directory")
    from audit.pipeline import get_lexicon

    run = {"lexicon_version": get_lexicon(options.lexicons).version, "score": options.score, "schema": SCHEMA_VERSION}
    done: set[str] = set()
    if resume:
        earlier = store.run_info()
        changed = [name for name, value in run.items() if name in earlier and earlier[name] != value]
        if changed:
            store.close()
            raise ConfigError(f"{out_dir}: cannot resume: {', '.join(changed)} differ from the run that wrote these "
                              f"results ({', '.join(f'{n} {earlier[n]!r} then, {run[n]!r} now' for n in changed)}); "
                              "start again in another directory")
        done = store.done_keys()
    store.set_run({"inputs": inputs, **run})
    show = sys.stderr.isatty() if progress is None else progress
    total = count(inputs) if show else None
    bar = _progress(total, show)
    summary = Summary(resumed=len(done))
    if bar is not None and done:
        bar.update(len(done))
    started = time.perf_counter()
    engine_impl = (DaskEngine(workers, options, fields, scheduler) if engine == "dask"
                   else LocalEngine(workers, options, fields))

    def fresh() -> Iterator[tuple[int, Any]]:
        for seq, record in enumerate(read_all(inputs, fields)):
            if record.source not in done:
                yield seq, record

    pending: dict[Any, int] = {}
    try:
        with engine_impl, _stop_on_ctrl_c() as stop:
            summary.startup = time.perf_counter() - started
            started = time.perf_counter()  # the rate is the workers' pace, not their start-up
            chunks = _chunks(fresh(), CHUNK)
            exhausted = False
            while pending or not exhausted:
                if stop.is_set() and not exhausted:
                    # Ctrl-C: read no more, and let the chunks in flight finish and be committed; waiting
                    # for them (a fraction of a second) leaves the workers and the executor in a state they
                    # can shut down from, which cancelling or killing them mid-write does not always.
                    exhausted = True
                    summary.interrupted = True
                while not exhausted and len(pending) < engine_impl.capacity:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending[engine_impl.submit(chunk)] = len(chunk)
                if not pending:
                    continue
                for future in _wait(pending, engine):
                    size = pending.pop(future)
                    rows, skipped = future.result()
                    store.commit(rows, skipped)
                    summary.audited += len(rows)
                    summary.skipped += len(skipped)
                    summary.reasons.update(_reason_kind(s[4]) for s in skipped)
                    if bar is not None:
                        bar.update(size)
    except KeyboardInterrupt:
        summary.interrupted = True
        engine_impl.cancel()
    finally:
        if summary.interrupted:
            log("audit: interrupted; everything committed so far is kept (finish with --resume)")
        if bar is not None:
            bar.close()
        summary.seconds = time.perf_counter() - started
    store.index()
    store.export(out_dir)
    if report and not summary.interrupted:
        from audit.corpus_report import write_corpus_report

        write_corpus_report(store, out_dir)
    articles, skipped = store.counts()
    store.close()
    if not articles and not skipped and not summary.interrupted:
        raise InputError(f"no articles found in {', '.join(inputs)} (looked for .txt, .md, .html, .htm, .jsonl "
                         "and .csv files)")
    log(f"audited {summary.audited} articles in {summary.seconds:.1f} s ({summary.rate:.0f}/s, after "
        f"{summary.startup:.1f} s starting the workers)"
        + (f", {summary.resumed} already done" if summary.resumed else "")
        + f"; {skipped} skipped in all" + (f" ({_reasons(summary.reasons)})" if summary.reasons else "")
        + f"; results for {articles} articles in {out_dir}")
    if summary.interrupted:
        return summary, 130
    return summary, EXIT_BAD_INPUT if skipped else EXIT_OK


def _wait(pending: dict[Any, int], engine: str) -> list[Any]:
    if engine == "dask":
        from dask.distributed import wait as dask_wait

        return list(dask_wait(list(pending), return_when="FIRST_COMPLETED").done)
    return list(wait(list(pending), return_when=FIRST_COMPLETED).done)


def _reason_kind(reason: str) -> str:
    return reason.split(" (")[0].split(":")[0]


def _reasons(reasons: Counter) -> str:
    return ", ".join(f"{kind}: {n}" for kind, n in reasons.most_common(5))


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
