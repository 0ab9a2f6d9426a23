"""The printed editions of the real manual, read back from the PDFs."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from pdfcheck import fonts, links, outline_titles, reader, text
from sitecheck import read_page

LANGUAGES = ("en", "ro")
CHAPTERS = (
    "foundations",
    "safety",
    "identification",
    "referral",
    "protection",
    "health",
    "legal",
    "return",
    "reintegration",
    "children",
    "case-data",
    "staff-care",
)
CEDILLA = re.compile("[\u015e\u015f\u0162\u0163]")


def all_pdfs(site, lang):
    return sorted((site / "pdf" / lang).rglob("*.pdf"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_pdf_is_at_its_public_address(site, lang):
    base = site / "pdf" / lang
    expected = {base / "manual.pdf"} | {base / "chapters" / f"{c}.pdf" for c in CHAPTERS}
    for kind in ("checklists", "forms"):
        sources = sorted((ROOT / "docs" / "en" / kind).glob("*.yml"))
        assert sources
        expected |= {base / kind / f"{p.stem}.pdf" for p in sources}
    assert set(all_pdfs(site, lang)) == expected


@pytest.mark.parametrize(
    "lang,title,first_chapter,edition",
    [
        ("en", "Direct Assistance Manual", "Foundations", "Edition 1"),
        ("ro", "Manual de asistență directă", "Fundamente", "Ediția 1"),
    ],
)
def test_the_manual_has_cover_contents_bookmarks_and_metadata(
    site, lang, title, first_chapter, edition
):
    pdf = reader(site / "pdf" / lang / "manual.pdf")
    assert len(pdf.pages) > 80
    assert pdf.metadata.title == title
    assert pdf.metadata.author and pdf.metadata.creation_date is not None
    assert pdf.trailer["/Root"]["/Lang"] == lang
    chapters = outline_titles(pdf)
    assert chapters[0] == first_chapter and len(chapters) >= len(CHAPTERS) + 3
    assert len(outline_titles(pdf, depth=2)) > 2 * len(chapters)
    cover = text(pdf, [0])
    assert edition in cover and edition in text(pdf, [5])  # the cover and every page's footer
    contents = text(pdf, [1])
    assert first_chapter in contents and re.search(r"\b\d{1,3}\b", contents)
    internal, external = links(pdf)
    assert internal > 100 and external > 5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdfs_embed_only_the_manuals_own_fonts(site, lang):
    for path in [
        site / "pdf" / lang / "manual.pdf",
        site / "pdf" / lang / "checklists" / "initial-contact.pdf",
    ]:
        used = fonts(reader(path))
        assert used, path
        assert all(used.values()), f"{path}: fonts not embedded: {used}"
        # The @font-face families of print.css; any other name is a font of the machine.
        assert all(re.search(r"\+Manual-(Sans|Arabic)", name) for name in used), f"{path}: {used}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_web_furniture_in_print(site, lang):
    body = text(reader(site / "pdf" / lang / "manual.pdf"))
    assert "¶" not in body
    for word in ("Download PDF", "Descărcați PDF", "Skip to content", "Search", "Print"):
        assert not re.search(rf"\b{word}\b", body), word  # the buttons, not "Searched" in the text


def test_romanian_pdfs_keep_comma_below_diacritics(site):
    body = text(reader(site / "pdf" / "ro" / "manual.pdf"))
    assert "\u0219" in body and "\u021b" in body  # ș ț
    assert not CEDILLA.search(body)
    assert "Pagina" in body and " din " in body


@pytest.mark.parametrize("lang,footer", [("en", r"Page 1 of (\d+)"), ("ro", r"Pagina 1 din (\d+)")])
def test_checklists_and_forms_print_compactly_with_their_footer(site, lang, footer):
    for path in sorted((site / "pdf" / lang / "checklists").glob("*.pdf")):
        pdf = reader(path)
        assert 1 <= len(pdf.pages) <= 3, f"{path.name}: {len(pdf.pages)} pages"
        first = text(pdf, [0])
        match = re.search(footer, first)
        assert match and int(match.group(1)) == len(pdf.pages), path.name
        assert pdf.trailer["/Root"]["/Lang"] == lang
    for path in sorted((site / "pdf" / lang / "forms").glob("*.pdf")):
        assert 1 <= len(reader(path).pages) <= 4, path.name


def test_pdfs_are_tagged_for_screen_readers(site):
    pdf = reader(site / "pdf" / "en" / "checklists" / "initial-contact.pdf")
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]


@pytest.mark.parametrize("lang,prefix", [("en", ""), ("ro", "ro/")])
def test_downloads_page_lists_every_pdf_with_its_size(site, lang, prefix):
    page = read_page(site / prefix / "downloads" / "index.html")
    listed = {href for attrs, href in page.links if href.endswith(".pdf")}
    expected = {p.relative_to(site).as_posix() for p in all_pdfs(site, lang)}
    assert {("../" * (2 if prefix else 1) + e) for e in expected} == listed
    html = (site / prefix / "downloads" / "index.html").read_text(encoding="utf-8")
    assert len(
        re.findall(r'<span class="pdf-size" data-pdf="[^"]+\.pdf">\d+(\.\d)? (kB|MB)</span>', html)
    ) == len(expected)


@pytest.mark.parametrize("prefix,lang", [("", "en"), ("ro/", "ro")])
def test_chapter_pages_link_their_pdf_and_the_manual(site, prefix, lang):
    page = read_page(site / prefix / "02-safety" / "safety-planning" / "index.html")
    hrefs = {href for attrs, href in page.links}
    up = "../" * (3 if prefix else 2)
    assert f"{up}pdf/{lang}/chapters/safety.pdf" in hrefs
    assert f"{up}pdf/{lang}/manual.pdf" in hrefs


def test_arabic_pdfs_are_right_to_left_with_shaped_arabic_text(site):
    import unicodedata

    import yaml

    for name in ("initial-contact", "safety-risk-assessment"):
        path = site / "pdf" / "ar" / "checklists" / f"{name}.pdf"
        pdf = reader(path)
        assert pdf.trailer["/Root"]["/Lang"] == "ar"
        title = yaml.safe_load(
            (ROOT / "docs" / "ar" / "checklists" / f"{name}.yml").read_text(encoding="utf-8")
        )["title"]
        body = unicodedata.normalize("NFKC", text(pdf))
        assert title in body, f"{path.name}: the Arabic title does not read back in logical order"
        assert sum("\u0600" <= ch <= "\u06ff" for ch in body) > 200
        used = fonts(pdf)
        assert any("Manual-Arabic" in name for name in used) and all(used.values())
    manual = reader(site / "pdf" / "ar" / "manual.pdf")
    first = outline_titles(manual)[0]
    assert any("\u0600" <= ch <= "\u06ff" for ch in first)  # the translated Foundations chapter
