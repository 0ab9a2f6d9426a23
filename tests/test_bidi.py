"""Right to left: Latin runs in Arabic show in their own order (checked with the Unicode
bidirectional algorithm), English in the Arabic site is marked English and left to right, and
every page says its language and direction."""

from __future__ import annotations

import re
import shutil

import pytest
from bidicheck import misordered_in_page, paragraphs
from conftest import ROOT, build_project
from markupsafe import Markup
from sitecheck import read_page

from manual import bidi, document_views, glossary, inline, interface

# Real strings of the Arabic site, each with the Latin run that has to keep its order.
REAL = [
    ("الأشخاص من مجتمع الميم (LGBTIQ+).", "LGBTIQ+"),
    ("وتوجيه الاتحاد الأوروبي 2011/36/EU ومعظم التشريعات", "2011/36/EU"),
    ("الخط الساخن 0800 800 678 مجاني", "0800 800 678"),
    ("اتصلوا على +40 21 313 31 00 في أوقات العمل", "+40 21 313 31 00"),
    ("(آخر تحقّق: 2026-12-01)؛ فعند كتابة مدوّنتكم", "2026-12-01"),
]
# Runs the algorithm shows right by itself, isolated or not.
IN_ORDER = [
    ("بالتعاون مع IOM/UNODC في الإحالة", "IOM/UNODC"),
    ("راسلوا info@anitp.mai.gov.ro من بريد العمل", "info@anitp.mai.gov.ro"),
    ("مبادرة Counter Trafficking Data Collaborative (CTDC)، المنظمة", "CTDC"),
]


@pytest.mark.parametrize("text,run", REAL)
def test_the_algorithm_shows_these_runs_out_of_order_unless_they_are_isolated(text, run):
    assert run in bidi.latin_runs(text)
    assert bidi.misordered(text) == [run]  # the check sees the fault the reviewers saw
    shown = bidi.display(text)
    assert run not in shown
    isolated = text.replace(run, bidi.FSI + run + bidi.PDI)
    assert bidi.misordered(isolated) == []
    # ... and a <bdi> in a page is read as that isolate
    html = f'<p dir="rtl">{Markup.escape(text).replace(run, f"<bdi>{run}</bdi>")}</p>'
    assert paragraphs(html)[0].misordered() == []
    assert paragraphs(f'<p dir="rtl">{Markup.escape(text)}</p>')[0].misordered() == [run]


@pytest.mark.parametrize("text,run", IN_ORDER)
def test_runs_between_strong_latin_letters_show_in_order(text, run):
    assert run in bidi.latin_runs(text) and bidi.misordered(text) == []


def test_data_texts_in_arabic_have_their_latin_runs_isolated_and_stay_escaped():
    html = inline.to_html("للأشخاص من مجتمع الميم (LGBTIQ+) و**IOM**/UNODC و<b>x</b> 18 عامًا")
    assert "(<bdi>LGBTIQ+</bdi>)" in html
    assert "<bdi><strong>IOM</strong>/UNODC</bdi>" in html  # one run across the emphasis
    assert "&lt;<bdi>b</bdi>&gt;" in html and "<b>" not in html  # still text, not markup
    assert "<bdi>18</bdi>" not in html  # a number alone shows right anyway
    assert paragraphs(f'<p dir="rtl">{html}</p>')[0].misordered() == []
    # English and Romanian are left as they were
    for text in ("Directive 2011/36/EU (LGBTIQ+)", "Directiva 2011/36/UE, ș și ț"):
        assert "<bdi>" not in inline.to_html(text)
    assert bidi.isolated("<i>LGBTIQ+</i> مجتمع") == (
        "&lt;<bdi>i</bdi>&gt;<bdi>LGBTIQ+</bdi>&lt;/<bdi>i</bdi>&gt; مجتمع"
    )


