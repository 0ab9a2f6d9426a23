"""The printed editions seen as pages: A4, nothing cut at the edges, contents that point true.

Rendered to images with PDFium, as a reader's viewer or printer driver would draw them.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from pdfcheck import reader

MM = 72 / 25.4  # points per millimetre; pages are rendered at 72 dpi, one pixel per point
A4 = (210 * MM, 297 * MM)
# Nothing may be drawn this close to a side: the print stylesheet's side margins are 20 mm
# (chapters and the manual) and 15 mm (checklists and forms), so ink here is text or a table
# pushed out of its column. The top and bottom strips are clear of the running heads and footers.
SIDE = {"manual": 19, "chapters": 19, "checklists": 14, "forms": 14}
EDGE = 5
INK = 200  # darkest grey still counted as paper (0 is black, 255 white)


def languages(site):
    return sorted(p.name for p in (site / "pdf").iterdir() if p.is_dir())


def kind_of(site, path) -> str:
    rel = path.relative_to(site / "pdf").parts
    return "manual" if rel[1] == "manual.pdf" else rel[1]


def ink_at_the_edges(path, side_mm: float) -> list[str]:
    problems = []
    document = pdfium.PdfDocument(str(path))
    try:
        for number in range(len(document)):
            page = document[number]
            width, height = page.get_size()
            if abs(width - A4[0]) > 1 or abs(height - A4[1]) > 1:
                problems.append(f"page {number + 1} is {width:.0f} × {height:.0f} pt, not A4")
            image = page.render(scale=1).to_pil().convert("L")
            w, h = image.size
            side, edge = round(side_mm * MM), round(EDGE * MM)
            strips = {
                "left": (0, 0, side, h),
                "right": (w - side, 0, w, h),
                "top": (0, 0, w, edge),
                "bottom": (0, h - edge, w, h),
            }
            for name, box in strips.items():
                darkest, _ = image.crop(box).getextrema()
                if darkest < INK:
                    problems.append(f"page {number + 1}: something is drawn in the {name} margin")
    finally:
        document.close()
    return problems


def test_every_page_is_a4_and_nothing_runs_into_the_margins(site):
    problems = []
    for lang in languages(site):
        for path in sorted((site / "pdf" / lang).rglob("*.pdf")):
            problems += [
                f"{path.relative_to(site)}: {p}"
                for p in ink_at_the_edges(path, SIDE[kind_of(site, path)])
            ]
    assert problems == [], "\n".join(problems[:30])


def test_the_edge_check_sees_text_that_runs_too_far(site):
    # The same check, drawn closer to the text, must find it: otherwise it could never fail.
    path = site / "pdf" / "ro" / "forms" / "safety-plan.pdf"
    assert ink_at_the_edges(path, 16)


CONTENTS_LINE = re.compile(r"^(?P<title>\S.*?)\s*\.{3,}\s*(?P<page>\d+)$")


def contents(pdf) -> list[tuple[str, int]]:
    """Each line of the contents pages, as printed: title and page number."""
    found = []
    for page in pdf.pages[1:8]:
        text = page.extract_text() or ""
        if "...." not in text:
            break
        found += [
            (m["title"].strip(), int(m["page"]))
            for m in map(CONTENTS_LINE.match, map(str.strip, text.splitlines()))
            if m
        ]
    return found


def chapters_and_pages(pdf) -> list[tuple[str, int]]:
    """The bookmarks of chapters and of their pages (the first two levels), in order, with the page each opens."""

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                if level < 2:
                    yield from walk(item, level + 1)
            else:
                yield item.title, pdf.get_destination_page_number(item) + 1

    return list(walk(pdf.outline, 1))


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_the_contents_give_the_page_where_each_chapter_and_page_begins(site, lang):
    pdf = reader(site / "pdf" / lang / "manual.pdf")
    printed, bookmarks = contents(pdf), chapters_and_pages(pdf)
    assert len(printed) > 60, f"the contents list only {len(printed)} entries"
    # The bookmarks also hold each chapter opening's own sections: walk both lists in order, each
    # contents line matching the next bookmark of its title. A long title is cut short on its line.
    remaining = iter(bookmarks)
    for title, page in printed:
        stem = title.rstrip(".… ")
        opens = next((opens for bookmark, opens in remaining if bookmark.startswith(stem)), None)
        assert opens is not None, (
            f"'{title}' is in the contents but not, in this order, in the manual"
        )
        assert page == opens, f"'{title}': the contents say page {page}, it begins on page {opens}"


@pytest.mark.parametrize(
    "lang,chapter,title,manual",
    [
        ("en", "children", "Children", "Direct Assistance Manual"),
        ("ro", "children", "Copii", "Manual de asistență directă"),
    ],
)
def test_a_chapters_pdf_has_its_own_cover_in_its_language(site, lang, chapter, title, manual):
    pdf = reader(site / "pdf" / lang / "chapters" / f"{chapter}.pdf")
    cover = (pdf.pages[0].extract_text() or "").splitlines()
    assert cover[0].strip() == title and any(line.startswith(manual) for line in cover)
