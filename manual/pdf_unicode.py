"""Entries of the fonts' /ToUnicode maps that PDF/UA-1 forbids, corrected (ISO 14289-1, 7.21.7).

- Empty ones: WeasyPrint 70 maps each glyph to the text of the first cluster it is drawn in
  (`weasyprint/draw/text.py`). In right-to-left text, a glyph that shares its cluster with
  another gets the empty text, `<0007> <>`: a malformed map, and that letter lost from every copy
  or search of the document. Such a glyph gets the character the font's own cmap gives it.
- U+0000, U+FEFF and U+FFFE: the fonts of form fields are mapped from the font's whole cmap,
  which gives some glyph (`.null`, the zero-width no-break space) one of them. Dropped.

An entry with no character to give is dropped rather than left malformed.

This file's source is part of the PDF cache key (`pdf_cache.RENDERER_SOURCES`).
"""

from __future__ import annotations

import io
import re

import pydyf


def _characters(font) -> dict[int, str]:
    """Glyph id: the first character the font's cmap maps to it."""
    from fontTools.ttLib import TTFont
    from weasyprint.text.fonts import get_hb_object_data

    ttfont = TTFont(io.BytesIO(get_hb_object_data(font.hb_face)), fontNumber=font.index)
    found: dict[int, str] = {}
    for codepoint, name in sorted(ttfont.getBestCmap().items()):
        if f"{codepoint:04x}" not in FORBIDDEN:
            found.setdefault(ttfont.getGlyphID(name), chr(codepoint))
    return found


FORBIDDEN = {"", "0000", "feff", "fffe"}
ENTRY = re.compile(rb"<([0-9a-f]{4})> <([0-9a-f]*)>")


def _entry(glyph: int, text: str) -> bytes:
    return f"<{glyph:04x}> <{text.encode('utf-16-be').hex()}>".encode()


def complete_unicode_maps(document, pdf: pydyf.PDF) -> None:
    fonts = {bytes(font.name): font for font in document.fonts.values()}
    for font in pdf.objects:
        is_font = isinstance(font, pydyf.Dictionary) and font.get("Type") == "/Font"
        if is_font and "ToUnicode" in font:
            source = fonts.get(bytes(font["BaseFont"]))
            unicode_map = pdf.objects[int(bytes(font["ToUnicode"]).split()[0])]
            _correct(unicode_map.stream, source)


def _correct(lines: list, font) -> None:
    kept, count_at, characters = [], None, None
    for line in lines:
        entry = ENTRY.fullmatch(line) if isinstance(line, bytes) else None
        if line == b"endbfchar" or (entry and entry[2].decode() not in FORBIDDEN):
            kept.append(line)
            continue
        if entry is None:
            if isinstance(line, bytes) and line.endswith(b" beginbfchar"):
                count_at = len(kept)
            kept.append(line)
            continue
        glyph = int(entry[1], 16)
        if entry[2] == b"" and font is not None:
            characters = _characters(font) if characters is None else characters
            if glyph in characters:
                kept.append(_entry(glyph, characters[glyph]))
                continue
        count = int(kept[count_at].split()[0]) - 1
        kept[count_at] = f"{count} beginbfchar".encode()
    lines[:] = kept
