"""Documents (checklists and forms) as Markdown pages, and the index of them grouped by stage."""

from __future__ import annotations

from markupsafe import Markup

from manual import fallback, templates
from manual.addresses import document_page, document_pdf, page_address, relative_url, source_url
from manual.document_views import Document
from manual.html_blocks import HtmlBlocks
from manual.interface import Strings

INDEX = "checklists/index.md"


def page_markdown(
    doc: Document, strings: Strings, locale: str, prefix: str, directory_urls: bool
) -> tuple[str, HtmlBlocks]:
    """The page's Markdown, and the HTML blocks to put back in its place after Markdown."""
    url = page_address(document_page(doc.kind, doc.id), prefix, directory_urls)
    # Some texts translated from an earlier English text: they are marked, and the page says so.
    stale = Markup(
        fallback.stale_notice(strings, relative_url(source_url(url, prefix), url), entries=True)
        if doc.stale and not doc.fallback
        else ""
    )  # made escaped
    notice = ""
    if doc.fallback:
        notice = Markup(
            fallback.notice(strings, relative_url(source_url(url, prefix), url))
        )  # made escaped
    blocks = HtmlBlocks()
    markdown = templates.render(
        "guidance-page.md.j2",
        doc=doc,
        strings=strings,
        notice=notice or stale,
        set_aside=blocks.set_aside,
        chapter_link="../" + doc.chapter,
        pdf_link=relative_url(document_pdf(locale, doc.kind, doc.id), url),
    )
    return markdown, blocks


def pages(
    docs: list[Document], strings: Strings, locale: str, prefix: str, directory_urls: bool
) -> list[tuple[str, str, bool, HtmlBlocks | None]]:
    """Every checklist and form page, and their index: (path, Markdown, in the nav, HTML blocks)."""
    made = []
    for doc in docs:
        markdown, blocks = page_markdown(doc, strings, locale, prefix, directory_urls)
        made.append((document_page(doc.kind, doc.id), markdown, False, blocks))
    made.append((INDEX, index_markdown(docs, strings), True, None))
    return made


def index_markdown(docs: list[Document], strings: Strings) -> str:
    """Every checklist and form under its stage; `docs` come in reading order, stage by stage."""
    stages: list[tuple[str, str, list[Document]]] = []
    for doc in docs:
        if not stages or stages[-1][0] != doc.stage:
            stages.append((doc.stage, doc.stage_label, []))
        stages[-1][2].append(doc)
    return templates.render("guidance-index.md.j2", stages=stages, strings=strings)
