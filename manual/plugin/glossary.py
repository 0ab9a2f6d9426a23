"""The glossary page, and term definitions on hover or tap on every page."""

from __future__ import annotations

from manual import glossary
from manual.plugin.context import LanguageBuild
from manual.plugin.site import localized_page


def add_page(files, config, language: LanguageBuild) -> None:
    content = glossary.page_markdown(language.glossary, language.strings)
    files.append(localized_page(config, language.locale, glossary.PAGE, content))


def configure(config, language: LanguageBuild) -> None:
    # Every term and abbreviation shows its definition on hover or tap, through the abbr
    # extension's glossary, in this language.
    config.mdx_configs["abbr"] = {"glossary": language.abbreviations}
