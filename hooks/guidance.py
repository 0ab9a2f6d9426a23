"""Hook: checklist and form pages, and their index, made from the structured guidance data."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from manual import document_pages, document_views, interface
from manual.errors import ManualError
from manual.site import as_plugin_error, build_locale, docs_root, html_blocks, localized_page

log = get_plugin_logger(__name__)


@event_priority(-101)  # after mkdocs-static-i18n has sorted the files by language
def on_files(files, config):
    locale = build_locale(config)
    try:
        for path, content, in_nav, blocks in guidance_pages_for(config, locale):
            files.append(localized_page(config, locale, path, content, in_nav, html_blocks=blocks))
    except ManualError as err:
        raise as_plugin_error(err) from None
    return files


def guidance_pages_for(config, locale):
    docs_dir = docs_root(config)
    strings = interface.load_strings(docs_dir, locale.code, locale.source)
    docs = document_views.language_documents(docs_dir, locale.code, locale.source)
    for doc in docs:
        if doc.fallback:
            log.info(f"{doc.source_path}: no translation yet; the page shows the English text")
        elif doc.untranslated:
            log.info(
                f"{doc.source_path}: not translated yet, shown in English: {', '.join(doc.untranslated)}"
            )
    return document_pages.pages(
        docs, strings, locale.code, locale.prefix, config.use_directory_urls
    )


def on_page_content(html, page, config, files):
    # The checklist and form HTML that was kept out of Markdown's way goes back in.
    blocks = html_blocks(page)
    try:
        return blocks.put_back(html) if blocks else html
    except ValueError as err:
        raise PluginError(f"{page.file.src_uri}: {err}") from None
