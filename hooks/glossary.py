"""Hook: the glossary page, and term definitions on hover or tap on every page."""

from mkdocs.plugins import event_priority

from manual import glossary, interface
from manual.errors import ManualError
from manual.site import as_plugin_error, build_locale, docs_root, localized_page


@event_priority(-101)  # after mkdocs-static-i18n has sorted the files by language
def on_files(files, config):
    locale = build_locale(config)
    try:
        entries = glossary.load(docs_root(config), locale.code, locale.source)
        strings = interface.load_strings(docs_root(config), locale.code, locale.source)
    except ManualError as err:
        raise as_plugin_error(err) from None
    files.append(
        localized_page(config, locale, glossary.PAGE, glossary.page_markdown(entries, strings))
    )
    return files


@event_priority(-110)  # after mkdocs-static-i18n has set the build's language
def on_config(config):
    # Every term and abbreviation shows its definition on hover or tap, through the abbr
    # extension's glossary, given anew for each language's build.
    locale = build_locale(config)
    try:
        entries = glossary.load(docs_root(config), locale.code, locale.source)
        terms = glossary.abbreviations(entries)
    except ManualError as err:
        raise as_plugin_error(err) from None
    config.mdx_configs["abbr"] = {"glossary": terms}
    return config
