"""What each translation has, lacks and has let go stale, for pages and structured data.

A translated page records the English text it was made from (`translated_from:` in its front
matter, a hash of the English file); a translated data file records the same per entry (a
`translated_from:` map at its end, from entry path to hash). When English changes, the hashes no
longer match and the translation is stale until a translator brings it up to date and stamps it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from manual import document_texts, front_matter, textfile, yamlfile
from manual.errors import ManualError

MARK = "translated_from"
DATA_FILES = ("interface.yml", "vocabulary.yml", "glossary.yml")
DOCUMENT_FOLDERS = tuple(document_texts.ENTRIES)  # checklists and forms


def fingerprint(*texts: str | None) -> str:
    """A short hash of English text, ignoring trailing spaces and line-ending style."""
    joined = "\x1f".join(
        "\n".join(line.rstrip() for line in (t or "").replace("\r\n", "\n").split("\n"))
        for t in texts
    )
    return hashlib.sha256(joined.strip().encode("utf-8")).hexdigest()[:12]


# Pages -----------------------------------------------------------------------------------------


def page_meta(path: Path) -> dict:
    """A page's front matter; a ManualError, at its line, for a page the build would refuse."""
    return front_matter.split_page(textfile.read(path), path)[0]


def page_fingerprint(path: Path) -> str:
    return fingerprint(front_matter.split_page(textfile.read(path), path)[1])


# Structured data: every translatable entry of a file, by path ----------------------------------


def _by_id(items) -> dict:
    # Anything not shaped as the schema says is skipped here: the build's own checks report it.
    if not isinstance(items, list):
        return {}
    return {
        item["id"]: item
        for item in items
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def entries(kind: str, data: dict | None) -> dict[str, tuple]:
    """Map each entry's path to its texts ("sections.a.items.b" -> (text, note, ...))."""
    data = _mapping(data)
    if kind in DOCUMENT_FOLDERS:
        return document_texts.entry_texts(data)
    found: dict[str, tuple] = {}
    if kind == "glossary.yml":
        for tid, term in _by_id(data.get("terms")).items():
            texts = (_text(term.get("term")), _text(term.get("definition")))
            if any(texts):
                found[f"terms.{tid}"] = texts
    elif kind == "vocabulary.yml":
        for group in ("stages", "roles"):
            for key, label in _mapping(data.get(group)).items():
                found[f"{group}.{key}"] = (_text(label),)
    else:  # interface.yml: flat keys
        found = {
            key: (value,) for key, value in data.items() if key != MARK and isinstance(value, str)
        }
    return found


def read_data(path: Path) -> tuple[dict, dict]:
    """A data file's data and lines ({} where it does not exist); a ManualError if it is not a mapping."""
    return yamlfile.load_mapping(path) if path.exists() else ({}, {})


def stamps_of(path: Path, data: dict, lines: dict) -> dict:
    stamps = data.get(MARK, {})
    if not isinstance(stamps, dict):
        raise ManualError(
            path,
            yamlfile.line_of(lines, (MARK,)),
            f"'{MARK}': expected the stamps `make i18n-stamp` writes (entry: stamp), "
            "not a single value or a list",
        )
    return stamps


# The report ------------------------------------------------------------------------------------


@dataclass
class Coverage:
    """One kind of content in one language: what is translated, missing, stale or orphaned."""

    translated: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.translated) + len(self.missing) + len(self.stale)


@dataclass
class LanguageReport:
    code: str
    pages: Coverage = field(default_factory=Coverage)
    items: Coverage = field(default_factory=Coverage)
    invalid: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.pages.orphaned or self.items.orphaned or self.invalid)


def page_report(docs_dir: Path, code: str, source: str = "en") -> Coverage:
    english = {
        p.relative_to(docs_dir / source).as_posix(): p for p in (docs_dir / source).rglob("*.md")
    }
    translated = {
        p.relative_to(docs_dir / code).as_posix(): p for p in (docs_dir / code).rglob("*.md")
    }
    report = Coverage()
    for rel, path in sorted(english.items()):
        if rel not in translated:
            if page_meta(path).get("translate") is not False:
                report.missing.append(rel)  # pages marked `translate: false` stay English by design
            continue
        stamp = page_meta(translated[rel]).get(MARK)
        (report.translated if stamp == page_fingerprint(path) else report.stale).append(rel)
    report.orphaned = sorted(rel for rel in translated if rel not in english)
    return report


def data_files(docs_dir: Path, language: str) -> dict[str, str]:
    """Relative path -> kind, for every structured data file of a language folder."""
    found = {name: name for name in DATA_FILES if (docs_dir / language / name).exists()}
    for folder in DOCUMENT_FOLDERS:
        for path in sorted((docs_dir / language / folder).glob("*.yml")):
            found[f"{folder}/{path.name}"] = folder
    return found


def item_report(docs_dir: Path, code: str, source: str = "en") -> Coverage:
    english_files = data_files(docs_dir, source)
    report = Coverage()
    for rel in sorted(set(data_files(docs_dir, code)) - set(english_files)):
        report.orphaned.append(rel)
    for rel, kind in english_files.items():
        english = entries(kind, read_data(docs_dir / source / rel)[0])
        data, lines = read_data(docs_dir / code / rel)
        translated = entries(kind, data)
        stamps = stamps_of(docs_dir / code / rel, data, lines)
        for path, texts in english.items():
            where = f"{rel}#{path}"
            if kind == "interface.yml" and path == "language_name":
                continue
            if path not in translated:
                report.missing.append(where)
            elif stamps.get(path) == fingerprint(*texts):
                report.translated.append(where)
            else:
                report.stale.append(where)
        report.orphaned += [f"{rel}#{path}" for path in translated if path not in english]
    return report


def language_report(docs_dir: Path, code: str, source: str = "en", check=None) -> LanguageReport:
    """The whole report for one language; `check(code)` raises on an invalid file."""
    report = LanguageReport(
        code, page_report(docs_dir, code, source), item_report(docs_dir, code, source)
    )
    if check is not None:
        try:
            check(code)
        except Exception as err:  # the build's own checks: file, line and what was expected
            report.invalid.append(str(err))
    return report


def by_file(items: Coverage) -> list[tuple[str, int, int]]:
    """(data file, texts missing, texts stale) for each file that lacks or lags something."""
    counts: dict[str, list[int]] = {}
    for index, paths in ((0, items.missing), (1, items.stale)):
        for where in paths:
            counts.setdefault(where.split("#")[0], [0, 0])[index] += 1
    return [(name, missing, stale) for name, (missing, stale) in sorted(counts.items())]
