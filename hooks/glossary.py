"""Hook: the glossary page, and term definitions on hover or tap on every page."""

from functools import lru_cache
from pathlib import Path

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
    files.append(localized_page(config, locale, glossary.PAGE, glossary.page_markdown(entries, strings)))
    return files


def on_page_markdown(markdown, page, config, files):
    if getattr(page.file, "norm_src_uri", None) == glossary.PAGE:
        return markdown
    locale = build_locale(config)
    stamps = tuple(p.stat().st_mtime if p.exists() else 0 for p in
                   (docs_root(config) / code / glossary.FILE_NAME for code in (locale.source, locale.code)))
    return markdown + "\n\n" + _abbreviations(docs_root(config), locale.code, locale.source, stamps)


@lru_cache(maxsize=16)  # keyed by language and file times: read once per build, not once per page
def _abbreviations(docs_dir: Path, code: str, source: str, stamps: tuple) -> str:
    try:
        return glossary.abbreviations(glossary.load(docs_dir, code, source))
    except ManualError as err:
        raise as_plugin_error(err) from None
