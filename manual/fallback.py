"""Pages a translation lacks (the English text, with a notice in the reader's language), and
translated pages whose English has changed since (with a notice too)."""

from __future__ import annotations

import posixpath
import re

from markupsafe import Markup

from manual import templates
from manual.interface import Strings

_TITLE = re.compile(r"^# .*$", re.MULTILINE)


def notice(strings: Strings, english_link: str) -> str:
    """The notice, as Markdown, in the reader's language."""
    return templates.render("fallback-notice.md.j2", strings=strings, english_link=english_link)


def stale_notice(strings: Strings, english_link: str, entries: bool = False) -> str:
    """The notice of a translation made from an earlier English text (of some `entries` only)."""
    return templates.render(
        "stale-notice.md.j2", strings=strings, entries=entries, english_link=english_link
    )


def add_notice(
    markdown: str, strings: Strings, english_link: str, source: str = "en", direction: str = "ltr"
) -> str:
    """Put the notice right under the page title, so it shows on screen, in print and in PDFs;
    mark the rest, the source language's text, as that language and direction.

    The page around it is the reader's language (an Arabic page reads right to left): without
    its own `lang` and `dir`, English there would be read aloud with an Arabic voice and set
    right to left, its full stops and brackets at the wrong end.
    """
    match = _TITLE.search(markdown)
    if match is None:
        return notice(strings, english_link) + "\n" + source_text(markdown, source, direction)
    title = _with_attributes(match[0], f"lang={source} dir={direction}")
    return (
        markdown[: match.start()]
        + title
        + "\n\n"
        + notice(strings, english_link)
        + source_text(markdown[match.end() :], source, direction)
    )


def source_text(markdown: str, source: str, direction: str) -> str:
    """Markdown in the source language, marked as such inside a page of another language."""
    return templates.render(
        "fallback-text.md.j2", body=Markup(markdown), source=source, direction=direction
    )


_ATTRIBUTES = re.compile(r"[ \t]*\{:?[ \t]*(?P<attrs>[^}]*?)[ \t]*\}[ \t]*$")


def _with_attributes(heading: str, attributes: str) -> str:
    """A Markdown heading with more attributes (attr_list), beside any it has."""
    match = _ATTRIBUTES.search(heading)
    if match is None:
        return f"{heading} {{ {attributes} }}"
    return f"{heading[: match.start()]} {{ {match['attrs']} {attributes} }}"


def under_title(markdown: str, notice_md: str) -> str:
    """`notice_md` right under the page's title (first, on a page without one)."""
    match = _TITLE.search(markdown)
    if match is None:
        return notice_md + "\n" + markdown
    return markdown[: match.end()] + "\n\n" + notice_md + markdown[match.end() :]


# A link in Markdown to a page of the manual, with a section: [text](../a/b.md#section)
_SECTION_LINK = re.compile(r"\]\((?P<path>[^)\s#:]+\.md)#(?P<anchor>[A-Za-z0-9_-]+)\)")


def declares(markdown: str, anchor: str) -> bool:
    """Whether a page gives a section this anchor ({ #anchor } or an id attribute)."""
    # (?![\w-]): "#new" is not "#new-steps"
    name = re.escape(anchor) + r"(?![\w-])"
    return re.search(rf"\{{[^}}]*#{name}[^}}]*\}}|\bid=\"{name}\"", markdown) is not None


def retarget_new_sections(markdown: str, src_path: str, read_page, english_address) -> str:
    """Send links to sections a translation does not have yet to the English page instead.

    English gains a section before a translation catches up; a link to it from a page of that
    language (often an English page shown there with the notice) would land on the translated
    page without the section, and break the build. `read_page(language, path)` gives a page's
    Markdown or None; `english_address(path, anchor)` the link to the English section. A section
    English lacks too is left for the build to report.
    """
    base = posixpath.dirname(src_path)

    def retarget(match: re.Match) -> str:
        path = posixpath.normpath(posixpath.join(base, match["path"]))
        anchor = match["anchor"]
        translated = read_page("translation", path)
        if translated is None or declares(translated, anchor):
            return match[0]
        english = read_page("source", path)
        if english is None or not declares(english, anchor):
            return match[0]
        return f"]({english_address(path, anchor)})"

    return _SECTION_LINK.sub(retarget, markdown)
