"""Every kind of page, in every language, working under its Content-Security-Policy in Chromium.

The `context` and `phone` fixtures fail a test on any policy violation (conftest.py); these tests
add script errors and console errors, and check that what the manual's scripts do still works.
"""

from __future__ import annotations

import pytest
from test_browser import CHAPTER_PAGE, LANGUAGES, search

QUERIES = {"en": "health", "ro": "sanatate", "ar": "الاتجار"}
KINDS = {
    "home": "",
    "chapter page": CHAPTER_PAGE,
    "checklist": "checklists/initial-contact/",
    "form": "forms/informed-consent/",
    "glossary": "glossary/",
    "downloads": "downloads/",
    "translation status": "about/translation-status/",
    "terminology": "about/terminology/",
    "not found": "404.html",
}


def open_watched(context, server, path):
    """A page opened with its script errors and console errors collected."""
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda err: tab.problems.append(f"script error: {err}"))
    tab.on(
        "console",
        lambda message: message.type == "error" and tab.problems.append(f"console: {message.text}"),
    )
    response = tab.goto(server.url(path))
    assert response is not None and response.ok, f"{path}: {response and response.status}"
    tab.wait_for_load_state("networkidle")
    return tab


def assert_scripts_ran(tab, path):
    assert tab.locator('head meta[http-equiv="Content-Security-Policy"]').count() == 1, path
    # Material's hashed inline script and its bundle (which drops the no-js class) both ran.
    assert tab.evaluate("typeof __md_scope") == "object", path
    assert "no-js" not in (tab.locator("html").get_attribute("class") or ""), path


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_page_runs_its_scripts_under_the_policy(context, server, lang, kind):
    path = LANGUAGES[lang] + KINDS[kind]
    tab = open_watched(context, server, path)
    assert_scripts_ran(tab, path)
    assert tab.locator("html").get_attribute("lang") == lang
    if kind in ("checklist", "form"):
        assert tab.locator("button[data-manual-print]").is_visible()  # shown by checklists.js
    assert tab.problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_show_under_the_policy(context, server, lang):
    tab = open_watched(context, server, LANGUAGES[lang])
    assert search(tab, QUERIES[lang]), f"no results for {QUERIES[lang]!r}"
    linked = open_watched(context, server, LANGUAGES[lang] + f"?q={QUERIES[lang]}")
    linked.wait_for_selector(".md-search-result__item", timeout=10000)
    assert tab.problems == [] and linked.problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checklists_and_forms_tick_under_the_policy(context, server, lang):
    for path in ("checklists/initial-contact/", "forms/informed-consent/"):
        tab = open_watched(context, server, LANGUAGES[lang] + path)
        box = tab.locator("article input[type=checkbox]").first
        box.check()
        assert box.is_checked(), path
        assert tab.problems == []


@pytest.mark.parametrize("start,target", [("en", "ro"), ("ro", "ar"), ("ar", "en")])
def test_the_language_switch_works_under_the_policy(context, server, start, target):
    tab = open_watched(context, server, LANGUAGES[start] + CHAPTER_PAGE)
    tab.hover(".md-header__option .md-select")
    tab.click(f"a.md-select__link[hreflang={target}]")
    tab.wait_for_load_state("networkidle")
    assert tab.url == server.url(LANGUAGES[target] + CHAPTER_PAGE)
    assert_scripts_ran(tab, tab.url)
    assert tab.problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_tooltips_show_under_the_policy(context, server, lang):
    tab = open_watched(
        context, server, LANGUAGES[lang] + "04-referral/national-referral-mechanisms/"
    )
    term = tab.locator("article abbr").first
    definition = term.get_attribute("title") or ""
    assert len(definition) > 20
    term.hover()
    tab.locator(".md-tooltip2, .md-tooltip").filter(has_text=definition[:20]).first.wait_for(
        state="visible", timeout=3000
    )
    assert tab.problems == []
