"""A page's front matter (the YAML between `---` lines at its top), found as MkDocs finds it.

MkDocs keeps a block it cannot read, or one that is not a mapping, as the page's text, so its
YAML would show on the published page; here such a block stops with the file and the line, and so
does a key the manual does not use or a value of the wrong kind.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from manual import textfile, yamlfile
from manual.errors import ManualError

# MkDocs' own pattern (mkdocs/utils/meta.py), applied to text read as MkDocs reads it.
BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
OPENING = re.compile(r"^-{3}[ \t]*\n")

# What a page of the manual may set, and as what. A key not listed is refused (a misspelt
# `translated_from` would otherwise mark the page stale forever without saying why).
KEYS: dict[str, tuple[type, str]] = {
    "title": (str, "a text"),
    "description": (str, "a text"),
    "translate": (bool, "true or false"),
    "translated_from": (str, "the stamp that `make i18n-stamp` writes"),
    "hide": (list, "a list such as [toc, navigation]"),
    "search": (dict, "a mapping such as {exclude: true}"),
}


def _kind(value) -> str:
    return {dict: "a mapping", list: "a list", str: "a text"}.get(
        type(value), f"the value {value!r}"
    )


def split(text: str, path: Path) -> tuple[dict, str]:
    """The page's front matter, checked, and the Markdown after it."""
    match = BLOCK.match(text)
    if match is None:
        if OPENING.match(text):
            raise ManualError(
                path,
                1,
                "the page starts with '---' but no front matter block follows "
                "(keys, then a closing '---' line): close the block or remove the line",
            )
        return {}, text
    data, lines = yamlfile.parse(match.group(1), path, first_line=2)
    if data is None:
        raise ManualError(
            path,
            1,
            "empty front matter between the '---' lines: give keys (title: ...) "
            "or remove both lines",
        )
    if not isinstance(data, dict):
        raise ManualError(
            path,
            2,
            f"front matter: expected keys with values (translated_from: ...), not {_kind(data)}",
        )
    for key, value in data.items():
        line = yamlfile.line_of(lines, (key,))
        if key not in KEYS:
            raise ManualError(
                path, line, f"unknown front matter key '{key}': expected one of {', '.join(KEYS)}"
            )
        kind, expected = KEYS[key]
        if not isinstance(value, kind) or (
            kind is list and not all(isinstance(v, str) for v in value)
        ):
            raise ManualError(path, line, f"'{key}': expected {expected}, not {_kind(value)}")
    return data, text[match.end() :].lstrip("\n")


def split_page(text: str, path: Path) -> tuple[dict, str]:
    """As `split`, for a whole page: one with no text after its front matter is refused too."""
    meta, body = split(text, path)
    if not body.strip():
        raise ManualError(
            path,
            None,
            "the page is empty: give it its text, from its '# Title' on, "
            "or delete the file (a translation without it shows the English page)",
        )
    return meta, body


def read_page(path: Path) -> str:
    """A page's text, as MkDocs would read it, once its encoding, front matter and text are checked."""
    text = textfile.read(path)
    split_page(text, path)
    return text


def stamp_line(stamp: str) -> str:
    """`translated_from: <stamp>`, quoted where YAML would read the stamp as a number (all digits)."""
    plain = yaml.safe_load(stamp) == stamp
    return f"translated_from: {stamp if plain else repr(stamp)}"
