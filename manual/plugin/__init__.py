"""The manual's MkDocs plugin (`plugins: [..., manual]` in mkdocs.yml).

mkdocs-static-i18n builds the source language, then every other language from inside that
build's `on_post_build`, with the same config and the same plugin objects: every event from
`on_config` to `on_post_build` fires once per language, and `on_startup`/`on_shutdown` once per
command (`mkdocs serve` keeps this plugin object for all its rebuilds). So the plugin keeps, for
one build of every language:

- one `LanguageBuild` per language code (strings, checked checklists and forms, glossary,
  translation report), made when an event first needs it; every event reads it;
- the render queue of the printed editions, started for the build, finished at its end and
  cancelled when it fails or `serve` stops;
- what mkdocs.yml said of the values each language's build sets, put back at the end.

The events, in the order they run (a higher priority runs first; mkdocs-static-i18n's own run at
`I18N`, -100, and Material's at 0, before this plugin's, which is listed last):

| Event | Priority | What the manual does |
|---|---|---|
| on_startup | 0 | nothing is left of a previous build |
| on_config | START | the whole build's first event: a new build, its render queue; the Jinja bytecode cache |
| on_config | BEFORE_I18N | the languages to build (MANUAL_LANGUAGES); the offline edition's worker stand-in |
| on_config | LATE | this language's site name, description, authors and glossary terms |
| on_files | PAGES_CHECKED | every page's encoding, front matter and text checked before it is read |
| on_files | AFTER_I18N | pages made from data: checklists and forms, glossary, downloads, translation status |
| on_page_markdown | 0 | notices on pages a translation lacks or has let go stale; right-to-left headings checked |
| on_page_content | 0 | checklist and form HTML back in its page; anything that would run stops the build |
| on_page_context | 0 | each language's search; chapter pages link their PDFs |
| on_template_context | 0 | each language's search |
| on_env | LATE | strings for the theme; section titles; the theme's bytecode cache; this language's PDFs queued |
| on_post_page | LAST | each page's writing direction, then its Content-Security-Policy, over its final text |
| on_post_template | 0 | the 404 page's direction; the policy on templates; each language's 404 page; no sitemap without site_url |
| on_post_build | AFTER_I18N | this language's own search index (after i18n's merged one) |
| on_post_build | AFTER_SEARCH | the whole build's end: PDFs finished, Downloads sizes, config put back |
| on_build_error | 0 | the render queue cancelled; the error told again on the next rebuild |
| on_serve | 0 | templates and print stylesheet watched; live reload allowed by the policy |
| on_shutdown | 0 | the render queue cancelled |
"""

from __future__ import annotations

import functools
import logging
from dataclasses import replace
from pathlib import Path

import yaml
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from manual import pdf_render, pdf_worker, templates
from manual.errors import ManualError
from manual.plugin import (
    content_policy,
    glossary,
    guidance,
    pages,
    print_editions,
    search,
    theme,
    translation,
    translation_status,
)
from manual.plugin.context import LanguageBuild
from manual.plugin.site import build_locale, cache_dir, docs_root, inner_build, language_names

log = get_plugin_logger("manual")

# Event priorities, around mkdocs-static-i18n's.
I18N = -100
START = 100  # before every other plugin
BEFORE_I18N = 10  # before i18n reads which languages to build, and Material's offline plugin (0)
PAGES_CHECKED = I18N - 0.5  # once i18n has chosen the build's files, before anything reads them
AFTER_I18N = I18N - 1  # once i18n has sorted the files by language / built and merged the search
AFTER_SEARCH = I18N - 2  # after this language's search index is written
LATE = I18N - 10  # once i18n has set the build's language, after every other plugin
LAST = -200  # after every other change to the page


def reported(event):
    """Bad input stops the build with the file and line, never a traceback."""

    @functools.wraps(event)
    def run(plugin, *args, **kwargs):
        try:
            return event(plugin, *args, **kwargs)
        except ManualError as err:
            raise PluginError(str(err)) from None
        except pdf_render.RenderError as err:  # names the document
            raise PluginError(f"printed editions: {err}") from None
        except yaml.YAMLError as err:  # names its file and line itself
            raise PluginError(f"{_where(event, kwargs)}: {err}") from None
        except UnicodeDecodeError as err:
            raise PluginError(
                f"{_where(event, kwargs)}: not UTF-8 text ({err.reason} at byte {err.start}): "
                "save the file again with the encoding 'UTF-8'"
            ) from None

    return run


def _where(event, kwargs) -> str:
    page = kwargs.get("page")
    if page is not None:
        return page.file.abs_src_path or page.file.src_uri
    return f"the manual's {event.__name__.strip('_')}"


class ManualConfig(Config):
    """The plugin has no options: MANUAL_PDF, MANUAL_LANGUAGES and MANUAL_CACHE steer a build."""


