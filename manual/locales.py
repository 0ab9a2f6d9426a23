"""Which language a build is for, and where its pages go."""

from __future__ import annotations

from dataclasses import dataclass

# Languages written right to left; the site and the PDFs mirror their layout.
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})


@dataclass(frozen=True)
class BuildLocale:
    """The language one build renders, among the languages of the manual."""

    code: str  # this build's language, e.g. "ro"
    source: str  # the language the manual is written in and falls back to ("en")
    languages: tuple[str, ...]  # every language built, source first

    @property
    def is_source(self) -> bool:
        return self.code == self.source

    @property
    def prefix(self) -> str:
        """The folder of this language's pages in the site: "" for the source, "ro/" otherwise."""
        return "" if self.is_source else f"{self.code}/"

    @property
    def other_prefixes(self) -> tuple[str, ...]:
        return tuple(f"{code}/" for code in self.languages if code != self.source)

    @property
    def direction(self) -> str:
        return direction_of(self.code)

    @property
    def source_direction(self) -> str:
        return direction_of(self.source)


def direction_of(code: str) -> str:
    """ "rtl" for a language written right to left, else "ltr"."""
    return "rtl" if code in RIGHT_TO_LEFT else "ltr"
