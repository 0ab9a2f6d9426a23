"""PDFs are rendered only when their inputs change, and the same sources give the same bytes;
the cache holds what builds use, and the site gets copies of it."""

from __future__ import annotations

import os
import re
import shutil
import time

import pytest
from conftest import build_project
from pdfcheck import PRINT_PAGE, reader, text

from manual import edition_meta, pdf_cache, pdf_render, pdf_worker

LOG = re.compile(r"PDFs \((\w+)\): (\d+) rendered in [\d.]+ s, (\d+) reused(?:: (.*))?")


def rendered(result) -> set[str]:
    assert result.returncode == 0, result.stderr[-3000:]
    found = set()
    for match in LOG.finditer(result.stderr):
        if match.group(4):
            found |= set(match.group(4).strip().split(", "))
    assert LOG.search(result.stderr), "the build did not report its PDFs"
    return found


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


# The cache on its own ----------------------------------------------------------------------------

JOBS = [
    ("pdf/en/a.pdf", PRINT_PAGE.format("<h1>Alpha</h1>")),
    ("pdf/ro/b.pdf", PRINT_PAGE.format("<h1>Beta</h1>")),
]


def entries(cache) -> set[str]:
    return {p.name for p in cache.glob("*.pdf")}


def age(cache, seconds=3600) -> None:
    """Make the cache's entries an hour old, as if the build before had run an hour ago."""
    past = time.time() - seconds
    for entry in cache.glob("*.pdf"):
        os.utime(entry, (past, past))


def test_the_key_covers_the_whole_renderer(tmp_path, monkeypatch):
    system = pdf_cache.system_libraries(pdf_cache.start_probe())
    assert re.fullmatch(r"pango \d+\.\d+\.\d+, harfbuzz \d+\.\d+\.\d+", system)
    packages = pdf_cache.package_versions()
    for name in ("weasyprint", "pydyf", "fonttools", "pyphen", "pillow"):
        assert re.search(rf"\b{name} \d", packages), name

    def key() -> str:
        renderer = pdf_cache.fingerprint(system, pdf_worker.PRINT_DIR, pdf_worker.WRITE_OPTIONS)
        return pdf_cache.cache_key("<p>x</p>", renderer)

    first = key()
    assert key() == first
    assert pdf_cache.cache_key("<p>y</p>", "r") != pdf_cache.cache_key("<p>x</p>", "r")
    with monkeypatch.context() as patch:
        patch.setattr(pdf_worker, "WRITE_OPTIONS", {"pdf_variant": "pdf/a-3b"})
        assert key() != first
    edited = tmp_path / "pdf_worker.py"
    edited.write_text(pdf_cache.RENDERER_SOURCES[0].read_text() + "\n# edited\n")
    with monkeypatch.context() as patch:
        patch.setattr(pdf_cache, "RENDERER_SOURCES", (edited,))
        assert key() != first
    with monkeypatch.context() as patch:
        patch.setattr(pdf_cache, "version", lambda name: "99.0" if name == "pydyf" else "1")
        changed = key()
        patch.setattr(pdf_cache, "version", lambda name: "1")
        assert len({first, changed, key()}) == 3
    system_changed = pdf_cache.fingerprint(
        system.replace("pango ", "pango 9"), pdf_worker.PRINT_DIR, pdf_worker.WRITE_OPTIONS
    )
    assert pdf_cache.cache_key("<p>x</p>", system_changed) != first


def test_an_edited_print_stylesheet_renders_again(tmp_path, monkeypatch):
    print_dir = tmp_path / "print"
    shutil.copytree(pdf_worker.PRINT_DIR, print_dir)
    monkeypatch.setattr(pdf_worker, "PRINT_DIR", print_dir)
    site, cache = tmp_path / "site", tmp_path / "cache"
    jobs = JOBS[:1]
    assert [o.rendered for o in pdf_render.render_all(jobs, site, cache)] == [True]
    before = (site / "pdf/en/a.pdf").read_bytes()
    assert [o.rendered for o in pdf_render.render_all(jobs, site, cache)] == [False]
    stylesheet = print_dir / "print.css"
    stylesheet.write_text(
        stylesheet.read_text(encoding="utf-8") + "\nh1::after { content: ' (edited)'; }\n",
        encoding="utf-8",
    )
    assert [o.rendered for o in pdf_render.render_all(jobs, site, cache)] == [True]
    assert (site / "pdf/en/a.pdf").read_bytes() != before
    assert "Alpha (edited)" in text(reader(site / "pdf/en/a.pdf"))


