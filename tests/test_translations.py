"""The translators' workflow: status, staleness, stamping, adding a language, previews."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT, build_project

from manual import languages, stamping, translations
from manual.__main__ import main
from manual.errors import ManualError

CEDILLA = re.compile("[\u015e\u015f\u0162\u0163]")


def write(root, path, text):
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


@pytest.fixture
def docs(tmp_path):
    """English with three pages and a checklist; Romanian with one page of each state."""
    write(tmp_path, "en/a.md", "# A\n\nAlpha.\n")
    write(tmp_path, "en/b.md", "# B\n\nBeta.\n")
    write(tmp_path, "en/c.md", "# C\n\nGamma.\n")
    write(
        tmp_path,
        "en/checklists/x.yml",
        "title: X\nstage: s\nchapter: a.md\nsummary: S.\nsections:\n  - id: one\n    title: One\n    items:\n"
        "      - id: i1\n        text: First.\n        role: r\n      - id: i2\n        text: Second.\n        role: r\n",
    )
    write(tmp_path, "ro/a.md", "# A ro\n")  # will be stamped: translated
    write(tmp_path, "ro/b.md", "# B ro\n")  # never stamped: stale
    write(tmp_path, "ro/gone.md", "# Orfan\n")  # no English page: orphaned
    write(
        tmp_path,
        "ro/checklists/x.yml",
        "title: X ro\nsections:\n  - id: one\n    title: Unu\n    items:\n      - id: i1\n        text: Primul.\n"
        "      - id: i9\n        text: Orfan.\n",
    )
    stamping.stamp_page(tmp_path, "ro", "a.md")
    return tmp_path


def test_status_reports_translated_missing_stale_and_orphaned_pages(docs):
    pages = translations.page_report(docs, "ro")
    assert pages.translated == ["a.md"] and pages.stale == ["b.md"]
    assert pages.missing == ["c.md"] and pages.orphaned == ["gone.md"]


def test_pages_english_by_design_are_not_missing(docs):
    write(docs, "en/guide.md", "---\ntranslate: false\n---\n# Only in English\n")
    assert "guide.md" not in translations.page_report(docs, "ro").missing


def test_status_reports_items_per_entry(docs):
    items = translations.item_report(docs, "ro")
    assert "checklists/x.yml#sections.one.items.i2" in items.missing
    assert "checklists/x.yml#sections.one.items.i1" in items.stale  # translated, never stamped
    assert items.orphaned == ["checklists/x.yml#sections.one.items.i9"]
    assert "checklists/x.yml#summary" in items.missing


def test_stamping_clears_staleness_until_english_changes(docs):
    stamping.stamp_page(docs, "ro", "b.md")
    assert translations.page_report(docs, "ro").stale == []
    stamping.stamp_data(docs, "ro", "checklists/x.yml", "sections.one.items.i1")
    assert (
        "checklists/x.yml#sections.one.items.i1" in translations.item_report(docs, "ro").translated
    )
    write(docs, "en/b.md", "# B\n\nBeta, revised.\n")
    write(
        docs,
        "en/checklists/x.yml",
        (docs / "en/checklists/x.yml").read_text().replace("First.", "First, revised."),
    )
    assert translations.page_report(docs, "ro").stale == ["b.md"]
    assert "checklists/x.yml#sections.one.items.i1" in translations.item_report(docs, "ro").stale
    assert (docs / "ro/b.md").read_text(encoding="utf-8").startswith("---\ntranslated_from: ")


def test_stamping_keeps_the_translators_file_as_written(docs):
    path = docs / "ro/checklists/x.yml"
    path.write_text("# Traducere verificată\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    stamping.stamp_data(docs, "ro", "checklists/x.yml", "sections.one.items.i1")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Traducere verificată\ntitle: X ro\n")
    assert "translated_from:\n  sections.one.items.i1: " in text


def test_stamping_what_is_not_translated_is_refused(docs):
    with pytest.raises(ManualError, match="does not exist"):
        stamping.stamp_page(docs, "ro", "c.md")
    with pytest.raises(ManualError, match="is not an entry translated"):
        stamping.stamp_data(docs, "ro", "checklists/x.yml", "sections.one.items.i2")


def test_status_command_fails_on_orphans_and_lists_paths(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    assert main(["status"]) == 0
    write(project / "docs", "ro/nowhere.md", "# Nicăieri\n")
    assert main(["status"]) == 1
    out = capsys.readouterr().out
    assert "ORPHANED (error) docs/ro/nowhere.md" in out
    assert re.search(r"pages: \d+ translated of \d+, \d+ missing, \d+ stale, 1 orphaned", out)


def test_adding_a_language_keeps_comments_and_refuses_to_overwrite(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    before = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    languages.add_language(tmp_path, "fr", "Français")
    after = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    comments = [line.strip() for line in before.splitlines() if line.strip().startswith("#")]
    assert comments and all(c in after for c in comments)
    assert (
        after.replace("        - locale: fr\n          name: Français\n          build: true\n", "")
        == before
    )
    assert (
        (tmp_path / "docs/fr/interface.yml")
        .read_text(encoding="utf-8")
        .endswith("language_name: Français\n")
    )
    with pytest.raises(ManualError, match="already exists and is not empty"):
        languages.add_language(tmp_path, "fr", "Français")
    (tmp_path / "docs/de").mkdir()
    (tmp_path / "docs/de/index.md").write_text("# Start\n", encoding="utf-8")
    with pytest.raises(ManualError, match="docs/de: already exists"):
        languages.add_language(tmp_path, "de", "Deutsch")
    assert not (tmp_path / "docs/de/interface.yml").exists()
    assert "locale: de" not in (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_new_language_builds_at_once_with_every_page_falling_back(project):
    languages.add_language(project, "fr", "Français")
    result = build_project(project)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (project / "site" / "fr" / "01-basics" / "index.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in html and "fallback-notice" in html


def test_preview_builds_only_the_languages_asked_for(project):
    languages.add_language(project, "fr", "Français")
    result = build_project(project, env={"MANUAL_LANGUAGES": "ro"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert (project / "site" / "ro" / "index.html").exists()
    assert not (project / "site" / "fr").exists()
    assert languages.preview_languages(["en", "ro", "ar"], "en", "ar") == {"en", "ar"}
    with pytest.raises(ValueError, match="xx"):
        languages.preview_languages(["en", "ro"], "en", "xx")


def test_no_cedilla_forms_in_romanian_files():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "docs" / "ro").rglob("*")
        if p.is_file() and CEDILLA.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use comma-below ș ț (U+0219, U+021B), not cedilla ş ţ"


def test_romanian_has_no_orphaned_or_invalid_files():
    assert translations.language_report(ROOT / "docs", "ro").ok


def test_romanian_is_complete_and_current():
    report = translations.language_report(ROOT / "docs", "ro")
    assert report.pages.stale == [] and report.items.stale == [] and report.items.missing == []
    assert (
        report.pages.missing == []
    )  # about/writing-guide.md is English by design (translate: false)


def test_translation_status_page_in_every_language(site):
    reports = [translations.language_report(ROOT / "docs", code) for code in ("ro", "ar")]
    listed = [rel for report in reports for rel in report.pages.missing + report.pages.stale]
    for prefix in ("", "ro/", "ar/"):
        html = (site / prefix / "about" / "translation-status" / "index.html").read_text(
            encoding="utf-8"
        )
        for report in reports:
            assert f"{len(report.pages.translated)} / {report.pages.total}" in html
        for rel in listed:  # every page a translation lacks or has let go stale, by name
            assert rel in html
    assert "Stadiul traducerilor" in (site / "ro/about/translation-status/index.html").read_text(
        encoding="utf-8"
    )
