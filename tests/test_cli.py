"""`audit check`: output formats, the JSON contract, exit codes and every kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SAMPLES

from audit.cli import main

ARTICLE = "قال وزير الخارجية أيمن الصفدي إن المحادثات ستستأنف. وبحسب مصادر مطلعة، قد يتأخر الاتفاق.\n"


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_text_summary(capsys, article):
    code, out, _ = run(capsys, "check", str(article), "--color", "never")
    assert code == 0
    assert "Sources" in out and "وزير الخارجية أيمن الصفدي" in out and "anonymous" in out
    assert "[قد يتأخر]" in out


def test_json_follows_the_contract(capsys, article):
    code, out, _ = run(capsys, "check", str(article), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == "1" and data["id"] == "article.txt"
    assert {"stats", "findings", "attributions", "sources", "metrics", "score"} <= set(data)
    assert set(data["stats"]) >= {"words", "sentences", "paragraphs", "arabic_ratio"}
    for finding in data["findings"]:
        assert set(finding) == {"category", "label", "start", "end", "text", "rule", "sentence"}
        assert ARTICLE[finding["start"]:finding["end"]] == finding["text"]
    attribution = data["attributions"][0]
    assert set(attribution) >= {"cue", "source", "content"}
    assert set(attribution["cue"]) >= {"start", "end", "text", "stance"}
    assert set(attribution["source"]) >= {"start", "end", "text", "type"}
    source = data["sources"][0]
    assert set(source) >= {"name", "type", "opacity", "mentions", "anonymity_reason_given"}
    assert {"attributed_sentence_ratio", "distinct_sources", "named_source_share", "anonymous_share",
            "hedges_per_100_words", "source_type_entropy"} <= set(data["metrics"])


def test_markdown(capsys, article):
    code, out, _ = run(capsys, "check", str(article), "--format", "md")
    assert code == 0 and out.startswith("### Sourcing audit") and "| Source |" in out


def test_stdin(article):
    done = subprocess.run([sys.executable, "-m", "audit", "check", "-", "--format", "json"],
                          input=ARTICLE.encode("utf-8"), capture_output=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == "stdin"


def test_sample_article_runs(capsys):
    code, out, _ = run(capsys, "check", str(SAMPLES / "article.txt"), "--color", "never")
    assert code == 0 and "Flagged phrases" in out


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "empty file"),
    (b"  \n\t \r\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"abc\x00\x01\x02def\x00" * 20, "binary file"),
    (bytes(range(128, 256)) * 4, "cannot decode"),
])
def test_bad_input_exits_3_with_a_message_naming_the_file(capsys, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "check", str(path))
    assert code == 3
    assert out == ""
    assert err.count("\n") == 1 and str(path) in err and message in err


def test_a_directory_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 3 and "is a directory" in err


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"])
def test_encodings_are_decoded(capsys, tmp_path, encoding):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    code, out, _ = run(capsys, "check", str(path), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [s["name"] for s in data["sources"]] == ["وزير الخارجية أيمن الصفدي", "مصادر مطلعة"]


def test_non_arabic_text_warns(capsys, tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("The minister said talks would resume next week.", encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 0 and "warning" in err and "Arabic" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["check"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["check", "x.txt", "--format", "pdf"])
    assert caught.value.code == 2


def test_user_lexicons_option(capsys, tmp_path, article):
    user = tmp_path / "lex"
    user.mkdir()
    (user / "extra.yml").write_text(
        "rules:\n  - id: user.hedge\n    kind: phrase\n    category: hedge\n    phrases: [المحادثات]\n"
        "    examples: {match: [المحادثات], no_match: [الاتفاق]}\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(article), "--format", "json", "--lexicons", str(user))
    assert code == 0
    assert "user.hedge" in {f["rule"] for f in json.loads(out)["findings"]}
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "x.yml").write_text("rules:\n  - id: BAD\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(article), "--lexicons", str(broken))
    assert code == 4 and f"{broken / 'x.yml'}:2:" in err
