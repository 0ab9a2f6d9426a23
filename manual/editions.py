"""The printed editions of one language: which PDFs exist and the HTML each is rendered from.

Their addresses, a public contract, are in manual.addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from manual import print_html, templates
from manual.addresses import (
    chapter_pdf,
    document_page,
    document_pdf,
    epub_address,
    manual_pdf,
    offline_zip,
    page_address,
    relative_url,
)
from manual.document_views import Document
from manual.interface import Strings

CHAPTER = re.compile(r"^(\d\d)-([a-z0-9-]+)/")
COUNTRY_ANNEX = re.compile(r"^(annex-[a-z0-9-]+)/")
BACK_MATTER = ("glossary.md", "references.md")  # printed after the checklists and forms


@dataclass(frozen=True)
class PrintPage:
    """One page of the site as the build rendered it."""

    path: str  # inside the language folder, e.g. "02-safety/index.md"
    url: str  # site-relative address, e.g. "ro/02-safety/"
    title: str
    html: str


@dataclass
class Part:
    """A chapter or an annex of a printed book."""

    key: str
    title: str
    kind: str  # "chapter" or "annex"
    pages: list[PrintPage] = field(default_factory=list)
    documents: list[Document] | None = None


@dataclass(frozen=True)
class PrintJob:
    target: str  # where the PDF goes in the site
    html: str


def chapter_of(path: str) -> str | None:
    """The chapter a page belongs to, as named in PDF addresses ("safety" for "02-safety/...")."""
    match = CHAPTER.match(path)
    return match.group(2) if match else None


def doc_key(doc: Document) -> str:
    return f"g-{doc.kind}-{doc.id}"


def _group(pages: list[PrintPage], pattern: re.Pattern, kind: str) -> list[Part]:
    parts: dict[str, Part] = {}
    for page in pages:
        match = pattern.match(page.path)
        if match:
            name = match.group(1) if kind == "annex" else match.group(2)
            if name not in parts:
                parts[name] = Part(key=f"part-{name}", title=page.title, kind=kind)
            parts[name].pages.append(page)
    return list(parts.values())


def book_parts(pages: list[PrintPage], docs: list[Document], strings: Strings) -> list[Part]:
    """Chapters in reading order, then country annexes, checklists and forms, glossary, references."""
    parts = _group(pages, CHAPTER, "chapter") + _group(pages, COUNTRY_ANNEX, "annex")
    if docs:
        parts.append(
            Part(key="g-annex", title=strings.checklists_title, kind="annex", documents=docs)
        )
    for name in BACK_MATTER:
        parts += [
            Part(key=f"part-{name[:-3]}", title=p.title, kind="annex", pages=[p])
            for p in pages
            if p.path == name
        ]
    return parts


def _render_book(
    parts: list[Part],
    docs: list[Document],
    meta: dict,
    strings: Strings,
    prefix: str,
    directory_urls: bool,
) -> str:
    targets = {
        print_html.normalise(page.url): print_html.page_key(page.url)
        for part in parts
        for page in part.pages
    }
    if any(part.documents for part in parts):  # links to a checklist or form go to its annex
        for doc in docs:
            address = page_address(document_page(doc.kind, doc.id), prefix, directory_urls)
            targets[print_html.normalise(address)] = doc_key(doc)
    view = []
    for part in parts:
        pages = [
            {
                "key": print_html.page_key(page.url),
                "html": Markup(
                    print_html.prepare(page.html, page.url, targets, demote=0 if i == 0 else 1)
                ),
            }
            for i, page in enumerate(part.pages)
        ]
        entries = (
            [(doc_key(d), d.title.value) for d in part.documents]
            if part.documents
            else [(print_html.page_key(p.url), p.title) for p in part.pages[1:]]
        )
        view.append(
            {
                "key": part.key,
                "title": part.title,
                "kind": part.kind,
                "pages": pages,
                "entries": entries,
                "documents": part.documents,
            }
        )
    return templates.render(
        "print/book.html.j2", parts=view, meta=meta, strings=strings, doc_key=doc_key
    )


def plan(
    pages: list[PrintPage],
    docs: list[Document],
    meta: dict,
    strings: Strings,
    locale: str,
    prefix: str,
    directory_urls: bool,
) -> list[PrintJob]:
    """Every PDF of one language, with the HTML to render it from."""
    parts = book_parts(pages, docs, strings)
    jobs = [
        PrintJob(
            manual_pdf(locale),
            _render_book(parts, docs, meta, strings, prefix, directory_urls),
        )
    ]
    for part in parts:
        if part.kind == "chapter":
            chapter = chapter_of(part.pages[0].path)
            chapter_meta = dict(
                meta, title=f"{part.title} · {meta['site_name']}", short_title=part.title
            )
            jobs.append(
                PrintJob(
                    chapter_pdf(locale, chapter),
                    _render_book([part], [], chapter_meta, strings, prefix, directory_urls),
                )
            )
    for doc in docs:
        doc_meta = dict(
            meta, title=f"{doc.title.value} · {meta['site_name']}", short_title=doc.title.value
        )
        html = templates.render("print/guidance.html.j2", doc=doc, meta=doc_meta, strings=strings)
        jobs.append(PrintJob(document_pdf(locale, doc.kind, doc.id), html))
    return jobs


_TITLE = re.compile(r"^# (.+?)(\s*\{[^}]*\})?\s*$", re.MULTILINE)


def title_of(markdown: str) -> str:
    match = _TITLE.search(markdown)
    return match.group(1).strip() if match else ""


def offline_editions(
    names: dict[str, str], locale: str, source: str, offline: bool
) -> list[tuple[str, str]]:
    """(language name, zip address) of the offline editions a language's Downloads page lists:
    its own and the source language's; none inside an offline edition itself."""
    if offline:
        return []
    codes = [locale] if locale == source else [locale, source]
    return [(names.get(code, code), offline_zip(code)) for code in codes]


