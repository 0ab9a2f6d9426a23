"""The glossary: its own page, and definitions shown wherever a term appears in the manual."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from manual import inline, templates, yamlfile
from manual.data import Text, read_model
from manual.errors import ManualError
from manual.glossary_models import Glossary, GlossaryText, TermText
from manual.interface import Strings

FILE_NAME = "glossary.yml"
PAGE = "glossary.md"


@dataclass(frozen=True)
class Entry:
    id: str
    term: Text
    abbr: str | None
    definition: Text
    tooltip: bool = True


def _check_unique(values: list[tuple[str, tuple]], path: Path, lines: dict, what: str) -> None:
    seen: set[str] = set()
    for value, loc in values:
        if value.casefold() in seen:
            raise ManualError(
                path, yamlfile.line_of(lines, loc), f"{what} '{value}' is defined twice"
            )
        seen.add(value.casefold())


def load(docs_dir: Path, locale: str, source: str = "en") -> list[Entry]:
    """The glossary in one language, English where a translation lacks a term; sorted by term."""
    path = docs_dir / source / FILE_NAME
    if not path.exists():
        return []
    english, lines = read_model(Glossary, path)
    _check_unique(
        [(t.id, ("terms", i, "id")) for i, t in enumerate(english.terms)], path, lines, "id"
    )
    _check_unique(
        [(t.term, ("terms", i, "term")) for i, t in enumerate(english.terms)], path, lines, "term"
    )
    translated: dict[str, TermText] = {}
    t_path = docs_dir / locale / FILE_NAME
    if locale != source and t_path.exists():
        text, t_lines = read_model(GlossaryText, t_path, translation=True)
        known = {t.id for t in english.terms}
        for i, entry in enumerate(text.terms):
            if entry.id not in known:
                raise ManualError(
                    t_path,
                    yamlfile.line_of(t_lines, ("terms", i, "id")),
                    f"term id '{entry.id}' is not in the English {FILE_NAME}",
                )
            translated[entry.id] = entry
        _check_unique(
            [(t.term, ("terms", i, "term")) for i, t in enumerate(text.terms) if t.term],
            t_path,
            t_lines,
            "term",
        )
    entries = []
    for term in english.terms:
        t = translated.get(term.id)
        has = locale == source
        entries.append(
            Entry(
                id=term.id,
                term=Text(t.term if t and t.term else term.term, has or bool(t and t.term)),
                abbr=(t.abbr if t and t.abbr else term.abbr),
                definition=Text(
                    t.definition if t and t.definition else term.definition,
                    has or bool(t and t.definition),
                ),
                tooltip=term.tooltip,
            )
        )
    # A term and its abbreviation are plain text, shown as written; a definition is inline text.
    for i, term in enumerate(english.terms):
        _check_definition(term.definition, path, lines, ("terms", i, "definition"), term.id)
    if translated:
        for i, entry in enumerate(text.terms):
            if entry.definition:
                _check_definition(
                    entry.definition, t_path, t_lines, ("terms", i, "definition"), entry.id
                )
    return sorted(entries, key=lambda e: sort_key(e.term.value))


def _check_definition(definition: str, path: Path, lines: dict, loc: tuple, ident: str) -> None:
    try:
        inline.to_html(definition)
    except ValueError as err:
        raise ManualError(
            path, yamlfile.line_of(lines, loc), f"term '{ident}' definition: {err}"
        ) from None


def sort_key(term: str) -> tuple[str, str]:
    """Alphabetical order that files letters with diacritics beside their base letter (Î with I)."""
    base = "".join(c for c in unicodedata.normalize("NFD", term) if not unicodedata.combining(c))
    return base.casefold(), term.casefold()


def abbreviations(entries: list[Entry]) -> dict[str, str]:
    """Each abbreviation and term, with its definition as plain text, for hover and tap.

    Markdown's abbr extension takes them for the pages, and `inline.to_html` for the texts of
    checklists and forms (as `inline.Glossary.of(...)`), so both mark the same words."""
    found: dict[str, str] = {}
    for entry in entries:
        if not entry.tooltip:
            continue
        term = entry.term.value
        words = {term}
        if (
            term[1:] == term[1:].lower()
        ):  # "Case manager" also as "case manager"; names keep their capitals
            words.add(term[:1].lower() + term[1:])
        if entry.abbr:
            words.add(entry.abbr)
        for word in sorted(words):
            found[word] = inline.plain_text(entry.definition.value)  # the abbr extension escapes it
    return found


def page_markdown(entries: list[Entry], strings: Strings) -> str:
    return templates.render("glossary-page.md.j2", entries=entries, strings=strings)
