"""Hook: the printed editions (PDFs) of each language, and links to them from chapter pages.

Each language's PDFs are planned in `on_env`, once its pages' HTML exists, and rendered in worker
processes while the build goes on with the other languages; the build waits for them at its very
end. Set MANUAL_PDF=0 to skip them (as `make serve` does, so previews stay fast);
MANUAL_CACHE moves the build caches (PDFs in its `pdf` folder).
"""

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from manual import addresses, document_views, edition_meta, editions, interface, pdf_render
from manual.addresses import page_address, relative_url
from manual.errors import ManualError
from manual.site import (
    as_plugin_error,
    build_locale,
    cache_dir,
    docs_root,
    edition,
    localized_page,
    offline,
    print_pages,
)

log = get_plugin_logger(__name__)

# The render queue of the build in progress, by output folder. It spans the build of every
# language (mkdocs-static-i18n builds them one after another in this process) and is emptied at
# the end of the whole build: it holds work in progress, never a language's state.
_QUEUES: dict[str, pdf_render.RenderQueue] = {}


def pdfs_wanted() -> bool:
    return os.environ.get("MANUAL_PDF", "1") != "0"


@event_priority(-110)  # after every other hook has finished the pages' content
def on_env(env, config, files):
    if not pdfs_wanted():
        log.info("PDFs skipped (MANUAL_PDF=0)")
        return env
    locale = build_locale(config)
    try:
        jobs = plan_editions(config, files, locale)
    except ManualError as err:
        raise as_plugin_error(err) from None
    queue = _QUEUES.get(config.site_dir)
    if queue is None:
        queue = _QUEUES[config.site_dir] = pdf_render.RenderQueue(
            Path(config.site_dir), cache_dir(config, "pdf")
        )
    queue.submit([(job.target, job.html) for job in jobs])
    return env


@event_priority(-102)  # after mkdocs-static-i18n has built every language, and after search
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # an inner, one-language build: the whole build is not finished yet
    queue = _QUEUES.pop(config.site_dir, None)
    if queue is None:
        return
    try:
        outcomes = queue.finish()
    except pdf_render.RenderError as err:
        raise PluginError(f"printed editions: {err}") from None
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
    editions.fill_site_sizes(Path(config.site_dir))


def on_build_error(error):
    # A failed build stops its renders at once and leaves no worker behind (the next serve
    # rebuild starts afresh).
    while _QUEUES:
        _QUEUES.popitem()[1].cancel()


def on_shutdown():
    on_build_error(None)


def plan_editions(config, files, locale):
    docs_dir = docs_root(config)
    strings = interface.load_strings(docs_dir, locale.code, locale.source)
    docs = document_views.language_documents(docs_dir, locale.code, locale.source)
    meta = edition_meta.meta(
        edition=edition(config),
        strings=strings,
        locale=locale.code,
        direction=locale.direction,
    )
    return editions.plan(
        print_pages(files),
        docs,
        meta,
        strings,
        locale.code,
        locale.prefix,
        config.use_directory_urls,
    )


@event_priority(-101)  # after mkdocs-static-i18n has sorted the files by language
def on_files(files, config):
    locale = build_locale(config)
    docs_dir = docs_root(config)
    try:
        strings = interface.load_strings(docs_dir, locale.code, locale.source)
        docs = document_views.language_documents(docs_dir, locale.code, locale.source)
    except ManualError as err:
        raise as_plugin_error(err) from None
    chapters = sorted(
        (f.norm_src_uri, editions.chapter_of(f.norm_src_uri), editions.title_of(f.content_string))
        for f in files.documentation_pages()
        if editions.chapter_of(getattr(f, "norm_src_uri", ""))
        and f.norm_src_uri.endswith("/index.md")
    )
    address = page_address(addresses.DOWNLOADS, locale.prefix, config.use_directory_urls)
    names = {entry.locale: entry.name for entry in config.plugins["i18n"].config.languages}
    zips = editions.offline_editions(names, locale.code, locale.source, offline(config))
    content = editions.downloads_markdown(
        [(slug, title) for _, slug, title in chapters], docs, strings, locale.code, address, zips
    )
    files.append(localized_page(config, locale, addresses.DOWNLOADS, content))
    return files


def on_page_context(context, page, config, nav):
    # Every chapter page links its chapter's PDF and the whole manual, in the page's language.
    chapter = editions.chapter_of(getattr(page.file, "norm_src_uri", page.file.src_uri))
    if chapter:
        code = build_locale(config).code
        context["edition_downloads"] = {
            "chapter": relative_url(addresses.chapter_pdf(code, chapter), page.url),
            "manual": relative_url(addresses.manual_pdf(code), page.url),
        }
    return context
