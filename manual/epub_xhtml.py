"""A built page's article as an EPUB content document's body: XHTML, without the site around it.

The site's pages are HTML5; an EPUB wants XML. Each article is parsed with tinyhtml5 (the HTML
parser WeasyPrint already brings), cleaned of what only works on the site (scripts, form
controls, permalinks, the PDF links), its links pointed at the EPUB's own documents, and written
back with ElementTree, which escapes every text and attribute it writes.
"""

from __future__ import annotations

import mimetypes
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import tinyhtml5
from markupsafe import Markup

from manual.errors import ManualError
from manual.print_html import normalise, resolve

XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">.*?</article>', re.DOTALL)
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_LINKABLE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
# What works only on the site, or would run in the reader's app: gone, with its content.
_DROPPED_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "link",
        "meta",
    ]
)
_DROPPED_CLASSES = frozenset({"headerlink", "edition-downloads"})


@dataclass
class Resources:
    """Files the documents use besides themselves (images), by their path inside the EPUB."""

    read: Callable[[str], bytes | None]  # a file of the built site by its address, or None
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # path: (bytes, media type)


def article(html: str, source: Path) -> ET.Element:
    """The article of a built page without what only works on the site, its tags without the
    XHTML namespace."""
    match = _ARTICLE.search(html)
    if match is None:
        raise ManualError(source, None, "no article in this built page: is it a page of the site?")
    root = tinyhtml5.parse(match.group(0))
    found = root.find(f".//{XHTML}article")
    for element in found.iter():
        if isinstance(element.tag, str) and element.tag.startswith(XHTML):
            element.tag = element.tag[len(XHTML) :]
    _clean(found)
    return found


def title_of(element: ET.Element) -> str:
    """The page's title: its first heading's text."""
    heading = element.find(".//h1")
    return " ".join("".join(heading.itertext()).split()) if heading is not None else ""


def body(
    element: ET.Element,
    page_url: str,
    targets: dict[str, str],
    resources: Resources,
    source: Path,
) -> Markup:
    """The article's content for the EPUB; `targets` maps site addresses to EPUB documents."""
    here = targets.get(normalise(page_url), "")
    for link in element.iter("a"):
        _point(link, page_url, targets, here)
    _unwrap_all(element, lambda e: e.tag == "a" and "href" not in e.attrib)
    for image in element.iter("img"):
        image.set("src", _pack(image.get("src", ""), page_url, resources, source))
    for tagged in element.iter():
        if "lang" in tagged.attrib:  # XHTML readers go by xml:lang, HTML ones by lang
            tagged.set(XML_LANG, tagged.get("lang"))
    element.tag, element.attrib = "section", {"class": "page"}
    return Markup(ET.tostring(element, encoding="unicode", method="xml"))


def _clean(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            classes = set((child.get("class") or "").split())
            if not isinstance(child.tag, str) or ":" in child.tag or "{" in child.tag:
                _remove(parent, child)  # comments and elements of other vocabularies (svg)
            elif child.tag in _DROPPED_TAGS or classes & _DROPPED_CLASSES:
                _remove(parent, child)


def _point(link: ET.Element, page_url: str, targets: dict[str, str], here: str) -> None:
    """Link to the EPUB's own document, or to another site; anything else keeps only its words."""
    href = link.get("href", "")
    if href.startswith("#"):
        return
    if _EXTERNAL.match(href):
        if not href.lower().startswith(_LINKABLE_SCHEMES):
            del link.attrib["href"]
        return
    address, _, fragment = resolve(href, page_url).partition("#")
    document = targets.get(address)
    if document is None:
        del link.attrib["href"]  # a page, PDF or zip the EPUB does not hold
        return
    target = "" if document == here else posixpath.basename(document)
    link.set("href", f"{target}#{fragment}" if fragment else target or "#")


def _pack(src: str, page_url: str, resources: Resources, source: Path) -> str:
    """Put an image of the site into the EPUB; return its address from a content document."""
    if _EXTERNAL.match(src) or src.startswith("//"):
        raise ManualError(
            source, None, f"image '{src}' is on another site: the manual uses only its own files"
        )
    address = resolve(src, page_url).partition("#")[0]
    data = resources.read(address)
    kind = mimetypes.guess_type(address)[0]
    if data is None or not kind or not kind.startswith("image/"):
        raise ManualError(source, None, f"image '{src}' is not an image file of the manual")
    path = f"images/{address}"
    resources.files[path] = (data, kind)
    return f"../{path}"


def _remove(parent: ET.Element, child: ET.Element) -> None:
    """Take out an element, keeping the text that follows it."""
    _keep_text(parent, child, child.tail)
    parent.remove(child)


def _unwrap_all(root: ET.Element, wanted: Callable[[ET.Element], bool]) -> None:
    """Replace each wanted element by its content (a link to nowhere becomes its words)."""
    for parent in list(root.iter()):
        for child in list(parent):
            if wanted(child):
                index = list(parent).index(child)
                _keep_text(parent, child, child.text)
                for offset, grandchild in enumerate(list(child)):
                    parent.insert(index + offset, grandchild)
                if len(child):
                    last = child[-1]
                    last.tail = (last.tail or "") + (child.tail or "")
                else:
                    _keep_text(parent, child, child.tail)
                parent.remove(child)


def _keep_text(parent: ET.Element, child: ET.Element, text: str | None) -> None:
    if not text:
        return
    index = list(parent).index(child)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
