"""The JSON contract of DESIGN.md: one object per article."""

from __future__ import annotations

import json as _json

from audit.results import ArticleAudit


def render(audit: ArticleAudit, *, indent: int | None = 2) -> str:
    return _json.dumps(audit.to_dict(), ensure_ascii=False, indent=indent)
