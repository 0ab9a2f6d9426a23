"""A translation's terminology list: one rendering per term, and renderings that must not come back.

Each language may keep `docs/<code>/terminology.yml`. The list is shown on the Terminology page,
and `findings` reports every avoided rendering (or character) in that language's pages and data
files, which the tests turn into a failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from manual import yamlfile
from manual.data import read_model
from manual.errors import ManualError
from manual.terminology_models import Terminology

FILE_NAME = "terminology.yml"
PAGE = "about/terminology.md"


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    found: str
    use: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: „{self.found}” is avoided: use „{self.use}”"


# Arabic short vowels, shadda, sukun and tatweel: a rendering is the same word with or without them.
MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")


def pattern(avoid: str) -> re.Pattern:
    """Whole words, whatever the case, any spacing between them; `*` stands for any letters."""
    words = [re.escape(word).replace(r"\*", r"\w*") for word in MARKS.sub("", avoid).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def load(docs_dir: Path, code: str):
    """The language's terminology list, checked, or None where it keeps none."""
    path = docs_dir / code / FILE_NAME
    if not path.exists():
        return None
    terminology, lines = read_model(Terminology, path)
    for i, term in enumerate(terminology.terms):
        for j, avoid in enumerate(term.avoid):
            # A list that forbids its own choice could never be followed.
            if pattern(avoid).search(MARKS.sub("", term.use)):
                raise ManualError(
                    path,
                    yamlfile.line_of(lines, ("terms", i, "avoid", j)),
                    f"avoided rendering '{avoid}' matches the chosen one '{term.use}'",
                )
    for char, line in (
        (c, yamlfile.line_of(lines, ("avoid_characters", c))) for c in terminology.avoid_characters
    ):
        if len(char) != 1:
            raise ManualError(
                path, line, f"expected single characters under avoid_characters, not '{char}'"
            )
    return terminology


def findings(docs_dir: Path, code: str) -> list[Finding]:
    """Every avoided rendering or character in the language's pages and data files."""
    terminology = load(docs_dir, code)
    if terminology is None:
        return []
    words = [(pattern(avoid), term.use) for term in terminology.terms for avoid in term.avoid]
    characters = [
        (re.compile(re.escape(char)), use) for char, use in terminology.avoid_characters.items()
    ]
    found = []
    folder = docs_dir / code
    for path in sorted(
        p for p in folder.rglob("*") if p.suffix in (".md", ".yml") and p.name != FILE_NAME
    ):
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".md":
            text = _without_code(text)
        for number, line in enumerate(text.splitlines(), 1):
            for rx, use in characters:
                found.extend(Finding(path, number, m.group(0), use) for m in rx.finditer(line))
            plain = MARKS.sub("", line)
            for rx, use in words:
                found.extend(Finding(path, number, m.group(0), use) for m in rx.finditer(plain))
    return found


FENCE = re.compile(r"^( {0,3}|    +)(```|~~~).*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]+`")


def _without_code(markdown: str) -> str:
    """The page with its code blanked, lines kept: an example of a file may quote an avoided rendering."""

    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return CODE_SPAN.sub(blank, FENCE.sub(blank, markdown))
