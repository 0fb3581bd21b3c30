"""Arabic news sourcing auditor: who speaks in an article, how identifiable they are, and how strong the
sourcing is.

    >>> from audit import audit_text
    >>> result = audit_text(open("article.txt", encoding="utf-8").read())
    >>> result.to_dict()["metrics"]["anonymous_share"]
"""

from pathlib import Path

from audit import pipeline
from audit.pipeline import audit_text

__all__ = ["audit_text", "is_compiled"]
__version__ = "0.1.0"


def is_compiled() -> bool:
    """Whether the per-article pipeline runs as the mypyc-compiled extensions built by setup.py (False for
    an editable or AUDIT_PURE_PYTHON install)."""
    return Path(pipeline.__file__).suffix in (".so", ".pyd")
