"""Hook: pages a translation lacks, and navigation titles in the reader's language."""

from pathlib import Path

from mkdocs.plugins import event_priority

from manual import bidi, changes, fallback, interface, textfile
from manual.addresses import page_address, relative_url, source_url
from manual.errors import ManualError
from manual.site import as_plugin_error, build_locale, docs_root


def on_page_markdown(markdown, page, config, files):
    locale = build_locale(config)
    if locale.code != locale.source:
        markdown = _retarget_new_sections(markdown, page, config, locale)
    translated = getattr(page.file, "locale", locale.code) == locale.code
    english = (
        docs_root(config) / locale.source / getattr(page.file, "norm_src_uri", page.file.src_uri)
    )
    # A translated page made from an earlier English text says so; generated pages have no English file.
    stale = (
        translated
        and not locale.is_source
        and english.is_file()
        and changes.page_is_stale(page.meta, english)
    )
    if translated and locale.direction == "rtl":
        _check_headings(markdown, page, locale)
    if translated and not stale:
        return markdown
    try:
        strings = interface.load_strings(docs_root(config), locale.code, locale.source)
    except ManualError as err:
        raise as_plugin_error(err) from None
    link = relative_url(source_url(page.url, locale.prefix), page.url)
    if stale:
        return fallback.under_title(markdown, fallback.stale_notice(strings, link))
    return fallback.add_notice(markdown, strings, link, locale.source, locale.source_direction)


@event_priority(-101)  # after every page is read, before the navigation is drawn
def on_env(env, config, files):
    # A section takes the title of its index page, so translators never edit mkdocs.yml.
    for file in files.documentation_pages():
        page = file.page
        section = getattr(page, "parent", None)
        if page and section and section.children and section.children[0] is page and page.is_index:
            section.title = page.title
    return env


def _check_headings(markdown, page, locale):
    path = page.file.abs_src_path or page.file.src_uri  # pages made in memory have no file
    try:
        file_text = textfile.read(Path(path)) if page.file.abs_src_path else None
        bidi.check_headings(markdown, path, file_text, locale.direction)
    except ManualError as err:
        raise as_plugin_error(err) from None


def _retarget_new_sections(markdown, page, config, locale):
    root = docs_root(config)
    folders = {"translation": root / locale.code, "source": root / locale.source}
    src_path = getattr(page.file, "norm_src_uri", page.file.src_uri)  # inside its language folder

    def read_page(which, path):
        file = folders[which] / path
        try:
            return textfile.read(file) if file.is_file() else None
        except ManualError as err:
            raise as_plugin_error(err) from None

    def english_address(path, anchor):
        target = page_address(path, "", config.use_directory_urls)
        return relative_url(target, page.url) + "#" + anchor

    return fallback.retarget_new_sections(markdown, src_path, read_page, english_address)
