"""Structured guidance data: every kind of bad input stops with file, line and what was expected."""

from __future__ import annotations

import pytest
from conftest import ROOT, TINY_CHECKLIST, TINY_CHECKLIST_RO, TINY_FORM

from manual import document_pages, document_views, documents, interface
from manual.errors import ManualError

VOCABULARY = (
    "stages:\n  identification: Identification\n  case-management: Case management\n"
    "roles:\n  any-staff: Any staff member\n  case-manager: Case manager\n"
)


@pytest.fixture
def docs(tmp_path):
    for path, text in {
        "en/vocabulary.yml": VOCABULARY,
        "en/01-basics/index.md": "# Basics\n",
        "en/checklists/demo.yml": TINY_CHECKLIST,
        "en/forms/demo-form.yml": TINY_FORM,
        "ro/checklists/demo.yml": TINY_CHECKLIST_RO,
        "en/interface.yml": (ROOT / "docs/en/interface.yml").read_text("utf-8"),
    }.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return tmp_path


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page_text(made) -> str:
    """A generated page's Markdown with its set-aside HTML blocks back in place."""
    markdown, blocks = made
    return blocks.put_back(markdown)


def error_of(docs, locale="en") -> ManualError:
    with pytest.raises(ManualError) as caught:
        document_views.documents(documents.load_source(docs), locale)
    return caught.value


@pytest.mark.parametrize(
    "old,new,line,expected",
    [
        ("summary: A checklist", "summary: [A checklist", 5, "YAML syntax error"),
        (
            "        critical: true\n",
            "        critical: true\n        colour: red\n",
            13,
            "unknown key 'sections.0.items.0.colour'",
        ),
        ("    title: First steps\n", "", 6, "missing required key 'sections.0.title'"),
        (
            "critical: true",
            "critical: maybe",
            12,
            "'sections.0.items.0.critical': Input should be a valid boolean",
        ),
        ("      - id: beta", "      - id: alpha", 13, "duplicate item id 'alpha'"),
        (
            "chapter: 01-basics/index.md",
            "chapter: 09-nowhere/index.md",
            3,
            "chapter page '09-nowhere/index.md' does not exist",
        ),
        ("stage: identification", "stage: nowhere", 2, "unknown stage 'nowhere'"),
        (
            "role: case-manager\n  - id: second",
            "role: cook\n  - id: second",
            15,
            "unknown role 'cook'",
        ),
        ("id: alpha", "id: Alpha!", 9, "'sections.0.items.0.id': String should match pattern"),
        (
            "text: Do the **first** thing.",
            "text: See [this](http://x.org).",
            10,
            "links and images are not allowed",
        ),
        (
            "text: Do the second thing.",
            "text: '- a list'",
            14,
            "expected one paragraph of inline text",
        ),
    ],
)
def test_bad_english_checklist(docs, old, new, line, expected):
    replace_in(docs / "en/checklists/demo.yml", old, new)
    err = error_of(docs)
    assert err.path == docs / "en/checklists/demo.yml"
    assert err.line == line, str(err)
    assert expected in err.message


@pytest.mark.parametrize(
    "old,new,line,expected",
    [
        (
            "      - id: beta\n",
            "      - id: delta\n",
            9,
            "item id 'delta' is not in the English file",
        ),
        (
            "        note: O notă.",
            "        note: O notă.\n        role: any-staff",
            17,
            "'sections.1.items.0.role' is not a text a translation may give",
        ),
        (
            "title: Listă demonstrativă",
            "title: Listă\nstage: recovery",
            2,
            "'stage' is not a text a translation may give",
        ),
        ("  - id: second", "  - id: first", 11, "duplicate section id 'first'"),
    ],
)
def test_bad_translation(docs, old, new, line, expected):
    replace_in(docs / "ro/checklists/demo.yml", old, new)
    err = error_of(docs, "ro")
    assert err.path == docs / "ro/checklists/demo.yml"
    assert err.line == line, str(err)
    assert expected in err.message


def test_translation_without_an_english_file_is_an_error(docs):
    (docs / "ro/checklists/gone.yml").write_text("title: Dispărut\n", encoding="utf-8")
    err = error_of(docs, "ro")
    assert err.path.name == "gone.yml" and "no English file" in err.message


def test_form_field_kinds_are_checked(docs):
    replace_in(docs / "en/forms/demo-form.yml", "        kind: yes-no", "        kind: choice")
    err = error_of(docs)
    assert err.path.name == "demo-form.yml" and err.line == 12
    assert "a 'choice' field needs 'options'" in err.message


def test_missing_translation_falls_back_item_by_item(docs):
    replace_in(
        docs / "ro/checklists/demo.yml",
        "      - id: beta\n        text: Faceți al doilea lucru.\n",
        "",
    )
    doc = next(
        d for d in document_views.documents(documents.load_source(docs), "ro") if d.id == "demo"
    )
    items = [e for s in doc.sections for e in s.entries]
    assert [e.id for e in items] == ["alpha", "beta", "gamma"]
    assert [e.text.translated for e in items] == [True, False, True]
    assert items[1].text.value == "Do the second thing."
    assert doc.untranslated == ["sections.first.items.beta"]
    assert not doc.fallback


def test_a_checklist_with_no_translation_is_a_whole_page_fallback(docs):
    (docs / "ro/checklists/demo.yml").unlink()
    doc = next(
        d for d in document_views.documents(documents.load_source(docs), "ro") if d.id == "demo"
    )
    assert doc.fallback and doc.title.value == "Demo checklist"


def test_html_in_data_is_shown_as_text_never_injected(docs):
    replace_in(
        docs / "en/checklists/demo.yml",
        "text: Do the **first** thing.",
        "text: Do <script>alert(1)</script> and <b onclick=x>this</b> **now**.",
    )
    doc = next(
        d for d in document_views.documents(documents.load_source(docs), "en") if d.id == "demo"
    )
    strings = interface.load_strings(docs, "en")
    page = page_text(document_pages.page_markdown(doc, strings, "en", "", True))
    assert "<script>" not in page and "<b onclick" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<strong>now</strong>" in page


def test_page_holds_items_in_order_with_roles_and_critical_marks(docs):
    doc = next(
        d for d in document_views.documents(documents.load_source(docs), "ro") if d.id == "demo"
    )
    strings = interface.load_strings(docs, "en")
    page = page_text(document_pages.page_markdown(doc, strings, "ro", "ro/", True))
    assert page.index("primul") < page.index("al doilea") < page.index("al treilea")
    assert page.count('class="checklist-item critical"') == 1
    assert 'href="../../../pdf/ro/checklists/demo.pdf"' in page
    assert "[" + strings.related_chapter + "](../01-basics/index.md)" in page
