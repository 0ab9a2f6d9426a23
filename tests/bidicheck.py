"""Read a built page's text the way the Unicode bidirectional algorithm sees it.

Each block (paragraph, list item, table cell, heading, label…) is one paragraph of the
algorithm, in the direction its nearest `dir` gives. A <bdi> is a FIRST STRONG ISOLATE, and an
element with a `dir` an isolate of that direction (the HTML standard's `unicode-bidi: isolate`),
so a run the page isolates is laid out on its own, as a browser does.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from manual.bidi import FSI, LRI, PDI, RLI, misordered

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "legend",
        "option",
        "select",
        "textarea",
        "br",
    ]
)
# Laid out as boxes of their own (inline-block in the stylesheets): a paragraph each.
BOX_CLASSES = frozenset({"form-choice"})
SKIPPED = frozenset({"script", "style", "svg", "template", "noscript", "head", "title"})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col"})
OPENS = {"ltr": LRI, "rtl": RLI, "auto": FSI}


@dataclass
class Paragraph:
    text: str
    direction: str

    def misordered(self) -> list[str]:
        return misordered(self.text, self.direction)


class _Reader(HTMLParser):
    def __init__(self, direction: str):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[Paragraph] = []
        self._stack: list[tuple[str, str, str, bool]] = []  # (tag, direction, closed by, a block)
        self._base = direction
        self._text: list[str] = []
        self._skip = 0

    def _direction(self) -> str:
        return self._stack[-1][1] if self._stack else self._base

    def _flush(self):
        text = "".join(self._text)
        if text.strip(" \n\t" + FSI + LRI + RLI + PDI):
            self.paragraphs.append(Paragraph(" ".join(text.split()), self._direction()))
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIPPED:
            self._skip += 1
        if self._skip:
            return
        if tag == "html" and attrs.get("dir"):
            self._base = attrs["dir"]
        block = tag in BLOCKS or bool(BOX_CLASSES & set((attrs.get("class") or "").split()))
        if block:
            self._flush()
        if tag in VOID:
            return
        direction = (attrs.get("dir") or "").lower()
        closes = ""
        if (tag == "bdi" or direction in OPENS) and not block:
            self._text.append(OPENS.get(direction, FSI))
            closes = PDI
        resolved = direction if direction in ("ltr", "rtl") else self._direction()
        self._stack.append((tag, resolved, closes, block))

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip or tag in VOID:
            return
        block = tag in BLOCKS or any(t == tag and b for t, _, _, b in self._stack[-1:])
        if block:
            self._flush()
        while self._stack:
            name, _, closes, _ = self._stack.pop()
            self._text.append(closes)
            if name == tag:
                break
        if block:
            self._text = []

    def handle_data(self, data):
        if not self._skip:
            self._text.append(data)


def paragraphs(html: str, direction: str = "ltr") -> list[Paragraph]:
    reader = _Reader(direction)
    reader.feed(html)
    reader.close()
    reader._flush()
    return reader.paragraphs


def misordered_in_page(path: Path) -> list[tuple[str, str]]:
    """(run, paragraph) for every Latin run the page would show out of its order."""
    found = []
    for paragraph in paragraphs(path.read_text(encoding="utf-8")):
        found += [(run, paragraph.text) for run in paragraph.misordered()]
    return found
