"""What the plugin reads from MkDocs and mkdocs-static-i18n, and the pages it adds to a build.

mkdocs-static-i18n runs the whole build once per language with the same config object, so the
language is read from its plugin at each event.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from manual.locales import BuildLocale


def i18n(config: MkDocsConfig):
    """mkdocs-static-i18n's plugin, which builds each language in turn."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the 'i18n' plugin (mkdocs-static-i18n) is required")
    return plugin


def inner_build(config: MkDocsConfig) -> bool:
    """Whether this is one of the translations' builds, run from inside the source language's."""
    return bool(i18n(config).building)


def language_names(config: MkDocsConfig) -> dict[str, str]:
    """Each configured language's own name ("Română"), by code."""
    return {entry.locale: entry.name for entry in i18n(config).config.languages}


def build_locale(config: MkDocsConfig) -> BuildLocale:
    plugin = i18n(config)
    # The plugin builds the source language first and the others from inside its post_build,
    # leaving `current_language` at the last one built; outside those inner builds
    # (`building` is false) the build is the source language's.
    current = plugin.current_language if plugin.building else plugin.default_language
    languages = [plugin.default_language] + [
        code for code in plugin.build_languages if code != plugin.default_language
    ]
    return BuildLocale(code=current, source=source_language(config), languages=tuple(languages))


def source_language(config: MkDocsConfig) -> str:
    """English, the language every translation is made from (even when building one language)."""
    return config.extra.get("source_language", "en")


def docs_root(config: MkDocsConfig) -> Path:
    return Path(config.docs_dir)


def edition(config: MkDocsConfig) -> dict:
    return dict(config.extra.get("edition") or {})


def localized_page(
    config: MkDocsConfig,
    locale: BuildLocale,
    path: str,
    content: str,
    in_nav: bool = True,
    html_blocks=None,
):
    """A page made in memory, placed as mkdocs-static-i18n places the pages it finds on disk.

    The plugin rebuilds every file from its path in `docs/`, which would lose in-memory content,
    so generated pages are added after it has sorted the files, carrying the same attributes it
    gives its own: the language, the folder, and the page's counterpart in every language (for the
    language switcher). `html_blocks` (HtmlBlocks) travel with the page's own file until its
    HTML is made.
    """
    from mkdocs.structure.files import File, InclusionLevel

    def make(code: str) -> File:
        prefix = "" if code == locale.source else f"{code}/"
        file = File.generated(
            config,
            f"{code}/{path}",
            content=content,
            inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV,
        )
        # Its url and abs_dest_path follow from dest_uri (MkDocs works them out on first use).
        file.dest_uri = prefix + File(path, None, "", config.use_directory_urls).dest_uri
        file.locale = file.localization = file.locale_alternate_of = code
        file.norm_src_uri = path
        return file

    page = make(locale.code)
    page.manual_html_blocks = html_blocks
    page.alternates = {
        code: page if code == locale.code else make(code) for code in locale.languages
    }
    return page


def print_pages(files) -> list:
    """The pages of this build in navigation order, as plain data for the printed editions."""
    from manual import print_html
    from manual.editions import PrintPage

    in_nav = [
        f.page
        for f in files.documentation_pages()
        if f.page is not None and f.page.content is not None and f.inclusion.is_in_nav()
    ]
    first = next((p for p in in_nav if p.previous_page is None), None)
    ordered, page = [], first
    while page is not None:
        ordered.append(page)
        page = page.next_page
    # The site's other files (images) by address, for pages that show them.
    others = {
        f.url: f.abs_src_path for f in files if not f.is_documentation_page() and f.abs_src_path
    }

    def read(address: str):
        source = others.get(address)
        return Path(source).read_bytes() if source and Path(source).is_file() else None

    return [
        PrintPage(
            path=getattr(p.file, "norm_src_uri", p.file.src_uri),
            url=p.url,
            title=p.title,
            html=print_html.inline_images(
                p.content, p.url, read, Path(p.file.abs_src_path or p.file.src_uri)
            ),
        )
        for p in ordered
    ]


def html_blocks(page):
    """The HtmlBlocks set aside for a generated page, or None."""
    return getattr(page.file, "manual_html_blocks", None)


def config_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def cache_dir(config: MkDocsConfig, name: str) -> Path:
    """A build cache (`pdf`, `templates`): under MANUAL_CACHE if set, else `.cache/` beside mkdocs.yml."""
    root = os.environ.get("MANUAL_CACHE")
    return (Path(root) if root else config_dir(config) / ".cache") / name


def offline(config: MkDocsConfig) -> bool:
    """Whether this is a build of the offline edition (Material's offline plugin enabled)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
