"""The terminology file's schema: a translation's chosen renderings and the renderings to avoid."""

from __future__ import annotations

from pydantic import Field

from manual.data import Strict, TextField


class Term(Strict):
    english: TextField
    use: TextField
    # Whole words, whatever the case; `*` stands for any ending ("servitut*").
    avoid: list[TextField] = []
    note: TextField | None = None
    source: TextField | None = None


class Terminology(Strict):
    # Characters that must never appear, each with the one to use (Romanian: cedilla ş ţ → ș ț).
    avoid_characters: dict[str, TextField] = {}
    terms: list[Term] = Field(min_length=1)
