"""The printed editions (PDFs) of each language, and links to them from chapter pages.

Each language's PDFs are planned in `on_env`, once its pages' HTML exists, and handed to the
build's render queue, whose workers render them while the build goes on with the other
languages; the whole build waits for them at its very end. MANUAL_PDF=0 skips them (as
`make serve` does, so previews stay fast).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from manual import addresses, edition_meta, editions, pdf_render
from manual.addresses import page_address, relative_url
from manual.plugin.context import LanguageBuild
from manual.plugin.site import edition, localized_page, offline, print_pages

log = get_plugin_logger("manual")


def wanted() -> bool:
    return os.environ.get("MANUAL_PDF", "1") != "0"


def add_downloads_page(files, config, language: LanguageBuild, names: dict[str, str]) -> None:
    locale = language.locale
    chapters = sorted(
        (f.norm_src_uri, editions.chapter_of(f.norm_src_uri), editions.title_of(f.content_string))
        for f in files.documentation_pages()
        if editions.chapter_of(getattr(f, "norm_src_uri", ""))
        and f.norm_src_uri.endswith("/index.md")
    )
    address = page_address(addresses.DOWNLOADS, locale.prefix, config.use_directory_urls)
    zips = editions.offline_editions(names, locale.code, locale.source, offline(config))
    content = editions.downloads_markdown(
        [(slug, title) for _, slug, title in chapters],
        language.documents,
        language.strings,
        locale.code,
        address,
        zips,
    )
    files.append(localized_page(config, locale, addresses.DOWNLOADS, content))


def link_pdfs(context: dict, page, language: LanguageBuild) -> dict:
    # Every chapter page links its chapter's PDF and the whole manual, in the page's language.
    chapter = editions.chapter_of(getattr(page.file, "norm_src_uri", page.file.src_uri))
    if chapter:
        code = language.code
        context["edition_downloads"] = {
            "chapter": relative_url(addresses.chapter_pdf(code, chapter), page.url),
            "manual": relative_url(addresses.manual_pdf(code), page.url),
        }
    return context


def plan(config, files, language: LanguageBuild) -> list[tuple[str, str]]:
    """Every PDF of this language, as (address in the site, HTML to render)."""
    locale, strings = language.locale, language.strings
    meta = edition_meta.meta(
        edition=edition(config),
        strings=strings,
        locale=locale.code,
        direction=locale.direction,
    )
    jobs = editions.plan(
        print_pages(files),
        language.documents,
        meta,
        strings,
        locale.code,
        locale.prefix,
        config.use_directory_urls,
    )
    return [(job.target, job.html) for job in jobs]


def finish(queue: pdf_render.RenderQueue, site: Path) -> None:
    """Wait for every PDF, report what was rendered, and give the Downloads pages their sizes."""
    outcomes = queue.finish()
    for outcome in outcomes:
        for problem in outcome.problems:
            log.warning(f"{outcome.target}: WeasyPrint: {problem}")
    for code, done in editions.by_language(outcomes).items():
        rendered = [o.target for o in done if o.rendered]
        seconds = sum(o.seconds for o in done)
        log.info(
            f"PDFs ({code}): {len(rendered)} rendered in {seconds:.2f} s, {len(done) - len(rendered)} reused"
            + (f": {', '.join(rendered)}" if rendered else "")
        )
    # The Downloads pages were written before the PDFs were finished: give them their sizes now.
    editions.fill_site_sizes(site)
