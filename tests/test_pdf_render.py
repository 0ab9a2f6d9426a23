"""The PDF renderer and its workers: local files only, warnings and failures reported, a pool
that belongs to one build and leaves no process behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest
from pdfcheck import PRINT_PAGE, long_print_page, reader, text

from manual import pdf_render, pdf_worker


def children() -> list[multiprocessing.Process]:
    return multiprocessing.active_children()


def wait_for_workers(count: int = 1, seconds: float = 60) -> list[multiprocessing.Process]:
    deadline = time.monotonic() + seconds
    while len(children()) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return children()


def test_renders_and_reuses_from_the_cache(tmp_path):
    jobs = [
        ("pdf/en/a.pdf", PRINT_PAGE.format("<h1>Alpha</h1>")),
        ("pdf/en/b.pdf", PRINT_PAGE.format("<h1>Beta</h1>")),
    ]
    first = pdf_render.render_all(jobs, tmp_path / "site", tmp_path / "cache", workers=2)
    assert [o.rendered for o in first] == [True, True]
    assert "Alpha" in text(reader(tmp_path / "site" / "pdf/en/a.pdf"))
    again = pdf_render.render_all(jobs, tmp_path / "site", tmp_path / "cache", workers=2)
    assert [o.rendered for o in again] == [False, False]
    assert children() == []


def test_rendering_never_reaches_the_network(tmp_path):
    html = PRINT_PAGE.format('<img src="https://example.org/tracker.png" alt="x">')
    with pytest.raises(
        pdf_render.RenderError,
        match=r"^x\.pdf: .*may only use its own files, not https://example\.org",
    ):
        pdf_render.render_all([("x.pdf", html)], tmp_path / "site", tmp_path / "cache", workers=1)
    assert children() == []


def test_weasyprint_warnings_are_reported_and_not_cached(tmp_path):
    html = PRINT_PAGE.format('<p style="colour: red">Text</p>')
    [outcome] = pdf_render.render_all(
        [("x.pdf", html)], tmp_path / "site", tmp_path / "cache", workers=1
    )
    assert outcome.problems and "colour" in " ".join(outcome.problems)
    assert not list((tmp_path / "cache").glob("*.pdf"))


def test_the_write_options_are_the_ones_rendered_with(tmp_path, monkeypatch):
    jobs = [("x.pdf", PRINT_PAGE.format("<h1>Tagged</h1>"))]
    pdf_render.render_all(jobs, tmp_path / "site", tmp_path / "cache", workers=1)
    assert "/StructTreeRoot" in reader(tmp_path / "site" / "x.pdf").trailer["/Root"]  # PDF/UA
    monkeypatch.setattr(pdf_worker, "WRITE_OPTIONS", {})
    [outcome] = pdf_render.render_all(jobs, tmp_path / "site", tmp_path / "cache", workers=1)
    assert outcome.rendered  # another key: the cached PDF/UA file is not reused
    assert "/StructTreeRoot" not in reader(tmp_path / "site" / "x.pdf").trailer["/Root"]


def test_a_failing_document_is_named_whatever_weasyprint_raises(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_worker, "WRITE_OPTIONS", {"pdf_variant": "pdf/nonsense"})
    with pytest.raises(
        pdf_render.RenderError, match=r"^pdf/en/a\.pdf: WeasyPrint failed: KeyError"
    ):
        pdf_render.render_all(
            [("pdf/en/a.pdf", PRINT_PAGE.format("<h1>A</h1>"))], tmp_path / "site", tmp_path / "c"
        )
    assert children() == []


def test_a_killed_worker_is_a_render_error_naming_the_document(tmp_path):
    queue = pdf_render.RenderQueue(tmp_path / "site", tmp_path / "cache", workers=1)
    queue.submit([("pdf/en/manual.pdf", long_print_page(150))])
    [worker] = wait_for_workers()
    time.sleep(1)  # into the rendering
    os.kill(worker.pid, signal.SIGKILL)
    with pytest.raises(
        pdf_render.RenderError, match=r"^pdf/en/manual\.pdf: a render worker stopped"
    ):
        queue.finish()
    assert children() == []
    assert list((tmp_path / "cache").glob("*.p*")) == []  # neither a PDF nor a partial file


def test_cancel_ends_the_workers_at_once(tmp_path):
    queue = pdf_render.RenderQueue(tmp_path / "site", tmp_path / "cache", workers=1)
    queue.submit([("pdf/en/a.pdf", long_print_page(150)), ("pdf/en/b.pdf", long_print_page(149))])
    [worker] = wait_for_workers()
    time.sleep(1)  # into the rendering of the first; the second waits
    queue.cancel()
    assert children() == [] and not os.path.exists(f"/proc/{worker.pid}")
    # Neither document was finished: cancel() did not wait for the one being rendered.
    assert list((tmp_path / "cache").glob("*.p*")) == []
    assert all(e.future.done() for e in queue.entries)  # nothing left running or waiting
    queue.cancel()  # again, as a failed build and then the end of `serve` both do
    with pytest.raises(pdf_render.RenderError, match="cancelled"):
        queue.finish()


def test_workers_follow_the_setting_the_cores_and_the_documents(tmp_path, monkeypatch):
    cores = len(os.sched_getaffinity(0))
    assert pdf_render.worker_count(environ={}) == cores
    assert pdf_render.worker_count(environ={"MANUAL_PDF_WORKERS": "64"}) == min(64, cores)
    for bad in ("0", "two", "-1"):
        with pytest.raises(pdf_render.RenderError, match="MANUAL_PDF_WORKERS"):
            pdf_render.worker_count(environ={"MANUAL_PDF_WORKERS": bad})

    jobs = [(f"pdf/en/{n}.pdf", PRINT_PAGE.format(f"<h1>{n}</h1>")) for n in ("a", "b", "c")]
    monkeypatch.setenv("MANUAL_PDF_WORKERS", "1")
    queue = pdf_render.RenderQueue(tmp_path / "site", tmp_path / "cache")
    queue.submit(jobs)
    assert len(children()) == 1
    assert all(o.rendered for o in queue.finish())
    assert children() == []

    monkeypatch.setenv("MANUAL_PDF_WORKERS", "2")
    queue = pdf_render.RenderQueue(tmp_path / "site", tmp_path / "cache")
    queue.submit(jobs + [("pdf/en/d.pdf", PRINT_PAGE.format("<h1>d</h1>"))])
    assert queue.pool is not None and len(children()) == 1  # one document to render, one worker
    queue.finish()

    queue = pdf_render.RenderQueue(tmp_path / "site", tmp_path / "cache")
    queue.submit(jobs)
    assert queue.pool is None and children() == []  # all cached: no worker started at all
    queue.finish()


def test_kept_page_references_follow_the_pages():
    import pydyf

    pdf_worker.keep_page_references()
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

    html = long_print_page(12)
    pdf_worker.keep_page_references()
    pdf_worker.render(html, tmp_path / "kept.pdf")
    monkeypatch.setattr(
        pydyf.PDF, "page_references", property(pydyf.PDF.page_references.fget.built)
    )
    monkeypatch.setattr(pdf_worker, "keep_page_references", lambda: None)
    pdf_worker.render(html, tmp_path / "built.pdf")
    assert len(reader(tmp_path / "kept.pdf").pages) > 3
    assert (tmp_path / "kept.pdf").read_bytes() == (tmp_path / "built.pdf").read_bytes()