class ManualPlugin(BasePlugin[ManualConfig]):
    def __init__(self):
        super().__init__()
        self.languages: dict[str, LanguageBuild] = {}
        self.queue: pdf_render.RenderQueue | None = None
        self.overrides: tuple[object, theme.Overrides] | None = None  # (config, its values)
        self._trusted_scripts: tuple | None = None

    # The build's life -------------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self._end_build()

    @event_priority(START)
    @reported
    def _start_build(self, config):
        if not inner_build(config):
            self._start(config)
        return config

    def _start(self, config) -> None:
        self._end_build()  # of a build that stopped without telling
        self.languages, self._trusted_scripts = {}, None
        self.overrides = (config, theme.Overrides.of(config))
        _tell_errors_again()
        # Compiled templates kept between builds; Jinja checks each against its source.
        templates.environment().bytecode_cache = templates.bytecode_cache(
            cache_dir(config, "templates")
        )
        if print_editions.wanted():
            # Its workers: the cores this process may use, or MANUAL_PDF_WORKERS.
            self.queue = pdf_render.RenderQueue(Path(config.site_dir), cache_dir(config, "pdf"))
        else:
            log.info("PDFs skipped (MANUAL_PDF=0)")

    def _end_build(self) -> None:
        """Stop any rendering, and put back what the languages' builds set in the config."""
        queue, self.queue = self.queue, None
        if queue is not None:
            queue.cancel()
        if self.overrides is not None:
            config, values = self.overrides
            values.restore(config)
        self.overrides = None

    @event_priority(AFTER_SEARCH)
    @reported
    def _finish_build(self, config):
        if inner_build(config):
            return  # one language's build: the whole build is not finished yet
        queue, self.queue = self.queue, None
        try:
            if queue is not None:
                print_editions.finish(queue, Path(config.site_dir))
        finally:
            self._end_build()

    def on_build_error(self, *, error):
        # Called for the failing language's build, then again for the whole build around it.
        self._end_build()

    def on_shutdown(self):
        self._end_build()

    def on_serve(self, server, *, config, builder):
        # Edits to the manual's templates and print stylesheet show in the next rebuild.
        for folder in (templates.TEMPLATES, pdf_worker.PRINT_DIR, config.theme.custom_dir):
            if folder:
                server.watch(str(folder))
        return content_policy.allow_live_reload(server)

    # The language being built ------------------------------------------------------------------

    def language(self, config, code: str | None = None) -> LanguageBuild:
        """This build's LanguageBuild for `code` (by default, the language being built)."""
        locale = build_locale(config)
        code = code or locale.code
        if code not in self.languages:
            self.languages[code] = LanguageBuild(
                docs_root(config),
                replace(locale, code=code),
                language_names(config).get(code, code),
                None if code == locale.source else self.language(config, locale.source),
            )
        return self.languages[code]

    def trusted_scripts(self, config) -> tuple:
        if self._trusted_scripts is None:
            self._trusted_scripts = content_policy.trusted_scripts(config)
        return self._trusted_scripts

    # The events --------------------------------------------------------------------------------

    @event_priority(BEFORE_I18N)
    @reported
    def _before_i18n(self, config):
        if not inner_build(config):
            translation.choose_languages(config)
        theme.configure_offline(config)
        return config

    @event_priority(LATE)
    @reported
    def _configure_language(self, config):
        language = self.language(config)
        theme.configure_language(config, language)
        glossary.configure(config, language)
        return config

    on_config = CombinedEvent(_start_build, _before_i18n, _configure_language)

    @event_priority(PAGES_CHECKED)
    @reported
    def _check_pages(self, files, *, config):
        pages.check_sources(files)
        return files

    @event_priority(AFTER_I18N)
    @reported
    def _add_pages(self, files, *, config):
        language = self.language(config)
        guidance.add_pages(files, config, language)
        glossary.add_page(files, config, language)
        print_editions.add_downloads_page(files, config, language, language_names(config))
        translated = [self.language(config, code) for code in language.locale.languages[1:]]
        translation_status.add_pages(files, config, language, translated)
        return files

    on_files = CombinedEvent(_check_pages, _add_pages)

    @reported
    def on_page_markdown(self, markdown, *, page, config, files):
        return translation.page_markdown(markdown, page, config, self.language(config))

    @reported
    def on_page_content(self, html, *, page, config, files):
        return pages.finish_content(html, page)

    @reported
    def on_page_context(self, context, *, page, config, nav):
        language = self.language(config)
        search.add_base(context, language.locale)
        return print_editions.link_pdfs(context, page, language)

    def on_template_context(self, context, *, template_name, config):
        return search.add_base(context, self.language(config).locale)

    @event_priority(LATE)
    @reported
    def on_env(self, env, *, config, files):
        language = self.language(config)
        theme.add_globals(env, language)
        translation.title_sections(files)
        env.bytecode_cache = templates.bytecode_cache(cache_dir(config, "templates"))
        if self.queue is not None:
            self.queue.submit(print_editions.plan(config, files, language))
        return env

    @event_priority(LAST)
    @reported
    def on_post_page(self, output, *, page, config):
        output = theme.with_direction(output, self.language(config))
        where = f"docs/{page.file.src_uri}"
        return content_policy.protect(output, where, self.trusted_scripts(config))

    @reported
    def on_post_template(self, output_content, *, template_name, config):
        if template_name == "404.html":
            output_content = theme.with_direction(output_content, self.language(config))
        if template_name.endswith(".html") and output_content:
            output_content = content_policy.protect(
                output_content, f"template {template_name}", self.trusted_scripts(config)
            )
        return theme.finish_template(output_content, template_name, config, self.language(config))

    @event_priority(AFTER_I18N)
    @reported
    def _scope_search(self, config):
        search.write_scoped(config, self.language(config).locale)

    on_post_build = CombinedEvent(_scope_search, _finish_build)


def _tell_errors_again() -> None:
    """Let MkDocs log again, in this build, what it logged in an earlier one.

    MkDocs logs a message once per process; under `mkdocs serve`, saving the same bad file again
    would then abort the rebuild without saying why.
    """
    from mkdocs.utils import DuplicateFilter

    # ProperDocs, the maintained fork of MkDocs 1.6, names its loggers after itself.
    for name in ("mkdocs.commands.build", "properdocs.commands.build"):
        for check in logging.getLogger(name).filters:
            if isinstance(check, DuplicateFilter):
                check.msgs.clear()
