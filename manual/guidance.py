"""Load, check and merge structured guidance data (checklists and forms) for one language.

Every problem stops the build with the file, the line and what was expected. Texts a translation
lacks fall back to English and are marked, so readers see which parts are not translated yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from manual import inline, memo, yamlfile
from manual.errors import ManualError
from manual.guidance_models import KINDS, Vocabulary, VocabularyText

VOCABULARY = "vocabulary.yml"


def _explain(error: dict, translation: bool) -> str:
    where = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        if translation:
            return (
                f"'{where}' is not a text a translation may give: the English file defines "
                "the structure (ids, order, stage, roles, kinds); translate only texts"
            )
        return f"unknown key '{where}'"
    if kind == "missing":
        return f"missing required key '{where}'"
    return f"'{where}': {error['msg']}" if where else error["msg"]


def validate(model: type[BaseModel], path: Path, translation: bool = False) -> tuple[Any, dict]:
    """Parse one YAML file into `model`, or raise a ManualError at the first problem's line."""
    data, lines = yamlfile.load_mapping(path)
    try:
        return model.model_validate(data), lines
    except ValidationError as err:
        first = err.errors()[0]
        loc = first["loc"]
        if first["type"] == "missing":
            loc = loc[:-1]  # the enclosing entry, which is where the key should have been
        raise ManualError(
            path, yamlfile.line_of(lines, loc), _explain(first, translation)
        ) from None


def _unique(ids: list[tuple[str, tuple]], path: Path, lines: dict, what: str) -> None:
    seen: set[str] = set()
    for ident, loc in ids:
        if ident in seen:
            raise ManualError(path, yamlfile.line_of(lines, loc), f"duplicate {what} id '{ident}'")
        seen.add(ident)


def _entries(doc: Any) -> tuple[str, list[tuple[str, tuple]]]:
    """The name and (id, location) of every item or field in a document, across sections."""
    name = (
        "items"
        if hasattr(doc.sections[0], "items") and not hasattr(doc.sections[0], "fields")
        else "fields"
    )
    found = []
    for s, section in enumerate(doc.sections):
        for i, entry in enumerate(getattr(section, name)):
            found.append((entry.id, ("sections", s, name, i, "id")))
    return name, found


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: load_source() reuses it
class Source:
    """The English vocabulary and every English checklist and form, checked."""

    docs_dir: Path
    vocabulary: Vocabulary
    documents: dict[str, dict[str, Any]]  # kind -> id -> model
    language: str = "en"


def load_vocabulary(docs_dir: Path, locale: str, source: Vocabulary | None = None) -> Vocabulary:
    path = docs_dir / locale / VOCABULARY
    if source is None:
        return validate(Vocabulary, path)[0]
    if not path.exists():
        return source
    text, lines = validate(VocabularyText, path, translation=True)
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
    """Check every English checklist and form: schema, unique ids, known stages, roles, pages.

    Made once per version of the English files, however many hooks and languages ask.
    """
    english = docs_dir / source
    version = memo.of_files(p for p in english.rglob("*") if p.suffix in (".yml", ".md"))
    return _load_source(docs_dir, source, version)


@lru_cache(maxsize=4)
def _load_source(docs_dir: Path, source: str, version: bytes) -> Source:
    vocabulary = load_vocabulary(docs_dir, source)
    documents: dict[str, dict[str, Any]] = {}
    for kind, (model, _) in KINDS.items():
        documents[kind] = {}
        for path in sorted((docs_dir / source / kind).glob("*.yml")):
            doc, lines = validate(model, path)
            _check_source(doc, path, lines, docs_dir / source, vocabulary)
            documents[kind][path.stem] = doc
    return Source(docs_dir=docs_dir, vocabulary=vocabulary, documents=documents, language=source)


def _check_source(doc, path: Path, lines: dict, language_dir: Path, vocabulary: Vocabulary) -> None:
    _unique(
        [(s.id, ("sections", i, "id")) for i, s in enumerate(doc.sections)], path, lines, "section"
    )
    name, entries = _entries(doc)
    _unique(entries, path, lines, name[:-1])
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
    _check_texts(doc.model_dump(), (), path, lines)
    for s, section in enumerate(doc.sections):
        for i, entry in enumerate(getattr(section, name)):
            if name == "items" and entry.role not in vocabulary.roles:
                raise ManualError(
                    path,
                    yamlfile.line_of(lines, ("sections", s, name, i, "role")),
                    f"unknown role '{entry.role}': expected one of {', '.join(vocabulary.roles)}",
                )
            if name == "fields" and entry.options:
                _unique(
                    [
                        (o.id, ("sections", s, name, i, "options", k, "id"))
                        for k, o in enumerate(entry.options)
                    ],
                    path,
                    lines,
                    "option",
                )


# Inline texts (emphasis and code); titles are plain text, shown as written (see manual.inline).
TEXT_KEYS = frozenset({"summary", "text", "note", "label", "help", "intro"})
_ANCHOR = re.compile(r"[A-Za-z0-9_-]+")


def _check_texts(data: Any, loc: tuple, path: Path, lines: dict) -> None:
    """Every inline text field must be inline Markdown; report the first that is not, at its line."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in TEXT_KEYS and isinstance(value, str):
                try:
                    inline.to_html(value)
                except ValueError as err:
                    where = ".".join(str(p) for p in loc + (key,))
                    raise ManualError(
                        path, yamlfile.line_of(lines, loc + (key,)), f"'{where}': {err}"
                    ) from None
            else:
                _check_texts(value, loc + (key,), path, lines)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _check_texts(value, loc + (i,), path, lines)
