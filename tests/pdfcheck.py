"""Read PDFs back the way a reader's software would: pages, text, bookmarks, fonts, links."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def reader(path: Path) -> PdfReader:
    return PdfReader(str(path))


def text(pdf: PdfReader, pages=None) -> str:
    chosen = pdf.pages if pages is None else [pdf.pages[i] for i in pages]
    return "\n".join(page.extract_text() or "" for page in chosen)


def outline_titles(pdf: PdfReader, depth: int = 1) -> list[str]:
    def walk(items, level):
        found = []
        for item in items:
            if isinstance(item, list):
                if level < depth:
                    found += walk(item, level + 1)
            else:
                found.append(item.title)
        return found

    return walk(pdf.outline, 1)


def fonts(pdf: PdfReader) -> dict[str, bool]:
    """Every font the PDF uses, and whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in pdf.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def links(pdf: PdfReader) -> tuple[int, int]:
    """(internal jumps, external addresses) among the link annotations."""
    internal = external = 0
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            if action.get("/S") == "/URI":
                external += 1
            elif "/Dest" in annotation or action.get("/S") == "/GoTo":
                internal += 1
    return internal, external


# A tiny print document, styled by the manual's print stylesheet: renders in a fraction of a second.
PRINT_PAGE = (
    '<html lang="en"><head><title>T</title><link rel="stylesheet" href="print.css"></head>'
    "<body>{}</body></html>"
)


def long_print_page(sections: int) -> str:
    """A print document of many pages, with links between its sections (slow to render)."""
    return PRINT_PAGE.format(
        "".join(
            f'<h2 id="s{i}">Section {i}</h2><p>{"Words. " * 400}</p>'
            f'<p><a href="#s{(i + 3) % sections}">See section</a></p>'
            for i in range(sections)
        )
    )
