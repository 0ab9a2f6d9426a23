"""Checklist and form pages as the build makes them, in every language."""

from __future__ import annotations

import re
from html import unescape

from conftest import ROOT, build_project
from sitecheck import article, read_page

from manual import glossary

ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


def test_pages_hold_items_in_order_and_mark_what_is_not_translated(project):
    checklist = project / "docs" / "ro" / "checklists" / "demo.yml"
    checklist.write_text(
        checklist.read_text(encoding="utf-8").replace(
            "      - id: beta\n        text: Faceți al doilea lucru.\n", ""
        ),
        encoding="utf-8",
    )
    result = build_project(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (
        "ro/checklists/demo.yml: not translated yet, shown in English: sections.first.items.beta"
        in result.stderr
    )

    html = (project / "site" / "ro" / "checklists" / "demo" / "index.html").read_text(
        encoding="utf-8"
    )
    assert html.index("primul") < html.index("Do the second thing.") < html.index("al treilea")
    item = html[html.index('<li class="checklist-item untranslated">') :]
    item = item[: item.index("</li>")]
    assert 'lang="en"' in item and "Do the second thing." in item and "netradus încă" in item
    assert html.count('class="checklist-item untranslated"') == 1

    page = read_page(project / "site" / "ro" / "checklists" / "demo" / "index.html")
    assert page.html_attrs["lang"] == "ro"
    boxes = [a for a, _ in page.links]  # the PDF link and the chapter link are real links
    assert any(href == "../../../pdf/ro/checklists/demo.pdf" for _, href in page.links), boxes


def test_index_groups_checklists_and_forms_by_stage(project):
    assert build_project(project).returncode == 0
    text = " ".join(article(project / "site" / "checklists" / "index.html").text)
    assert (
        text.index("Identification")
        < text.index("Demo checklist")
        < text.index("Case management")
        < text.index("Demo form")
    )
    ro = " ".join(article(project / "site" / "ro" / "checklists" / "index.html").text)
    assert "Listă demonstrativă" in ro and "Liste de verificare și formulare" in ro


def test_a_form_page_has_its_fields_and_nothing_is_stored(project):
    assert build_project(project).returncode == 0
    html = (project / "site" / "forms" / "demo-form" / "index.html").read_text(encoding="utf-8")
    assert 'id="demo-form--case-reference" autocomplete="off"' in html
    assert 'class="signature-block"' in html
    for word in ("localStorage", "sessionStorage", "document.cookie"):
        for script in (project / "site" / "assets" / "javascripts").glob("*.js"):
            if script.name in ("checklists.js", "before-material.js"):
                assert word not in script.read_text(encoding="utf-8")


def test_bad_data_stops_the_build_naming_file_line_and_key(project):
    checklist = project / "docs" / "en" / "checklists" / "demo.yml"
    checklist.write_text(
        checklist.read_text(encoding="utf-8").replace(
            "        critical: true\n", "        critical: true\n        colour: red\n"
        ),
        encoding="utf-8",
    )
    result = build_project(project)
    assert result.returncode != 0
    assert (
        "docs/en/checklists/demo.yml:13: unknown key 'sections.0.items.0.colour'" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_glossary_terms_in_checklist_and_form_texts_carry_their_definition(site):
    """As in Markdown pages: the term's definition in the page's language, on hover or tap."""
    english = glossary.abbreviations(glossary.load(ROOT / "docs", "en"))
    for lang in ("en", "ro", "ar"):
        terms = glossary.abbreviations(glossary.load(ROOT / "docs", lang))
        prefix = "" if lang == "en" else f"{lang}/"
        marked = []
        for kind in ("checklists", "forms"):
            for page in sorted((site / prefix / kind).glob("*/index.html")):
                html = page.read_text(encoding="utf-8")
                body = html[html.index('<div class="case-lines">') :]
                marked += ABBR.findall(body)
                assert not re.search(r"<code>[^<]*<abbr|<abbr[^>]*>[^<]*<abbr", body), page
        assert len(marked) > 10, lang
        for title, term in marked:
            assert unescape(title) == terms[unescape(term)], (lang, term)
        if lang != "en":  # the language's own glossary, not the English one
            assert any(terms[unescape(t)] != english.get(unescape(t)) for _, t in marked)
        page = site / prefix / "checklists" / "initial-contact" / "index.html"
        lists = page.read_text(encoding="utf-8").split('<ul class="checklist">')[1:]
        items = [part.split("</ul>", 1)[0] for part in lists]
        assert any(ABBR.search(part) for part in items), f"{lang}: no term marked in an item"
