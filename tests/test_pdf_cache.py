"""PDFs are rendered only when their inputs change, and the same sources give the same bytes."""

from __future__ import annotations

import re

import pdfcheck
from conftest import build_project
from pdfcheck import RENDER_LOG, reader

from manual import edition_meta


def rendered(result) -> set[str]:
    assert result.returncode == 0, result.stderr[-3000:]
    assert RENDER_LOG.search(result.stderr), "the build did not report its PDFs"
    return pdfcheck.rendered(result.stderr)


def test_rebuilds_render_only_what_changed(project, tmp_path):
    cache = tmp_path / "cache"
    first = rendered(build_project(project, pdf=True, cache=cache))
    assert {
        "pdf/en/manual.pdf",
        "pdf/ro/manual.pdf",
        "pdf/en/chapters/basics.pdf",
        "pdf/ro/checklists/demo.pdf",
        "pdf/en/forms/demo-form.pdf",
    } <= first

    assert rendered(build_project(project, pdf=True, cache=cache)) == set()

    checklist = project / "docs" / "ro" / "checklists" / "demo.yml"
    checklist.write_text(
        checklist.read_text(encoding="utf-8").replace("al treilea", "al 3-lea"), encoding="utf-8"
    )
    assert rendered(build_project(project, pdf=True, cache=cache)) == {
        "pdf/ro/checklists/demo.pdf",
        "pdf/ro/manual.pdf",
    }
    assert (project / "site" / "pdf" / "en" / "checklists" / "demo.pdf").exists()


def test_same_sources_give_the_same_pdf_bytes(project, tmp_path):
    rendered(build_project(project, pdf=True, cache=tmp_path / "one"))
    first = {
        p.relative_to(project / "site"): p.read_bytes()
        for p in (project / "site" / "pdf").rglob("*.pdf")
    }
    rendered(build_project(project, pdf=True, cache=tmp_path / "two"))
    second = {
        p.relative_to(project / "site"): p.read_bytes()
        for p in (project / "site" / "pdf").rglob("*.pdf")
    }
    assert first.keys() == second.keys() and len(first) >= 8
    assert [name for name in first if first[name] != second[name]] == []
    created = reader(project / "site" / "pdf" / "en" / "manual.pdf").metadata.creation_date
    edition_date = re.search(
        r'^    date: "([\d-]+)"', (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M
    )[1]
    assert created.strftime("%Y-%m-%d") == edition_date  # the edition's date in mkdocs.yml


def test_source_date_epoch_sets_the_creation_date():
    assert edition_meta.created("2026-11-29", {"SOURCE_DATE_EPOCH": "0"}) == "1970-01-01T00:00:00Z"
    assert edition_meta.created("2026-11-29", {}) == "2026-11-29T00:00:00Z"