def downloads_markdown(
    chapters: list[tuple[str, str]],
    docs: list[Document],
    strings: Strings,
    locale: str,
    here: str,
    offline_editions: list[tuple[str, str]] = (),
) -> str:
    """The Downloads page: every PDF and the EPUB of the language. Sizes are filled in once the
    files exist."""

    def entry(title: str, target: str) -> dict:
        return {"title": title, "target": target, "href": relative_url(target, here)}

    groups = [
        (strings.downloads_manual, [entry(strings.downloads_manual, manual_pdf(locale))]),
        # The same manual as an e-book (manual.epub), made after the site by `python -m manual offline`.
        (strings.downloads_epub, [entry(strings.downloads_epub_manual, epub_address(locale))]),
        (
            strings.downloads_chapters,
            [entry(title, chapter_pdf(locale, slug)) for slug, title in chapters],
        ),
        (
            strings.downloads_checklists,
            [
                entry(d.title.value, document_pdf(locale, d.kind, d.id))
                for d in docs
                if d.kind == "checklists"
            ],
        ),
        (
            strings.downloads_forms,
            [
                entry(d.title.value, document_pdf(locale, d.kind, d.id))
                for d in docs
                if d.kind == "forms"
            ],
        ),
    ]
    if (
        offline_editions
    ):  # (language name, zip address), for reading without a connection or a server
        groups.append(
            (strings.downloads_offline, [entry(name, target) for name, target in offline_editions])
        )
    return templates.render(
        "downloads-page.md.j2",
        groups=groups,
        strings=strings,
        offline_intro=strings.downloads_offline_intro if offline_editions else "",
    )


_SIZE = re.compile(r'<span class="pdf-size" data-pdf="([^"]+)">[^<]*</span>')


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"


def fill_sizes(html: str, size_of) -> str:
    """Put each PDF's size beside its link; `size_of(target)` gives bytes, or None if not built."""

    def size(match: re.Match) -> str:
        found = size_of(match.group(1))
        return (
            match.group(0)
            if found is None
            else f'<span class="pdf-size" data-pdf="{match.group(1)}">{human_size(found)}</span>'
        )

    return _SIZE.sub(size, html)


def fill_site_sizes(site: Path) -> None:
    """Give every Downloads page of the built `site` the sizes of the files it lists, as they are now
    (written before the PDFs and the offline editions were finished)."""
    for page in site.glob("**/downloads/index.html"):
        page.write_text(
            fill_sizes(
                page.read_text(encoding="utf-8"),
                lambda target: (site / target).stat().st_size if (site / target).exists() else None,
            ),
            encoding="utf-8",
        )


def by_language(outcomes: list) -> dict[str, list]:
    """Render outcomes grouped by the language in their address (pdf/<lang>/...), in order."""
    grouped: dict[str, list] = {}
    for outcome in outcomes:
        grouped.setdefault(outcome.target.split("/")[1], []).append(outcome)
    return grouped
