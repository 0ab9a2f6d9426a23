"""The English manual is complete: chapters, words, checklists and forms linked, glossary sound."""

from __future__ import annotations

from conftest import ROOT
from content import CHAPTER_DIR, chapter_words, chapters, links_in, prose_words
from sitecheck import article

from manual import yamlfile

EN = ROOT / "docs" / "en"
EXPECTED_CHAPTERS = [
    "01-foundations",
    "02-safety",
    "03-identification",
    "04-referral",
    "05-protection",
    "06-health",
    "07-legal",
    "08-return",
    "09-reintegration",
    "10-children",
    "11-case-data",
    "12-staff-care",
]
EXPECTED_CHECKLISTS = {
    "initial-contact",
    "screening-interview",
    "safety-risk-assessment",
    "informed-consent",
    "shelter-admission",
    "medical-examination",
    "psychosocial-recovery-plan",
    "legal-rights-reflection-period",
    "child-specific-measures",
    "return-travel-preparation",
    "reintegration-plan",
    "case-data-protection",
    "case-closure",
}
EXPECTED_FORMS = {
    "informed-consent",
    "screening-interview-record",
    "risk-assessment",
    "assistance-reintegration-plan",
    "case-closure",
    # required by the chapters (review of 2026-12-01, finding 8)
    "voluntary-return-declaration",
    "receipt-documents-belongings",
    "safety-plan",
    "best-interests-record",
    "child-protection-notification",
    "referral-release-of-information",
    "case-conference-notes",
    "complaint-safeguarding-report",
}


def nav_files() -> list[str]:
    config = yamlfile.load_config(ROOT / "mkdocs.yml")

    def walk(items):
        for item in items:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                for value in item.values():
                    yield from (walk(value) if isinstance(value, list) else [value])

    return list(walk(config["nav"]))


def test_every_chapter_is_present_and_in_the_navigation_in_order():
    assert [c.name for c in chapters(EN)] == EXPECTED_CHAPTERS
    nav = nav_files()
    for chapter in chapters(EN):
        pages = sorted(f"{chapter.name}/{p.name}" for p in chapter.glob("*.md"))
        assert f"{chapter.name}/index.md" in nav
        assert sorted(p for p in nav if p.startswith(chapter.name + "/")) == pages
    order = [p.split("/")[0] for p in nav if CHAPTER_DIR.match(p.split("/")[0])]
    assert sorted(set(order), key=order.index) == EXPECTED_CHAPTERS


def test_chapters_are_long_enough_and_so_is_the_manual():
    counts = {c.name: chapter_words(c) for c in chapters(EN)}
    short = {name: n for name, n in counts.items() if n < 2000}
    assert short == {}, f"chapters under 2,000 words: {short}"
    assert sum(counts.values()) >= 30000
    assert sum(prose_words(p.read_text(encoding="utf-8")) for p in EN.rglob("*.md")) >= 50000


def test_each_chapter_has_the_agreed_parts():
    for chapter in chapters(EN):
        index = (chapter / "index.md").read_text(encoding="utf-8")
        for anchor in ("#purpose", "#key-principles", "#checklists-and-forms", "#references"):
            assert f"{{ {anchor} }}" in index, f"{chapter.name}/index.md lacks {anchor}"
        text = " ".join(p.read_text(encoding="utf-8") for p in chapter.glob("*.md"))
        assert "{ #specific-considerations }" in text, chapter.name
        assert '"What never to do"' in text, chapter.name


def test_every_checklist_and_form_exists_and_is_linked_from_its_chapter():
    assert {p.stem for p in (EN / "checklists").glob("*.yml")} == EXPECTED_CHECKLISTS
    assert {p.stem for p in (EN / "forms").glob("*.yml")} == EXPECTED_FORMS
    for kind in ("checklists", "forms"):
        for path in (EN / kind).glob("*.yml"):
            chapter = yamlfile.load(path)[0]["chapter"].split("/")[0]
            linked = set().union(
                *(links_in(p.read_text(encoding="utf-8")) for p in (EN / chapter).glob("*.md"))
            )
            assert f"../{kind}/{path.stem}.md" in linked, (
                f"{kind}/{path.name} is not linked from {chapter}"
            )


def test_glossary_defines_each_term_once_with_a_definition():
    terms = yamlfile.load(EN / "glossary.yml")[0]["terms"]
    assert len(terms) >= 30
    names = [t["term"].casefold() for t in terms]
    assert len(names) == len(set(names)) and len({t["id"] for t in terms}) == len(terms)
    assert all(prose_words(t["definition"]) >= 5 for t in terms)


def test_glossary_and_references_pages_are_built(site):
    glossary = article(site / "glossary" / "index.html")
    assert "glossary" in glossary.classes and len(glossary.ids) >= 30
    references = " ".join(article(site / "references" / "index.html").text)
    for source in ("Palermo", "Council of Europe", "UNICEF", "World Health Organization", "OSCE"):
        assert source in references


def test_terms_show_their_definition_where_they_appear(site):
    html = (site / "04-referral" / "national-referral-mechanisms" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<abbr title="' in html


def test_about_states_independence_and_has_a_changelog():
    about = (EN / "about" / "index.md").read_text(encoding="utf-8")
    assert "not an official publication" in about and "not legal advice" in about
    assert (EN / "about" / "changelog.md").exists()
