"""Sourcing-strength score. Until a trained model ships with the package, audits carry `score: null`."""

from __future__ import annotations

from typing import Any

from audit.results import ArticleAudit


def score_audit(audit: ArticleAudit, *, model: Any = None, lexicon: Any = None) -> ArticleAudit:
    return audit
