"""Pages a translation lacks or has let go stale, navigation titles in the reader's language, and
which languages a quick preview builds."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from manual import bidi, changes, fallback, languages, textfile
from manual.addresses import page_address, relative_url, source_url
from manual.plugin.context import LanguageBuild
from manual.plugin.site import docs_root, i18n, source_language


def choose_languages(config) -> None:
    # MANUAL_LANGUAGES=ro builds English and Romanian only, without the others: a translator's
    # preview. Set before mkdocs-static-i18n reads which languages to build.
    entries = i18n(config).config.languages
    try:
        wanted = languages.preview_languages(
            [entry.locale for entry in entries],
            source_language(config),
            os.environ.get("MANUAL_LANGUAGES"),
        )
    except ValueError as err:
        raise PluginError(str(err)) from None
    for entry in entries:
        entry.build = entry.locale in wanted


def page_markdown(markdown: str, page, config, language: LanguageBuild) -> str:
    locale = language.locale
    if not locale.is_source:
        markdown = _retarget_new_sections(markdown, page, config, language)
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
    link = relative_url(source_url(page.url, locale.prefix), page.url)
    if stale:
        return fallback.under_title(markdown, fallback.stale_notice(language.strings, link))
    return fallback.add_notice(
        markdown, language.strings, link, locale.source, locale.source_direction
    )


def title_sections(files) -> None:
    # A section takes the title of its index page, so translators never edit mkdocs.yml.
    for file in files.documentation_pages():
        page = file.page
        section = getattr(page, "parent", None)
        if page and section and section.children and section.children[0] is page and page.is_index:
            section.title = page.title


def _check_headings(markdown, page, locale):
    path = page.file.abs_src_path or page.file.src_uri  # pages made in memory have no file
    file_text = textfile.read(Path(path)) if page.file.abs_src_path else None
    bidi.check_headings(markdown, path, file_text, locale.direction)


def _retarget_new_sections(markdown, page, config, language: LanguageBuild):
    root, locale = docs_root(config), language.locale
    folders = {"translation": root / locale.code, "source": root / locale.source}
    src_path = getattr(page.file, "norm_src_uri", page.file.src_uri)  # inside its language folder

    def read_page(which, path):
        file = folders[which] / path
        return textfile.read(file) if file.is_file() else None

    def english_address(path, anchor):
        target = page_address(path, "", config.use_directory_urls)
        return relative_url(target, page.url) + "#" + anchor

    return fallback.retarget_new_sections(markdown, src_path, read_page, english_address)
