"""Every public address of the site, and how one page links to another.

Addresses are a public contract that readers bookmark: do not rename chapters or ids lightly.
For a language `<lang>` (English is the source; a translation's pages are under its code):

- pages: `<prefix><path>/` (or `<prefix><path>.html` without directory URLs), where `<prefix>`
  is "" for English and "<lang>/" for a translation;
- the whole manual: `pdf/<lang>/manual.pdf`; a chapter: `pdf/<lang>/chapters/<chapter>.pdf`;
- a checklist or form: `pdf/<lang>/checklists/<id>.pdf`, `pdf/<lang>/forms/<id>.pdf`;
- the offline edition: `offline/manual-<lang>.zip`;
- the Downloads page, which lists them all: the page `downloads.md` of each language.
"""

from __future__ import annotations

import posixpath

DOWNLOADS = "downloads.md"  # the Downloads page, inside each language folder


def page_address(src_path: str, prefix: str, directory_urls: bool) -> str:
    """Where the page at `src_path` (inside a language folder) is in the site, e.g. "ro/a/b/"."""
    stem = src_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return prefix + (stem if directory_urls else stem + "index.html")
    return prefix + (stem + "/" if directory_urls else stem + ".html")


def document_page(kind: str, ident: str) -> str:
    """A checklist's or form's page, inside a language folder: "checklists/initial-contact.md"."""
    return f"{kind}/{ident}.md"


def document_pdf(locale: str, kind: str, ident: str) -> str:
    """A checklist's or form's PDF (`kind` "checklists" or "forms")."""
    return f"pdf/{locale}/{kind}/{ident}.pdf"


def chapter_pdf(locale: str, chapter: str) -> str:
    """A chapter's PDF, named as its folder without the number ("safety" for "02-safety/")."""
    return f"pdf/{locale}/chapters/{chapter}.pdf"


def manual_pdf(locale: str) -> str:
    return f"pdf/{locale}/manual.pdf"


def offline_zip(locale: str) -> str:
    return f"offline/manual-{locale}.zip"


def relative_url(target: str, page_url: str) -> str:
    """A link from the page at `page_url` to `target`, both relative to the site root."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    rel = posixpath.relpath("/" + target, "/" + base)
    return rel + "/" if (target.endswith("/") or not target) and not rel.endswith("/") else rel


def source_url(page_url: str, prefix: str) -> str:
    """The address of the English page that a page in the language folder `prefix` shows."""
    return page_url[len(prefix) :] if prefix and page_url.startswith(prefix) else page_url


def epub_address(locale: str) -> str:
    """Where one language's EPUB is in the site: a public contract, like the PDFs' addresses."""
    return f"epub/manual-{locale}.epub"
