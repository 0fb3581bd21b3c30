"""Batch inputs: files and folders, JSON Lines, CSV and standard input, streamed one article at a time.

Every input becomes an `Article` or, when it cannot be read, a `SkippedArticle` with the reason: a batch never
stops on one bad article. Each record carries a stable `key` (file, and line or row) by which `--resume`
recognises what is already done.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from audit.errors import InputError
from audit.htmltext import extract
from audit.load import decode
from audit.results import SkippedArticle

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TABLE_SUFFIXES = frozenset({".jsonl", ".csv"})
META_FIELDS = ("title", "outlet", "date", "url")
_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes kept by errors="surrogateescape"
_CSV_FIELD_LIMIT = 1 << 30  # an article is one field, often longer than the csv module's 128 KiB default


@dataclass(frozen=True)
class Fields:
    """Names of the JSON keys or CSV columns holding each field."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    outlet: str = "outlet"
    date: str = "date"
    url: str = "url"
    csv_delimiter: str = ","


@dataclass(frozen=True)
class Article:
    key: str
    """Stable identity of the input: path, or path:line for JSON Lines and path:row for CSV."""
    id: str
    text: str
    source: str
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str = "utf-8"
    extracted: bool = False
    """True when the text was extracted from HTML (results then store it)."""


@dataclass(frozen=True)
class Pending:
    """An input read but not yet decoded or parsed: the work is left to the worker that audits it, so the
    process reading the corpus stays light."""

    key: str
    kind: str
    """`jsonl` (one line), `text` or `html` (a whole file)."""
    raw: bytes
    encoding: str | None = None

    @property
    def source(self) -> str:
        return self.key


Record = Article | SkippedArticle | Pending


