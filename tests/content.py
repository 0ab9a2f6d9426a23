"""Facts about the manual's sources: chapters, their words, the links between them."""

from __future__ import annotations

import re
from pathlib import Path

CHAPTER_DIR = re.compile(r"^\d\d-[a-z0-9-]+$")
_MARKUP = [
    (re.compile(r"\{[^}]*\}"), " "),  # attribute lists such as { #anchor }
    (re.compile(r"\]\([^)]*\)"), "]"),  # link targets
    (re.compile(r"^!!!\s+\S+", re.MULTILINE), " "),  # admonition markers (their titles stay)
    (re.compile(r"[#*_>|`\[\]]"), " "),  # emphasis, headings, tables, quotes
    (re.compile(r"^\s*(\d+\.|-)\s", re.MULTILINE), " "),  # list markers
]
WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def chapters(language_dir: Path) -> list[Path]:
    return sorted(p for p in language_dir.iterdir() if p.is_dir() and CHAPTER_DIR.match(p.name))


def prose_words(markdown: str) -> int:
    for pattern, replacement in _MARKUP:
        markdown = pattern.sub(replacement, markdown)
    return len(WORD.findall(markdown))


def chapter_words(chapter: Path) -> int:
    return sum(prose_words(p.read_text(encoding="utf-8")) for p in chapter.glob("*.md"))


def links_in(markdown: str) -> set[str]:
    return set(re.findall(r"\]\(([^)\s]+)\)", markdown))
