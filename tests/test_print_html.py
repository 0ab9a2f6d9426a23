from manual import addresses, editions, print_html

TARGETS = {
    "02-safety/safety-planning": "p-02-safety-safety-planning",
    "01-foundations": "p-01-foundations",
}


def test_links_jump_inside_the_document_or_become_plain_text():
    html = (
        '<h1 id="x">T<a class="headerlink" href="#x" title="Permanent link">&para;</a></h1>'
        '<p><a href="../../02-safety/safety-planning/#safety-plan">s</a> <a href="../">up</a> '
        '<a href="https://example.org">e</a> <a href="#x">self</a> <a href="../../checklists/a/">c</a></p>'
    )
    out = print_html.prepare(html, "01-foundations/definitions/", TARGETS, demote=1)
    assert "&para;" not in out and "headerlink" not in out
    assert '<h2 id="p-01-foundations-definitions--x">T</h2>' in out
    assert '<a href="#p-02-safety-safety-planning--safety-plan">s</a>' in out
    assert '<a href="#p-01-foundations">up</a>' in out
    assert '<a href="https://example.org">e</a>' in out
    assert '<a href="#p-01-foundations-definitions--x">self</a>' in out
    assert "<a>c</a>" in out


def test_addresses_resolve_with_either_url_style():
    assert print_html.resolve("../", "01-foundations/definitions/") == "01-foundations"
    assert (
        print_html.resolve("../../02-safety/a.html#z", "ro/01-foundations/b.html")
        == "02-safety/a.html#z"
    )
    assert print_html.normalise("ro/02-safety/index.html") == "ro/02-safety"


def test_chapters_are_named_without_their_number():
    assert editions.chapter_of("02-safety/risk-assessment.md") == "safety"
    assert editions.chapter_of("11-case-data/index.md") == "case-data"
    assert editions.chapter_of("glossary.md") is None
    assert addresses.chapter_pdf("ro", "safety") == "pdf/ro/chapters/safety.pdf"


def test_sizes_fill_in_only_for_built_pdfs():
    html = '<span class="pdf-size" data-pdf="a.pdf"></span><span class="pdf-size" data-pdf="b.pdf"></span>'
    out = editions.fill_sizes(html, {"a.pdf": 1_234_567}.get)
    assert '<span class="pdf-size" data-pdf="a.pdf">1.2 MB</span>' in out
    assert '<span class="pdf-size" data-pdf="b.pdf"></span>' in out
    assert editions.human_size(2_400) == "2 kB"


def test_title_of_reads_the_first_heading():
    assert editions.title_of("# Safety { #top }\n\nText\n# Other\n") == "Safety"


def test_images_travel_inside_the_html_and_foreign_ones_are_refused(tmp_path):
    import pytest

    from manual.errors import ManualError

    files = {"02-safety/img/plan.png": b"\x89PNG-bytes"}
    page = tmp_path / "risk.md"
    out = print_html.inline_images(
        '<p><img alt="Plan" src="../img/plan.png"></p>', "02-safety/risk/", files.get, page
    )
    assert out == '<p><img alt="Plan" src="data:image/png;base64,iVBORy1ieXRlcw=="></p>'
    for src, why in [
        ("https://example.org/x.png", "another site"),
        ("../img/none.png", "not an image file"),
        ("//cdn.example.org/x.png", "another site"),
    ]:
        with pytest.raises(ManualError, match=why) as err:
            print_html.inline_images(f'<img src="{src}">', "02-safety/risk/", files.get, page)
        assert err.value.path == page


def test_an_image_in_a_chapter_is_printed_in_its_pdf(project):
    from conftest import build_project
    from PIL import Image
    from pypdf import PdfReader

    Image.new("RGB", (40, 20), "navy").save(project / "docs" / "en" / "01-basics" / "diagram.png")
    page = project / "docs" / "en" / "01-basics" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n![A diagram](diagram.png)\n", encoding="utf-8"
    )
    result = build_project(project, pdf=True)
    assert result.returncode == 0, result.stderr[-3000:]
    images = [
        image
        for p in PdfReader(project / "site" / "pdf" / "en" / "chapters" / "basics.pdf").pages
        for image in p.images
    ]
    assert images and images[0].image.size == (40, 20)
