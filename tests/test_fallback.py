from manual import fallback
from manual.interface import Strings

STRINGS = Strings(fallback_title="Not translated", fallback_text="English text.", fallback_link="English page")


def test_source_url_drops_the_language_folder():
    assert fallback.source_url("ro/about/changelog/", "ro/") == "about/changelog/"
    assert fallback.source_url("about/", "") == "about/"


def test_relative_url_climbs_out_of_the_language_folder():
    assert fallback.relative_url("about/changelog/", "ro/about/changelog/") == "../../../about/changelog/"
    assert fallback.relative_url("", "ro/") == "../"
    assert fallback.relative_url("about/changelog.html", "ro/about/changelog.html") == "../../about/changelog.html"


def test_notice_goes_under_the_title():
    out = fallback.add_notice("# Title\n\nBody text.\n", STRINGS, "../../x/")
    title, rest = out.split("\n", 1)
    assert title == "# Title"
    assert rest.index("fallback-notice") < rest.index("Body text.")
    assert '"Not translated"' in rest and "[English page](../../x/)" in rest


def test_notice_without_a_title_goes_first():
    out = fallback.add_notice("Body only.\n", STRINGS, "x/")
    assert out.startswith("!!! info fallback-notice") and out.rstrip().endswith("Body only.")