def test_the_arabic_interface_strings_and_data_titles_show_their_latin_runs_in_order():
    # These are written where no <bdi> can go (attributes, page margins, headings, PDF fields).
    docs = ROOT / "docs"
    problems = [
        f"interface.yml {key}: {runs}"
        for key, value in interface.load_strings(docs, "ar").items()
        if (runs := bidi.misordered(value))
    ]
    for doc in document_views.language_documents(docs, "ar"):
        titles = [doc.title, doc.summary] + [s.title for s in doc.sections]
        titles += [e.text for s in doc.sections for e in s.entries]
        problems += [
            f"{doc.kind}/{doc.id}.yml: «{text.value}» {runs}"
            for text in titles
            if text.translated and (runs := bidi.misordered(bidi.heading_text(text.value)))
        ]
    # A glossary definition is a tooltip too: the title attribute of each term in the pages.
    problems += [
        f"glossary.yml {entry.id}: {runs}"
        for entry in glossary.load(docs, "ar")
        if (runs := bidi.misordered(inline.plain_text(entry.definition.value)))
    ]
    assert problems == []


def test_the_heading_rule_holds_for_every_arabic_page():
    problems = []
    for path in sorted((ROOT / "docs" / "ar").rglob("*.md")):
        problems += [
            f"{path.relative_to(ROOT)}:{line}: {text} {runs}"
            for line, text, runs in bidi.misordered_headings(path.read_text(encoding="utf-8"))
        ]
    assert problems == []
    assert bidi.misordered_headings("---\nx: 1\n---\n# Title\n\n## الأشخاص (LGBTIQ+) { #a }\n")


# The built site ----------------------------------------------------------------------------------


def html_attrs(path):
    return read_page(path).html_attrs


def test_every_page_says_its_language_and_direction_on_html(site):
    for folder, lang, direction in (("ar", "ar", "rtl"), ("ro", "ro", "ltr")):
        pages = sorted((site / folder).rglob("*.html"))
        assert len(pages) > 80
        for page in pages:
            assert html_attrs(page) | {"class": ""} == {
                "lang": lang,
                "dir": direction,
                "class": "",
            }, page
    english = [
        p for p in site.glob("**/*.html") if p.relative_to(site).parts[0] not in ("ar", "ro")
    ]
    english = [p for p in english if "offline" not in p.parts and p.name != "build.log"]
    assert all(html_attrs(p).get("dir") == "ltr" for p in english if "pdf" not in p.parts)


def test_no_arabic_page_shows_a_latin_run_out_of_order(site):
    problems = []
    for page in sorted((site / "ar").rglob("*.html")):
        problems += [
            f"{page.relative_to(site)}: «{run}» in «{text[:90]}»"
            for run, text in misordered_in_page(page)
        ]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    "page,run",
    [
        ("01-foundations/approach", "LGBTIQ+"),
        ("01-foundations/definitions", "2011/36/EU"),
        ("annex-romania/contacts", "0800 800 678"),
        ("12-staff-care/safeguarding", "2026-12-01"),
        ("checklists/case-data-protection", "k=11"),
    ],
)
def test_the_runs_the_reviewers_found_show_in_order_on_their_pages(site, page, run):
    found = [
        p
        for p in paragraphs((site / "ar" / page / "index.html").read_text(encoding="utf-8"))
        if run in p.text
    ]
    assert found, f"«{run}» is no longer on {page}: choose another real string"
    for paragraph in found:
        assert paragraph.direction == "rtl"
        assert run not in paragraph.misordered(), paragraph.text


def description(path):
    match = re.search(r'<meta name="description" content="([^"]*)"', path.read_text("utf-8"))
    return match and match[1]


@pytest.mark.parametrize("lang,prefix", [("en", ""), ("ro", "ro/"), ("ar", "ar/")])
def test_every_page_has_a_description_in_its_language(site, lang, prefix):
    strings = interface.load_strings(ROOT / "docs", lang)
    for page in ("index.html", "02-safety/index.html", "checklists/initial-contact/index.html"):
        assert description(site / prefix / page) == str(interface.escaped(strings).site_description)
    others = {interface.load_strings(ROOT / "docs", code).site_description for code in LANGS}
    assert len(others) == len(LANGS)  # each language its own


LANGS = ("en", "ro", "ar")


# English inside a right-to-left site: a tiny project, whose Arabic build has no translation ---


