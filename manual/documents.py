"""Load and check the English documents (checklists and forms) and the vocabulary they use.

Every problem stops the build with the file, the line and what was expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from manual import inline, yamlfile
from manual.data import as_model, read_model
from manual.document_models import KINDS, Vocabulary, VocabularyText
from manual.document_texts import PLAIN, walk
from manual.errors import ManualError

VOCABULARY = "vocabulary.yml"
_ANCHOR = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True, eq=False)
class Source:
    """The English vocabulary and every English checklist and form, checked."""

    docs_dir: Path
    vocabulary: Vocabulary
    documents: dict[str, dict[str, Any]]  # kind -> id -> model
    data: dict[
        str, dict[str, dict]
    ]  # kind -> id -> the file's data, as translators' stamps read it
    language: str = "en"


def load_vocabulary(docs_dir: Path, locale: str, source: Vocabulary | None = None) -> Vocabulary:
    """The English vocabulary (`source` None), or a translation's over the English `source`."""
    path = docs_dir / locale / VOCABULARY
    if source is None:
        return read_model(Vocabulary, path)[0]
    if not path.exists():
        return source
    text, lines = read_model(VocabularyText, path, translation=True)
    for group in ("stages", "roles"):
        for key in getattr(text, group):
            if key not in getattr(source, group):
                raise ManualError(
                    path,
                    yamlfile.line_of(lines, (group, key)),
                    f"unknown {group[:-1]} id '{key}': not in the English {VOCABULARY}",
                )
    return Vocabulary(stages={**source.stages, **text.stages}, roles={**source.roles, **text.roles})


def load_source(docs_dir: Path, source: str = "en") -> Source:
    """Check every English checklist and form: schema, unique ids, known stages, roles, pages."""
    vocabulary = load_vocabulary(docs_dir, source)
    documents: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    data: dict[str, dict[str, dict]] = {kind: {} for kind in KINDS}
    for kind, (model, _) in KINDS.items():
        for path in sorted((docs_dir / source / kind).glob("*.yml")):
            data[kind][path.stem], lines = yamlfile.load_mapping(path)
            doc = as_model(model, data[kind][path.stem], lines, path)
            _check_source(doc, path, lines, docs_dir / source, vocabulary)
            documents[kind][path.stem] = doc
    return Source(docs_dir, vocabulary, documents, data, language=source)


def what(entry: str, field: str) -> str:
    """What an id names: "section", "item", "field" or "option"."""
    if field.startswith("options."):
        return "option"
    parts = entry.split(".")
    return "section" if len(parts) == 2 else {"items": "item", "fields": "field"}[parts[2]]


def check_ids(data, path: Path, lines: dict) -> None:
    """Ids are unique: sections and entries (items, fields) across the document, options in their field."""
    seen: set[tuple[str, str]] = set()
    for found in walk(data):
        if found.field == "id" or found.field.endswith(".id"):
            kind = what(found.entry, found.field)
            # Entries are unique across sections: their HTML ids are the document's id and theirs.
            scope = found.entry if kind == "option" else ""
            if (kind, scope, found.text) in seen:
                raise ManualError(
                    path, yamlfile.line_of(lines, found.loc), f"duplicate {kind} id '{found.text}'"
                )
            seen.add((kind, scope, found.text))


def check_texts(data, path: Path, lines: dict) -> None:
    """Every inline text must be inline Markdown; report the first that is not, at its line."""
    for found in walk(data):
        if found.field not in PLAIN and found.field != "id" and not found.field.endswith(".id"):
            try:
                inline.to_html(found.text)
            except ValueError as err:
                where = ".".join(str(p) for p in found.loc)
                raise ManualError(
                    path, yamlfile.line_of(lines, found.loc), f"'{where}': {err}"
                ) from None


def _check_source(doc, path: Path, lines: dict, language_dir: Path, vocabulary: Vocabulary) -> None:
    check_ids(doc, path, lines)
    if doc.stage not in vocabulary.stages:
        raise ManualError(
            path,
            yamlfile.line_of(lines, ("stage",)),
            f"unknown stage '{doc.stage}': expected one of {', '.join(vocabulary.stages)}",
        )
    chapter, _, anchor = doc.chapter.partition("#")
    if anchor and not _ANCHOR.fullmatch(anchor):
        raise ManualError(
            path,
            yamlfile.line_of(lines, ("chapter",)),
            f"chapter '{doc.chapter}': expected a section anchor of letters, digits, '-' and '_' after '#'",
        )
    if not chapter.endswith(".md") or not (language_dir / chapter).is_file():
        raise ManualError(
            path,
            yamlfile.line_of(lines, ("chapter",)),
            f"chapter page '{doc.chapter}' does not exist in {language_dir.name}/",
        )
    check_texts(doc, path, lines)
    for s, section in enumerate(doc.sections):
        for i, item in enumerate(getattr(section, "items", ())):
            if item.role not in vocabulary.roles:
                raise ManualError(
                    path,
                    yamlfile.line_of(lines, ("sections", s, "items", i, "role")),
                    f"unknown role '{item.role}': expected one of {', '.join(vocabulary.roles)}",
                )
