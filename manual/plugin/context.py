"""What one language's build reads, worked out once per build and shared by every event.

mkdocs-static-i18n runs the events of every language's build in one process, and the English
build also shows what the translations lack: each part is made on first use, by whichever event
or language asks first, and kept until the build ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from manual import (
    changes,
    document_views,
    documents,
    glossary,
    inline,
    interface,
    terminology,
    translations,
)
from manual.locales import BuildLocale

log = get_plugin_logger("manual")


@dataclass(eq=False)
class LanguageBuild:
    """One language of the manual, as this build shows it."""

    docs_dir: Path
    locale: BuildLocale  # `locale.code` is this language; `languages` are the whole build's
    name: str  # the language's own name ("Română")
    # The source language's build, whose checked checklists and forms every translation merges
    # with (None for the source language itself): they are checked once per build.
    source_build: LanguageBuild | None = None

    @property
    def code(self) -> str:
        return self.locale.code

    @cached_property
    def strings(self) -> interface.Strings:
        return interface.load_strings(self.docs_dir, self.code, self.locale.source)

    @cached_property
    def escaped_strings(self) -> interface.Strings:
        """The strings as HTML, for the theme's templates, which write them as they are."""
        return interface.escaped(self.strings)

    @cached_property
    def checked_source(self) -> documents.Source:
        """The source language's checklists and forms, checked (read from the source's build)."""
        if self.source_build is not None:
            return self.source_build.checked_source
        return documents.load_source(self.docs_dir, self.code)

    @cached_property
    def documents(self) -> list:
        """The checklists and forms, checked and merged with English where a translation lacks text."""
        docs = document_views.documents(
            self.checked_source, self.code, inline.Glossary.of(self.abbreviations)
        )
        for doc in docs:
            if doc.fallback:
                log.info(f"{doc.source_path}: no translation yet; the page shows the English text")
            elif doc.untranslated:
                log.info(
                    f"{doc.source_path}: not translated yet, shown in English: {', '.join(doc.untranslated)}"
                )
        return docs

    @cached_property
    def glossary(self) -> list[glossary.Entry]:
        return glossary.load(self.docs_dir, self.code, self.locale.source)

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        return glossary.abbreviations(self.glossary)

    @cached_property
    def report(self) -> translations.LanguageReport:
        """What this translation has, lacks and has let go stale, with when the English changed.

        Reading it reads every file of the translation: a bad one stops the build here.
        """
        report = translations.language_report(self.docs_dir, self.code, self.locale.source)
        report.name = self.name
        report.dates = changes.dates(self.docs_dir, self.code, self.locale.source)
        return report

    @cached_property
    def terminology(self):
        return terminology.load(self.docs_dir, self.code)
