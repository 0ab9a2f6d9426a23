"""Checklist and form pages, and their index, made from the structured guidance data."""

from __future__ import annotations

from manual import document_pages
from manual.plugin.context import LanguageBuild
from manual.plugin.site import localized_page


def add_pages(files, config, language: LanguageBuild) -> None:
    locale = language.locale
    made = document_pages.pages(
        language.documents, language.strings, locale.code, locale.prefix, config.use_directory_urls
    )
    for path, content, in_nav, blocks in made:
        files.append(localized_page(config, locale, path, content, in_nav, html_blocks=blocks))
