"""Read PDFs back the way a reader's software would: pages, text, bookmarks, fonts, links."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

# What a build logs of each language's PDFs: rendered, their render time, reused, their addresses.
RENDER_LOG = re.compile(r"PDFs \((\w+)\): (\d+) rendered in ([\d.]+) s, (\d+) reused(?:: (.*))?")


def rendered(log: str) -> set[str]:
    """The addresses of the PDFs a build rendered (not reused from the cache)."""
    found = set()
    for match in RENDER_LOG.finditer(log):
        if match.group(5):
            found |= set(match.group(5).strip().split(", "))
    return found


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


def annotation_tags(pdf: PdfReader) -> list[tuple[str, str | None]]:
    """(subtype, structure type of the element it belongs to) for every annotation, read through
    /StructParent and the parent tree; None when it belongs to no element."""
    root = pdf.trailer["/Root"]
    nums = root["/StructTreeRoot"]["/ParentTree"].get_object().get("/Nums", [])
    owners = {nums[i]: nums[i + 1] for i in range(0, len(nums), 2)}
    found = []
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            owner = owners.get(annotation.get("/StructParent"))
            owner = owner.get_object() if owner is not None else None
            found.append((annotation["/Subtype"], owner.get("/S") if owner else None))
    return found


def marked_text(pdf: PdfReader, page: int) -> list[tuple[str, str]]:
    """The text of a page, each run with the marked content it is painted in ('Artifact',
    'MCID', or '' outside any), in painting order."""
    stack: list[str] = []
    runs: list[tuple[str, str]] = []

    def operator(op, args, cm, tm):
        if op in (b"BDC", b"BMC"):
            properties = args[1] if op == b"BDC" and len(args) > 1 else {}
            is_mcid = hasattr(properties, "get") and "/MCID" in properties
            stack.append("MCID" if is_mcid else str(args[0]).lstrip("/"))
        elif op == b"EMC" and stack:
            stack.pop()

    def text_run(text, cm, tm, font, size):
        if text.strip():
            runs.append((text, stack[-1] if stack else ""))

    pdf.pages[page].extract_text(visitor_operand_before=operator, visitor_text=text_run)
    return runs
