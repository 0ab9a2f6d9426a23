import markdown
import pytest

from manual import glossary, inline
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
    write(
        tmp_path,
        "ro/glossary.yml",
        "terms:\n  - id: avr\n    term: Întoarcere voluntară asistată\n",
    )
    entries = glossary.load(tmp_path, "ro")
    assert [e.term.value for e in entries] == [
        "Întoarcere voluntară asistată",
        "National referral mechanism",
    ]
    assert (
        entries[0].definition.value == "Supported return." and not entries[0].definition.translated
    )
    assert not entries[1].term.translated


def test_every_term_is_defined_once(tmp_path):
    write(
        tmp_path,
        "en/glossary.yml",
        EN.replace("term: Assisted voluntary return", "term: National Referral Mechanism"),
    )
    with pytest.raises(
        ManualError, match=r"glossary.yml:7: term 'National Referral Mechanism' is defined twice"
    ):
        glossary.load(tmp_path, "en")


def test_abbreviations_show_definitions_as_plain_text(tmp_path):
    write(tmp_path, "en/glossary.yml", EN)
    terms = glossary.abbreviations(glossary.load(tmp_path, "en"))
    assert terms["NRM"] == "A framework for referring people."
    assert (
        terms["national referral mechanism"] == terms["National referral mechanism"] == terms["NRM"]
    )


def test_letters_with_diacritics_sort_beside_their_base_letter():
    assert sorted(["Zebra", "Țară", "Tutore", "Întoarcere", "Interes"], key=glossary.sort_key) == [
        "Interes",
        "Întoarcere",
        "Țară",
        "Tutore",
        "Zebra",
    ]


def test_names_are_matched_only_as_written(tmp_path):
    write(
        tmp_path,
        "en/glossary.yml",
        EN
        + """  - id: iom
    term: International Organization for Migration
    abbr: IOM
    definition: A UN agency.
""",
    )
    terms = glossary.abbreviations(glossary.load(tmp_path, "en"))
    assert "International Organization for Migration" in terms and "IOM" in terms
    assert "international Organization for Migration" not in terms
    assert "assisted voluntary return" in terms


def test_checklist_and_form_texts_mark_terms_as_markdown_pages_do(tmp_path):
    write(
        tmp_path,
        "en/glossary.yml",
        EN.replace("A framework for **referring** people.", "'A \"formal\" <framework> & more.'"),
    )
    terms = inline.Glossary.of(glossary.abbreviations(glossary.load(tmp_path, "en")))
    text = "Refer through the NRM, not `NRM` code; NRMs and *the NRM* too."
    html = str(inline.to_html(text, terms))
    # What Markdown's abbr extension makes of the same text in a page, with the same glossary.
    page = markdown.markdown(
        text, extensions=["abbr"], extension_configs={"abbr": {"glossary": dict(terms.terms)}}
    )
    assert f"<p>{html}</p>" == page
    title = 'title="A &quot;formal&quot; &lt;framework&gt; &amp; more."'
    assert html.count("<abbr ") == 2 and html.count(title) == 2
    assert "<code>NRM</code>" in html and "NRMs" in html and "<em>the <abbr" in html
    assert str(inline.to_html(text)) == html.replace(f"<abbr {title}>", "").replace("</abbr>", "")


def test_a_term_too_common_to_mark_is_defined_on_the_page_only(tmp_path):
    write(
        tmp_path,
        "en/glossary.yml",
        EN.replace(
            "    term: Assisted voluntary return\n",
            "    term: Assisted voluntary return\n    tooltip: false\n",
        ),
    )
    entries = glossary.load(tmp_path, "en")
    assert "Assisted voluntary return" in [e.term.value for e in entries]
    terms = glossary.abbreviations(entries)
    assert "Assisted voluntary return" not in terms and "assisted voluntary return" not in terms
    assert "NRM" in terms


def test_a_translation_cannot_switch_tooltips(tmp_path):
    write(tmp_path, "en/glossary.yml", EN)
    write(tmp_path, "ro/glossary.yml", "terms:\n  - id: avr\n    tooltip: false\n")
    with pytest.raises(ManualError, match=r"ro/glossary.yml:3"):
        glossary.load(tmp_path, "ro")
