"""The EPUB 3 edition of each language: the whole manual as one e-book, for phones and e-readers.

Made after the site is built, from its pages in navigation order (the same parts as the printed
manual: chapters, country annexes, checklists and forms, glossary, references). Prose pages come
from the built site's articles (see `manual.epub_xhtml`); checklists and forms are made from
their data as tables, with tick boxes drawn by CSS, never form controls. Nothing in the book runs
a script or loads anything from another host.

The zip is written with zipfile and the manual's templates (`templates/epub/`) rather than with
an EPUB library: the one well-kept one (EbookLib) is AGPL-licensed, needs lxml, and writes its
navigation and package documents in code, where ours are templates with the reader's language
and direction on every document.
"""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from manual import document_views, edition_meta, editions, epub_xhtml, interface, templates
from manual.addresses import document_page, epub_address, page_address
from manual.errors import ManualError
from manual.locales import RIGHT_TO_LEFT
from manual.print_html import normalise, page_key

HERE = Path(__file__).parent
STYLES = HERE / "ebook"
FONTS = HERE / "print" / "fonts"
# Readers without an Arabic font would show boxes: the Arabic book carries the print font (OFL),
# declared in its own stylesheet.
EMBEDDED_FONTS = {"ar": ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")}
FONT_STYLESHEETS = {"ar": "fonts-arabic.css"}
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # the same sources give the same bytes


@dataclass(frozen=True)
class Document:
    """One content document of the book."""

    path: str  # inside the EPUB folder, e.g. "text/p-02-safety.xhtml"
    title: str
    xhtml: str

    @property
    def href(self) -> str:
        """Its address from another document (they are all in one folder)."""
        return self.path.rsplit("/", 1)[-1]


def config_of(root: Path) -> dict:
    """mkdocs.yml as data; its `!ENV` tags are read as empty (the book needs none of them)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    path = root / "mkdocs.yml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def nav_paths(nav) -> list[str]:
    """The Markdown paths of the navigation, in reading order."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_paths(value)]
    if isinstance(nav, list):
        return [path for entry in nav for path in nav_paths(entry)]
    return []


def site_pages(
    site: Path, paths: list[str], prefix: str
) -> list[tuple[editions.PrintPage, object]]:
    """Each built page of one language with its article, as the printed editions see pages."""
    pages = []
    for path in paths:
        url = page_address(path, prefix, True)
        built = site / url / "index.html"
        if not built.exists():
            raise ManualError(built, None, f"'{path}' is in the navigation but was not built")
        element = epub_xhtml.article(built.read_text(encoding="utf-8"), built)
        pages.append(
            (editions.PrintPage(path, url, epub_xhtml.title_of(element), html=""), element)
        )
    return pages


def document_path(key: str) -> str:
    return f"text/{key}.xhtml"


def build(root: Path, site: Path, code: str, source: str) -> Path:
    """Write one language's EPUB into the built site; return its path."""
    config = config_of(root)
    docs_dir = root / (config.get("docs_dir") or "docs")
    strings = interface.load_strings(docs_dir, code, source)
    docs = document_views.language_documents(docs_dir, code, source)
    prefix = "" if code == source else f"{code}/"
    direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    edition = dict((config.get("extra") or {}).get("edition") or {})
    meta = edition_meta.meta(
        edition=edition,
        strings=strings,
        locale=code,
        direction=direction,
    )
    meta["stylesheets"] = ["style/epub.css"] + (
        [f"style/{FONT_STYLESHEETS[code]}"] if code in FONT_STYLESHEETS else []
    )
    meta["identifier"] = "urn:uuid:" + str(
        uuid.uuid5(uuid.NAMESPACE_URL, f"direct-assistance-manual/{code}/{meta['edition']}")
    )
    found = site_pages(site, nav_paths(config.get("nav") or []), prefix)
    elements = {page.url: element for page, element in found}
    parts = editions.book_parts([page for page, _ in found], docs, strings)
    targets = {
        normalise(page.url): document_path(page_key(page.url[len(prefix) :]))
        for part in parts
        for page in part.pages
    }
    for doc in docs:
        targets[normalise(page_address(document_page(doc.kind, doc.id), prefix, True))] = (
            document_path(editions.doc_key(doc))
        )
    resources = epub_xhtml.Resources(read=lambda address: _read_site_file(site, address))
    documents, contents = [], []
    for part in parts:
        entries = []
        if part.documents is not None:
            for doc in part.documents:
                path = document_path(editions.doc_key(doc))
                xhtml = templates.render(
                    "epub/guidance.xhtml.j2", doc=doc, meta=meta, strings=strings
                )
                documents.append(Document(path, doc.title.value, xhtml))
                entries.append(documents[-1])
            contents.append({"title": part.title, "href": None, "entries": entries})
            continue
        for page in part.pages:
            path = targets[normalise(page.url)]
            source_file = site / page.url / "index.html"
            content = epub_xhtml.body(elements[page.url], page.url, targets, resources, source_file)
            xhtml = templates.render(
                "epub/page.xhtml.j2", body=content, title=page.title, meta=meta
            )
            documents.append(Document(path, page.title, xhtml))
            entries.append(documents[-1])
        contents.append({"title": part.title, "href": entries[0].href, "entries": entries[1:]})
    return _write(site / epub_address(code), code, meta, strings, documents, contents, resources)


def _read_site_file(site: Path, address: str) -> bytes | None:
    path = site / address
    return path.read_bytes() if path.is_file() else None


def _write(target, code, meta, strings, documents, contents, resources) -> Path:
    fonts = [
        (f"fonts/{name}", (FONTS / name).read_bytes()) for name in EMBEDDED_FONTS.get(code, ())
    ]
    title = templates.render("epub/title.xhtml.j2", meta=meta, strings=strings)
    nav = templates.render(
        "epub/nav.xhtml.j2", meta=meta, strings=strings, contents=contents, first=documents[0]
    )
    package = templates.render(
        "epub/content.opf.j2",
        meta=meta,
        documents=documents,
        images=[(path, kind) for path, (_, kind) in sorted(resources.files.items())],
        fonts=[path for path, _ in fonts],
        stylesheets=meta["stylesheets"],
    )
    files = [
        ("META-INF/container.xml", templates.render("epub/container.xml.j2").encode("utf-8")),
        ("EPUB/content.opf", package.encode("utf-8")),
        ("EPUB/text/title.xhtml", title.encode("utf-8")),
        ("EPUB/text/nav.xhtml", nav.encode("utf-8")),
        *(
            (f"EPUB/{path}", (STYLES / Path(path).name).read_bytes())
            for path in meta["stylesheets"]
        ),
        *((f"EPUB/{doc.path}", doc.xhtml.encode("utf-8")) for doc in documents),
        *((f"EPUB/{path}", data) for path, (data, _) in sorted(resources.files.items())),
        *((f"EPUB/{path}", data) for path, data in fonts),
    ]
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as out:
        # The mimetype comes first and uncompressed, so that readers recognise the file.
        out.writestr(_entry("mimetype"), b"application/epub+zip", zipfile.ZIP_STORED)
        for name, data in files:
            out.writestr(_entry(name), data, zipfile.ZIP_DEFLATED)
    return target


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.external_attr = 0o100644 << 16
    return info


def build_all(root: Path, site: Path, codes: list[str], source: str) -> list[Path]:
    if not (site / "index.html").exists():
        raise ManualError(site, None, "no built site here (index.html missing): build it first")
    return [build(root, site, code, source) for code in codes]
