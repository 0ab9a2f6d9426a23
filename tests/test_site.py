"""The real site, built once: languages, switcher, fallback, search, 404, no other hosts."""

from __future__ import annotations

import json
import re

import pytest
from sitecheck import css_urls, is_other_host, read_page

LANGUAGES = {"en": "", "ro": "ro/", "ar": "ar/"}


def html_files(site):
    return sorted(p for p in site.rglob("*.html"))


@pytest.mark.parametrize("lang,prefix", LANGUAGES.items())
def test_every_page_of_a_language_says_its_language(site, lang, prefix):
    others = [p for p in LANGUAGES.values() if p and p != prefix]
    pages = [
        p
        for p in html_files(site)
        if str(p.relative_to(site)).startswith(prefix)
        and not any(str(p.relative_to(site)).startswith(o) for o in others)
    ]
    assert len(pages) >= 4
    for path in pages:
        assert read_page(path).html_attrs.get("lang") == lang, path


def test_switcher_keeps_the_reader_on_the_same_page(site):
    english = read_page(site / "about" / "index.html")
    romanian = read_page(site / "ro" / "about" / "index.html")
    en_links = {
        a["hreflang"]: href for a, href in english.links if "md-select__link" in a.get("class", "")
    }
    ro_links = {
        a["hreflang"]: href for a, href in romanian.links if "md-select__link" in a.get("class", "")
    }
    assert en_links == {"en": "./", "ro": "../ro/about/", "ar": "../ar/about/"}
    assert ro_links == {"en": "../../about/", "ro": "./", "ar": "../../ar/about/"}


def test_a_page_romanian_lacks_shows_english_with_a_romanian_notice(site):
    page = read_page(site / "ro" / "about" / "writing-guide" / "index.html")
    assert page.html_attrs["lang"] == "ro"
    assert "fallback-notice" in page.classes
    text = " ".join(page.text)
    assert "Această pagină nu este încă tradusă" in text
    assert "Guide for writers of the English text" in text
    english_links = [
        href
        for a, href in page.links
        if a.get("hreflang") == "en" and "md-select__link" not in a.get("class", "")
    ]
    assert english_links == ["../../../about/writing-guide/"]
    assert "fallback-notice" not in read_page(site / "ro" / "about" / "index.html").classes
    assert (
        "fallback-notice" not in read_page(site / "about" / "writing-guide" / "index.html").classes
    )


@pytest.mark.parametrize("lang,prefix", LANGUAGES.items())
def test_each_language_searches_only_its_own_pages(site, lang, prefix):
    index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "" in locations and "about/" in locations
    assert not any(loc.startswith(("ro/", "ar/")) for loc in locations), (
        "another language's pages leaked in"
    )
    titles = {doc["title"] for doc in index["docs"] if doc["location"] == "about/"}
    assert titles == {
        {"en": "About this manual", "ro": "Despre acest manual", "ar": "عن هذا الدليل"}[lang]
    }
    # A fallback page is indexed once, in the language folder that shows it.
    assert sum(1 for doc in index["docs"] if doc["location"] == "about/writing-guide/") == 1


def test_pages_tell_search_where_their_language_index_is(site):
    def base(path):
        text = path.read_text(encoding="utf-8")
        start = text.index('<script id="__config" type="application/json">') + len(
            '<script id="__config" type="application/json">'
        )
        return json.loads(text[start : text.index("</script>", start)])["base"]

    assert base(site / "about" / "index.html") == ".."
    assert base(site / "ro" / "about" / "index.html") == "../../ro/"
    assert base(site / "ro" / "index.html") == "../ro/"
    assert base(site / "ro" / "404.html") == "/ro/"


@pytest.mark.parametrize(
    "prefix,lang,title", [("", "en", "Page not found"), ("ro/", "ro", "Pagina nu a fost găsită")]
)
def test_each_language_has_its_own_404(site, prefix, lang, title):
    page = read_page(site / prefix / "404.html")
    assert page.html_attrs["lang"] == lang
    assert title in " ".join(page.text)


def test_nothing_is_fetched_from_another_host(site):
    offenders = []
    for path in html_files(site):
        page = read_page(path)
        urls = page.fetched + [u for style in page.styles for u in css_urls(style)]
        offenders += [(str(path.relative_to(site)), u) for u in urls if is_other_host(u)]
    for path in site.rglob("*.css"):
        offenders += [
            (str(path.relative_to(site)), u)
            for u in css_urls(path.read_text(encoding="utf-8"))
            if is_other_host(u)
        ]
    assert offenders == []


def test_material_fetches_from_a_cdn_only_on_paths_the_manual_closes(site):
    """Material's bundle can load two scripts from unpkg.com; neither can fire on this site."""
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(
        encoding="utf-8"
    )
    cdn_urls = set(re.findall(r"https://unpkg\.com/[^\"'`]+", bundle))
    assert cdn_urls == {
        "https://unpkg.com/resize-observer-polyfill",
        "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
    }
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        # The polyfill is fetched only where ResizeObserver is missing: our stand-in comes first.
        assert text.index("before-material.js") < text.index("bundle."), path
        # Mermaid is fetched only for diagrams, and the manual has none.
        assert 'class="mermaid"' not in text, path
    for path in list(site.rglob("*.js")) + list(site.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for needle in (
            "fonts.googleapis",
            "fonts.gstatic",
            "cdn.jsdelivr",
            "googletagmanager",
            "google-analytics",
        ):
            assert needle not in text, (path, needle)


@pytest.mark.parametrize("prefix,placeholder", [("", "Search"), ("ro/", "Căutare"), ("ar/", "بحث")])
def test_material_speaks_the_pages_language(site, prefix, placeholder):
    html = (site / prefix / "02-safety" / "index.html").read_text(encoding="utf-8")
    assert f'placeholder="{placeholder}"' in html
