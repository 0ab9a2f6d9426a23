"""The manual's own interface strings (notices, buttons, labels), one YAML file per language.

Each is plain text, shown exactly as written (see `manual.inline`).

`docs/en/interface.yml` defines the keys; a translation gives the same keys. A key a translation
lacks falls back to English; a key English lacks is an error (a typo would otherwise vanish).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from manual import yamlfile
from manual.errors import ManualError

FILE_NAME = "interface.yml"


class Strings(dict):
    """Interface strings of one language; `strings.key` in templates, `strings["key"]` in code."""

    def __getattr__(self, key: str) -> str:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None


def _read(path: Path) -> tuple[dict[str, str], dict]:
    data, lines = yamlfile.load_mapping(path)
    data = {
        key: value for key, value in data.items() if key != "translated_from"
    }  # translators' stamps
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip():
            raise ManualError(path, yamlfile.line_of(lines, (key,)), f"'{key}': expected a text")
    return data, lines


def load_strings(docs_dir: Path, locale: str, source: str = "en") -> Strings:
    """The strings of `locale`, English where its file lacks a key."""
    english, _ = _read(docs_dir / source / FILE_NAME)
    strings = Strings(english)
    path = docs_dir / locale / FILE_NAME
    if locale != source and path.exists():
        translated, lines = _read(path)
        for key, value in translated.items():
            if key not in english:
                raise ManualError(
                    path,
                    yamlfile.line_of(lines, (key,)),
                    f"unknown key '{key}': expected one of the keys in {source}/{FILE_NAME}",
                )
            strings[key] = value
    return strings


def escaped(strings: Strings) -> Strings:
    """The strings as HTML, for templates that write what they are given as it is (the theme's)."""
    return Strings({key: escape(value) for key, value in strings.items()})
