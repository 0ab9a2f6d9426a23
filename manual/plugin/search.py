"""Each language searches only its own pages."""

from __future__ import annotations

from pathlib import Path

from manual import search_index
from manual.locales import BuildLocale
from manual.plugin.site import offline


def add_base(context: dict, locale: BuildLocale) -> dict:
    context["search_base"] = search_index.search_base(context["base_url"], locale.prefix)
    return context


def write_scoped(config, locale: BuildLocale) -> None:
    search_index.write_scoped(
        Path(config.site_dir),
        locale.code,
        locale.prefix,
        locale.other_prefixes,
        as_script=offline(config),
    )
