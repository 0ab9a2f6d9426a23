"""Stamp a translated page or data file as brought up to date with its English source."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from manual.errors import ManualError
from manual.translations import MARK, data_files, entries, fingerprint, page_fingerprint, split_front_matter


def stamp_page(docs_dir: Path, code: str, rel: str, source: str = "en") -> str:
    english, translated = docs_dir / source / rel, docs_dir / code / rel
    for path in (english, translated):
        if not path.exists():
            raise ManualError(path, None, "does not exist: nothing to stamp")
    stamp = page_fingerprint(english)
    text = translated.read_text(encoding="utf-8")
    meta, body = split_front_matter(text)
    if meta:
        head = text[4: text.find("\n---\n", 4)]
        lines = [line for line in head.split("\n") if not line.startswith(f"{MARK}:")]
        text = "---\n" + "\n".join(lines + [f"{MARK}: {stamp}"]) + "\n---\n" + body
    else:
        text = f"---\n{MARK}: {stamp}\n---\n" + text
    translated.write_text(text, encoding="utf-8")
    return stamp


def stamp_data(docs_dir: Path, code: str, rel: str, entry: str | None = None, source: str = "en") -> list[str]:
    """Stamp every translated entry of a data file (or just `entry`); return the paths stamped."""
    kinds = data_files(docs_dir, source)
    if rel not in kinds:
        raise ManualError(docs_dir / source / rel, None, "no such English data file: nothing to stamp")
    path = docs_dir / code / rel
    if not path.exists():
        raise ManualError(path, None, "does not exist: nothing to stamp")
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(path.read_text(encoding="utf-8")) or CommentedMap()
    english = entries(kinds[rel], YAML(typ="safe").load((docs_dir / source / rel).read_text(encoding="utf-8")))
    translated = entries(kinds[rel], data)
    chosen = [entry] if entry else [p for p in english if p in translated]
    for name in chosen:
        if name not in english or name not in translated:
            raise ManualError(path, None, f"'{name}' is not an entry translated from {source}/{rel}")
    stamps = data.get(MARK) or CommentedMap()
    for name in chosen:
        stamps[name] = fingerprint(*english[name])
    data[MARK] = stamps
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return chosen