def test_the_site_gets_copies_that_cannot_alter_the_cache(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    pdf_render.render_all(JOBS, site, cache)
    [entry] = [
        cache / name
        for name in entries(cache)
        if (cache / name).read_bytes() == (site / "pdf/en/a.pdf").read_bytes()
    ]
    kept = entry.read_bytes()
    published = site / "pdf/en/a.pdf"
    assert published.stat().st_ino != entry.stat().st_ino
    with published.open("r+b") as pdf:  # rewritten in place, as a PDF tool might
        pdf.write(b"garbage")
    assert entry.read_bytes() == kept
    # A site from before, whose PDFs were hard links into the cache, is no way in either.
    published.unlink()
    os.link(entry, published)
    pdf_render.render_all(JOBS, site, cache)
    assert published.stat().st_ino != entry.stat().st_ino and entry.read_bytes() == kept
    published.write_bytes(b"garbage")
    assert entry.read_bytes() == kept


def test_entries_no_build_uses_are_removed(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    pdf_render.render_all(JOBS, site, cache)
    old = entries(cache)
    age(cache)
    changed = [("pdf/en/a.pdf", PRINT_PAGE.format("<h1>Alpha, edited</h1>")), JOBS[1]]
    pdf_render.render_all(changed, site, cache)
    new = entries(cache)
    assert len(old) == len(new) == 2 and len(old & new) == 1  # the old Alpha is gone, Beta kept


def test_a_build_of_fewer_languages_or_another_folder_keeps_the_others(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    pdf_render.render_all(JOBS, site, cache)
    both = entries(cache)
    age(cache)
    # English only (MANUAL_LANGUAGES picks fewer), and into a folder of its own: Romanian stays.
    pdf_render.render_all(JOBS[:1], site, cache)
    pdf_render.render_all(JOBS[:1], tmp_path / "other-site", cache)
    assert entries(cache) == both
    # Once no site folder holds a build that used it, an entry goes.
    shutil.rmtree(site)
    age(cache)
    [outcome] = pdf_render.render_all(JOBS[:1], tmp_path / "other-site", cache)
    assert not outcome.rendered and len(entries(cache)) == 1


def test_entries_made_while_the_build_ran_are_kept(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    queue = pdf_render.RenderQueue(site, cache)
    queue.submit(JOBS[:1])
    concurrent = cache / ("0" * 64 + ".pdf")  # as if another build had just rendered it
    concurrent.write_bytes(b"%PDF-1.7\n%%EOF\n")
    queue.finish()
    assert concurrent.exists()


def test_unfinished_files_of_gone_processes_are_removed(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    crashed = cache / f"{'a' * 64}.{2**22 + 1}.partial"  # above Linux's default largest pid
    writing = cache / f"{'b' * 64}.{os.getpid()}.partial"  # a process still at work
    crashed.write_bytes(b"%PDF-")
    writing.write_bytes(b"%PDF-")
    queue = pdf_render.RenderQueue(tmp_path / "site", cache)
    assert not crashed.exists() and writing.exists()  # when a build starts
    crashed.write_bytes(b"%PDF-")
    queue.cancel()
    assert not crashed.exists() and writing.exists()  # and when it fails


def test_a_cached_pdf_that_vanishes_is_rendered_again(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    pdf_render.render_all(JOBS, site, cache)
    queue = pdf_render.RenderQueue(site, cache)
    queue.submit(JOBS)
    assert queue.pool is None  # both cached
    for entry in cache.glob("*.pdf"):  # `make clean`, or another build, meanwhile
        entry.unlink()
    outcomes = queue.finish()
    assert [o.rendered for o in outcomes] == [True, True]
    assert "Beta" in text(reader(site / "pdf/ro/b.pdf"))
    assert len(entries(cache)) == 2


@pytest.mark.parametrize("damage", [b"", b"%PDF-1.7\n1 0 obj"], ids=["empty", "cut short"])
def test_a_damaged_entry_is_rendered_again(tmp_path, damage):
    site, cache = tmp_path / "site", tmp_path / "cache"
    pdf_render.render_all(JOBS[:1], site, cache)
    [entry] = cache.glob("*.pdf")
    entry.write_bytes(damage)
    [outcome] = pdf_render.render_all(JOBS[:1], site, cache)
    assert outcome.rendered and "Alpha" in text(reader(site / "pdf/en/a.pdf"))
