"""Hook: each language searches only its own pages."""

from pathlib import Path

from mkdocs.plugins import event_priority

from manual import search_index
from manual.site import build_locale, offline


def on_page_context(context, page, config, nav):
    context["search_base"] = search_index.search_base(
        context["base_url"], build_locale(config).prefix
    )
    return context


def on_template_context(context, template_name, config):
    context["search_base"] = search_index.search_base(
        context["base_url"], build_locale(config).prefix
    )
    return context


@event_priority(-101)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config):
    locale = build_locale(config)
    search_index.write_scoped(
        Path(config.site_dir),
        locale.code,
        locale.prefix,
        locale.other_prefixes,
        as_script=offline(config),
    )
