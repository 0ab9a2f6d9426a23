"""The Content-Security-Policy every page carries, as a <meta> in its head.

A meta policy holds on any static host and when the pages are opened from files. Scripts run
only from the manual's own files and, inline, only the theme's own scripts, allowed one by one
by their hash, worked out from each page's actual text. An inline script that is not the theme's
(one that slipped in from a page or a data file) gets no hash, so the browser refuses it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from manual import templates

# Everything from the manual's own site and nothing from another host. `img-src` also allows
# data: because Material's stylesheet draws its icons (admonitions, checkboxes, search, arrows)
# as data: SVG masks, which count as images; a data: image fetches nothing and runs nothing.
# No style exception: Material's pages have no style attributes or <style> elements, and its
# scripts set styles through the CSSOM (element.style), which a policy does not govern.
DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'",)),  # and each page's inline scripts by hash
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("worker-src", ("'self'",)),  # Material's search runs in a web worker
    ("object-src", ("'none'",)),
    ("base-uri", ("'none'",)),
    ("form-action", ("'self'",)),
)

# What a server can add as headers, which a <meta> cannot carry (README, "On a server").
SERVER_ONLY = (("frame-ancestors", ("'none'",)),)

# Script types a browser runs; any other type is a data block (Material's JSON configuration).
_SCRIPT_TYPES = frozenset(
    {
        "",
        "module",
        "text/javascript",
        "application/javascript",
        "application/ecmascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)

# A value the theme puts inside one of its scripts' string literals (an address such as "../.."):
# it cannot close the literal or the element.
_TEMPLATE_VALUE = r"[^\"'<>\\\n]*"
_JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_TEMPLATE_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script>", re.S | re.I)
# The policy as content-policy.html.j2 writes it, and the hashes in it.
_PAGE_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
_HASH = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")


@dataclass(frozen=True)
class InlineScript:
    text: str  # as the browser reads it: line breaks normalised, nothing decoded
    line: int


@dataclass(frozen=True)
class Protected:
    html: str
    allowed: tuple[InlineScript, ...]  # the theme's scripts, allowed by hash
    refused: tuple[InlineScript, ...]  # any other inline script: no hash, so the browser blocks it


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(hashes: Iterable[str] = (), directives=DIRECTIVES) -> str:
    """The policy's text, with the given script hashes (deduplicated, in order) added to script-src."""
    extra = tuple(dict.fromkeys(hashes))
    return "; ".join(
        " ".join((name, *sources, *(extra if name == "script-src" else ())))
        for name, sources in directives
    )


def theme_scripts(template_sources: Iterable[str]) -> tuple[re.Pattern, ...]:
    """Patterns for the inline scripts written by the given templates (Material's and the manual's).

    Each `{{ … }}` in a script's text stands for a value such as an address, which matches
    only text that stays inside the script's string literal.
    """
    patterns = []
    for source in template_sources:
        for match in _TEMPLATE_SCRIPT.finditer(source):
            attributes, body = match.group(1) or "", match.group(2)
            if "src=" in attributes or not _runs(_attribute(attributes, "type")):
                continue
            parts = _JINJA_EXPRESSION.split(body)
            patterns.append(re.compile(_TEMPLATE_VALUE.join(re.escape(part) for part in parts)))
    return tuple(patterns)


def inline_scripts(html: str) -> list[InlineScript]:
    """The page's inline scripts that a browser would run, in order."""
    return _Scanner.scan(html).scripts


def protect(html: str, trusted: Sequence[re.Pattern] = ()) -> Protected:
    """The page with its policy placed in the head, before any script; the theme's scripts hashed."""
    scan = _Scanner.scan(html)
    allowed = tuple(s for s in scan.scripts if any(p.fullmatch(s.text) for p in trusted))
    refused = tuple(s for s in scan.scripts if s not in allowed)
    meta = templates.render(
        "content-policy.html.j2", policy=policy(script_hash(s.text) for s in allowed)
    ).rstrip("\n")
    at = scan.insert_at
    if at is None:
        raise ValueError("a page without a <head> cannot carry its Content-Security-Policy")
    return Protected(html=html[:at] + meta + html[at:], allowed=allowed, refused=refused)


