"""Each translation's terminology list: its renderings hold in every file, and its page shows it."""

from __future__ import annotations

import pytest
from conftest import ROOT

from manual import templates, terminology
from manual.errors import ManualError
from manual.interface import Strings


def write(root, path, text):
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


LIST = """\
avoid_characters:
  "\\u015F": ș
terms:
  - english: servitude
    use: aservire
    avoid: [servitut*]
  - english: see
    use: vedeți
    avoid: [vezi]
"""


def test_an_avoided_rendering_matches_whole_words_with_any_ending():
    assert terminology.pattern("servitut*").search("Servitutea domestică")
    assert not terminology.pattern("servitut*").search("aservirea")
    assert terminology.pattern("vezi").search("(Vezi capitolul 2)")
    assert not terminology.pattern("vezi").search("vezica urinară")
    assert terminology.pattern("abuz* de putere").search("abuzul de\nputere")


def test_avoided_renderings_and_characters_are_found_with_their_line(tmp_path):
    write(tmp_path, "ro/terminology.yml", LIST)
    write(tmp_path, "ro/a.md", "# A\n\nServitutea domestică.\n")
    write(tmp_path, "ro/forms/x.yml", "title: Formular\nsummary: Vezi mai jos; pa\u015fi.\n")
    found = sorted((f.path.name, f.line, f.found) for f in terminology.findings(tmp_path, "ro"))
    assert found == [("a.md", 3, "Servitutea"), ("x.yml", 2, "Vezi"), ("x.yml", 2, "\u015f")]


def test_a_language_without_a_list_has_no_findings(tmp_path):
    write(tmp_path, "ar/a.md", "# A\n")
    assert terminology.findings(tmp_path, "ar") == []


@pytest.mark.parametrize(
    "text,line,message",
    [
        (
            "terms:\n  - english: x\n    use: servitute\n    avoid: [servitut*]\n",
            4,
            "matches the chosen one",
        ),
        ("terms:\n  - english: x\n", 2, "use"),
        ("- a\n- b\n", 1, "expected a mapping"),
        ("terms: [\n", 2, "YAML syntax error"),
        (
            "avoid_characters:\n  ab: c\nterms:\n  - english: x\n    use: y\n",
            2,
            "single characters",
        ),
    ],
)
def test_a_bad_list_stops_with_its_file_and_line(tmp_path, text, line, message):
    write(tmp_path, "ro/terminology.yml", text)
    with pytest.raises(ManualError) as err:
        terminology.load(tmp_path, "ro")
    assert err.value.path.name == "terminology.yml" and err.value.line == line
    assert message in err.value.message


def test_romanian_keeps_its_terminology_and_comma_below_letters():
    found = terminology.findings(ROOT / "docs", "ro")
    assert found == [], "\n".join(str(f) for f in found[:40])


def test_the_page_escapes_what_comes_from_the_list(tmp_path):
    write(
        tmp_path,
        "ro/terminology.yml",
        "terms:\n  - english: <script>alert(1)</script>\n    use: <img src=x onerror=alert(1)>\n"
        "    avoid: [<b>x</b>]\n    note: a & b\n",
    )
    strings = Strings(
        {
            key: key
            for key in (
                "terminology_title",
                "terminology_intro",
                "terminology_characters",
                "terminology_english",
                "terminology_use",
                "terminology_avoid",
                "terminology_note",
            )
        }
    )
    page = templates.render(
        "terminology-page.md.j2",
        strings=strings,
        languages=[
            {"code": "ro", "name": "Română", "terminology": terminology.load(tmp_path, "ro")}
        ],
    )
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "a &amp; b" in page


def test_the_terminology_page_shows_each_list_in_every_language(site):
    for prefix in ("", "ro/", "ar/"):
        html = (site / prefix / "about" / "terminology" / "index.html").read_text(encoding="utf-8")
        assert "managementul de caz" in html and "<del>servitut*</del>" in html


def test_code_in_a_page_may_quote_an_avoided_rendering(tmp_path):
    write(tmp_path, "ro/terminology.yml", LIST)
    write(
        tmp_path,
        "ro/a.md",
        "# A\n\n```yaml\navoid: [servitut*]\nvezi: x\n```\n\nUn `vezi` aici.\n\nVezi textul.\n",
    )
    assert [(f.line, f.found) for f in terminology.findings(tmp_path, "ro")] == [(10, "Vezi")]


def test_arabic_renderings_match_with_or_without_short_vowels(tmp_path):
    write(
        tmp_path,
        "ar/terminology.yml",
        "terms:\n  - english: traffickers\n    use: المتاجرون\n    avoid: ['*المتجر بهم']\n",
    )
    write(tmp_path, "ar/a.md", "# أ\n\nالأشخاص المتجَر بهم.\n\nوالمتّجر بهم.\n\nالمُتاجَر بهم.\n")
    assert [f.line for f in terminology.findings(tmp_path, "ar")] == [3, 5]


def test_arabic_keeps_its_terminology():
    found = terminology.findings(ROOT / "docs", "ar")
    assert found == [], "\n".join(str(f) for f in found[:40])
