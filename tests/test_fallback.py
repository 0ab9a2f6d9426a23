from manual import fallback
from manual.addresses import page_address, relative_url, source_url
from manual.interface import Strings

STRINGS = Strings(
    fallback_title="Not translated", fallback_text="English text.", fallback_link="English page"
)


def test_source_url_drops_the_language_folder():
    assert source_url("ro/about/changelog/", "ro/") == "about/changelog/"
    assert source_url("about/", "") == "about/"


def test_relative_url_climbs_out_of_the_language_folder():
    assert relative_url("about/changelog/", "ro/about/changelog/") == "../../../about/changelog/"
    assert relative_url("", "ro/") == "../"
    assert (
        relative_url("about/changelog.html", "ro/about/changelog.html")
        == "../../about/changelog.html"
    )


def test_page_addresses_follow_the_url_style():
    assert page_address("02-safety/index.md", "ro/", True) == "ro/02-safety/"
    assert page_address("02-safety/index.md", "", False) == "02-safety/index.html"
    assert page_address("index.md", "ar/", True) == "ar/"
    assert page_address("downloads.md", "", True) == "downloads/"


def test_notice_goes_under_the_title():
    out = fallback.add_notice("# Title\n\nBody text.\n", STRINGS, "../../x/")
    title, rest = out.split("\n", 1)
    assert title == "# Title { lang=en dir=ltr }"  # the title is the English one
    assert rest.index("fallback-notice") < rest.index("Body text.")
    assert '"Not translated"' in rest and "[English page](../../x/)" in rest
    # The English text, after the notice, is marked English and left to right.
    english = rest[rest.index('<div class="fallback-text" lang="en" dir="ltr" markdown>') :]
    assert "Body text." in english and "fallback-notice" not in english
    assert english.rstrip().endswith("</div>")


def test_a_title_keeps_its_own_attributes():
    out = fallback.add_notice("# Title { #top }\n\nBody.\n", STRINGS, "x/", "en", "ltr")
    assert out.startswith("# Title { #top lang=en dir=ltr }\n")


def test_notice_without_a_title_goes_first():
    out = fallback.add_notice("Body only.\n", STRINGS, "x/")
    assert out.startswith("!!! info fallback-notice")
    assert out.index("fallback-notice") < out.index('lang="en"') < out.index("Body only.")


PAGES = {
    ("translation", "a/first.md"): "# Întâi\n\n## Vechi { #old }\n\n## Alta { #new-steps }\n",
    ("source", "a/first.md"): "# First\n\n## Old { #old }\n\n## New { #new }\n",
    ("source", "b/second.md"): "# Second\n",
}


def retarget(markdown: str) -> str:
    return fallback.retarget_new_sections(
        markdown,
        "b/second.md",
        lambda which, path: PAGES.get((which, path)),
        lambda path, anchor: f"EN:{path}#{anchor}",
    )


def test_a_section_the_translation_lacks_is_linked_in_english():
    assert retarget("[x](../a/first.md#new)") == "[x](EN:a/first.md#new)"


def test_sections_the_translation_has_and_sections_nobody_has_are_left_to_the_build():
    for text in (
        "[x](../a/first.md#old)",
        "[x](../a/first.md#gone)",
        "[x](../a/missing.md#new)",
        "[x](../a/first.md)",
    ):
        assert retarget(text) == text
