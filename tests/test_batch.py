"""`audit batch`: every kind of input, skipped records, determinism across workers and engines, the SQLite
store, and nothing lost or doubled when a real batch process is killed or interrupted and resumed."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, SAMPLES

from audit.batch import Options, _stop_on_ctrl_c, run_batch
from audit.inputs import Fields
from audit.store import INDEXES

OUTLETS = ("صحيفة الغد", "وكالة الأنباء الوطنية", "موقع المرصد")


def paragraphs() -> list[str]:
    """The paragraphs of the sample articles we wrote: recombined, they make a varied synthetic corpus."""
    found = []
    for path in sorted(SAMPLES.glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 40]
    return found


def synthetic_corpus(path: Path, n: int) -> Path:
    parts = paragraphs()
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            chosen = [parts[(i * 7 + k * 3) % len(parts)] for k in range(2 + i % 4)]
            row = {"id": f"doc-{i:05d}", "outlet": OUTLETS[i % len(OUTLETS)], "date": f"2026-0{1 + i % 3}-1{i % 10}",
                   "title": f"خبر رقم {i}", "text": "\n\n".join(chosen)}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def batch(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "audit", "batch", *args], input=stdin, capture_output=True,
                          cwd=REPO, timeout=600)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8"),
                                       done.stderr.decode("utf-8"))


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return synthetic_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", 150)


def test_every_kind_of_input_and_bad_article(tmp_path):
    article = (SAMPLES / "article.txt").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "nested").mkdir(parents=True)
    (folder / "utf8.txt").write_text(article, encoding="utf-8")
    (folder / "bom.md").write_bytes(b"\xef\xbb\xbf" + article.encode("utf-8"))
    (folder / "nested" / "cp1256.txt").write_bytes(article.encode("cp1256", errors="replace"))
    (folder / "nested" / "utf16.txt").write_text(article, encoding="utf-16")
    (folder / "nested" / "iso.txt").write_bytes("قال المتحدث باسم الوزارة إن الاجتماع تأجل.".encode("iso-8859-6"))
    (folder / "page.html").write_text(
        "<html><head><title>عنوان الصفحة</title><script>var x = 'قال المتحدث';</script>"
        "<style>p{color:red}</style></head><body><nav>الرئيسية | أخبار</nav>"
        f"<article><h1>عنوان الخبر</h1><p>{article.split(chr(10))[2]}</p></article></body></html>", encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "ignored.pdf").write_bytes(b"%PDF-1.4")
    lines = tmp_path / "lines.jsonl"
    lines.write_text(json.dumps({"id": "j1", "text": article, "outlet": "الغد"}, ensure_ascii=False) + "\n"
                     + "{not json\n" + json.dumps({"id": "j3", "text": ""}) + "\n"
                     + json.dumps(["a list"]) + "\n", encoding="utf-8")
    table = tmp_path / "table.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["ident", "body", "paper", "published"])
        writer.writerow(["c1", article, "الرياض", "2026-03-01"])
        writer.writerow(["c2", "", "الرياض", "2026-03-02"])
    stdin = json.dumps({"id": "s1", "text": article}, ensure_ascii=False).encode("utf-8") + b"\n"
    out = tmp_path / "out"
    done = batch(str(folder), str(lines), str(table), "-", str(tmp_path / "missing.txt"), "-o", str(out),
                 "--workers", "2", "--no-progress", "--no-report", "--id-field", "id", "--text-field", "text",
                 stdin=stdin)
    assert done.returncode == 3, done.stderr  # something was skipped, and the run went on
    articles = jsonl(out / "articles.jsonl")
    ids = [a["id"] for a in articles]
    skipped = {row["source"]: row["reason"] for row in csv.DictReader((out / "skipped.csv").open(encoding="utf-8"))}
    assert f"{folder}/utf8.txt" in ids and f"{folder}/bom.md" in ids and f"{folder}/page.html" in ids
    assert {f"{folder}/nested/cp1256.txt", f"{folder}/nested/utf16.txt", f"{folder}/nested/iso.txt"} <= set(ids)
    assert "j1" in ids and "s1" in ids
    assert "empty" in skipped[f"{folder}/empty.txt"] and "binary" in skipped[f"{folder}/binary.txt"]
    assert "malformed JSON" in skipped[f"{lines}:2"] and "no text" in skipped[f"{lines}:3"]
    assert "object" in skipped[f"{lines}:4"]
    assert "no such file" in skipped[str(tmp_path / "missing.txt")]
    assert "no 'text' column" in skipped[str(table)]  # ; -separated with other names: needs the options
    by_id = {a["id"]: a for a in articles}
    utf8 = by_id[f"{folder}/utf8.txt"]
    for name in ("bom.md", "nested/cp1256.txt", "nested/utf16.txt"):
        assert by_id[f"{folder}/{name}"]["findings"] == utf8["findings"], name
    page = by_id[f"{folder}/page.html"]
    assert page["title"] == "عنوان الخبر" and "var x" not in page["text"] and "الرئيسية" not in page["text"]
    for finding in page["findings"]:  # offsets refer to the extracted text, which is stored with the result
        assert page["text"][finding["start"]:finding["end"]] == finding["text"]
    assert by_id["j1"]["outlet"] == "الغد"
    assert "skipped" in done.stderr

    columns = batch(str(table), "-o", str(tmp_path / "csv"), "--workers", "1", "--no-progress", "--no-report",
                    "--id-field", "ident", "--text-field", "body", "--outlet-field", "paper",
                    "--date-field", "published", "--csv-delimiter", ";")
    assert columns.returncode == 3, columns.stderr
    rows = list(csv.DictReader((tmp_path / "csv" / "scores.csv").open(encoding="utf-8")))
    assert [(r["id"], r["outlet"], r["date"]) for r in rows] == [("c1", "الرياض", "2026-03-01")]
    assert float(rows[0]["score"]) >= 0 and rows[0]["band"] in {"weak", "moderate", "strong"}
    skipped_rows = list(csv.DictReader((tmp_path / "csv" / "skipped.csv").open(encoding="utf-8")))
    assert [(r["id"], r["reason"]) for r in skipped_rows] == [("c2", "no text in the 'body' field")]


def test_a_clean_corpus_exits_zero_and_fills_the_store(corpus, tmp_path):
    out = tmp_path / "out"
    done = batch(str(corpus), "-o", str(out), "--workers", "1", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert len(jsonl(out / "articles.jsonl")) == 150
    assert (out / "report.html").stat().st_size > 10_000
    db = sqlite3.connect(out / "audit.sqlite")
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 150
    # Which outlets rely most on anonymous sources?
    outlets = db.execute("SELECT outlet, articles, mean_anonymous_share FROM outlet_sourcing "
                         "ORDER BY mean_anonymous_share DESC").fetchall()
    assert sorted(o for o, _, _ in outlets) == sorted(OUTLETS) and sum(n for _, n, _ in outlets) == 150
    # Which articles cite a given outlet?
    cited = db.execute("SELECT DISTINCT cited_outlet FROM outlets_cited").fetchall()
    assert cited, "the sample articles cite news agencies"
    plan = " ".join(str(row) for row in db.execute(
        "EXPLAIN QUERY PLAN SELECT article_seq FROM sources WHERE name = ?", ("رويترز",)))
    assert "sources_name" in plan
    findings = db.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
    assert findings == sum(len(a["findings"]) for a in jsonl(out / "articles.jsonl"))
    again = batch(str(corpus), "-o", str(out), "--workers", "1", "--no-progress")
    assert again.returncode != 0 and "--resume" in again.stderr  # never mixes two runs silently


def test_one_and_two_workers_give_identical_results(corpus, tmp_path):
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / workers
        done = batch(str(corpus), "-o", str(out), "--workers", workers, "--no-progress", "--no-report")
        assert done.returncode == 0, done.stderr
        outputs.append(((out / "articles.jsonl").read_bytes(), (out / "scores.csv").read_bytes()))
    assert outputs[0] == outputs[1]


def _wait_for_rows(database: Path, process: subprocess.Popen, at_least: int) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "the batch finished before it could be stopped: make the corpus larger"
        if database.exists():
            try:
                rows = sqlite3.connect(database, timeout=1).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                rows = 0
            if rows >= at_least:
                return rows
        time.sleep(0.05)
    raise AssertionError("no rows committed in two minutes")


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory) -> tuple[Path, bytes]:
    """A corpus long enough to stop mid-run, and the results of an uninterrupted run over it."""
    folder = tmp_path_factory.mktemp("large")
    path = synthetic_corpus(folder / "corpus.jsonl", 2500)
    done = batch(str(path), "-o", str(folder / "clean"), "--workers", "1", "--no-progress", "--no-report")
    assert done.returncode == 0, done.stderr
    return path, (folder / "clean" / "articles.jsonl").read_bytes()


@pytest.mark.parametrize("how", ["kill -9", "ctrl-c"])
def test_stopped_run_resumes_without_losing_or_doubling(large_corpus, tmp_path, how):
    corpus, expected = large_corpus
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "audit", "batch", str(corpus), "-o", str(out), "--workers",
                                "2", "--no-progress", "--no-report"], cwd=REPO, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    committed = _wait_for_rows(out / "audit.sqlite", process, 128)
    if how == "kill -9":
        os.killpg(process.pid, signal.SIGKILL)  # the whole process group: the workers die too
    else:
        os.killpg(process.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C
    _, stderr = process.communicate(timeout=120)
    if how == "kill -9":
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 130, stderr
        assert b"--resume" in stderr
        kept = jsonl(out / "articles.jsonl")  # written on the way out: the results so far, in input order
        assert len(kept) >= committed and len(kept) < 2500
    kept_rows = sqlite3.connect(out / "audit.sqlite").execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert committed <= kept_rows < 2500
    print(f"{how}: {committed} rows committed when stopped, {kept_rows} kept")

    resumed = batch(str(corpus), "-o", str(out), "--workers", "2", "--no-progress", "--no-report", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{kept_rows} already done" in resumed.stderr
    assert (out / "articles.jsonl").read_bytes() == expected
    db = sqlite3.connect(out / "audit.sqlite")
    assert db.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM articles").fetchone() == (2500, 2500)
    per_article = dict(db.execute("SELECT article_seq, COUNT(*) FROM findings GROUP BY article_seq"))
    expected_findings = {seq: len(a["findings"]) for seq, a in enumerate(jsonl(out / "articles.jsonl"))
                         if a["findings"]}
    assert per_article == expected_findings  # no findings doubled by the chunk that was in flight
    # The batch drops the query indexes while it writes and builds them at the end, a resumed run too.
    query = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    indexes = {name for (name,) in db.execute(query)}
    assert indexes == set(re.findall(r"CREATE INDEX IF NOT EXISTS (\w+)", INDEXES))


def test_resume_refuses_results_from_other_lexicons(corpus, tmp_path):
    out = tmp_path / "out"
    assert batch(str(corpus), "-o", str(out), "--workers", "1", "--no-progress", "--no-report").returncode == 0
    db = sqlite3.connect(out / "audit.sqlite")
    with db:
        db.execute("UPDATE run SET value = '\"0000\"' WHERE name = 'lexicon_version'")
    db.close()
    resumed = batch(str(corpus), "-o", str(out), "--workers", "1", "--no-progress", "--resume")
    assert resumed.returncode == 4 and "lexicon" in resumed.stderr


def test_in_process_api_and_summary(corpus, tmp_path):
    lines: list[str] = []
    summary, code = run_batch([str(corpus)], tmp_path / "api", workers=1, options=Options(score=False),
                              fields=Fields(), progress=False, report=False, log=lines.append)
    assert code == 0 and summary.audited == 150 and summary.skipped == 0
    assert all(a["score"] is None for a in jsonl(tmp_path / "api" / "articles.jsonl"))
    assert "audited 150 articles" in lines[-1]


def test_dask_local_cluster_matches_the_local_engine(corpus, tmp_path):
    pytest.importorskip("distributed", reason="the dask extra is not installed (pip install '.[dask]')")
    local = batch(str(corpus), "-o", str(tmp_path / "local"), "--workers", "1", "--no-progress", "--no-report")
    dask = batch(str(corpus), "-o", str(tmp_path / "dask"), "--engine", "dask", "--workers", "2",
                 "--no-progress", "--no-report")
    assert local.returncode == 0 and dask.returncode == 0, dask.stderr
    for name in ("articles.jsonl", "scores.csv"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()


def test_progress_bar_on_a_terminal_only(corpus, tmp_path):
    """A bar with rate and ETA when standard error is a terminal (here a pseudo-terminal that reports no
    size, as under CI runners); nothing but the summary line when it is a file or a pipe."""
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "audit", "batch", str(corpus), "-o", str(tmp_path / "tty"),
                                "--workers", "1", "--no-report"], cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            data = os.read(controller, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        shown += data
    assert process.wait(timeout=120) == 0
    text = shown.decode("utf-8", errors="replace")
    assert "150/150" in text and "art/s" in text and "100%" in text, text[-500:]
    piped = batch(str(corpus), "-o", str(tmp_path / "pipe"), "--workers", "1", "--no-report")
    assert piped.returncode == 0 and "%|" not in piped.stderr and "art/s" not in piped.stderr
    assert piped.stderr.startswith("audited 150 articles")


def test_clear_errors_for_a_bad_output_or_nothing_to_audit(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    nothing = batch(str(tmp_path / "empty"), "-o", str(tmp_path / "out"), "--no-progress")
    assert nothing.returncode == 3 and "no articles found" in nothing.stderr
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    clash = batch(str(SAMPLES), "-o", str(target), "--no-progress")
    assert clash.returncode == 2 and "not a folder" in clash.stderr and "Traceback" not in clash.stderr
    workers = batch(str(SAMPLES), "-o", str(tmp_path / "w"), "--workers", "0")
    assert workers.returncode == 2 and "--workers" in workers.stderr


def test_ctrl_c_right_after_a_commit_keeps_the_chunk(tmp_path):
    """Ctrl-C can land inside «COMMIT» once it went through: nothing is left to roll back, the chunk is kept
    and the interrupt goes on to stop the run cleanly (it used to end in a traceback from ROLLBACK)."""
    from audit.pipeline import audit_text
    from audit.store import Store, rows_for

    class InterruptedAfterCommit:
        def __init__(self, db):
            self.db = db

        def execute(self, sql, *args):
            result = self.db.execute(sql, *args)
            if sql == "COMMIT":
                raise KeyboardInterrupt
            return result

        def executemany(self, sql, rows):
            return self.db.executemany(sql, rows)

        @property
        def in_transaction(self):
            return self.db.in_transaction

    store = Store(tmp_path / "audit.sqlite")
    text = "قال وزير الخارجية أيمن الصفدي إن المحادثات مستمرة."
    rows = rows_for(0, "a.txt", "a.txt", audit_text(text, id="a", score=False).to_dict(), text)
    real, store.db = store.db, InterruptedAfterCommit(store.db)
    with pytest.raises(KeyboardInterrupt):
        store.commit([rows], [])
    store.db = real
    assert store.counts() == (1, 0)


def test_a_first_ctrl_c_asks_the_batch_to_stop_and_a_second_interrupts_it():
    """The first Ctrl-C only sets a flag the batch checks between chunks, so it never lands inside a lock
    or a transaction (an interrupted executor could hang at exit); a second one interrupts at once."""
    before = signal.getsignal(signal.SIGINT)
    with _stop_on_ctrl_c() as stop:
        os.kill(os.getpid(), signal.SIGINT)
        assert stop.wait(5)
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)
    assert signal.getsignal(signal.SIGINT) is before
