"""Read a page or data file as text, as MkDocs reads pages: UTF-8, with or without a byte-order mark.

Editors on Windows save with a byte-order mark (Notepad) or in a legacy code page (Windows-1250
for Romanian); the first is accepted, the second stops with the line of the first bad byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from manual.errors import ManualError

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Saved:
    """A file's text (newlines as "\\n") and how it was saved, to write it back the same way."""

    text: str
    bom: bool
    newline: str

    def open(self, path: Path):
        """`path`, open for writing as this file was saved."""
        return path.open("w", encoding="utf-8-sig" if self.bom else "utf-8", newline=self.newline)

    def write(self, path: Path, text: str) -> None:
        with self.open(path) as out:
            out.write(text)


def read_saved(path: Path) -> Saved:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ManualError(path, None, f"cannot be read ({err.strerror or err})") from None
    bom = raw.startswith(BOM)
    body = raw[len(BOM) :] if bom else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        line = body[: err.start].count(b"\n") + 1
        raise ManualError(
            path,
            line,
            f"not UTF-8 text (byte 0x{body[err.start]:02x} here is not UTF-8): "
            "save the file again with the encoding 'UTF-8'",
        ) from None
    # As Python's text mode reads (and MkDocs with it): Windows and old Mac line endings become "\n".
    newline = "\r\n" if b"\r\n" in body else "\n"
    return Saved(text.replace("\r\n", "\n").replace("\r", "\n"), bom, newline)


def read(path: Path) -> str:
    """The file's text, newlines as "\\n", without a byte-order mark; a ManualError if it is not UTF-8."""
    return read_saved(path).text
