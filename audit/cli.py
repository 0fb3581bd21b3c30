"""The `audit` command. Thin: parse arguments, call the pipeline, hand results to a formatter."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from audit.errors import EXIT_BAD_CONFIG, EXIT_FAIL_UNDER, EXIT_OK, AuditError

EPILOG = """exit codes: 0 success; 1 --fail-under not met; 2 usage error; 3 unreadable or undecodable input;
4 invalid lexicon or model"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lexicons", metavar="DIR", action="append", default=[], type=Path,
                        help="also load the YAML lexicons in DIR (repeatable)")
    parser.add_argument("--model", metavar="FILE", type=Path, default=None,
                        help="sourcing-strength model file (default: the packaged model)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="audit", description="Audit how Arabic news articles attribute their claims.", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser("check", help="audit one article and print a summary",
                                description="Audit one article (a file, or - for standard input).",
                                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("path", metavar="PATH|-", help="article file (UTF-8, UTF-16, Windows-1256…), or -")
    check.add_argument("--format", choices=("text", "json", "md"), default="text", help="output format")
    check.add_argument("--id", help="article id to report (default: the file name)")
    check.add_argument("--title", help="headline, when the text does not start with one")
    check.add_argument("--fail-under", metavar="SCORE", type=float,
                       help="exit with code 1 when the sourcing score is below SCORE (0-100)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the terminal summary")
    check.add_argument("--no-score", action="store_true", help="skip the sourcing-strength classifier")
    _common(check)

    report = commands.add_parser(
        "report", help="write the HTML review report of an article (or of a batch's results folder)",
        description="Write a self-contained HTML review report: of one article (PATH a file, or - for standard "
                    "input), or of a corpus (PATH a folder written by audit batch).",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    report.add_argument("path", metavar="PATH|-|DIR", help="article file, -, or a batch results folder")
    report.add_argument("-o", "--output", metavar="FILE", type=Path, required=True, help="HTML file to write")
    report.add_argument("--id", help="article id to report (default: the file name)")
    report.add_argument("--title", help="headline, when the text does not start with one")
    report.add_argument("--no-charts", action="store_true", help="leave the charts out")
    _common(report)

    batch = commands.add_parser(
        "batch", help="audit a corpus: files, folders, JSON Lines, CSV",
        description="Audit every article in the inputs (files and folders of .txt/.md/.html, .jsonl, .csv, or - "
                    "for JSON Lines on standard input) into DIR: articles.jsonl, scores.csv, skipped.csv, "
                    "audit.sqlite and report.html. Exit code 3 when any input was skipped.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    batch.add_argument("inputs", metavar="INPUT", nargs="+", help="file, folder, .jsonl, .csv or -")
    batch.add_argument("-o", "--output", metavar="DIR", type=Path, required=True, help="results folder")
    batch.add_argument("--workers", type=int, default=None, help="worker processes (default: the number of cores)")
    batch.add_argument("--resume", action="store_true",
                       help="finish an interrupted batch in DIR: skip what was committed, audit the rest")
    batch.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local worker processes, or a Dask cluster (pip install '.[dask]')")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a local cluster)")
    progress = batch.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="show a progress bar even when standard error is not a terminal")
    progress.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")
    batch.add_argument("--no-report", action="store_true", help="do not write report.html")
    batch.add_argument("--no-score", action="store_true", help="skip the sourcing-strength classifier")
    for name in ("id", "text", "title", "outlet", "date", "url"):
        batch.add_argument(f"--{name}-field", default=name, metavar="NAME",
                           help=f"JSON key or CSV column holding the {name} (default: %(default)s)")
    batch.add_argument("--csv-delimiter", default=",", help="CSV delimiter (default: ,)")
    _common(batch)

    model = commands.add_parser("model", help="train or evaluate the sourcing-strength classifier")
    model_commands = model.add_subparsers(dest="model_command", metavar="ACTION", required=True)
    shared = Path(os.environ.get("AUDIT_SHARED_DIR", "../shared"))
    for name, help_text in (("train", "train the classifier on the labelled articles and write the model file"),
                            ("evaluate", "cross-validate against baselines and write reports/model-card.md")):
        action = model_commands.add_parser(name, help=help_text, description=help_text)
        action.add_argument("--corpus", type=Path, default=shared / "corpus" / "saudinewsnet_dev.jsonl",
                            help="JSON Lines corpus holding the labelled articles' text (default: %(default)s)")
        action.add_argument("--labels", type=Path, default=Path("labels/saudinewsnet.jsonl"),
                            help="labels keyed by article id (default: %(default)s)")
        action.add_argument("--seed", type=int, default=13, help="random seed (default: %(default)s)")
        if name == "train":
            action.add_argument("-o", "--output", type=Path, default=None,
                                help="model file to write (default: the packaged model)")
        else:
            action.add_argument("--holdout-corpus", type=Path, default=shared / "corpus" / "armpro_dev.jsonl",
                                help="out-of-outlet corpus (default: %(default)s)")
            action.add_argument("--holdout-labels", type=Path, default=Path("labels/armpro.jsonl"))
            action.add_argument("--relabels", type=Path, default=Path("labels/relabel_agreement.jsonl"),
                                help="a second labelling of some articles, for the agreement check")
            action.add_argument("-o", "--output-dir", type=Path, default=Path("reports"),
                                help="where model-card.md and its charts go (default: %(default)s)")

    lexicons = commands.add_parser("lexicons", help="work with lexicons")
    lexicon_commands = lexicons.add_subparsers(dest="lexicons_command", metavar="ACTION", required=True)
    lexicon_check = lexicon_commands.add_parser(
        "check", help="validate lexicons and run every rule's examples",
        description="Validate the built-in lexicons and, when given, the lexicons in DIR; every problem is "
                    "printed as path:line: message and the exit code is 4.")
    lexicon_check.add_argument("directories", metavar="DIR", nargs="*", type=Path,
                               help="directory (or file) of user lexicons to check with the built-in ones")
    return parser


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def run_check(args: argparse.Namespace) -> int:
    from audit.load import read_article
    from audit.pipeline import audit_text, get_lexicon

    lexicon = get_lexicon(args.lexicons)
    loaded = read_article(args.path)
    article_id = args.id or (Path(args.path).name if args.path != "-" else "stdin")
    result = audit_text(loaded.text, id=article_id, title=args.title, lexicon=lexicon, model=args.model,
                        score=not args.no_score,
                        meta={"encoding": loaded.encoding} if loaded.encoding not in ("utf-8",) else None)
    for warning in result.warnings:
        print(f"audit: warning: {loaded.source}: {warning}", file=sys.stderr)
    if args.format == "json":
        from audit.formatters import json as formatter

        sys.stdout.write(formatter.render(result) + "\n")
    elif args.format == "md":
        from audit.formatters import markdown

        sys.stdout.write(markdown.render(result))
    else:
        from audit.formatters import text

        sys.stdout.write(text.render(result, color=_use_color(args.color)))
    if args.fail_under is not None:
        if result.score is None:
            print("audit: error: --fail-under needs a sourcing score, and no model is available", file=sys.stderr)
            return EXIT_BAD_CONFIG
        if result.score["value"] < args.fail_under:
            print(f"audit: score {result.score['value']:.1f} is below --fail-under {args.fail_under:g}",
                  file=sys.stderr)
            return EXIT_FAIL_UNDER
    return EXIT_OK


def run_lexicons_check(args: argparse.Namespace) -> int:
    from audit.lexicon import iter_problems, load_lexicon

    problems = list(iter_problems(args.directories))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"audit: {len(problems)} lexicon problem(s)", file=sys.stderr)
        return EXIT_BAD_CONFIG
    lexicon = load_lexicon(args.directories)
    examples = sum(len(r.examples_match) + len(r.examples_no_match) for r in lexicon.rules)
    print(f"{len(lexicon.rules)} rules in {len(lexicon.files)} files: all valid, {examples} examples pass "
          f"(lexicon version {lexicon.version})")
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if args.path != "-" and path.is_dir():
        from audit.corpus_report import write_corpus_report_from

        write_corpus_report_from(path, args.output)
        print(f"wrote {args.output}", file=sys.stderr)
        return EXIT_OK
    from audit.formatters import html
    from audit.load import read_article
    from audit.pipeline import audit_text, get_lexicon

    lexicon = get_lexicon(args.lexicons)
    loaded = read_article(args.path)
    article_id = args.id or (path.name if args.path != "-" else "stdin")
    result = audit_text(loaded.text, id=article_id, title=args.title, lexicon=lexicon, model=args.model)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(html.render(result, with_charts=not args.no_charts), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def run_batch_command(args: argparse.Namespace) -> int:
    from audit.batch import Options, default_workers, run_batch
    from audit.inputs import Fields
    from audit.pipeline import get_lexicon

    get_lexicon(args.lexicons)  # a broken lexicon stops the batch before any worker starts
    if args.workers is not None and args.workers < 1:
        raise AuditError("--workers must be at least 1")
    options = Options(lexicons=tuple(str(d) for d in args.lexicons),
                      model=str(args.model) if args.model else None, score=not args.no_score)
    if options.score:
        from audit.score import get_model

        get_model(options.model, get_lexicon(args.lexicons).version)  # a bad model fails here, once
    fields = Fields(args.id_field, args.text_field, args.title_field, args.outlet_field, args.date_field,
                    args.url_field, args.csv_delimiter)
    _, code = run_batch(args.inputs, args.output, workers=args.workers or default_workers(), options=options,
                        fields=fields, resume=args.resume, engine=args.engine, scheduler=args.scheduler,
                        progress=args.progress, report=not args.no_report)
    return code


def run_model(args: argparse.Namespace) -> int:
    def log(line: str) -> None:
        print(line, flush=True)

    if args.model_command == "train":
        from audit.model import PACKAGED_MODEL
        from audit.training import train

        train(args.corpus, args.labels, args.output or PACKAGED_MODEL, seed=args.seed, log=log)
        return EXIT_OK
    from audit.evaluation import evaluate

    holdout_ok = args.holdout_corpus.exists() and args.holdout_labels.exists()
    evaluate(args.corpus, args.labels, args.output_dir, seed=args.seed, log=log,
             holdout_corpus=args.holdout_corpus if holdout_ok else None,
             holdout_labels=args.holdout_labels if holdout_ok else None, relabels=args.relabels)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return run_check(args)
        if args.command == "lexicons":
            return run_lexicons_check(args)
        if args.command == "model":
            return run_model(args)
        if args.command == "batch":
            return run_batch_command(args)
        if args.command == "report":
            return run_report(args)
    except AuditError as error:
        for line in str(error).splitlines() or [type(error).__name__]:
            print(f"audit: error: {line}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("audit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `audit check … | head`: the reader left; nothing more to say.
        sys.stderr.close()
        return EXIT_OK
    parser.error(f"unknown command {args.command!r}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
