"""The Arabic printed editions seen as pages and read back: mirrored running heads and page
numbers, and a cover and metadata in Arabic."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from conftest import ROOT
from pdfcheck import reader
from test_print_pages import MM

from manual import edition_meta, interface

# Each kind of page a reader meets, in the chapter PDF (cover, contents, the chapter's opening
# page), a checklist and a form, by its place in its PDF.
PAGES = [
    ("cover", "chapters/safety.pdf", 0),
    ("contents", "chapters/safety.pdf", 1),
    ("chapter opening", "chapters/safety.pdf", 2),
    ("checklist", "checklists/initial-contact.pdf", 0),
    ("form", "forms/informed-consent.pdf", 0),
]
BANDS = {"head": (4, 16), "foot": (281, 293)}  # mm from the top: inside the page margins
INK = 200


def margin_ink(page) -> dict[str, tuple[float, float] | None]:
    """For the head and the foot band of a page: the leftmost and rightmost ink, in mm."""
    image = page.render(scale=2).to_pil().convert("L")
    scale = image.width / 210
    found = {}
    for band, (top, bottom) in BANDS.items():
        strip = image.crop((0, round(top * scale), image.width, round(bottom * scale)))
        columns = [
            x
            for x in range(strip.width)
            if strip.crop((x, 0, x + 1, strip.height)).getextrema()[0] < INK
        ]
        found[band] = (columns[0] / scale, columns[-1] / scale) if columns else None
    return found


def foot_text(page, side: str) -> str:
    """The text printed in the left or the right half of the page's foot."""
    width, _ = page.get_size()
    text = page.get_textpage()
    left, right = (0, width / 2) if side == "left" else (width / 2, width)
    return text.get_text_bounded(left=left, bottom=0, right=right, top=(297 - 281) * MM)


def unmirrored(text: str) -> str:
    """PDF text without brackets and vowel marks: PDFium gives right-to-left text's brackets as
    drawn (mirrored), and a vowel mark such as the shadda apart from its letter."""
    return text.translate(str.maketrans("", "", "()" + "".join(map(chr, range(0x64B, 0x653)))))


def page_of(site, lang, path, number):
    return pdfium.PdfDocument(str(site / "pdf" / lang / path))[number]


@pytest.mark.parametrize("kind,path,number", PAGES)
def test_running_heads_and_page_numbers_mirror_the_left_to_right_edition(site, kind, path, number):
    english, arabic = page_of(site, "en", path, number), page_of(site, "ar", path, number)
    ltr, rtl = margin_ink(english), margin_ink(arabic)
    if kind in ("cover", "contents"):
        # No running head and no page number, in either edition.
        assert ltr == rtl == {"head": None, "foot": None}, (ltr, rtl)
        return
    assert ltr["foot"] and rtl["foot"], f"{kind}: no foot line"
    # The foot runs from margin to margin in both, the page number at the outer end of the
    # reading direction: right in English, left in Arabic; the document's title opposite.
    for edge in (0, 1):
        assert abs(ltr["foot"][edge] - rtl["foot"][edge]) < 3, (kind, ltr, rtl)
    strings = {code: interface.load_strings(ROOT / "docs", code) for code in ("en", "ar")}
    assert strings["en"].page in foot_text(english, "right")
    assert strings["en"].page not in foot_text(english, "left")
    assert strings["ar"].page in foot_text(arabic, "left")
    assert strings["ar"].page not in foot_text(arabic, "right")
    assert unmirrored(strings["ar"].edition_name) in unmirrored(foot_text(arabic, "right"))
    assert strings["en"].edition_name in foot_text(english, "left")
    if kind == "chapter opening":
        # The chapter's name, centred at the head of the page in both.
        for ink in (ltr["head"], rtl["head"]):
            assert ink and abs((ink[0] + ink[1]) / 2 - 105) < 4, (ltr, rtl)
    else:
        assert ltr["head"] is None and rtl["head"] is None


def test_the_foot_check_tells_the_sides_apart(site):
    # English and Arabic feet are not alike: the same check on two English pages would pass.
    english = page_of(site, "en", "checklists/initial-contact.pdf", 0)
    arabic = page_of(site, "ar", "checklists/initial-contact.pdf", 0)
    assert foot_text(english, "right") != foot_text(arabic, "right")
    assert any(ch.isdigit() for ch in foot_text(arabic, "left"))


@pytest.mark.parametrize(
    "path", ["manual.pdf", "chapters/safety.pdf", "checklists/initial-contact.pdf"]
)
def test_the_arabic_pdfs_say_what_they_are_in_arabic(site, path):
    strings = interface.load_strings(ROOT / "docs", "ar")
    pdf = reader(site / "pdf" / "ar" / path)
    info = pdf.metadata
    assert strings.site_title in info["/Title"]
    assert info["/Subject"] == strings.site_description
    assert info["/Author"] == strings.site_author
    assert pdf.trailer["/Root"]["/Lang"] == "ar"
    if path != "checklists/initial-contact.pdf":
        cover = pdfium.PdfDocument(str(site / "pdf" / "ar" / path))[0].get_textpage()
        shown = unmirrored(cover.get_text_range())
        date = edition_meta.shown_date("2026-12-01", "ar")
        assert date == "1 ديسمبر 2026"
        for text in (strings.edition_name, strings.language_name, strings.subtitle, date):
            assert unmirrored(text) in shown, (text, shown)
        assert "Edition" not in shown and "December" not in shown


def test_every_language_dates_its_cover_in_its_own_words():
    assert edition_meta.shown_date("2026-12-01", "en") == "1 December 2026"
    assert edition_meta.shown_date("2026-12-01", "ro") == "1 decembrie 2026"
    assert edition_meta.shown_date("", "ar") == ""
