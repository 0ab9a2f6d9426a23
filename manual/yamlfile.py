"""Read YAML as plain data while remembering the line of every key and list entry.

PyYAML silently keeps the last of two equal keys, expands aliases as often as they are used (a few
lines of nested aliases, "billion laughs", stand for billions of entries, and an alias inside its
own anchor for an endless one) and reports errors with its own wording. The manual's files need
none of that: duplicate keys, aliases, keys that are not plain texts and values other than texts,
numbers, yes/no and dates are refused, each at its line.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from manual import textfile
from manual.errors import ManualError

# libyaml's parser when PyYAML has it (its wheels do): the same nodes and marks, many times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Far deeper than any checklist (about six levels), far shallower than Python's recursion limit.
MAX_DEPTH = 40
_SCALARS = (str, int, float, bool, type(None), datetime.date)
_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_PYTHON = "tag:yaml.org,2002:python/"  # !!python/name:... in a MkDocs configuration

Location = tuple  # a path into the data, e.g. ("sections", 0, "items", 2, "text")


class _Reader:
    """Turns composed nodes into plain data, once per node: a second visit is an alias."""

    def __init__(self, path: Path, text: str, first_line: int, tags: bool = False):
        self.path, self.text, self.offset = path, text, first_line - 1
        self.tags = tags  # tagged values (mkdocs.yml's !ENV, !!python/name:...) read as None
        self.lines: dict[Location, int] = {}
        self.seen: set[int] = set()
        self.scalars = yaml.SafeLoader("")

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def plain(self, node: yaml.Node, here: Location) -> Any:
        self._first_visit(node)
        self.lines[here] = self.line(node)
        if len(here) > MAX_DEPTH:
            raise ManualError(
                self.path, self.line(node), f"nested more than {MAX_DEPTH} levels deep"
            )
        if self.tags and (node.tag.startswith("!") or node.tag.startswith(_PYTHON)):
            return None
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTIONS:
            raise ManualError(
                self.path,
                self.line(node),
                f"YAML tags ({node.tag}) are not accepted: write plain lists and keys",
            )
        if isinstance(node, yaml.MappingNode):
            data: dict[str, Any] = {}
            for key_node, value_node in node.value:
                self._first_visit(key_node)
                if not isinstance(key_node, yaml.ScalarNode):
                    raise ManualError(
                        self.path,
                        self.line(key_node),
                        "expected a plain name before ':', not a list or a mapping",
                    )
                key = key_node.value
                if key in data:
                    raise ManualError(self.path, self.line(key_node), f"duplicate key '{key}'")
                data[key] = self.plain(value_node, here + (key,))
            return data
        if isinstance(node, yaml.SequenceNode):
            return [self.plain(item, here + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _first_visit(self, node: yaml.Node) -> None:
        if id(node) in self.seen:
            raise ManualError(
                self.path,
                self._alias_line(),
                "YAML aliases (*name) are not accepted: write the text out in full",
            )
        self.seen.add(id(node))

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        # PyYAML's safe resolver decides the type (int, bool, str, ...); it raises on a tag it
        # does not know (!!python/object) and on a value its tag cannot hold (2026-02-30).
        try:
            value = self.scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as err:
            problem = getattr(err, "problem", None) or str(err)
            raise ManualError(
                self.path,
                self.line(node),
                f"'{node.value}': {problem}; put a text in quotes to keep it as written",
            ) from None
        if not isinstance(value, _SCALARS):
            raise ManualError(
                self.path,
                self.line(node),
                f"unsupported YAML value ({node.tag}): "
                "expected a text, a number, true/false or a date",
            )
        return value

    def _alias_line(self) -> int | None:
        """The line of the first alias: nodes only know where their anchor is."""
        for event in yaml.parse(self.text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line + 1 + self.offset
        return None


def parse(
    text: str, path: Path, first_line: int = 1, tags: bool = False
) -> tuple[Any, dict[Location, int]]:
    """The data of YAML `text` read from `path` (starting at `first_line` of it), and its lines.

    `tags`: read tagged values as None instead of refusing them (for mkdocs.yml, whose tags are
    MkDocs' own business)."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + first_line if mark else None
        raise ManualError(path, line, f"YAML syntax error: {err.problem or err.context}") from None
    except yaml.reader.ReaderError as err:  # a control character, reported by offset, not by line
        character = err.character if isinstance(err.character, int) else ord(err.character)
        line = (
            text[: max(text.find(chr(character)), 0)].count("\n") + first_line
        )  # the first is the one
        raise ManualError(path, line, f"{err.reason} (U+{character:04X}): delete it") from None
    except yaml.YAMLError as err:
        raise ManualError(path, None, f"not readable as YAML: {err}") from None
    if node is None:
        return None, {}
    reader = _Reader(path, text, first_line, tags)
    return reader.plain(node, ()), reader.lines


def load(path: Path) -> tuple[Any, dict[Location, int]]:
    """Return the file's data and a map from each location in it to its line number."""
    return parse(textfile.read(path), path)


def load_config(path: Path) -> dict:
    """mkdocs.yml as plain data, its tagged values (!ENV ...) as None, for the manual's commands."""
    data, _ = parse(textfile.read(path), path, tags=True)
    if not isinstance(data, dict):
        raise ManualError(path, 1, "expected the MkDocs configuration, a mapping of keys to values")
    return data


def configured_languages(path: Path) -> list[str]:
    """The language codes mkdocs.yml lists for mkdocs-static-i18n, the source language first."""
    for plugin in load_config(path).get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [entry["locale"] for entry in plugin["i18n"]["languages"]]
    return ["en"]


def load_mapping(path: Path) -> tuple[dict, dict[Location, int]]:
    """As `load`, for a file that must hold keys with values (every data file of the manual)."""
    data, lines = load(path)
    if not isinstance(data, dict):
        found = (
            "an empty file"
            if data is None
            else "a list"
            if isinstance(data, list)
            else "a single value"
        )
        raise ManualError(
            path, 1, f"expected a mapping of keys to values ('key: ...' lines), not {found}"
        )
    return data, lines


def line_of(lines: dict[Location, int], where: Location) -> int | None:
    """The line of `where`, or of its nearest enclosing entry that has one."""
    where = tuple(where)
    while where not in lines and where:
        where = where[:-1]
    return lines.get(where)
