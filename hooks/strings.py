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
        # Material writes these unescaped (header, page titles, <meta>): give them escaped.
        strings = interface.escaped(
            interface.load_strings(docs_root(config), locale.code, locale.source)
        )
        config.site_name = strings.site_title
        config.site_description = strings.site_description  # a page's `description` wins
        config.site_author = strings.site_author
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


def on_post_page(output, page, config):
    return head.with_direction(output, build_locale(config).direction)


@event_priority(60)  # before hooks/not_found.py moves a translation's 404 page to its own folder
def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    return head.with_direction(output_content, build_locale(config).direction)