@pytest.fixture(scope="module")
def arabic_fallback(tmp_path_factory):
    from conftest import make_project

    project = make_project(tmp_path_factory.mktemp("rtl") / "project")
    (project / "docs" / "ar").mkdir()
    shutil.copy(ROOT / "docs" / "ar" / "interface.yml", project / "docs" / "ar")  # no page
    (project / "docs" / "en" / "other.md").write_text(
        "# Other\n\n## Part { #part }\n\nAsk what happened (see the annex).\n", encoding="utf-8"
    )
    result = build_project(project, pdf=True, env={"MANUAL_LANGUAGES": "ar"})
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site" / "ar"


def test_an_english_page_in_the_arabic_site_is_marked_english_and_left_to_right(arabic_fallback):
    html = (arabic_fallback / "other" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html dir="rtl" lang="ar"', html)
    assert re.search(r'<h1 (?=[^>]*dir="ltr")(?=[^>]*lang="en")[^>]*>Other', html)
    body = re.search(r'<div class="fallback-text" dir="ltr" lang="en">(.*?)</article>', html, re.S)
    assert body and "Ask what happened" in body[1] and "fallback-notice" not in body[1]
    # The notice stays in the reader's direction; its link says where it leads, not its language.
    notice = re.search(r'<div class="admonition info fallback-notice">.*?</div>', html, re.S)[0]
    assert 'hreflang="en"' in notice and not re.search(r'\slang="en"', notice)
    # The English sentence is one left-to-right paragraph: its full stop stays at its end.
    sentence = next(p for p in paragraphs(html) if p.text.startswith("Ask what happened"))
    assert sentence.direction == "ltr"
    assert bidi.display(sentence.text, sentence.direction).endswith("(see the annex).")
    assert not bidi.display(sentence.text, "rtl").endswith("(see the annex).")


def test_an_english_checklist_in_the_arabic_site_is_marked_english(arabic_fallback):
    html = (arabic_fallback / "checklists" / "demo" / "index.html").read_text(encoding="utf-8")
    assert '<ul class="checklist" lang="en" dir="ltr">' in html
    assert re.search(r'<h1 (?=[^>]*dir="ltr")(?=[^>]*lang="en")[^>]*>Demo checklist', html)
    glossary = (arabic_fallback / "glossary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<dt id="nrm" lang="en" dir="ltr">', glossary)


def test_a_heading_that_would_show_a_latin_run_out_of_order_stops_the_build(tmp_path):
    from conftest import make_project

    project = make_project(tmp_path / "project")
    page = project / "docs" / "ar" / "other.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        "---\ntranslated_from: abcdefabcdef\n---\n# أخرى\n\n## الأشخاص من مجتمع الميم (LGBTIQ+) { #part }\n",
        encoding="utf-8",
    )
    result = build_project(project, env={"MANUAL_LANGUAGES": "ar"})
    assert result.returncode != 0
    assert "docs/ar/other.md:6" in result.stderr and "LGBTIQ+" in result.stderr
    assert "Traceback" not in result.stderr


def test_english_in_an_arabic_pdf_is_set_left_to_right(arabic_fallback):
    import pypdfium2 as pdfium

    mm = 72 / 25.4
    pdf = pdfium.PdfDocument(str(arabic_fallback.parent / "pdf" / "ar" / "chapters" / "basics.pdf"))
    for number in range(len(pdf)):
        text = pdf[number].get_textpage()
        shown = text.get_text_range()
        if "The NRM is described here." in shown:
            break
    else:
        raise AssertionError("the English page is not in the Arabic chapter's PDF")
    width = pdf[number].get_size()[0] / mm
    start = shown.index("The NRM is described here.")
    first = text.get_charbox(start)[0] / mm
    last = text.get_charbox(start + len("The NRM is described here.") - 1)[2] / mm
    # From the left margin (20 mm), its full stop at its end; the Arabic notice from the right.
    assert abs(first - 20) < 2 and last < width / 2, (first, last)
    at = shown.index("هذه الصفحة")  # in the notice's title
    right = max(text.get_charbox(i)[2] for i in range(max(0, at - 15), at + 10)) / mm
    assert right > width - 20 - 10, "the notice, in Arabic, reads from the right margin"
