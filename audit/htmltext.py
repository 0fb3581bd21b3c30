"""The article inside an HTML page: its title and main text, without scripts, styles, navigation and other
page chrome. Offsets of an audit then refer to this extracted text, which batch results store."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DROPPED = frozenset({"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
                      "button", "select", "iframe", "figure", "menu"})
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                     "blockquote", "tr", "table", "br", "hr", "dd", "dt", "figcaption", "pre"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track",
                   "wbr", "param"})
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.stack: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.in_title = False
        self.in_h1 = False
        self.containers: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._text("\n")
            return
        self.stack.append(tag)
        if self.skip_depth or tag in _DROPPED or _is_chrome(attrs):
            self.skip_depth += 1
            return
        if tag == "title":
            self.in_title = True
        elif tag == "h1":
            self.in_h1 = True
        if tag in ("article", "main"):
            self.containers.append(tag)
        if tag in _BLOCKS:
            self._text("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            else:
                if open_tag == "title":
                    self.in_title = False
                elif open_tag == "h1":
                    self.in_h1 = False
                if open_tag in ("article", "main") and self.containers:
                    self.containers.pop()
                if open_tag in _BLOCKS:
                    self._text("\n\n" if open_tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") else "\n")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title and not self.skip_depth:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self._text(data)

    def _text(self, data: str) -> None:
        self.parts["body"].append(data)
        for container in set(self.containers):
            self.parts[container].append(data)


def _is_chrome(attrs) -> bool:
    """Elements whose class or id says they are navigation, sharing, comments or related links."""
    for name, value in attrs:
        if name in ("class", "id", "role") and value:
            lowered = value.lower()
            if any(word in lowered for word in ("nav", "menu", "share", "social", "comment", "related", "footer",
                                                "header", "sidebar", "breadcrumb", "advert", "banner", "cookie")):
                return True
    return False


def _clean(parts: list[str]) -> str:
    text = "".join(parts)
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def extract(html: str) -> tuple[str | None, str]:
    """(title, main text) of an HTML page: the <article> if there is one, else <main>, else the body."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    title = _clean(parser.h1_parts) or _clean(parser.title_parts) or None
    for container in ("article", "main", "body"):
        text = _clean(parser.parts[container])
        if len(text.split()) >= 20 or container == "body":
            return title, text
    return title, ""
