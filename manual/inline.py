"""Texts from data, made safe for the page they are written into.

Two kinds of text come from data files, and each field is always of the same kind:

- inline texts (summaries, item texts and notes, field labels and help, options, section
  intros, glossary definitions) may carry emphasis and code, nothing else: `to_html`;
- plain texts (titles, section titles, stage and role labels, glossary terms and abbreviations,
  interface strings, the terminology list, language names) are shown exactly as written:
  escaped by the templates, and by `markdown_text` where Markdown reads them.

In both, anything that looks like HTML or script reaches the reader as text. In right-to-left
text, an inline text's Latin runs come isolated in <bdi> (`manual.bidi`), so that «2011/36/EU»
never shows as «EU/2011/36»; plain texts get the same from the templates' `isolated` filter.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import markdown
from markdown.extensions.abbr import AbbrExtension
from markupsafe import Markup

from manual.bidi import isolate  # Latin runs in right-to-left text, in a <bdi>

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
_LINK = re.compile(r"!?\[[^\]]*\]\(")
# Text that Markdown would leave as it is: no character that starts inline markup or a line
# break, and nothing at the start that could open a block (heading, list, quote, code).
_PLAIN = re.compile(r"[^\s#>*+\-=\d`\\_\[!<&~|:][^`*_\\\[!<&\n\r~|]*")
# What Python-Markdown lets a backslash escape, with the tables extension's "|"; the site's
# other extensions add none. "{" and "}" matter most: attr_list would read "{ onclick=... }".
# ">" is left out: it is written as "&gt;", which a backslash would spoil.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


@dataclass(frozen=True, eq=False)  # one per language's glossary, compared by identity
class Glossary:
    """Terms and abbreviations with their definitions (plain text), as the abbr extension takes them."""

    terms: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, terms: dict[str, str]) -> Glossary:
        return cls(tuple(terms.items()))

    @cached_property
    def pattern(self) -> re.Pattern:
        """The abbr extension's own pattern: whole words, the longest term first."""
        words = sorted((word for word, _ in self.terms), key=len, reverse=True)
        return re.compile(f"\\b(?:{'|'.join(re.escape(word) for word in words)})\\b")


@lru_cache(maxsize=8)
def _converter(glossary: Glossary | None = None) -> markdown.Markdown:
    if glossary is None or not glossary.terms:
        return markdown.Markdown(extensions=[], output_format="html")
    # Markdown's abbr extension, given the language's glossary as the pages' Markdown is: its terms
    # are marked as in a page (whole words; never inside code). A data text may not define its own
    # abbreviations ("*[x]: ..."): only the marking is kept, not the definitions' syntax.
    converter = markdown.Markdown(
        extensions=[AbbrExtension(glossary=dict(glossary.terms))], output_format="html"
    )
    converter.parser.blockprocessors.deregister("abbr")
    return converter


@lru_cache(maxsize=8192)
def to_html(text: str, glossary: Glossary | None = None) -> Markup:
    """Render one inline text, with `glossary`'s terms marked; ValueError when it is not inline text."""
    if _LINK.search(text):
        raise ValueError("links and images are not allowed in data texts (use the 'chapter' field)")
    if (
        _PLAIN.fullmatch(text)
        and not text.endswith(" ")
        and (glossary is None or not glossary.terms or not glossary.pattern.search(text))
    ):
        # what Markdown gives, without running it
        return isolate(Markup(html.escape(text, quote=False)))
    # Escaping first means anything that looks like HTML or script reaches the page as text.
    converter = _converter(glossary)
    converter.reset()
    out = converter.convert(html.escape(text, quote=False)).strip()
    match = _PARAGRAPH.match(out)
    if not match or "<p>" in match.group(1):
        raise ValueError(
            "expected one paragraph of inline text (no headings, lists or blank lines)"
        )
    return isolate(Markup(match.group(1)))


def markdown_text(text: str) -> Markup:
    """A plain text, on one line, that Markdown shows exactly as written (no syntax, no HTML)."""
    if isinstance(text, Markup):
        return text  # made by the manual itself
    one_line = " ".join(str(text).split())
    return Markup(html.escape(_MARKDOWN_SYNTAX.sub(r"\\\1", one_line)))


def plain_text(text: str) -> str:
    """An inline text without its emphasis and code marks, for a tooltip."""
    return re.sub(r"[*_`]", "", " ".join(text.split()))
