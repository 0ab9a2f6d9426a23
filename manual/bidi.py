"""Latin runs inside right-to-left text: found, isolated, and checked with the Unicode
bidirectional algorithm (UAX #9, through python-bidi).

In an Arabic sentence a run of Latin letters and digits such as «2011/36/EU», «(LGBTIQ+)» or a
phone number «0800 800 678» is laid out by the algorithm together with the Arabic around it: a
neutral character at its edge («+», «/», a space between digit groups) takes the paragraph's
direction, and the run shows as «EU/2011/36» or «(+LGBTIQ)». Isolating the run (<bdi>, the
markup form of FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE) lays it out on its own.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata

from markupsafe import Markup, escape

# A Latin letter or a digit (Latin-1, Latin Extended-A/B with Romanian ș ț, Latin Extended Additional).
_LETTER = r"A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF"
_TOKEN = rf"[{_LETTER}]+"
# What joins the pieces of one Latin run: «2011/36/EU», «Legea nr. 678/2001», «k=11», «info@x.ro»,
# «Counter Trafficking Data». A full stop, comma or colon and a space join only before a digit or a
# small letter («nr. 678», «Art. 6»): before a capital they end a sentence or an item of a list.
_JOIN = rf"(?:[/\-+&@_'’=\u2013]|[.,:](?=[{_LETTER}])|[.,:]? (?=[0-9a-z\u00DF-\u024F])| (?=[{_LETTER}]))+"
LATIN_RUN = re.compile(
    rf"\+?(?=[0-9]){_TOKEN}(?:{_JOIN}{_TOKEN}|\({_TOKEN}\))*[+%]*"
    rf"|{_TOKEN}(?:{_JOIN}{_TOKEN}|\({_TOKEN}\))*[+%]*"
)
FSI, LRI, RLI, PDI = "\u2068", "\u2066", "\u2067", "\u2069"
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_VOID = frozenset({"br", "img", "input", "wbr", "hr"})


def is_right_to_left(text: str) -> bool:
    """Whether a text has right-to-left letters (Arabic, Hebrew, …): its Latin runs need isolating."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def latin_runs(text: str) -> list[str]:
    return [match[0] for match in LATIN_RUN.finditer(text)]


def display(text: str, direction: str = "rtl") -> str:
    """The text in display order, left to right, in a paragraph of the given direction."""
    from bidi import get_display  # only where a display is checked: tests and build checks

    return get_display(text, base_dir="R" if direction == "rtl" else "L")


def misordered(text: str, direction: str = "rtl") -> list[str]:
    """The Latin runs of a paragraph that would not show in their own order on screen.

    The text may hold isolates (FSI, LRI, RLI … PDI), as a <bdi> or a `dir` attribute gives.
    """
    shown = display(text, direction)
    return [run for run in latin_runs(text) if run not in shown]


def isolated(text) -> Markup:
    """A plain text, escaped, with its Latin runs isolated when it is right-to-left text."""
    return isolate(text if isinstance(text, Markup) else escape(text))


def isolate(markup: Markup) -> Markup:
    """HTML of inline text with each Latin run of a right-to-left text in a <bdi>.

    Escaping is kept: only the text between tags is read, and what is put in is markup of the
    manual's own. A run that crosses an emphasis (`**IOM**/UNODC`) is isolated whole, tags and
    all, when the tags open and close inside it; a run that only half covers one is left as it
    is (the tests' display check would report it). Texts without right-to-left letters come back
    unchanged, so English and Romanian are never touched.
    """
    source = str(markup)
    plain, where = _text_of(source)
    if not is_right_to_left(plain) or "<bdi" in source:
        return Markup(source)
    out, last = [], 0
    for match in LATIN_RUN.finditer(plain):
        if _NUMBER.fullmatch(match[0]):
            continue  # a number on its own shows right in any direction: «18»، «2.1»
        start, end = _widened(source, where[match.start()][0], where[match.end() - 1][1])
        if start < last or not _balanced(source[start:end]):
            continue
        out += [source[last:start], "<bdi>", source[start:end], "</bdi>"]
        last = end
    out.append(source[last:])
    return Markup("".join(out))


def _text_of(source: str) -> tuple[str, list[tuple[int, int]]]:
    """The text of an HTML fragment, and where in the fragment each of its characters is."""
    plain: list[str] = []
    where: list[tuple[int, int]] = []
    position, in_code = 0, 0
    for piece in re.split(r"(<[^>]*>)", source):
        if piece.startswith("<"):
            name = _TAG.match(piece)
            if name and name[2].lower() == "code":
                in_code += -1 if name[1] else 1
            plain.append(
                "\ufffc" if in_code or name is None else ""
            )  # code is a whole, never split
            where += [(position, position + len(piece))] * len(plain[-1])
        else:
            for entity in re.finditer(r"&[#\w]+;|[^&]|&", piece):
                char = html_lib.unescape(entity[0])
                plain.append("\ufffc" if in_code else char)
                where += [(position + entity.start(), position + entity.end())] * len(plain[-1])
        position += len(piece)
    return "".join(plain), where


def _widened(source: str, start: int, end: int) -> tuple[int, int]:
    """The run with the tags right at its edges, when it is not balanced without them."""
    while not _balanced(source[start:end]):
        before = source.rfind("<", 0, start) if source[start - 1 : start] == ">" else -1
        after = source.find(">", end) + 1 if source[end : end + 1] == "<" else 0
        if before < 0 and not after:
            break
        start, end = (before if before >= 0 else start), (after or end)
    return start, end


def _balanced(fragment: str) -> bool:
    depth = 0
    for closing, name, self_closing in _TAG.findall(fragment):
        if name.lower() in _VOID or self_closing:
            continue
        depth += -1 if closing else 1
        if depth < 0:
            return False
    return depth == 0


# Headings ---------------------------------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})[ \t]+(?P<text>.+?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def heading_text(markdown_heading: str) -> str:
    """What the contents, the navigation and the page title show of a heading: no tags, no marks."""
    text = re.sub(r"<[^>]+>", "", markdown_heading)
    text = re.sub(r"[*_`]", "", text)
    return html_lib.unescape(text)


def misordered_headings(markdown: str, direction: str = "rtl") -> list[tuple[int, str, list[str]]]:
    """(line, heading, runs) of each heading that would show a Latin run out of order.

    Python-Markdown's table of contents keeps only a heading's text, so a <bdi> in a heading
    is lost in the contents, the navigation and the page title: a heading has to display right
    without one.
    """
    found, fenced = [], False
    for number, line in enumerate(markdown.splitlines(), 1):
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match and "dir=ltr" not in (match["attrs"] or ""):  # English, set left to right
            text = heading_text(match["text"])
            runs = misordered(text, direction)
            if runs:
                found.append((number, text, runs))
    return found


def check_headings(
    markdown: str, path, file_text: str | None = None, direction: str = "rtl"
) -> None:
    """Stop at the first heading that would show a Latin run out of order, naming its line.

    `markdown` is the page without its front matter; `file_text`, the whole file, gives the
    line in the file.
    """
    from manual.errors import ManualError

    lines = (file_text or markdown).splitlines()
    for number, text, runs in misordered_headings(markdown, direction):
        line = markdown.splitlines()[number - 1]
        where = lines.index(line) + 1 if line in lines else number
        shown = "», «".join(runs)
        raise ManualError(
            path,
            where,
            f"the heading «{text}» would show «{shown}» out of order, right to left: a heading "
            "keeps no <bdi> in the contents, the navigation and the page title, so reword it "
            "(see About, Guide for translators: Latin in right-to-left headings)",
        )
