"""Documents (checklists and forms) as one language's readers see them.

Texts a translation lacks fall back to English and are marked, so readers see which parts are
not translated yet; inline texts carry the language's glossary (see manual.inline).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from manual import glossary, inline, yamlfile
from manual.changes import stale_entries
from manual.data import Text, as_model
from manual.document_models import KINDS
from manual.document_texts import ENTRIES, PLAIN, Found, walk
from manual.documents import Source, check_ids, load_source, load_vocabulary, what
from manual.errors import ManualError


@dataclass
class Entry:
    """A checklist item or a form field."""

    id: str
    text: Text  # item text or field label
    note: Text | None = None  # item note or field help
    role: str = ""
    role_label: str = ""
    critical: bool = False
    kind: str = ""
    lines: int = 3
    options: list[tuple[str, Text]] = field(default_factory=list)
    stale: bool = False  # translated from an earlier English text


@dataclass
class Section:
    id: str
    title: Text
    intro: Text | None
    entries: list[Entry]
    stale: bool = False  # title or intro translated from an earlier English text


@dataclass
class Document:
    """A checklist or a form, in one language."""

    kind: str  # "checklists" or "forms"
    id: str
    title: Text
    summary: Text
    stage: str
    stage_label: str
    chapter: str
    sections: list[Section]
    untranslated: list[str] = field(default_factory=list)  # entries the translation lacks texts of
    source_path: Path | None = None
    fallback: bool = False  # no translation file at all: the whole page is the English text
    stale: list[str] = field(default_factory=list)  # entries translated from earlier English


def _is_id(found: Found) -> bool:
    return found.field == "id" or found.field.endswith(".id")


class _Texts:
    """The texts shown, by (entry, field): the translation's, or English where it lacks one."""

    def __init__(self, english, translated, path: Path, lines: dict, terms):
        self.path, self.lines, self.terms = path, lines, terms
        self.has_translation = translated is not None
        self.english = {(f.entry, f.field): f.text for f in walk(english)}
        self.translated: dict[tuple[str, str], str] = {}
        self.untranslated: list[str] = []
        if translated is not None:
            check_ids(translated, path, lines)
            for found in walk(translated):
                self._take(found)

    def _take(self, found: Found) -> None:
        line = yamlfile.line_of(self.lines, found.loc)
        if (found.entry, found.field) not in self.english:
            if _is_id(found):
                message = (
                    f"{what(found.entry, found.field)} id '{found.text}' is not in the English file"
                )
            else:
                message = f"'{found.entry}.{found.field}' has no English text to translate"
            raise ManualError(self.path, line, message)
        if not _is_id(found) and found.field not in PLAIN:
            try:  # English texts were checked when the source was loaded
                inline.to_html(found.text)
            except ValueError as err:
                raise ManualError(
                    self.path, line, f"'{found.entry}.{found.field}': {err}"
                ) from None
        self.translated[(found.entry, found.field)] = found.text

    def shown(self, entry: str, name: str) -> Text | None:
        english = self.english.get((entry, name))
        if english is None:
            return None
        translated = self.translated.get((entry, name))
        if translated is None and self.has_translation and entry not in self.untranslated:
            self.untranslated.append(entry)
        return Text(
            translated if translated is not None else english,
            translated is not None or not self.has_translation,
            self.terms,
        )


def _item(texts: _Texts, path: str, item, vocabulary, stale: set[str]) -> Entry:
    return Entry(
        id=item.id,
        role=item.role,
        role_label=vocabulary.roles[item.role],
        critical=item.critical,
        text=texts.shown(path, "text"),
        note=texts.shown(path, "note"),
        stale=path in stale,
    )


def _field(texts: _Texts, path: str, entry, vocabulary, stale: set[str]) -> Entry:
    return Entry(
        id=entry.id,
        kind=entry.kind,
        lines=entry.lines or 3,
        options=[(o.id, texts.shown(path, f"options.{o.id}")) for o in entry.options or []],
        text=texts.shown(path, "label"),
        note=texts.shown(path, "help"),
        stale=path in stale,
    )


_MERGE = {"checklists": _item, "forms": _field}


def document(
    source: Source, kind: str, ident: str, locale: str, terms: inline.Glossary | None = None
) -> Document:
    """One checklist or form in `locale`, its texts marked with the glossary `terms`."""
    english = source.documents[kind][ident]
    vocabulary = source.vocabulary
    path = source.docs_dir / locale / kind / f"{ident}.yml"
    translation, data, lines = None, None, {}
    if locale != source.language:
        vocabulary = load_vocabulary(source.docs_dir, locale, source.vocabulary)
        if path.exists():
            data, lines = yamlfile.load_mapping(path)
            translation = as_model(KINDS[kind][1], data, lines, path, translation=True)
    texts = _Texts(english, translation, path, lines, terms)
    # Entries stamped from an earlier English text (or never stamped), as the stamps read them.
    stale = set(stale_entries(kind, source.data[kind][ident], data) if data is not None else ())
    sections = []
    for section in english.sections:
        where = f"sections.{section.id}"
        entries = [
            _MERGE[kind](texts, f"{where}.{ENTRIES[kind]}.{entry.id}", entry, vocabulary, stale)
            for entry in getattr(section, ENTRIES[kind])
        ]
        title, intro = texts.shown(where, "title"), texts.shown(where, "intro")
        sections.append(Section(section.id, title, intro, entries, stale=where in stale))
    return Document(
        kind=kind,
        id=ident,
        stage=english.stage,
        stage_label=vocabulary.stages[english.stage],
        chapter=english.chapter,
        sections=sections,
        source_path=path,
        title=texts.shown("title", "title"),
        summary=texts.shown("summary", "summary"),
        untranslated=texts.untranslated,
        fallback=locale != source.language and translation is None,
        stale=sorted(stale),
    )


def orphans(source: Source, locale: str) -> list[Path]:
    """Translation files with no English counterpart."""
    found = []
    for kind in KINDS:
        for path in sorted((source.docs_dir / locale / kind).glob("*.yml")):
            if path.stem not in source.documents[kind]:
                found.append(path)
    return found


def documents(source: Source, locale: str, terms: inline.Glossary | None = None) -> list[Document]:
    """Every checklist and form in one language, in reading order; orphan files are errors."""
    for path in orphans(source, locale):
        raise ManualError(
            path,
            None,
            f"no English file {source.language}/{path.parent.name}/{path.name}: a translation needs its source",
        )
    stages = list(source.vocabulary.stages)
    found = [
        document(source, kind, ident, locale, terms)
        for kind in KINDS
        for ident in source.documents[kind]
    ]
    # Reading order: by stage of assistance, checklists before forms, then by id.
    return sorted(
        found, key=lambda doc: (stages.index(doc.stage), list(KINDS).index(doc.kind), doc.id)
    )


def language_documents(docs_dir: Path, locale: str, source: str = "en") -> list[Document]:
    """`documents()` of one language, read from the files, with that language's glossary."""
    terms = inline.Glossary.of(glossary.abbreviations(glossary.load(docs_dir, locale, source)))
    return documents(load_source(docs_dir, source), locale, terms)
