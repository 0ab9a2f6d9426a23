"""The terminology file's schema: a translation's chosen renderings and the renderings to avoid."""

from __future__ import annotations

from pydantic import Field

from manual.guidance_models import Strict, Text


class Term(Strict):
    english: Text
    use: Text
    # Whole words, whatever the case; `*` stands for any ending ("servitut*").
    avoid: list[Text] = []
    note: Text | None = None
    source: Text | None = None


class Terminology(Strict):
    # Characters that must never appear, each with the one to use (Romanian: cedilla ş ţ → ș ț).
    avoid_characters: dict[str, Text] = {}
    terms: list[Term] = Field(min_length=1)
