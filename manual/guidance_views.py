"""Guidance data as one language's readers see it: translated texts, English where missing."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from manual import inline, memo, yamlfile
from manual.errors import ManualError

if TYPE_CHECKING:
    from manual.guidance import Source

# Checking and merging need pydantic and the schemas, imported where they are used: a rebuild
# that finds its documents kept from the last build (language_documents) never loads them.


@dataclass(frozen=True)
class Text:
    """A text in the reader's language, or the English one while the translation lacks it."""

    value: str
    translated: bool = True
    # `value` is written escaped, as plain text; `html` is for inline texts (see manual.inline).

    @property
    def html(self):
        return inline.to_html(self.value)


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
    kind: str  # "checklists" or "forms"
    id: str
    title: Text
    summary: Text
    stage: str
    stage_label: str
    chapter: str
    sections: list[Section]
    untranslated: list[str] = field(default_factory=list)  # where the translation lacks a text
    source_path: Path | None = None
    fallback: bool = False  # no translation file at all: the whole page is the English text
    stale: list[str] = field(
        default_factory=list
    )  # entries translated from an earlier English text


class _Merger:
    """Pairs English texts with a translation's, recording what falls back."""

    def __init__(self, path: Path, lines: dict, has_translation: bool):
        self.path, self.lines, self.has_translation = path, lines, has_translation
        self.untranslated: list[str] = []

    def text(
        self,
        english: str | None,
        translated: str | None,
        where: str,
        loc: tuple,
        plain: bool = False,
    ) -> Text | None:
        """The text shown; an inline text (not `plain`, as titles are) must be inline Markdown."""
        if english is None:
            if translated is not None:
                raise ManualError(
                    self.path,
                    yamlfile.line_of(self.lines, loc),
                    f"'{where}' has no English text to translate",
                )
            return None
        value = translated if translated is not None else english
        if (
            translated is not None and not plain
        ):  # English texts were checked when the source was loaded
            try:
                inline.to_html(value)
            except ValueError as err:
                raise ManualError(
                    self.path, yamlfile.line_of(self.lines, loc), f"'{where}': {err}"
                ) from None
        if translated is None and self.has_translation:
            self.untranslated.append(where)
        return Text(value, translated is not None or not self.has_translation)

    def by_id(
        self, entries: list, english_ids: set[str], loc: tuple, what: str
    ) -> dict[str, tuple[Any, tuple]]:
        found = {}
        for i, entry in enumerate(entries):
            here = loc + (i,)
            if entry.id not in english_ids:
                raise ManualError(
                    self.path,
                    yamlfile.line_of(self.lines, here + ("id",)),
                    f"{what} id '{entry.id}' is not in the English file",
                )
            if entry.id in found:
                raise ManualError(
                    self.path,
                    yamlfile.line_of(self.lines, here + ("id",)),
                    f"duplicate {what} id '{entry.id}'",
                )
            found[entry.id] = (entry, here)
        return found


