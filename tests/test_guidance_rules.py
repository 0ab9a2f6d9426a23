"""The instructions a worker could cause harm without are where a reader looks for them.

Each test reads the English sources for one rule of the review of 2026-12-01 (findings and the
four procedures of issue 11): a critical checklist item, a rule stated in the chapters that need
it, or advice that must never come back.
"""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

EN = ROOT / "docs" / "en"


def page(rel: str) -> str:
    return (EN / rel).read_text(encoding="utf-8")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def critical_items(checklist: str) -> list[str]:
    data = yaml.safe_load(page(f"checklists/{checklist}.yml"))
    return [
        item["text"] + " " + item.get("note", "")
        for section in data["sections"]
        for item in section["items"]
        if item.get("critical")
    ]


def has_critical(checklist: str, *words: str) -> bool:
    return any(all(w.lower() in text.lower() for w in words) for text in critical_items(checklist))


def test_first_contact_asks_whether_the_person_may_be_a_child():
    assert has_critical("initial-contact", "under 18", "child-specific measures")
    assert has_critical("initial-contact", "never release")
    assert "under 18" in page("03-identification/first-contact.md")


def test_a_child_never_returns_without_an_escort_and_a_recorded_hand_over():
    rule = "A child never travels without an escort"
    for rel in ("08-return/travel.md", "10-children/family-and-durable-solutions.md"):
        text = flat(page(rel))
        assert rule in text and "hand-over is recorded" in text, rel
    assert has_critical("return-travel-preparation", "escort", "child")
    assert has_critical("return-travel-preparation", "reconfirm")
    assert "hand-over" in page("forms/best-interests-record.yml").lower()


def test_case_files_are_never_handed_to_investigators():
    everything = " ".join(
        flat(p.read_text(encoding="utf-8")) for p in EN.rglob("*") if p.suffix in {".md", ".yml"}
    )
    for advice in ("Share existing records with the investigators", "Use existing records first"):
        assert advice not in everything
    text = flat(page("07-legal/victims-as-witnesses.md"))
    assert "{ #records-and-investigators }" in text
    assert "Do not hand case files" in text and "lawyer" in text and "defence" in text


def test_care_after_sexual_violence_has_its_time_limits():
    for rel in ("06-health/sexual-reproductive-health.md", "06-health/medical-assessment.md"):
        text = flat(page(rel))
        assert "72 hours" in text and "120 hours" in text and "same day" in text, rel
    assert has_critical("medical-examination", "72 hours", "120 hours")


@pytest.mark.parametrize("rel", ["03-identification/screening-interview.md", "06-health/index.md"])
def test_a_support_person_only_after_seeing_the_person_alone(rel):
    text = flat(page(rel))
    assert "See the person alone first" in text and "never the person who brought them" in text


def test_the_competent_child_protection_authority_is_named_as_such():
    offenders = [
        p.name
        for p in EN.rglob("*")
        if p.suffix in {".md", ".yml"}
        and re.search(
            r"national child[ -]protection authority", p.read_text(encoding="utf-8"), re.I
        )
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "rel, law",
    [
        ("01-foundations/definitions.md", "2024/1712"),
        ("11-case-data/data-protection-law.md", "2016/679"),
        ("07-legal/rights-and-information.md", "2012/29/EU"),
        ("07-legal/residence-status.md", "2004/81/EC"),
    ],
)
def test_eu_law_is_cited_where_it_applies(rel, law):
    assert law in page(rel)


def test_the_consent_form_records_each_consent_apart_with_a_refusal():
    form = yaml.safe_load(page("forms/informed-consent.yml"))
    fields = [f for s in form["sections"] for f in s["fields"]]
    labels = " ".join(f["label"] for f in fields).lower()
    for purpose in (
        "forensic",
        "recording",
        "photograph",
        "family",
        "employer",
        "consulate",
        "police",
        "research",
        "valid until",
    ):
        assert purpose in labels, purpose
    refusable = [
        f
        for f in fields
        if f["kind"] == "choice" and any(o["id"] == "refused" for o in f["options"])
    ]
    assert len(refusable) >= 12


@pytest.mark.parametrize(
    "rel, anchor, words",
    [
        (
            "03-identification/online-exploitation.md",
            "sexual-images-of-children",
            ("never", "same day", "DIICOT"),
        ),
        (
            "12-staff-care/safeguarding.md",
            "allegation-against-staff",
            ("at once", "independent", "evidence"),
        ),
        ("12-staff-care/safeguarding.md", "complaints-procedure", ("complain",)),
        (
            "11-case-data/data-protection-law.md",
            "requests-to-see-correct-or-delete",
            ("identity", "police", "restrict"),
        ),
        (
            "03-identification/remote-contact.md",
            "calls-from-abroad",
            ("112", "consulate", "call back"),
        ),
    ],
)
def test_the_four_procedures_are_written_out_step_by_step(rel, anchor, words):
    text = page(rel)
    start = text.index(f"{{ #{anchor} }}")
    section = flat(re.split(r"^## ", text[start:], maxsplit=1, flags=re.MULTILINE)[0])
    assert re.search(r"(^|\s)1\. ", section), f"{rel}#{anchor} has no numbered steps"
    for word in words:
        assert word.lower() in section.lower(), f"{rel}#{anchor} lacks '{word}'"


def test_the_glossary_has_the_terms_the_review_asked_for():
    terms = {t["term"].casefold() for t in yaml.safe_load(page("glossary.yml"))["terms"]}
    for term in (
        "reasonable grounds",
        "self-identification",
        "exploitation",
        "smuggling of migrants",
        "forced criminality",
        "position of vulnerability",
        "international protection",
    ):
        assert term in terms, term
