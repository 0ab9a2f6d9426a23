"""The theme's side of each language's build: its site name and strings, its writing direction,
its "page not found" page, the offline edition's worker stand-in, and no sitemap without an
address for the site.

The site's name, description and authors, the glossary terms and the offline polyfill are set in
the shared config for each language's build: `Overrides` keeps what mkdocs.yml said, to put back
when the whole build ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from manual import error_pages, head
from manual.offline import SHIM
from manual.plugin.context import LanguageBuild
from manual.plugin.site import offline


@dataclass(frozen=True)
class Overrides:
    """The config values that each language's build sets, as mkdocs.yml gave them."""

    site_name: str
    site_description: str | None
    site_author: str | None
    abbr: object
    polyfills: object

    @classmethod
    def of(cls, config) -> Overrides:
        return cls(
            config.site_name,
            config.site_description,
            config.site_author,
            config.mdx_configs.get("abbr"),
            config.extra.get("polyfills"),
        )

    def restore(self, config) -> None:
        config.site_name = self.site_name
        config.site_description, config.site_author = self.site_description, self.site_author
        for mapping, key, value in (
            (config.mdx_configs, "abbr", self.abbr),
            (config.extra, "polyfills", self.polyfills),
        ):
            if value is None:
                mapping.pop(key, None)
            else:
                mapping[key] = value


def configure_offline(config) -> None:
    # Material's offline plugin fetches its file:// worker stand-in from a CDN when none is
    # given; the manual ships its own.
    if offline(config):
        config.extra["polyfills"] = [SHIM]


def configure_language(config, language: LanguageBuild) -> None:
    # The manual's name, description and authors in the reader's language (header, page titles,
    # <meta>), from the translators' own folder rather than from mkdocs.yml; Material writes
    # them unescaped. A page's own `description` wins.
    strings = language.escaped_strings
    config.site_name = strings.site_title
    config.site_description = strings.site_description
    config.site_author = strings.site_author


def add_globals(env, language: LanguageBuild) -> None:
    # The theme's templates do not escape what they write: the strings come escaped.
    env.globals["manual_strings"] = language.escaped_strings
    env.globals["manual_locale"] = language.locale
    env.filters["without_language_alternates"] = head.without_language_alternates


def finish_template(html: str, template_name: str, config, language: LanguageBuild) -> str:
    if template_name == "sitemap.xml" and not config.site_url:
        # Without `site_url` MkDocs writes addresses such as "None./", and Material's language
        # menu, missing the reader's page there, would send them to the other language's home
        # page. MkDocs skips a template that renders empty.
        return ""
    if template_name == "404.html":
        # mkdocs-static-i18n keeps only the last language's: each goes to its own folder.
        return error_pages.place(Path(config.site_dir), language.locale.prefix, html)
    return html


def with_direction(html: str, language: LanguageBuild) -> str:
    """The page (or 404 page) marked with its language's writing direction."""
    return head.with_direction(html, language.locale.direction)
