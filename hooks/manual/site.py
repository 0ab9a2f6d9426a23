"""The one adapter between MkDocs (with mkdocs-static-i18n) and the manual's plain code.

mkdocs-static-i18n runs the whole build once per language with the same config object, so the
language is read from the plugin at each event, never kept between events.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from manual.errors import ManualError
from manual.locales import BuildLocale


def build_locale(config: MkDocsConfig) -> BuildLocale:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("mkdocs.yml: the 'i18n' plugin (mkdocs-static-i18n) is required")
    # The plugin builds the source language first and the others from inside its post_build,
    # leaving `current_language` at the last one built; outside those inner builds
    # (`building` is false) the build is the source language's.
    current = i18n.current_language if i18n.building else i18n.default_language
    languages = [i18n.default_language] + [
        code for code in i18n.build_languages if code != i18n.default_language
    ]
    return BuildLocale(code=current, source=source_language(config), languages=tuple(languages))


def source_language(config: MkDocsConfig) -> str:
    """English, the language every translation is made from (even when building one language)."""
    return config.extra.get("source_language", "en")


def docs_root(config: MkDocsConfig) -> Path:
    return Path(config.docs_dir)


def edition(config: MkDocsConfig) -> dict:
    return dict(config.extra.get("edition") or {})


def as_plugin_error(err: ManualError) -> PluginError:
    """Bad input stops the build with the file and line, not a traceback."""
    return PluginError(str(err))
