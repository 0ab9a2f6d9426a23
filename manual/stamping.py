"""Stamp a translated page or data file as brought up to date with its English source.

Files are read with the build's own checks first (encoding, front matter, YAML syntax, duplicate
keys, aliases), so a badly saved file stops with its line before anything is written, and they
are written back as they were saved (byte-order mark and line endings kept).
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from manual import front_matter, textfile
from manual.errors import ManualError
from manual.translations import (
    MARK,
    data_files,
    entries,
    fingerprint,
    page_fingerprint,
    read_data,
    stamps_of,
)


def stamp_page(docs_dir: Path, code: str, rel: str, source: str = "en") -> str:
    english, translated = docs_dir / source / rel, docs_dir / code / rel
    for path in (english, translated):
        if not path.exists():
            raise ManualError(path, None, "does not exist: nothing to stamp")
    stamp = page_fingerprint(english)
    saved = textfile.read_saved(translated)
    meta, _ = front_matter.split_page(saved.text, translated)  # checked before anything is written
    line = front_matter.stamp_line(stamp)
    if meta:
        block = front_matter.BLOCK.match(saved.text)
        lines = [
            text
            for text in block.group(1).rstrip("\n").split("\n")
            if not text.startswith(f"{MARK}:")
        ]
        text = "---\n" + "\n".join(lines + [line]) + "\n---\n" + saved.text[block.end() :]
    else:
        text = f"---\n{line}\n---\n" + saved.text
    saved.write(translated, text)
    return stamp


def stamp_data(
    docs_dir: Path, code: str, rel: str, entry: str | None = None, source: str = "en"
) -> list[str]:
    """Stamp every translated entry of a data file (or just `entry`); return the paths stamped."""
    kinds = data_files(docs_dir, source)
    if rel not in kinds:
        raise ManualError(
            docs_dir / source / rel, None, "no such English data file: nothing to stamp"
        )
    path = docs_dir / code / rel
    if not path.exists():
        raise ManualError(path, None, "does not exist: nothing to stamp")
    english = entries(kinds[rel], read_data(docs_dir / source / rel)[0])
    checked, lines = read_data(path)
    stamps_of(path, checked, lines)
    yaml = YAML()  # round trip: the translator's comments, order and quotes survive
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    saved = textfile.read_saved(path)
    try:
        data = yaml.load(saved.text) or CommentedMap()
    except YAMLError as err:  # read above without error: only a difference between the two readers
        raise ManualError(path, None, f"not readable as YAML: {err}") from None
    translated = entries(kinds[rel], data)
    chosen = [entry] if entry else [p for p in english if p in translated]
    for name in chosen:
        if name not in english or name not in translated:
            raise ManualError(
                path, None, f"'{name}' is not an entry translated from {source}/{rel}"
            )
    stamps = data.get(MARK) or CommentedMap()
    for name in chosen:
        stamps[name] = fingerprint(*english[name])
    data[MARK] = stamps
    with saved.open(path) as out:
        yaml.dump(data, out)
    return chosen
