"""Arabic news sourcing auditor: who speaks in an article, how identifiable they are, and how strong the
sourcing is.

    >>> from audit import audit_text
    >>> result = audit_text(open("article.txt", encoding="utf-8").read())
    >>> result.to_dict()["metrics"]["anonymous_share"]
"""

from audit.pipeline import audit_text

__all__ = ["audit_text"]
__version__ = "0.1.0"
