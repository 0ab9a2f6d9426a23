"""Web page HTML made fit for print: unique anchors, links that jump inside the PDF, no furniture.

Pages are joined into one document, so every id is prefixed with its page's key; links to a page
in the same document become internal jumps, links to pages outside it become plain text (a PDF
has no site to go to), and links to other sites stay clickable.
"""

from __future__ import annotations

import base64
import mimetypes
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from manual.errors import ManualError

_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_ID = re.compile(r'\bid="([^"]*)"')
_FOR = re.compile(r'\bfor="([^"]*)"')
_HREF = re.compile(r'<a(\s[^>]*?)?\shref="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")', re.IGNORECASE)


def normalise(url: str) -> str:
    """A page address without fragment, `index.html` or trailing slash ("" for the home page)."""
    url = url.split("#")[0]
    if url.endswith("index.html"):
        url = url[: -len("index.html")]
    return url.strip("/")


def page_key(url: str) -> str:
    return "p-" + (normalise(url).replace("/", "-") or "home")


def resolve(href: str, page_url: str) -> str:
    """The site address a relative link on the page at `page_url` points to."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join("/" + base, path)) if path else "/" + base
    return normalise(target) + ("#" + fragment if fragment else "")


def prepare(html: str, page_url: str, targets: dict[str, str], demote: int = 0) -> str:
    """Rewrite one page's HTML for a printed document.

    `targets` maps normalised page addresses in the document to their keys.
    """
    key = targets.get(normalise(page_url), page_key(page_url))
    html = _HEADERLINK.sub("", html)
    html = _ID.sub(lambda m: f'id="{key}--{m.group(1)}"', html)
    html = _FOR.sub(lambda m: f'for="{key}--{m.group(1)}"', html)

    def link(match: re.Match) -> str:
        attrs, href = match.group(1) or "", match.group(2)
        if href.startswith("#"):
            return f'<a{attrs} href="#{key}--{href[1:]}"'
        if _EXTERNAL.match(href):
            return match.group(0)
        address, _, fragment = resolve(href, page_url).partition("#")
        if address not in targets:
            return f"<a{attrs}"  # outside this document: keep the words, drop the link
        target = targets[address]
        return (
            f'<a{attrs} href="#{target}--{fragment}"' if fragment else f'<a{attrs} href="#{target}"'
        )

    html = _HREF.sub(link, html)
    if demote:
        html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + demote, 6)}", html)
    return html


def inline_images(
    html: str, page_url: str, read: Callable[[str], bytes | None], source: Path
) -> str:
    """Put each image of a page into its HTML, as a data: URL, so that the PDF needs no file.

    The renderer fetches nothing but the manual's print files, and an image's bytes in the HTML
    make them part of the PDF's cache key. `read` gives the bytes of a file of the site by its
    address, or None; `source` is the page's file, named when an image cannot be printed.
    """

    def inline(match: re.Match) -> str:
        src = match.group(2)
        if src.startswith("data:"):
            return match.group(0)
        if _EXTERNAL.match(src) or src.startswith("//"):
            raise ManualError(
                source,
                None,
                f"image '{src}' is on another site: the manual uses only its own files",
            )
        address = resolve(src, page_url).partition("#")[0]
        data = read(address)
        kind = mimetypes.guess_type(address)[0]
        if data is None or not kind or not kind.startswith("image/"):
            raise ManualError(source, None, f"image '{src}' is not an image file of the manual")
        return f"{match.group(1)}data:{kind};base64,{base64.b64encode(data).decode('ascii')}{match.group(3)}"

    return _IMG_SRC.sub(inline, html)
