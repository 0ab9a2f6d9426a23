"""Hook: the manual's interface strings, in the build's language, for theme templates."""

from mkdocs.plugins import event_priority

from manual import head, interface
from manual.errors import ManualError
from manual.site import as_plugin_error, build_locale, docs_root


@event_priority(-110)  # after mkdocs-static-i18n has set the build's language
def on_config(config):
    # The manual's name in the reader's language (header, page titles, PDF covers), from the
    # translators' own folder rather than from mkdocs.yml.
    locale = build_locale(config)
    try:
        # Material writes the site name unescaped (header, page titles): give it escaped.
        config.site_name = interface.escaped(
            interface.load_strings(docs_root(config), locale.code, locale.source)
        ).site_title
    except ManualError as err:
        raise as_plugin_error(err) from None
    return config


@event_priority(-101)
def on_env(env, config, files):
    locale = build_locale(config)
    try:
        # The theme's templates do not escape what they write: the strings come escaped.
        env.globals["manual_strings"] = interface.escaped(
            interface.load_strings(docs_root(config), locale.code, locale.source)
        )
    except ManualError as err:
        raise as_plugin_error(err) from None
    env.globals["manual_locale"] = locale
    env.filters["without_language_alternates"] = head.without_language_alternates
    return env