def discover(inputs: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """(kind, path) for each input, folders expanded recursively in a stable order; kind is `text`, `html`,
    `jsonl`, `csv`, `stdin` or `missing`/`unsupported`."""
    for name in inputs:
        if name == "-":
            yield "stdin", None
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                kind = _kind(child)
                if kind != "unsupported":
                    yield kind, child
        elif path.is_file():
            yield _kind(path), path
        else:
            yield "missing", path


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".jsonl":
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    return "unsupported"


def count(inputs: Iterable[str]) -> int | None:
    """How many records the inputs hold (for a progress bar's ETA), or None when it cannot be known cheaply."""
    total = 0
    for kind, path in discover(inputs):
        if kind == "stdin":
            return None
        if kind in ("jsonl", "csv") and path is not None:
            with path.open("rb") as handle:
                lines = sum(1 for line in handle if line.strip())
            total += lines - (1 if kind == "csv" and lines else 0)
        else:
            total += 1
    return total


def read_all(inputs: Iterable[str], fields: Fields = Fields()) -> Iterator[Record]:
    for kind, path in discover(inputs):
        if kind == "missing":
            yield SkippedArticle(str(path), str(path), "no such file or directory")
        elif kind == "unsupported":
            yield SkippedArticle(str(path), str(path), f"unsupported file type {path.suffix!r}")  # type: ignore
        elif kind == "stdin":
            yield from _json_lines(sys.stdin.buffer, "<stdin>", fields)
        elif kind == "jsonl":
            with path.open("rb") as handle:  # type: ignore[union-attr]
                yield from _json_lines(handle, str(path), fields)
        elif kind == "csv":
            yield from _csv_rows(path, fields)  # type: ignore[arg-type]
        else:
            key = str(path)
            try:
                yield Pending(key, kind, path.read_bytes())  # type: ignore[union-attr]
            except OSError as error:
                yield SkippedArticle(key, key, f"cannot read ({error.strerror})")


def materialize(record: Record, fields: Fields) -> Article | SkippedArticle:
    """Decode and parse a pending input (in a worker); articles and skipped records pass through."""
    if not isinstance(record, Pending):
        return record
    if record.kind == "jsonl":
        return _parse_line(record.raw, record.key, record.encoding or "utf-8", fields)
    return _file(record.key, record.raw, record.kind == "html")


def _file(key: str, raw: bytes, html: bool) -> Article | SkippedArticle:
    try:
        text, encoding = decode(raw, key)
    except InputError as error:
        return SkippedArticle(key, key, str(error).removeprefix(f"{key}: "))
    meta: dict[str, Any] = {}
    if html:
        title, text = extract(text)
        if not text.strip():
            return SkippedArticle(key, key, "no article text in the HTML page")
        meta["title"] = title
    return Article(key, key, text, key, meta, encoding, extracted=html)


def _line_decoder(sample: bytes, name: str) -> str:
    """Encoding of a JSON Lines stream from its first bytes: a BOM decides; then UTF-8 if the sample is
    UTF-8; then the legacy Arabic code page the sample reads best in."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 3:  # a character cut by the end of the sample
            return "utf-8"
    try:
        return decode(sample, name)[1]
    except InputError:
        return "utf-8"  # each undecodable line is then skipped with its reason


def _json_lines(handle: BinaryIO, name: str, fields: Fields) -> Iterator[Record]:
    sample = handle.peek(65536)[:65536] if hasattr(handle, "peek") else b""
    encoding = _line_decoder(sample, name)
    if encoding == "utf-16":
        stream: Iterable[bytes] = (line.encode("utf-8") for line in io.TextIOWrapper(handle, encoding="utf-16"))
        encoding = "utf-8"
    else:
        stream = handle
    for number, raw in enumerate(stream, 1):
        if raw.strip():
            yield Pending(f"{name}:{number}", "jsonl", raw, encoding)


def _parse_line(raw: bytes, key: str, encoding: str, fields: Fields) -> Article | SkippedArticle:
    try:
        line = raw.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as error:
        return SkippedArticle(key, key, f"line is not valid {encoding} (byte {error.start})")
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return SkippedArticle(key, key, f"malformed JSON ({error.msg} at column {error.colno})")
    if not isinstance(row, dict):
        return SkippedArticle(key, key, "a JSON line must hold an object")
    return _row(row, key, key.rsplit(":", 1)[0], fields)


def _csv_rows(path: Path, fields: Fields) -> Iterator[Record]:
    """Rows streamed from the file (a CSV corpus can be larger than memory). The encoding is read from the
    first bytes; a row with bytes that do not decode is skipped on its own."""
    name = str(path)
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    with path.open("rb") as handle:
        sample = handle.peek(65536)[:65536]
        if not sample.strip():
            yield SkippedArticle(name, name, "empty file (nothing to audit)")
            return
        encoding = _line_decoder(sample, name)
        text = io.TextIOWrapper(handle, encoding=encoding, errors="surrogateescape", newline="")
        reader = csv.DictReader(text, delimiter=fields.csv_delimiter)
        try:
            columns = reader.fieldnames
        except (csv.Error, UnicodeError) as error:
            yield SkippedArticle(name, name, f"not a readable CSV file ({error})")
            return
        if columns is None or fields.text not in columns:
            yield SkippedArticle(name, name, f"no {fields.text!r} column (columns: {', '.join(columns or [])})")
            return
        number = 1
        while True:
            number += 1
            key = f"{name}:{number}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeError) as error:
                yield SkippedArticle(key, key, f"CSV error, rest of the file not read ({error})")
                return
            if any(_UNDECODED.search(value) for value in row.values() if isinstance(value, str)):
                yield SkippedArticle(key, key, f"row is not valid {encoding}")
                continue
            yield _row(row, key, name, fields, encoding)


def _row(row: dict[str, Any], key: str, name: str, fields: Fields, encoding: str = "utf-8") -> Article | SkippedArticle:
    identifier = row.get(fields.id)
    identifier = str(identifier) if identifier not in (None, "") else key
    text = row.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        return SkippedArticle(identifier, key, f"no text in the {fields.text!r} field")
    meta = {}
    for meta_field in META_FIELDS:
        value = row.get(getattr(fields, meta_field))
        if value not in (None, ""):
            meta[meta_field] = str(value)
    return Article(key, identifier, text, key, meta, encoding)
