"""The theme's side of each language's build: its site name and strings, its "page not found"
page, the offline edition's worker stand-in, and no sitemap without an address for the site.

The site name, the glossary terms and the offline polyfill are set in the shared config for each
language's build: `Overrides` keeps what mkdocs.yml said, to put back when the whole build ends.
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
    abbr: object
    polyfills: object

    @classmethod
    def of(cls, config) -> Overrides:
        return cls(config.site_name, config.mdx_configs.get("abbr"), config.extra.get("polyfills"))

    def restore(self, config) -> None:
        config.site_name = self.site_name
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
    # The manual's name in the reader's language (header, page titles, PDF covers), from the
    # translators' own folder rather than from mkdocs.yml; Material writes it unescaped.
    config.site_name = language.escaped_strings.site_title


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
