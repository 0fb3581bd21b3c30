"""The SQLite store of a batch: every audited article with its findings, attributions and sources, and
every skipped input with its reason. Results are committed a chunk at a time in one transaction, so a
killed run loses at most the chunk in flight and `--resume` picks up from what was committed.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS run (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY,           -- position in the input: the order of articles.jsonl
    key TEXT NOT NULL UNIQUE,          -- file, or file:line / file:row: what --resume recognises
    id TEXT NOT NULL, source TEXT, outlet TEXT, date TEXT, url TEXT, title TEXT,
    words INTEGER, sentences INTEGER, score REAL, band TEXT, p_weak REAL, p_moderate REAL, p_strong REAL,
    attributions INTEGER, distinct_sources INTEGER, named_source_share REAL, anonymous_share REAL,
    attributed_sentence_ratio REAL, hedges_per_100_words REAL, agentless INTEGER, unattributed_claims INTEGER,
    text BLOB,                         -- the audited text, zlib-compressed: offsets refer to it
    json BLOB NOT NULL                 -- the DESIGN.md object, zlib-compressed
);
CREATE TABLE IF NOT EXISTS findings (
    article_seq INTEGER NOT NULL REFERENCES articles(seq), category TEXT, label TEXT,
    start INTEGER, "end" INTEGER, text TEXT, rule TEXT, sentence INTEGER);
CREATE TABLE IF NOT EXISTS attributions (
    article_seq INTEGER NOT NULL REFERENCES articles(seq), cue_start INTEGER, cue_end INTEGER, cue TEXT,
    stance TEXT, source_index INTEGER, source_start INTEGER, source_end INTEGER, source TEXT,
    source_type TEXT, content_start INTEGER, content_end INTEGER);
CREATE TABLE IF NOT EXISTS sources (
    article_seq INTEGER NOT NULL REFERENCES articles(seq), source_index INTEGER, name TEXT, type TEXT,
    opacity INTEGER, mentions INTEGER, attributions INTEGER, anonymity_reason_given INTEGER);
CREATE TABLE IF NOT EXISTS skipped (
    seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, id TEXT, source TEXT, reason TEXT);
"""
# The indexes for the standards desk's questions. A batch builds them once at the end: kept up to date row by
# row they cost the writing process a third of its time per article.
INDEXES = """
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet, band);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE INDEX IF NOT EXISTS findings_article ON findings(article_seq);
CREATE INDEX IF NOT EXISTS findings_category ON findings(category, label);
CREATE INDEX IF NOT EXISTS attributions_article ON attributions(article_seq);
CREATE INDEX IF NOT EXISTS sources_type ON sources(type, article_seq);
CREATE INDEX IF NOT EXISTS sources_name ON sources(name);
CREATE INDEX IF NOT EXISTS sources_article ON sources(article_seq);
"""
_INDEX_NAME = re.compile(r"CREATE INDEX IF NOT EXISTS (\w+)")
# Ready answers to the questions a standards desk asks first.
VIEWS = """
CREATE VIEW IF NOT EXISTS outlet_sourcing AS
    SELECT a.outlet, COUNT(*) AS articles, ROUND(AVG(a.score), 1) AS mean_score,
           ROUND(AVG(a.anonymous_share), 3) AS mean_anonymous_share,
           ROUND(AVG(a.named_source_share), 3) AS mean_named_share,
           SUM(a.band = 'weak') AS weak, SUM(a.band = 'moderate') AS moderate, SUM(a.band = 'strong') AS strong
    FROM articles a GROUP BY a.outlet;
CREATE VIEW IF NOT EXISTS outlets_cited AS
    SELECT s.name AS cited_outlet, a.outlet AS citing_outlet, a.id AS article_id, a.title
    FROM sources s JOIN articles a ON a.seq = s.article_seq WHERE s.type = 'named_media';
"""
SCORE_COLUMNS = ("id", "outlet", "date", "title", "score", "band", "p_weak", "p_moderate", "p_strong", "words",
                 "sentences", "attributions", "distinct_sources", "named_source_share", "anonymous_share",
                 "attributed_sentence_ratio", "hedges_per_100_words", "agentless", "unattributed_claims", "source")


# The JSON of one article is a tree `to_dict` has just built: it cannot hold a cycle, and not looking for
# one makes encoding a sixth faster.
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


@dataclass(frozen=True)
class Rows:
    """One audited article, flattened for the store (built in the worker that audited it)."""

    seq: int
    key: str
    article: tuple
    findings: list[tuple]
    attributions: list[tuple]
    sources: list[tuple]


