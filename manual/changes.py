"""What changed in English since a translation was stamped, and when.

A stamp (`translated_from`) is a fingerprint of the English text a translation was made from. The
English text it stands for is found again in the git history of the English file: the newest
committed version with that fingerprint. From it come the translators' diff (`python -m manual
diff`) and the date the English changed (the first later commit with another fingerprint), shown
on the Translation status page. Where the history lacks that version (no git checkout, a stamp
made from text never committed), the English as it is now is all there is to show.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import yaml

from manual import front_matter, history, translations, yamlfile
from manual.errors import ManualError
from manual.history import Version
from manual.translations import MARK, entries, fingerprint

Versions = Callable[[Path], list[Version]]  # a file's committed versions, newest first


@dataclass(frozen=True)
class Change:
    """One stale page, or one stale entry of a data file, and the English it was translated from."""

    rel: str  # inside the language folder: "02-safety/index.md", "checklists/initial-contact.yml"
    entry: str | None  # a data file's entry, "sections.immediate-safety.items.check-danger"
    stamp: str | None  # None: the translation was never stamped
    now: str  # the English text as it is now
    then: str | None  # the English text the stamp stands for; None where the history lacks it
    stamped_in: Version | None = None  # the newest commit with the stamped text
    changed_in: Version | None = None  # the first commit after it that changed the text

    @property
    def where(self) -> str:
        """As the translation report names it: "a.md", "checklists/x.yml#sections.a"."""
        return f"{self.rel}#{self.entry}" if self.entry else self.rel

    @property
    def date(self) -> str | None:
        """When the English changed (YYYY-MM-DD), or None where the history cannot tell."""
        return self.changed_in.date if self.changed_in else None


# Staleness, without history: for the pages readers see ------------------------------------------


def page_is_stale(meta: dict, english: Path) -> bool:
    """Whether a translated page (its front matter `meta`) was stamped from other English text."""
    return meta.get(MARK) != translations.page_fingerprint(english)


def stale_entries(kind: str, english: dict | None, translated: dict | None) -> list[str]:
    """The entries a translated data file has, stamped from other English text (or never stamped)."""
    theirs = entries(kind, translated)
    stamps = (translated or {}).get(MARK)
    stamps = stamps if isinstance(stamps, dict) else {}
    return [
        path
        for path, texts in entries(kind, english).items()
        if path in theirs and stamps.get(path) != fingerprint(*texts)
    ]


# Finding the stamped text in the history --------------------------------------------------------


def _split_page(text: str, path: Path) -> tuple[dict, str]:
    """A page's front matter and Markdown, as the translation report reads them."""
    return front_matter.split_page(text, path)


def _page_print(text: str, path: Path) -> str | None:
    """The fingerprint of a page's text as one commit left it (None if it cannot be read)."""
    try:
        return fingerprint(_split_page(text, path)[1])
    except (ManualError, yaml.YAMLError):  # an old version that did not parse matches no stamp
        return None


def _trace(stamp: str | None, prints: list[str | None]) -> tuple[int | None, int | None]:
    """(the newest version with the stamp, the first later one without it), as indexes in
    `prints` (fingerprints of the versions, newest first); None for what is not there."""
    if stamp is None or stamp not in prints:
        return None, None
    found = prints.index(stamp)
    later = [i for i in range(found - 1, -1, -1) if prints[i] != stamp]
    return found, (later[0] if later else None)


def page_change(
    docs_dir: Path, code: str, rel: str, source: str = "en", versions: Versions = history.versions
) -> Change | None:
    """What changed in the English page since its translation was stamped; None if it is current."""
    english, translated = docs_dir / source / rel, docs_dir / code / rel
    for path in (english, translated):
        if not path.is_file():
            raise ManualError(path, None, "does not exist: nothing to compare")
    meta, _ = _split_page(translated.read_text(encoding="utf-8"), translated)
    if not page_is_stale(meta, english):
        return None
    stamp = meta.get(MARK)
    stamp = str(stamp) if stamp is not None else None
    known = versions(english)
    found, later = _trace(stamp, [_page_print(v.text, english) for v in known])
    return Change(
        rel,
        None,
        stamp,
        english.read_text(encoding="utf-8"),
        known[found].text if found is not None else None,
        known[found] if found is not None else None,
        known[later] if later is not None else None,
    )


def _read(path: Path) -> dict:
    data = yamlfile.load(path)[0]
    return data if isinstance(data, dict) else {}


def _data(text: str) -> dict:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:  # an old version that did not parse: it matches no stamp
        return {}
    return data if isinstance(data, dict) else {}


# What each text of an entry is, in the order `translations.entries` gives them.
_LABELS = {
    "items": ("text", "note", "label", "help"),
    "fields": ("text", "note", "label", "help"),
    "sections": ("title", "intro"),
    "terms": ("term", "definition"),
}


def entry_text(path: str, texts: tuple | None) -> str:
    """An entry's texts as lines to compare, one per text, each named: "note: ...\n"."""
    if not texts:
        return ""
    parts = path.split(".")
    labels = _LABELS.get(parts[-2] if len(parts) >= 4 else parts[0], ()) if len(parts) > 1 else ()
    lines = []
    for i, text in enumerate(texts):
        if text is not None:
            label = labels[i] if i < len(labels) else ("option" if labels else parts[-1])
            lines.append(f"{label}: {text}\n")
    return "".join(lines)


