"""Read a built site the way a browser would: languages, links, and what a page fetches."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Attributes a browser fetches by itself, without the reader clicking anything.
FETCHED = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
    "input": ("src",),
}
FETCHED_LINK_RELS = {
    "stylesheet",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "manifest",
    "modulepreload",
    "apple-touch-icon",
    "shortcut",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_attrs: dict[str, str] = {}
        self.fetched: list[str] = []
        self.links: list[tuple[dict, str]] = []  # (attributes of <a>, href)
        self.ids: set[str] = set()
        self.classes: list[str] = []
        self._style = False
        self.styles: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_attrs = attrs
        if "id" in attrs:
            self.ids.add(attrs["id"])
        self.classes.extend(attrs.get("class", "").split())
        for name in FETCHED.get(tag, ()):
            if attrs.get(name):
                self.fetched.extend(u.split()[0] for u in attrs[name].split(",") if u.strip())
        if tag == "link" and FETCHED_LINK_RELS & set(attrs.get("rel", "").lower().split()):
            self.fetched.append(attrs.get("href", ""))
        if tag == "a" and "href" in attrs:
            self.links.append((attrs, attrs["href"]))
        if "style" in attrs:
            self.styles.append(attrs["style"])
        self._style = tag == "style"

    def handle_data(self, data):
        if self._style:
            self.styles.append(data)
        self.text.append(data)

    def handle_endtag(self, tag):
        self._style = False


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def is_other_host(url: str) -> bool:
    """A URL that would make the browser contact a host other than the one serving the site."""
    parts = urlsplit(url.strip())
    return (
        bool(parts.netloc)
        or url.strip().startswith("//")
        or parts.scheme not in ("", "data", "blob")
    )


def css_urls(text: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(text)]


def article(path: Path) -> Page:
    """The page's own content (Material's <article>), without navigation or table of contents."""
    html = path.read_text(encoding="utf-8")
    start = html.index("<article")
    page = Page()
    page.feed(html[start : html.index("</article>", start)])
    return page
