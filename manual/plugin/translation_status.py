"""The Translation status and Terminology pages, in every language."""

from __future__ import annotations

from manual import changes, templates, terminology, translations
from manual.addresses import page_address, relative_url
from manual.plugin.context import LanguageBuild
from manual.plugin.site import localized_page

PAGE = "about/translation-status.md"


def add_pages(files, config, language: LanguageBuild, translated: list[LanguageBuild]) -> None:
    """`translated`: every translation built, whose reports each language's page shows."""
    locale = language.locale
    reports = [other.report for other in translated]
    here = page_address(PAGE, locale.prefix, config.use_directory_urls)

    def link(report, rel):
        return relative_url(page_address(rel, f"{report.code}/", config.use_directory_urls), here)

    content = templates.render(
        "translation-status.md.j2",
        reports=reports,
        strings=language.strings,
        link=link,
        by_file=translations.by_file,
        page_of=changes.page_of,
    )
    files.append(localized_page(config, locale, PAGE, content))
    lists = [
        {"code": other.code, "name": other.name, "terminology": other.terminology}
        for other in translated
    ]
    content = templates.render(
        "terminology-page.md.j2",
        strings=language.strings,
        languages=[entry for entry in lists if entry["terminology"]],
    )
    files.append(localized_page(config, locale, terminology.PAGE, content))
