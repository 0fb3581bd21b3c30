"""Exit codes and the errors that map to them (DESIGN.md, "CLI surface")."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAIL_UNDER = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_BAD_CONFIG = 4


class AuditError(Exception):
    """Base class: an error the CLI reports in one line and turns into an exit code."""

    exit_code = EXIT_USAGE


class InputError(AuditError):
    """The input cannot be read or decoded; the message names the file."""

    exit_code = EXIT_BAD_INPUT


class LexiconError(AuditError):
    """One or more lexicon files are invalid; `problems` holds `path:line: message` strings."""

    exit_code = EXIT_BAD_CONFIG

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class ModelError(AuditError):
    """The model file is missing, corrupted or does not match the lexicons."""

    exit_code = EXIT_BAD_CONFIG


class ConfigError(AuditError):
    """The run's configuration conflicts with existing results (e.g. resuming with other lexicons)."""

    exit_code = EXIT_BAD_CONFIG
