"""Read YAML as plain data while remembering the line of every key and list entry.

PyYAML silently keeps the last of two equal keys and reports errors with its own wording;
the manual needs duplicate keys refused and every later error pointed at a line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from manual.errors import ManualError

# libyaml's parser when PyYAML has it (its wheels do): the same nodes and marks, many times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Location = tuple  # a path into the data, e.g. ("sections", 0, "items", 2, "text")


def _plain(node: yaml.Node, here: Location, lines: dict[Location, int], path: Path,
           scalars: yaml.SafeLoader) -> Any:
    lines[here] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        data: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in data:
                raise ManualError(path, key_node.start_mark.line + 1, f"duplicate key '{key}'")
            data[key] = _plain(value_node, here + (key,), lines, path, scalars)
        return data
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, here + (i,), lines, path, scalars) for i, item in enumerate(node.value)]
    # Scalars: let PyYAML's safe resolver decide the type (int, bool, str, ...).
    return scalars.construct_object(node, deep=True)


def load(path: Path) -> tuple[Any, dict[Location, int]]:
    """Return the file's data and a map from each location in it to its line number.

    Callers must not change what they get: it is shared by every reader of the same file version.
    """
    stat = path.stat() if path.exists() else None
    return _load(path, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)


@lru_cache(maxsize=1024)  # keyed by file version: one parse per build, however many hooks read it
def _load(path: Path, mtime_ns: int, size: int) -> tuple[Any, dict[Location, int]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise ManualError(path, None, f"not UTF-8 text ({err.reason})") from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        raise ManualError(path, line, f"YAML syntax error: {err.problem or err.context}") from None
    lines: dict[Location, int] = {}
    if node is None:
        return None, lines
    return _plain(node, (), lines, path, yaml.SafeLoader("")), lines


def line_of(lines: dict[Location, int], where: Location) -> int | None:
    """The line of `where`, or of its nearest enclosing entry that has one."""
    where = tuple(where)
    while where not in lines and where:
        where = where[:-1]
    return lines.get(where)
