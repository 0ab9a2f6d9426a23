"""The Romania annex answers every pointer the chapters send to it, and says how fresh each fact is."""

from __future__ import annotations

import datetime
import re

import pytest
from conftest import ROOT
from content import links_in, prose_words

EN = ROOT / "docs" / "en"
ANNEX = EN / "annex-romania"
PAGES = [
    "index",
    "identification",
    "protection-and-health",
    "children",
    "legal",
    "return",
    "data-and-work",
    "contacts",
]
ANCHOR = re.compile(r"\{[^}]*#([a-z0-9-]+)[^}]*\}")
ANNEX_LINK = re.compile(r"(?:\.\./)*annex-romania/([a-z0-9-]+\.md)(#[a-z0-9-]*)?")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
UNCONFIRMED = re.compile(r"not (yet )?(confirmed|covered|re-checked)", re.IGNORECASE)
FIRST_CHECK = datetime.date(2026, 11, 29)  # the annex's first fact-check


def sections(page: str) -> dict[str, str]:
    """Each `##` section of an annex page by its anchor (the text up to the next `##`)."""
    text = (ANNEX / f"{page}.md").read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    return {ANCHOR.search(part.splitlines()[0]).group(1): part for part in parts}


def fact_rows(text: str) -> list[list[str]]:
    """The rows of the tables whose last column is "Last verified"."""
    rows, table = [], []
    for line in text.splitlines() + [""]:
        if line.lstrip().startswith("|"):
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if table and table[0][-1] == "Last verified":
            rows += [r for r in table[1:] if not set("".join(r)) <= set("-: ")]
        table = []
    return rows


def english_sources():
    """Every English page and data file outside the annex and the editors' own pages."""
    for path in sorted(EN.rglob("*")):
        rel = path.relative_to(EN).as_posix()
        if path.suffix in {".md", ".yml"} and not rel.startswith(("annex-romania/", "about/")):
            yield rel, path.read_text(encoding="utf-8")


def test_the_annex_pages_exist_and_are_long_enough():
    assert sorted(p.stem for p in ANNEX.glob("*.md")) == sorted(PAGES)
    words = sum(prose_words((ANNEX / f"{p}.md").read_text(encoding="utf-8")) for p in PAGES)
    assert words >= 5000, f"the Romania annex has {words} words"
    assert '!!! warning "Check before use"' in (ANNEX / "index.md").read_text(encoding="utf-8")


def test_no_annex_section_is_left_unwritten():
    for page in PAGES:
        assert "Not yet written" not in (ANNEX / f"{page}.md").read_text(encoding="utf-8"), page


@pytest.mark.parametrize("page", PAGES[1:])
def test_each_section_gives_dated_facts_or_says_what_is_not_covered(page):
    for anchor, text in sections(page).items():
        if anchor == "sources":
            continue
        dated = any(DATE.match(row[-1]) for row in fact_rows(text))
        assert dated or UNCONFIRMED.search(text), (
            f"{page}.md#{anchor}: no dated fact and no 'not confirmed'"
        )


def test_every_verification_date_is_a_real_check():
    """A date in the "Last verified" column is the day we checked, never the source's own date."""
    today = datetime.date.today()
    for page in PAGES:
        for row in fact_rows((ANNEX / f"{page}.md").read_text(encoding="utf-8")):
            cell = row[-1]
            if DATE.match(cell):
                checked = datetime.date.fromisoformat(cell)
                assert FIRST_CHECK <= checked <= today, f"{page}.md: {row[0][:60]}: {cell}"
                assert cell not in row[1], (
                    f"{page}.md: the source's own date is not a check: {row[0][:60]}"
                )
            else:
                assert UNCONFIRMED.search(cell), (
                    f"{page}.md: '{cell}' is neither a date nor 'not confirmed'"
                )


def test_the_annex_answers_the_questions_the_review_listed():
    text = " ".join((ANNEX / f"{p}.md").read_text(encoding="utf-8") for p in PAGES)
    for fact in (
        "678/2001",
        "Art. 267",
        "Art. 291",
        "39¹",
        "90 days",
        "30 days",
        "211/2004",
        "272/2004",
        "119",
        "112",
        "0800 800 678",
        "ANSPDCP",
        "72 hours",
        "DIICOT",
        "DGASPC",
        "ANITP",
    ):
        assert fact in text, fact
    sectors = sections("children")["bucharest-sectors"]
    assert all(f"Sector {n}" in sectors for n in range(1, 7))


def test_every_pointer_to_the_annex_lands_on_a_named_section():
    anchors = {f"{p}.md": set(sections(p)) for p in PAGES}
    for rel, text in english_sources():
        for target in links_in(text):
            match = ANNEX_LINK.search(target)
            if not match:
                continue
            page, anchor = match.group(1), (match.group(2) or "")[1:]
            assert anchor, f"{rel}: link to {target} has no section"
            assert anchor in anchors.get(page, ()), f"{rel}: {target} is not a section of the annex"


def test_no_page_mentions_the_annex_without_linking_to_a_section():
    for rel, text in english_sources():
        for number, line in enumerate(text.splitlines(), 1):
            if not re.search(r"\bannex\b", line, re.IGNORECASE):
                continue
            if rel.endswith(".yml"):  # data texts take no links: they name the section in words
                assert re.search(r"annex, [A-Z]", line), (
                    f"{rel}:{number}: name the annex section, as 'Romania annex, Children'"
                )
            else:
                assert "annex-romania/" in line, (
                    f"{rel}:{number}: mentions the annex without a link to its section"
                )
