"""What changed in English since a translation was stamped: the translators' diff, the readers'
notices (web pages and PDFs), the dates on the status page; in small projects kept in git."""

from __future__ import annotations

import os
import subprocess

import pdfcheck
import pytest
from conftest import build_project, make_project

from manual import changes, stamping
from manual.__main__ import main

EDIT_DATE = "2026-03-04T10:00:00+00:00"
NOTICE_RO = "Textul în limba engleză a fost modificat"  # stale_title in docs/ro/interface.yml
MARK_RO = "text revizuit în limba engleză"  # stale_item


def git(root, *args, date="2026-01-02T10:00:00+00:00"):
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.org",
        GIT_AUTHOR_DATE=date,
        GIT_COMMITTER_DATE=date,
    )
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(tmp_path):
    """A tiny manual whose Romanian is stamped and committed, then one English page and one
    checklist item are edited in a later commit."""
    root = make_project(tmp_path / "project")
    docs = root / "docs"
    for rel in ("index.md", "01-basics/index.md"):
        stamping.stamp_page(docs, "ro", rel)
    stamping.stamp_data(docs, "ro", "checklists/demo.yml")
    git(root, "init", "-q")
    git(root, "add", "docs", "mkdocs.yml")
    git(root, "commit", "-q", "-m", "English and Romanian, stamped")
    edit(docs / "en/01-basics/index.md", "\nText.\n", "\nText, revised.\n")
    edit(docs / "en/checklists/demo.yml", "Do the second thing.", "Do the second thing, carefully.")
    git(root, "commit", "-q", "-am", "English revised", date=EDIT_DATE)
    return root


def diff_lines(output):
    return [
        line
        for line in output.splitlines()
        if line[:1] in ("+", "-") and line[:3] not in ("+++", "---")
    ]


def test_an_english_edit_makes_the_translation_stale_and_the_diff_shows_exactly_it(
    repo, capsys, monkeypatch
):
    monkeypatch.chdir(repo)
    assert main(["diff", "ro", "01-basics/index.md"]) == 0
    assert diff_lines(capsys.readouterr().out) == ["-Text.", "+Text, revised."]
    assert main(["diff", "ro", "checklists/demo.yml"]) == 0
    out = capsys.readouterr().out
    assert "#sections.first.items.beta" in out
    assert diff_lines(out) == [
        "-text: Do the second thing.",
        "+text: Do the second thing, carefully.",
    ]
    assert main(["diff", "ro", "index.md"]) == 0
    assert capsys.readouterr().out.strip() == "ro/index.md: current with the English"