def rows_for(seq: int, key: str, source: str, data: dict[str, Any], text: str) -> Rows:
    """Flatten one article's JSON object into store rows."""
    metrics, stats, score = data["metrics"], data["stats"], data.get("score") or {}
    probabilities = score.get("probabilities") or {}
    # Level 1: a third of the size of plain JSON at a fraction of the cost of higher levels.
    blob = zlib.compress(_COMPACT_JSON.encode(data).encode("utf-8"), 1)
    article = (seq, key, data["id"], source, data.get("outlet"), data.get("date"), data.get("url"), data.get("title"),
               stats["words"], stats["sentences"], score.get("value"), score.get("band"), probabilities.get("weak"),
               probabilities.get("moderate"), probabilities.get("strong"), metrics["attributions"],
               metrics["distinct_sources"], metrics["named_source_share"], metrics["anonymous_share"],
               metrics["attributed_sentence_ratio"], metrics["hedges_per_100_words"], metrics["agentless"],
               metrics["unattributed_claims"], zlib.compress(text.encode("utf-8"), 1), blob)
    findings = [(seq, f["category"], f["label"], f["start"], f["end"], f["text"], f["rule"], f["sentence"])
                for f in data["findings"]]
    attributions = []
    for a in data["attributions"]:
        src, content = a["source"], a["content"]
        attributions.append((seq, a["cue"]["start"], a["cue"]["end"], a["cue"]["text"], a["cue"]["stance"],
                             src.get("index") if src else None, src["start"] if src else None,
                             src["end"] if src else None, src["text"] if src else None, src["type"] if src else None,
                             content["start"] if content else None, content["end"] if content else None))
    sources = [(seq, index, s["name"], s["type"], s["opacity"], len(s["mentions"]), s.get("attributions", 0),
                int(bool(s["anonymity_reason_given"]))) for index, s in enumerate(data["sources"])]
    return Rows(seq, key, article, findings, attributions, sources)


class Store:
    def __init__(self, path: Path, *, bulk: bool = False):
        """With `bulk` (a batch writing many articles), the indexes wait for `index()`."""
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA + VIEWS)
        if bulk:
            # A resumed batch writes as fast as a new one; a batch killed with kill -9 leaves its results
            # without these indexes until it is resumed.
            for name in _INDEX_NAME.findall(INDEXES):
                self.db.execute(f"DROP INDEX IF EXISTS {name}")
        else:
            self.index()

    def index(self) -> None:
        self.db.executescript(INDEXES)

    def close(self) -> None:
        self.db.close()

    def set_run(self, values: dict[str, Any]) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO run VALUES (?, ?)",
                                [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()])

    def run_info(self) -> dict[str, Any]:
        return {name: json.loads(value) for name, value in self.db.execute("SELECT name, value FROM run")}

    def done_keys(self) -> set[str]:
        keys = {row[0] for row in self.db.execute("SELECT key FROM articles")}
        keys.update(row[0] for row in self.db.execute("SELECT key FROM skipped"))
        return keys

    def is_empty(self) -> bool:
        query = "SELECT NOT EXISTS (SELECT 1 FROM articles UNION ALL SELECT 1 FROM skipped)"
        return bool(self.db.execute(query).fetchone()[0])

    def commit(self, done: Iterable[Rows], skipped: Iterable[tuple[int, str, str, str, str]]) -> None:
        """Write a chunk of results in one transaction: all of it lands, or none of it."""
        done = list(done)
        db = self.db
        db.execute("BEGIN")
        try:
            db.executemany("INSERT OR REPLACE INTO articles VALUES (" + ",".join("?" * 25) + ")",
                           [r.article for r in done])
            db.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?)", [f for r in done for f in r.findings])
            db.executemany("INSERT INTO attributions VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                           [a for r in done for a in r.attributions])
            db.executemany("INSERT INTO sources VALUES (?,?,?,?,?,?,?,?)", [s for r in done for s in r.sources])
            db.executemany("INSERT OR REPLACE INTO skipped VALUES (?,?,?,?,?)", list(skipped))
            db.execute("COMMIT")
        except BaseException:
            # Ctrl-C can land just after COMMIT went through: then there is nothing to roll back, and the
            # chunk is kept (and --resume will not redo it).
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def counts(self) -> tuple[int, int]:
        articles = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        skipped = self.db.execute("SELECT COUNT(*) FROM skipped").fetchone()[0]
        return articles, skipped

    def skipped_rows(self) -> list[dict[str, Any]]:
        return [{"id": i, "source": s, "reason": r}
                for i, s, r in self.db.execute("SELECT id, source, reason FROM skipped ORDER BY seq")]

    def text(self, seq: int) -> str:
        row = self.db.execute("SELECT text FROM articles WHERE seq = ?", (seq,)).fetchone()
        return zlib.decompress(row[0]).decode("utf-8")

    def articles_json(self) -> Iterator[dict[str, Any]]:
        for (blob,) in self.db.execute("SELECT json FROM articles ORDER BY seq"):
            yield json.loads(zlib.decompress(blob))

    def export(self, directory: Path) -> None:
        """articles.jsonl and scores.csv, in input order; the same store always gives the same bytes."""
        with (directory / "articles.jsonl").open("wb") as out:
            for (blob,) in self.db.execute("SELECT json FROM articles ORDER BY seq"):
                out.write(zlib.decompress(blob))
                out.write(b"\n")
        columns = ", ".join(SCORE_COLUMNS)
        with (directory / "scores.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(SCORE_COLUMNS)
            for row in self.db.execute(f"SELECT {columns} FROM articles ORDER BY seq"):
                writer.writerow(["" if value is None else value for value in row])
        with (directory / "skipped.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(("id", "source", "reason"))
            for row in self.db.execute("SELECT id, source, reason FROM skipped ORDER BY seq"):
                writer.writerow(row)
