"""The PDF renderer on its own: local files only, warnings reported, cache keyed on inputs."""

from __future__ import annotations

import pytest
from pdfcheck import reader, text

from manual import pdf_render

PAGE = '<html lang="en"><head><title>T</title><link rel="stylesheet" href="print.css"></head><body>{}</body></html>'


def test_renders_and_reuses_from_the_cache(tmp_path):
    jobs = [
        ("pdf/en/a.pdf", PAGE.format("<h1>Alpha</h1>")),
        ("pdf/en/b.pdf", PAGE.format("<h1>Beta</h1>")),
    ]
    first = pdf_render.render_all(jobs, tmp_path / "site", tmp_path / "cache", workers=2)
    assert [o.rendered for o in first] == [True, True]
    assert "Alpha" in text(reader(tmp_path / "site" / "pdf/en/a.pdf"))
    again = pdf_render.render_all(jobs, tmp_path / "site", tmp_path / "cache", workers=2)
    assert [o.rendered for o in again] == [False, False]


def test_rendering_never_reaches_the_network(tmp_path):
    html = PAGE.format('<img src="https://example.org/tracker.png" alt="x">')
    with pytest.raises(
        pdf_render.RenderError, match=r"may only use its own files, not https://example\.org"
    ):
        pdf_render.render_all([("x.pdf", html)], tmp_path / "site", tmp_path / "cache", workers=1)


def test_weasyprint_warnings_are_reported_and_not_cached(tmp_path):
    html = PAGE.format('<p style="colour: red">Text</p>')
    [outcome] = pdf_render.render_all(
        [("x.pdf", html)], tmp_path / "site", tmp_path / "cache", workers=1
    )
    assert outcome.problems and "colour" in " ".join(outcome.problems)
    assert not list((tmp_path / "cache").glob("*.pdf"))


def test_cache_key_follows_the_html():
    assert pdf_render.cache_key("a") != pdf_render.cache_key("b")
    assert pdf_render.cache_key("a") == pdf_render.cache_key("a")


def test_kept_page_references_follow_the_pages():
    import pydyf

    pdf_render.keep_page_references()
    pdf = pydyf.PDF()
    first = pydyf.Dictionary({"Type": "/Page"})
    pdf.add_page(first)
    assert pdf.page_references == (f"{first.number} 0 R".encode(),)
    assert pdf.page_references is pdf.page_references  # kept, not built again
    second = pydyf.Dictionary({"Type": "/Page"})
    pdf.add_page(second)
    assert pdf.page_references == (f"{first.number} 0 R".encode(), f"{second.number} 0 R".encode())


def test_kept_page_references_make_the_same_pdf(tmp_path, monkeypatch):
    import pydyf

    html = PAGE.format(
        "".join(
            f'<h2 id="s{i}">Section {i}</h2><p>{"Words. " * 400}</p>'
            f'<p><a href="#s{(i + 3) % 12}">See section</a></p>'
            for i in range(12)
        )
    )
    pdf_render.keep_page_references()
    pdf_render.render(html, tmp_path / "kept.pdf")
    monkeypatch.setattr(
        pydyf.PDF, "page_references", property(pydyf.PDF.page_references.fget.built)
    )
    monkeypatch.setattr(pdf_render, "keep_page_references", lambda: None)
    pdf_render.render(html, tmp_path / "built.pdf")
    assert len(reader(tmp_path / "kept.pdf").pages) > 3
    assert (tmp_path / "kept.pdf").read_bytes() == (tmp_path / "built.pdf").read_bytes()
