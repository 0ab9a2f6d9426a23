"""Nothing in a page's HTML may run in a reader's browser: no scripts, handlers or unsafe links.

A page's Markdown may carry raw HTML, and a link's address is written as it is. The finished
HTML of each page (its content, before the theme wraps it) is read back, and anything that would
run stops the build: a `<script>` (or another element that embeds or redirects), an event
handler attribute, or an address with a scheme other than http, https, mailto or tel.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup

from manual.errors import ManualError

SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Elements that run, embed or redirect; none has a place in the manual's text.
_REFUSED_TAGS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "base",
        "meta",
        "link",
        "form",
        "portal",
    }
)
_URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "poster",
        "data",
        "cite",
        "background",
        "xlink:href",
        "srcset",
        "ping",
    }
)
# What a browser drops before reading a scheme: tabs and line breaks anywhere, and controls or
# spaces around it ("java\tscript:", " javascript:").
_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def scheme_of(address: str) -> str | None:
    """The scheme of an address as a browser reads it, lower case; None for a relative address."""
    cleaned = _IGNORED.sub("", address).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c"
        "\x1d\x1e\x1f\x20"
    )
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def allowed_address(address: str) -> bool:
    scheme = scheme_of(address)
    return scheme is None or scheme in SCHEMES


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what, the text to look for in the source)

    def handle_starttag(self, tag, attrs):
        if tag in _REFUSED_TAGS:
            self.found.append(
                (
                    f"a <{tag}> element: pages may not carry scripts, frames, forms or "
                    "embedded objects (the Content-Security-Policy would block them)",
                    f"<{tag}",
                )
            )
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(
                    (
                        f"an event handler attribute '{name}' on <{tag}> (pages may not carry "
                        "scripts)",
                        name,
                    )
                )
            elif name in _URL_ATTRIBUTES:
                addresses = (
                    [part.split()[0] for part in value.split(",") if part.split()]
                    if name == "srcset"
                    else [value]
                )
                for address in addresses:
                    if not allowed_address(address):
                        self.found.append(
                            (
                                f"the address '{address}' in <{tag} {name}>: expected an "
                                "http, https, mailto or tel link, or a relative one",
                                f"{scheme_of(address)}:",
                            )
                        )
            elif name == "style" and re.search(
                r"url\s*\(|expression\s*\(|javascript:", value, re.I
            ):
                self.found.append(
                    (f"a style attribute that loads or runs something on <{tag}>", "style")
                )

    handle_startendtag = handle_starttag


def check(html: str, path: Path | str, source: str = "") -> None:
    """Raise a ManualError naming the page, and the line in `source` where it can be found."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    if finder.found:
        what, needle = finder.found[0]
        raise ManualError(path, _line_of(source, needle), f"{what}")


def html_title(title: str) -> Markup:
    """A title taken from a heading (HTML text, tags stripped), safe in an attribute as well."""
    return Markup(title.replace('"', "&quot;").replace("'", "&#39;"))


def _line_of(source: str, needle: str) -> int | None:
    lowered = needle.lower()
    for number, line in enumerate(source.splitlines(), 1):
        if lowered in _IGNORED.sub("", line).lower():
            return number
    return None