def test_without_a_file_every_stale_page_and_entry_is_shown(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    assert main(["diff", "ro"]) == 0
    assert diff_lines(capsys.readouterr().out) == [
        "-Text.",
        "+Text, revised.",
        "-text: Do the second thing.",
        "+text: Do the second thing, carefully.",
    ]


def test_the_date_is_that_of_the_commit_that_changed_the_english(repo):
    assert changes.dates(repo / "docs", "ro") == {
        "01-basics/index.md": "2026-03-04",
        "checklists/demo.yml#sections.first.items.beta": "2026-03-04",
    }
    # A commit that leaves the text alone (the page's front matter only) is not the change.
    (repo / "docs/en/01-basics/index.md").write_text(
        "---\nsearch:\n  boost: 2\n---\n"
        + (repo / "docs/en/01-basics/index.md").read_text(encoding="utf-8")
    )
    git(repo, "commit", "-q", "-am", "Front matter only", date="2026-05-06T10:00:00+00:00")
    assert changes.dates(repo / "docs", "ro")["01-basics/index.md"] == "2026-03-04"


def test_a_stamp_the_history_lacks_shows_the_current_english(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    page = repo / "docs/en/01-basics/index.md"
    edit(page, "Text, revised.", "Text, never committed.")
    stamping.stamp_page(repo / "docs", "ro", "01-basics/index.md")  # stamped from uncommitted text
    edit(page, "Text, never committed.", "Text, edited again.")
    assert main(["diff", "ro", "01-basics/index.md"]) == 0
    out = capsys.readouterr().out
    assert "that no commit in the history has; the current English:" in out
    assert "Text, edited again." in out and diff_lines(out) == []
    assert changes.dates(repo / "docs", "ro")["01-basics/index.md"] is None


def test_outside_a_git_checkout_the_diff_says_so_in_one_line(tmp_path, capsys, monkeypatch):
    root = make_project(tmp_path / "project")
    monkeypatch.chdir(root)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # even inside a checkout's folder
    assert main(["diff", "ro"]) == 1
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 1 and "not in a git checkout" in out


def page(root, path):
    return (root / "site" / path).read_text(encoding="utf-8")


def test_readers_see_the_notice_on_the_stale_page_only_until_it_is_stamped(repo, monkeypatch):
    result = build_project(repo, pdf=True)
    assert result.returncode == 0, result.stderr[-3000:]
    stale = page(repo, "ro/01-basics/index.html")
    assert stale.count("stale-notice") == 1 and NOTICE_RO in stale
    assert 'href="../../01-basics/" hreflang="en"' in stale  # the English page
    assert stale.index("stale-notice") < stale.index('id="part"')  # at the top
    for current in ("ro/index.html", "01-basics/index.html", "index.html", "ro/other/index.html"):
        assert "stale-notice" not in page(repo, current), current
    checklist = page(repo, "ro/checklists/demo/index.html")
    assert checklist.count("stale-notice") == 1 and checklist.count('class="stale-mark"') == 1
    assert checklist.index('class="stale-mark"') > checklist.index("Faceți al doilea lucru.")
    assert checklist.index('class="stale-mark"') < checklist.index("Faceți al treilea lucru.")
    status = page(repo, "ro/about/translation-status/index.html")
    assert (
        "01-basics/index.md</a> — depășite (textul în limba engleză a fost modificat la 2026-03-04)"
        in status
    )
    assert "sections.first.items.beta</code></a> — depășite" in status

    pdfs = repo / "site" / "pdf" / "ro"
    chapter = pdfcheck.text(pdfcheck.reader(pdfs / "chapters" / "basics.pdf"))
    assert chapter.count(NOTICE_RO) == 1
    assert pdfcheck.text(pdfcheck.reader(pdfs / "checklists" / "demo.pdf")).count(MARK_RO) == 1
    book = pdfcheck.text(pdfcheck.reader(pdfs / "manual.pdf"))
    assert (
        book.count(NOTICE_RO) == 2 and book.count(MARK_RO) == 1
    )  # the page, and the checklist's annex
    assert NOTICE_RO not in pdfcheck.text(pdfcheck.reader(repo / "site/pdf/en/manual.pdf"))

    monkeypatch.chdir(repo)
    assert main(["stamp", "ro", "01-basics/index.md"]) == 0
    assert main(["stamp", "ro", "checklists/demo.yml"]) == 0
    result = build_project(repo, pdf=True)
    assert result.returncode == 0, result.stderr[-3000:]
    for path in ("ro/01-basics/index.html", "ro/checklists/demo/index.html"):
        assert "stale-notice" not in page(repo, path) and "stale-mark" not in page(repo, path)
    assert "depășite (" not in page(repo, "ro/about/translation-status/index.html")
    assert NOTICE_RO not in pdfcheck.text(pdfcheck.reader(pdfs / "manual.pdf"))


def test_stale_entries_are_those_stamped_from_other_english():
    english = {
        "title": "T",
        "sections": [
            {
                "id": "a",
                "title": "A",
                "items": [
                    {"id": "x", "text": "X."},
                    {"id": "y", "text": "Y."},
                    {"id": "z", "text": "Z."},
                ],
            }
        ],
    }
    translated = {
        "title": "T ro",
        "sections": [
            {
                "id": "a",
                "title": "A ro",
                "items": [{"id": "x", "text": "X ro."}, {"id": "y", "text": "Y ro."}],
            }
        ],
    }
    translated["translated_from"] = {
        "title": changes.fingerprint("T"),
        "sections.a": changes.fingerprint("A", None),
        "sections.a.items.x": changes.fingerprint("X.", None, None, None),
        "sections.a.items.y": changes.fingerprint("Y, before.", None, None, None),
    }
    # y was stamped from other English; z is not translated (missing, not stale)
    assert changes.stale_entries("checklists", english, translated) == ["sections.a.items.y"]