def entry_changes(
    docs_dir: Path, code: str, rel: str, source: str = "en", versions: Versions = history.versions
) -> list[Change]:
    """Every stale entry of a translated data file, with the English it was stamped from."""
    kinds = translations.data_files(docs_dir, source)
    english, translated = docs_dir / source / rel, docs_dir / code / rel
    if rel not in kinds:
        raise ManualError(english, None, "no such English data file: nothing to compare")
    if not translated.is_file():
        raise ManualError(translated, None, "does not exist: nothing to compare")
    kind = kinds[rel]
    ours, theirs = _read(english), _read(translated)
    now = entries(kind, ours)
    stale = stale_entries(kind, ours, theirs)
    if not stale:
        return []
    stamps = theirs.get(MARK) if isinstance(theirs.get(MARK), dict) else {}
    known = versions(english)
    old = [entries(kind, _data(v.text)) for v in known]
    changes = []
    for path in stale:
        stamp = stamps.get(path)
        stamp = str(stamp) if stamp is not None else None
        prints = [fingerprint(*texts[path]) if path in texts else None for texts in old]
        found, later = _trace(stamp, prints)
        changes.append(
            Change(
                rel,
                path,
                stamp,
                entry_text(path, now[path]),
                entry_text(path, old[found][path]) if found is not None else None,
                known[found] if found is not None else None,
                known[later] if later is not None else None,
            )
        )
    return changes


def file_changes(
    docs_dir: Path, code: str, rel: str, source: str = "en", versions: Versions = history.versions
) -> list[Change]:
    """The stale page `rel`, or the stale entries of the data file `rel`."""
    if rel.endswith(".md"):
        change = page_change(docs_dir, code, rel, source, versions)
        return [change] if change else []
    return entry_changes(docs_dir, code, rel, source, versions)


def language_changes(
    docs_dir: Path, code: str, source: str = "en", versions: Versions = history.versions
) -> list[Change]:
    """Every stale page and entry of a language, pages first, as the translation report lists them."""
    report = translations.LanguageReport(
        code,
        translations.page_report(docs_dir, code, source),
        translations.item_report(docs_dir, code, source),
    )
    found = []
    for rel in report.pages.stale:
        found += file_changes(docs_dir, code, rel, source, versions)
    for rel in dict.fromkeys(where.split("#")[0] for where in report.items.stale):
        found += entry_changes(docs_dir, code, rel, source, versions)
    return found


def dates(
    docs_dir: Path, code: str, source: str = "en", versions: Versions = history.versions
) -> dict:
    """When the English of each stale page and entry changed: {where: "YYYY-MM-DD" or None}."""
    return {
        change.where: change.date for change in language_changes(docs_dir, code, source, versions)
    }


def page_of(where: str) -> str | None:
    """The page a stale text shows on ("checklists/x.md" for "checklists/x.yml#..."), if any."""
    rel = where.split("#")[0]
    if rel.endswith(".md"):
        return rel
    if rel.split("/")[0] in translations.DOCUMENT_FOLDERS or rel == "glossary.yml":
        return rel[:-4] + ".md"
    return None  # interface and vocabulary texts show all over the site


# The translators' diff --------------------------------------------------------------------------


def diff(change: Change, source: str = "en") -> str:
    """The change as a unified diff, or, where the stamped text is unknown, why and the current text."""
    name = f"{source}/{change.rel}" + (f" #{change.entry}" if change.entry else "")
    if change.then is None:
        why = (
            "was never stamped"
            if change.stamp is None
            else f"was stamped from English text ({change.stamp}) that no commit in the history has"
        )
        return (
            f"# {name}: the translation {why}; the current English:\n"
            + change.now
            + ("" if change.now.endswith("\n") else "\n")
        )
    since = f"{change.stamped_in.commit[:10]}, {change.stamped_in.date}"
    now = f"changed {change.date}" if change.date else "now, not yet committed"
    lines = difflib.unified_diff(
        _lines(change.then),
        _lines(change.now),
        f"{name} (as translated, {since})",
        f"{name} ({now})",
    )
    return "".join(lines)


def print_changes(
    docs_dir: Path, code: str, rel: str | None = None, source: str = "en", out: TextIO | None = None
) -> int:
    """`python -m manual diff`: what changed in English, for one file of a language or all of it."""
    out = out or sys.stdout
    if history.checkout(docs_dir) is None:
        print(
            f"{docs_dir}: not in a git checkout, so the English a translation was stamped from "
            "cannot be found (make i18n-status lists what is stale)",
            file=out,
        )
        return 1
    found = (
        file_changes(docs_dir, code, rel, source)
        if rel
        else language_changes(docs_dir, code, source)
    )
    for change in found:
        print(diff(change, source), file=out)
    if not found:
        print(
            f"{code}/{rel}: current with the English" if rel else f"{code}: nothing is stale",
            file=out,
        )
    return 0


def _lines(text: str) -> list[str]:
    return [line if line.endswith("\n") else line + "\n" for line in text.splitlines(keepends=True)]