def document(source: Source, kind: str, ident: str, locale: str) -> Document:
    from manual.guidance import load_vocabulary, validate
    from manual.guidance_models import KINDS

    english = source.documents[kind][ident]
    vocabulary = source.vocabulary
    path = source.docs_dir / locale / kind / f"{ident}.yml"
    translation, lines = None, {}
    if locale != source.language:
        vocabulary = load_vocabulary(source.docs_dir, locale, source.vocabulary)
    if locale != source.language and path.exists():
        translation, lines = validate(KINDS[kind][1], path, translation=True)
    merge = _Merger(path, lines, translation is not None)
    stale = set(_stale(source, kind, ident, path) if translation is not None else ())
    entries_name = "items" if kind == "checklists" else "fields"
    t_sections = merge.by_id(
        translation.sections if translation else [],
        {s.id for s in english.sections},
        ("sections",),
        "section",
    )
    sections = []
    for section in english.sections:
        t_section, s_loc = t_sections.get(section.id, (None, ()))
        english_entries = getattr(section, entries_name)
        t_entries = merge.by_id(
            getattr(t_section, entries_name) if t_section else [],
            {e.id for e in english_entries},
            s_loc + (entries_name,),
            entries_name[:-1],
        )
        prefix = f"sections.{section.id}"
        entries = []
        for entry in english_entries:
            t_entry, e_loc = t_entries.get(entry.id, (None, ()))
            where = f"{prefix}.{entries_name}.{entry.id}"
            if kind == "checklists":
                entries.append(
                    Entry(
                        id=entry.id,
                        role=entry.role,
                        role_label=vocabulary.roles[entry.role],
                        critical=entry.critical,
                        text=merge.text(
                            entry.text, t_entry and t_entry.text, f"{where}.text", e_loc + ("text",)
                        ),
                        note=merge.text(
                            entry.note, t_entry and t_entry.note, f"{where}.note", e_loc + ("note",)
                        ),
                        stale=where in stale,
                    )
                )
            else:
                t_options = merge.by_id(
                    t_entry.options if t_entry else [],
                    {o.id for o in entry.options or []},
                    e_loc + ("options",),
                    "option",
                )
                options = []
                for option in entry.options or []:
                    t_option, o_loc = t_options.get(option.id, (None, ()))
                    options.append(
                        (
                            option.id,
                            merge.text(
                                option.label,
                                t_option and t_option.label,
                                f"{where}.options.{option.id}",
                                o_loc + ("label",),
                            ),
                        )
                    )
                entries.append(
                    Entry(
                        id=entry.id,
                        kind=entry.kind,
                        lines=entry.lines or 3,
                        options=options,
                        text=merge.text(
                            entry.label,
                            t_entry and t_entry.label,
                            f"{where}.label",
                            e_loc + ("label",),
                        ),
                        note=merge.text(
                            entry.help, t_entry and t_entry.help, f"{where}.help", e_loc + ("help",)
                        ),
                        stale=where in stale,
                    )
                )
        sections.append(
            Section(
                id=section.id,
                title=merge.text(
                    section.title,
                    t_section and t_section.title,
                    f"{prefix}.title",
                    s_loc + ("title",),
                    plain=True,
                ),
                intro=merge.text(
                    getattr(section, "intro", None),
                    getattr(t_section, "intro", None),
                    f"{prefix}.intro",
                    s_loc + ("intro",),
                ),
                entries=entries,
                stale=prefix in stale,
            )
        )
    return Document(
        kind=kind,
        id=ident,
        stage=english.stage,
        stage_label=vocabulary.stages[english.stage],
        chapter=english.chapter,
        sections=sections,
        source_path=path,
        title=merge.text(
            english.title, translation and translation.title, "title", ("title",), plain=True
        ),
        summary=merge.text(
            english.summary, translation and translation.summary, "summary", ("summary",)
        ),
        untranslated=merge.untranslated,
        fallback=locale != source.language and translation is None,
        stale=sorted(stale),
    )


def _stale(source: Source, kind: str, ident: str, path: Path) -> list[str]:
    """The entries of a translation stamped from an earlier English text (or never stamped)."""
    from manual.changes import stale_entries

    english = source.docs_dir / source.language / kind / f"{ident}.yml"
    return stale_entries(kind, yamlfile.load(english)[0], yamlfile.load(path)[0])


def orphans(source: Source, locale: str) -> list[Path]:
    """Translation files with no English counterpart."""
    from manual.guidance_models import KINDS

    found = []
    for kind in KINDS:
        for path in sorted((source.docs_dir / locale / kind).glob("*.yml")):
            if path.stem not in source.documents[kind]:
                found.append(path)
    return found


def documents(source: Source, locale: str) -> list[Document]:
    """Every checklist and form in one language, in a stable order; orphan files are errors.

    Several hooks ask for them in each build: they are made once per version of the files.
    """
    version = memo.of_files(_data_files(source.docs_dir, source.language, locale))
    return list(_documents(source, locale, version))


def _data_files(docs_dir: Path, source: str, locale: str) -> list[Path]:
    """The data files of the source language and of `locale`."""
    return [
        p
        for code in {source, locale}
        for pattern in ("*.yml", "*/*.yml")
        for p in (docs_dir / code).glob(pattern)
    ]


@lru_cache(maxsize=16)
def _documents(source: Source, locale: str, version: bytes) -> tuple[Document, ...]:
    from manual.guidance_models import KINDS

    for path in orphans(source, locale):
        raise ManualError(
            path,
            None,
            f"no English file {source.language}/{path.parent.name}/{path.name}: a translation needs its source",
        )
    stages = list(source.vocabulary.stages)
    found = [
        document(source, kind, ident, locale) for kind in KINDS for ident in source.documents[kind]
    ]
    # Reading order: by stage of assistance, checklists before forms, then by id.
    return tuple(
        sorted(
            found, key=lambda doc: (stages.index(doc.stage), list(KINDS).index(doc.kind), doc.id)
        )
    )


def language_documents(
    docs_dir: Path, locale: str, source: str = "en", folder: Path | None = None
) -> list[Document]:
    """`documents()` of one language, read from the files; kept in `folder` between builds.

    The key is what checking and merging read: the data files of both languages, and which pages
    English has (each checklist and form names its chapter page).
    """

    def made() -> list[Document]:
        from manual.guidance import load_source

        return documents(load_source(docs_dir, source), locale)

    if folder is None:
        return made()
    pages = sorted(p.relative_to(docs_dir).as_posix() for p in (docs_dir / source).rglob("*.md"))
    inputs = memo.of_files(_data_files(docs_dir, source, locale)) + memo.of_objects(pages)
    return memo.remembered(folder, f"guidance-{locale}", inputs, made)
