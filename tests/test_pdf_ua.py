"""PDF/UA-1: the built PDFs pass both checkers (a sample here; every PDF in `make check-pdf`), and
what WeasyPrint's tagging leaves out is completed (manual/pdf_tags.py), read back with pypdf."""

from __future__ import annotations

import pytest
from pdfcheck import PRINT_PAGE, annotation_tags, marked_text, reader
from pdfua import check

from manual import pdf_worker
from manual.pdf_unicode import _correct

# One full manual (Arabic: right to left, shaped text) and, in every language, a chapter with
# loose lists, a checklist and a form. Each costs outloud about a second per 15 pages.
SAMPLE = ["ar/manual.pdf"] + [
    f"{lang}/{name}"
    for lang in ("en", "ro", "ar")
    for name in (
        "chapters/case-data.pdf",
        "checklists/case-data-protection.pdf",
        "forms/informed-consent.pdf",
    )
]
LABELS = (
    '<div class="running-labels" data-document-title="Test manual" data-language="English" '
    'data-edition="Edition 1" data-page-label="Page" data-of-label="of"></div>'
)


@pytest.mark.parametrize("name", SAMPLE)
def test_built_pdfs_pass_both_pdf_ua_checkers(site, name):
    verdict = check(site / "pdf" / name)
    assert not verdict.errors, verdict.report()


def test_every_link_of_the_manual_is_a_link_element_and_its_margins_are_artifacts(site):
    pdf = reader(site / "pdf" / "en" / "manual.pdf")
    tags = annotation_tags(pdf)
    assert len(tags) > 100 and set(tags) == {("/Link", "/Link")}
    runs = marked_text(pdf, 5)
    footer = [kind for text, kind in runs if "Page 6 of" in text]
    assert footer == ["Artifact"]
    assert "Edition 1" not in "".join(text for text, kind in runs if kind != "Artifact")


def render(tmp_path, body: str, **options):
    target = tmp_path / "test.pdf"
    pdf_worker.render(
        PRINT_PAGE.format(LABELS + body), target, options={**pdf_worker.WRITE_OPTIONS, **options}
    )
    return target


def test_a_link_around_other_elements_is_one_link_with_its_words(tmp_path):
    body = (
        '<h1 id="top">Top</h1><p>See <a href="#top">the <strong>first</strong> <em>part</em></a>'
        ' or <a href="https://example.org/">example</a>.</p>'
        '<nav class="contents"><ol><li><a href="#top">Top</a></li></ol></nav>'
    )
    pdf = reader(render(tmp_path, body))
    assert annotation_tags(pdf) == [("/Link", "/Link")] * 3  # not one per element inside
    contents = [a.get_object()["/Contents"] for p in pdf.pages for a in p["/Annots"]]
    assert contents == ["the first part", "example", "Top"]
    assert not check(tmp_path / "test.pdf").errors


def test_running_heads_and_page_numbers_are_artifacts(tmp_path):
    body = "".join(f"<h1>Chapter {i}</h1><p>{'Words. ' * 300}</p>" for i in range(3))
    pdf = reader(render(tmp_path, body))
    runs = marked_text(pdf, 1)
    margins = [kind for text, kind in runs if "Page 2 of" in text or "Test manual" in text]
    assert margins and set(margins) == {"Artifact"}
    assert {kind for text, kind in runs if "Words." in text} == {"MCID"}
    assert not check(tmp_path / "test.pdf").errors


def test_loose_list_items_have_their_paragraphs_in_a_body(tmp_path):
    pdf = reader(render(tmp_path, "<ul><li><p>One.</p><p>More.</p></li><li>Two.</li></ul>"))
    items, stack = [], [pdf.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        element = stack.pop()
        kids = element.get("/K", [])
        kids = [k.get_object() for k in (kids if isinstance(kids, list) else [kids])]
        kids = [k for k in kids if hasattr(k, "get") and "/S" in k]
        if element.get("/S") == "/LI":
            items.append([k["/S"] for k in kids])
        stack += kids
    assert sorted(items) == [["/Lbl", "/LBody"]] * 2
    assert not check(tmp_path / "test.pdf").errors


def test_form_fields_are_form_elements_and_pass_both_checkers(tmp_path):
    body = (
        '<form><p><label for="name">Name</label> <input id="name" name="name"></p>'
        '<p><label for="notes">Notes</label> <textarea id="notes" name="notes"></textarea></p>'
        '<p><input type="checkbox" id="agreed" name="agreed"> <label for="agreed">Agreed</label></p>'
        '<p><label for="stage">Stage</label> <select id="stage" name="stage">'
        "<option>First</option><option>Later</option></select></p></form>"
    )
    path = render(tmp_path, body, pdf_forms=True)
    pdf = reader(path)
    assert annotation_tags(pdf) == [("/Widget", "/Form")] * 4
    fields = pdf.trailer["/Root"]["/AcroForm"]["/Fields"]
    assert sorted(f.get_object()["/TU"] for f in fields) == ["Agreed", "Name", "Notes", "Stage"]
    verdict = check(path)
    assert not verdict.errors, verdict.report()


def test_empty_and_forbidden_unicode_entries_are_dropped():
    lines = [b"3 beginbfchar", b"<0003> <0627>", b"<0007> <>", b"<0009> <feff>", b"endbfchar"]
    _correct(lines, None)  # no font to ask: nothing to give the empty one
    assert lines == [b"1 beginbfchar", b"<0003> <0627>", b"endbfchar"]
