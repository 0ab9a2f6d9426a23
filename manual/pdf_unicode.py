"""Glyphs WeasyPrint maps to no text in a font's /ToUnicode map, given their character.

WeasyPrint 70 maps each glyph to the text of the first cluster it is drawn in
(`weasyprint/draw/text.py`). In right-to-left text, a glyph that shares its cluster with another
gets the empty text, `<0007> <>`: a malformed map for PDF/UA-1 (ISO 14289-1, 7.21.7), and that
letter lost from every copy or search of the document. Such a glyph gets the character the
font's own cmap gives it; one the cmap does not know is left without an entry.

This file's source is part of the PDF cache key (`pdf_cache.RENDERER_SOURCES`).
"""

from __future__ import annotations

import io

import pydyf


def _characters(font) -> dict[int, str]:
    """Glyph id: the first character the font's cmap maps to it."""
    from fontTools.ttLib import TTFont
    from weasyprint.text.fonts import get_hb_object_data

    ttfont = TTFont(io.BytesIO(get_hb_object_data(font.hb_face)), fontNumber=font.index)
    found: dict[int, str] = {}
    for codepoint, name in sorted(ttfont.getBestCmap().items()):
        found.setdefault(ttfont.getGlyphID(name), chr(codepoint))
    return found


def _entry(glyph: int, text: str) -> bytes:
    return f"<{glyph:04x}> <{text.encode('utf-16-be').hex()}>".encode()


def complete_unicode_maps(document, pdf: pydyf.PDF) -> None:
    maps = {
        bytes(font["BaseFont"]): pdf.objects[int(bytes(font["ToUnicode"]).split()[0])]
        for font in pdf.objects
        if isinstance(font, pydyf.Dictionary) and font.get("Type") == "/Font"
        if "ToUnicode" in font
    }
    for font in document.fonts.values():
        empty = {glyph for glyph, text in font.to_unicode.items() if not text}
        if not empty or bytes(font.name) not in maps:
            continue
        characters = _characters(font)
        lines, kept, count_at = maps[bytes(font.name)].stream, [], None
        for line in lines:
            if line.endswith(b" beginbfchar"):
                count_at = len(kept)
            glyph = next((g for g in empty if line == _entry(g, "")), None)
            if glyph is None:
                kept.append(line)
            elif glyph in characters:
                kept.append(_entry(glyph, characters[glyph]))
            else:  # no character for it: no entry rather than a malformed one
                count = int(kept[count_at].split()[0]) - 1
                kept[count_at] = f"{count} beginbfchar".encode()
        lines[:] = kept
