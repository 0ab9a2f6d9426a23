"""Hook: the Translation status and Terminology pages, in every language, and quick previews of some languages."""

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from manual import (
    changes,
    interface,
    languages,
    templates,
    terminology,
    translations,
)
from manual.addresses import page_address, relative_url
from manual.errors import ManualError
from manual.site import as_plugin_error, build_locale, docs_root, localized_page

PAGE = "about/translation-status.md"


@event_priority(10)  # before mkdocs-static-i18n reads which languages to build
def on_config(config):
    # MANUAL_LANGUAGES=ro builds English and Romanian only, without the others: a translator's preview.
    i18n = config.plugins["i18n"]
    codes = [entry.locale for entry in i18n.config.languages]
    try:
        wanted = languages.preview_languages(
            codes, config.extra.get("source_language", "en"), os.environ.get("MANUAL_LANGUAGES")
        )
    except ValueError as err:
        raise PluginError(str(err)) from None
    for entry in i18n.config.languages:
        entry.build = entry.locale in wanted
    return config


@event_priority(-101)  # after mkdocs-static-i18n has sorted the files by language
def on_files(files, config):
    locale = build_locale(config)
    try:
        strings = interface.load_strings(docs_root(config), locale.code, locale.source)
    except ManualError as err:
        raise as_plugin_error(err) from None
    names = {entry.locale: entry.name for entry in config.plugins["i18n"].config.languages}
    reports = []
    for code in locale.languages[1:]:
        try:
            report = translations.language_report(docs_root(config), code, locale.source)
        except (
            ManualError
        ) as err:  # the report reads every translation first: a bad file stops here
            raise as_plugin_error(err) from None
        report.name = names.get(code, code)
        try:
            report.dates = stale_dates(config, code, locale.source)
        except ManualError as err:
            raise as_plugin_error(err) from None
        reports.append(report)
    here = page_address(PAGE, locale.prefix, config.use_directory_urls)

    def link(report, rel):
        return relative_url(page_address(rel, f"{report.code}/", config.use_directory_urls), here)

    content = templates.render(
        "translation-status.md.j2",
        reports=reports,
        strings=strings,
        link=link,
        by_file=translations.by_file,
        page_of=changes.page_of,
    )
    files.append(localized_page(config, locale, PAGE, content))
    try:
        lists = [
            {
                "code": report.code,
                "name": report.name,
                "terminology": terminology.load(docs_root(config), report.code),
            }
            for report in reports
        ]
    except ManualError as err:
        raise as_plugin_error(err) from None
    content = templates.render(
        "terminology-page.md.j2",
        strings=strings,
        languages=[entry for entry in lists if entry["terminology"]],
    )
    files.append(localized_page(config, locale, terminology.PAGE, content))
    return files


def stale_dates(config, code, source):
    """When the English of each stale page and entry changed, from the git history."""
    return changes.dates(docs_root(config), code, source)
