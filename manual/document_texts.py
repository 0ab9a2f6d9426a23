"""The one walk over a document's texts (a document is a checklist or a form).

Checking, merging a translation with English, the translation report and stamping all read a
document through `walk`, so they name its parts alike. An entry is what a translator stamps:

- "title", "summary";
- "sections.<section id>" (its title and intro);
- "sections.<section id>.items.<item id>" (a checklist item: text and note);
- "sections.<section id>.fields.<field id>" (a form field: label, help and its options' labels).

The walk takes plain data as read from YAML (a translation may be half-written: what is not shaped
as the schema says is skipped here, and reported by the checks of the build) or a checked model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

# The list of entries in a section of each kind of document.
ENTRIES = {"checklists": "items", "forms": "fields"}
# Texts shown as written (escaped), never read as inline Markdown (see manual.inline).
PLAIN = frozenset({"title"})
# The order in which an entry's texts are fingerprinted (see translations.fingerprint): changing
# it would make every stamp of every translation stale.
_SLOTS = {
    "document": ("title", "summary"),
    "section": ("title", "intro"),
    "entry": ("text", "note", "label", "help"),
}


@dataclass(frozen=True)
class Found:
    """One text of a document, or one id ("id" as `field`)."""

    entry: str  # "sections.immediate-safety.items.check-danger"
    field: str  # "text", "note", "label", "help", "title", "intro", "summary", "options.<id>", "id"
    text: str
    loc: tuple  # where it is in the file: ("sections", 0, "items", 2, "text")


def _get(data: Any, key: str) -> Any:
    """A key of plain data, or a field of a model."""
    return (data if isinstance(data, dict) else data.__dict__).get(key)


def _listed(value: Any) -> list[tuple[int, Any, str]]:
    """(index, entry, id) of the entries of a list that have an id."""
    if not isinstance(value, list):
        return []
    return [(i, item, _get(item, "id")) for i, item in enumerate(value) if _has_id(item)]


def _has_id(item: Any) -> bool:
    return isinstance(item, dict | BaseModel) and isinstance(_get(item, "id"), str)


def _texts(entry: str, data: Any, loc: tuple, keys: tuple) -> Iterator[Found]:
    for key in keys:
        value = _get(data, key)
        if isinstance(value, str):
            yield Found(entry, key, value, loc + (key,))


def walk(data: Any) -> Iterator[Found]:
    """Every id and text of a document (plain data or a model), in file order."""
    if not isinstance(data, dict | BaseModel):
        return
    yield from _texts("title", data, (), ("title",))
    yield from _texts("summary", data, (), ("summary",))
    for s, section, sid in _listed(_get(data, "sections")):
        here = ("sections", s)
        entry = f"sections.{sid}"
        yield Found(entry, "id", sid, here + ("id",))
        yield from _texts(entry, section, here, _SLOTS["section"])
        for name in ENTRIES.values():
            for i, item, ident in _listed(_get(section, name)):
                at = here + (name, i)
                path = f"{entry}.{name}.{ident}"
                yield Found(path, "id", ident, at + ("id",))
                yield from _texts(path, item, at, _SLOTS["entry"])
                for k, option, oid in _listed(_get(item, "options")):
                    yield Found(path, f"options.{oid}.id", oid, at + ("options", k, "id"))
                    label = _get(option, "label")
                    if isinstance(label, str):
                        yield Found(path, f"options.{oid}", label, at + ("options", k, "label"))


def kind_of_entry(entry: str) -> str:
    """ "document", "section" or "entry": which texts the entry has."""
    parts = entry.split(".")
    return "document" if len(parts) == 1 else "section" if len(parts) == 2 else "entry"


def entry_texts(data: Any) -> dict[str, tuple]:
    """Each entry's texts, in fingerprint order, for the entries that have any text.

    ("sections.a.items.b" -> (text, note, label, help, option labels...); "title" -> (title,).)
    """
    found: dict[str, dict[str, str]] = {}
    for text in walk(data):
        if text.field != "id" and not text.field.endswith(".id"):
            found.setdefault(text.entry, {})[text.field] = text.text
    texts = {}
    for entry, fields in found.items():
        slots = _SLOTS[kind_of_entry(entry)]
        if kind_of_entry(entry) == "document":
            slots = (entry,)
        values = tuple(fields.get(key) for key in slots) + tuple(
            value for key, value in fields.items() if key.startswith("options.")
        )
        if any(values):
            texts[entry] = values
    return texts
