"""Inline Markdown in data fields: emphasis and code only, with any HTML shown as text."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
from markupsafe import Markup

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
_LINK = re.compile(r"!?\[[^\]]*\]\(")
# Text that Markdown would leave as it is: no character that starts inline markup or a line
# break, and nothing at the start that could open a block (heading, list, quote, code).
_PLAIN = re.compile(r"[^\s#>*+\-=\d`\\_\[!<&~|:][^`*_\\\[!<&\n\r~|]*")


@lru_cache(maxsize=None)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[], output_format="html")


@lru_cache(maxsize=4096)
def to_html(text: str) -> Markup:
    """Render one inline text; raise ValueError when it is not inline text."""
    if _LINK.search(text):
        raise ValueError("links and images are not allowed in data texts (use the 'chapter' field)")
    if _PLAIN.fullmatch(text) and not text.endswith(" "):
        return Markup(html.escape(text, quote=False))  # what Markdown gives, without running it
    # Escaping first means anything that looks like HTML or script reaches the page as text.
    converter = _converter()
    converter.reset()
    out = converter.convert(html.escape(text, quote=False)).strip()
    match = _PARAGRAPH.match(out)
    if not match or "<p>" in match.group(1):
        raise ValueError("expected one paragraph of inline text (no headings, lists or blank lines)")
    return Markup(match.group(1))
