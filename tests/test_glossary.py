import pytest

from manual import glossary
from manual.errors import ManualError

EN = """terms:
  - id: nrm
    term: National referral mechanism
    abbr: NRM
    definition: A framework for **referring** people.
  - id: avr
    term: Assisted voluntary return
    definition: Supported return.
"""


def write(root, path, text):
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


def test_terms_are_sorted_and_fall_back_to_english(tmp_path):
    write(tmp_path, "en/glossary.yml", EN)
    write(tmp_path, "ro/glossary.yml", "terms:\n  - id: avr\n    term: Întoarcere voluntară asistată\n")
    entries = glossary.load(tmp_path, "ro")
    assert [e.term.value for e in entries] == ["Întoarcere voluntară asistată", "National referral mechanism"]
    assert entries[0].definition.value == "Supported return." and not entries[0].definition.translated
    assert not entries[1].term.translated


def test_every_term_is_defined_once(tmp_path):
    write(tmp_path, "en/glossary.yml", EN.replace("term: Assisted voluntary return", "term: National Referral Mechanism"))
    with pytest.raises(ManualError, match=r"glossary.yml:7: term 'National Referral Mechanism' is defined twice"):
        glossary.load(tmp_path, "en")


def test_abbreviations_show_definitions_as_plain_text(tmp_path):
    write(tmp_path, "en/glossary.yml", EN)
    terms = glossary.abbreviations(glossary.load(tmp_path, "en"))
    assert terms["NRM"] == "A framework for referring people."
    assert terms["national referral mechanism"] == terms["National referral mechanism"] == terms["NRM"]


def test_letters_with_diacritics_sort_beside_their_base_letter():
    assert sorted(["Zebra", "Țară", "Tutore", "Întoarcere", "Interes"], key=glossary.sort_key) == \
        ["Interes", "Întoarcere", "Țară", "Tutore", "Zebra"]
