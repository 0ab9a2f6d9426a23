"""The glossary file's schema: English defines the terms, a translation gives texts for their ids."""

from __future__ import annotations

from pydantic import Field

from manual.data import Id, Strict, TextField


class Term(Strict):
    id: Id
    term: TextField
    abbr: TextField | None = None
    definition: TextField
    # A word the text uses on nearly every page ("exploitation"): defined on the glossary page,
    # not marked at each use, where a tooltip on every line would drown the others.
    tooltip: bool = True


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1)


class TermText(Strict):
    id: Id
    term: TextField | None = None
    abbr: TextField | None = None
    definition: TextField | None = None


class GlossaryText(Strict):
    terms: list[TermText] = []
    translated_from: dict[str, str] = {}