def allowing(html: str, script: str) -> str:
    """The page with one more inline script allowed by its policy (`make serve`'s live reload)."""
    found = _PAGE_POLICY.search(html)
    if found is None:
        return html
    hashes = _HASH.findall(found.group(1).replace("&#39;", "'")) + [script_hash(script)]
    meta = templates.render("content-policy.html.j2", policy=policy(hashes)).rstrip("\n")
    return html[: found.start()] + meta + html[found.end() :]


def _runs(script_type: str | None) -> bool:
    return script_type is None or script_type.strip().lower() in _SCRIPT_TYPES


def _attribute(attributes: str, name: str) -> str | None:
    found = re.search(rf"(?:^|\s){name}\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", attributes, re.I)
    return found.group(1).strip("\"'") if found else None


class _Scanner(HTMLParser):
    """Where the policy goes (after <meta charset>, or the head's start) and the inline scripts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.lines = [0]
        for found in re.finditer("\n", html):
            self.lines.append(found.end())
        self.scripts: list[InlineScript] = []
        self.insert_at: int | None = None
        self.seen_script = False
        self.in_head = False  # a policy outside the head is ignored by browsers
        self._open: tuple[int, list[str]] | None = None

    @classmethod
    def scan(cls, html: str) -> _Scanner:
        scanner = cls(html)
        scanner.feed(html)
        scanner.close()
        return scanner

    def _end_of_tag(self) -> int:
        line, column = self.getpos()
        start = self.lines[line - 1] + column
        return start + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "head" and self.insert_at is None and not self.seen_script:
            self.insert_at = self._end_of_tag()
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "meta" and "charset" in names and self.in_head and not self.seen_script:
            self.insert_at = self._end_of_tag()
        elif tag == "script":
            self.seen_script = True
            if "src" not in names and _runs(names.get("type")):
                self._open = (self.getpos()[0], [])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == "script" and self._open is not None:
            line, parts = self._open
            # The browser's parser turns CR LF and lone CR into LF before anything else.
            text = "".join(parts).replace("\r\n", "\n").replace("\r", "\n")
            self.scripts.append(InlineScript(text=text, line=line))
            self._open = None


def theme_scripts_in(theme_dirs: Sequence, custom_dir=None) -> tuple[re.Pattern, ...]:
    """The inline-script patterns of Material's script partials and of the manual's own templates."""
    sources = []
    for folder in theme_dirs:
        folder = Path(folder)
        names = (
            folder.rglob("*.html")
            if custom_dir and folder == Path(custom_dir)
            else folder.glob(THEME_PARTIALS)
        )
        sources.extend(path.read_text(encoding="utf-8") for path in sorted(names))
    return _compiled(tuple(sources))


# Material writes all its inline scripts from these partials.
THEME_PARTIALS = "partials/javascripts/*.html"


@lru_cache(maxsize=8)
def _compiled(sources: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return theme_scripts(sources)


# Headers for a server to send with every page (README, "On a server").
OTHER_HEADERS = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"))


def server_headers(pages: Iterable[str]) -> list[tuple[str, str]]:
    """The headers for every page of a built site: the pages' policy as a header, with the hashes
    of all their scripts and what only a header can carry (frame-ancestors), and the others.

    A browser enforces the header and each page's own policy together, so a page still runs only
    its own scripts.
    """
    hashes: list[str] = []
    for html in pages:
        for found in _PAGE_POLICY.finditer(html):
            hashes.extend(_HASH.findall(found.group(1).replace("&#39;", "'")))
    return [
        ("Content-Security-Policy", policy(sorted(set(hashes)), DIRECTIVES + SERVER_ONLY)),
        *OTHER_HEADERS,
    ]
