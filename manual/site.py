"""The one adapter between MkDocs (with mkdocs-static-i18n) and the manual's plain code.

mkdocs-static-i18n runs the whole build once per language with the same config object, so the
language is read from the plugin at each event, never kept between events.
"""

from __future__ import annotations

import os
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


def show_again(error: Exception) -> None:
    """Let MkDocs log this build error again the next time it happens.

    MkDocs logs a message once per process; under `mkdocs serve`, saving the same bad file again
    would then abort the rebuild without saying why.
    """
    import logging

    from mkdocs.utils import DuplicateFilter

    for check in logging.getLogger("mkdocs.commands.build").filters:
        if isinstance(check, DuplicateFilter):
            check.msgs.discard(str(error))


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
        file.dest_path = prefix + File(path, None, "", config.use_directory_urls).dest_path
        file.abs_dest_path = str(Path(config.site_dir) / file.dest_path)
        file.url = file._get_url(config.use_directory_urls)
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
