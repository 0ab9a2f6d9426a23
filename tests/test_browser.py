"""The manual in a real browser, as staff read it: languages, search, checklists, phones, privacy."""

from __future__ import annotations

import pytest

LANGUAGES = {"en": "", "ro": "ro/", "ar": "ar/"}
CHAPTER_PAGE = "02-safety/safety-planning/"


def open_page(context, server, path):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(server.url(path))
    page.wait_for_load_state("networkidle")
    page.script_errors = errors
    return page


@pytest.mark.parametrize("start,target", [("en", "ro"), ("ro", "en"), ("en", "ar"), ("ar", "ro")])
def test_switching_language_keeps_the_reader_on_the_same_page(context, server, start, target):
    page = open_page(context, server, LANGUAGES[start] + CHAPTER_PAGE)
    page.hover(".md-header__option .md-select")
    page.click(f"a.md-select__link[hreflang={target}]")
    page.wait_for_load_state("networkidle")
    assert page.url == server.url(LANGUAGES[target] + CHAPTER_PAGE)
    assert page.locator("html").get_attribute("lang") == target


def search(page, query):
    """Type a query as a reader would; retype while the search is still loading its index."""
    page.click("input.md-search__input")
    for _ in range(20):
        page.fill("input.md-search__input", "")
        page.type("input.md-search__input", query)
        page.keyboard.press(
            "End"
        )  # a key event, as a real keyboard gives even for non-Latin letters
        try:
            page.wait_for_selector(".md-search-result__item", timeout=1000)
            break
        except Exception:
            continue
    return page.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize(
    "lang,query,expected",
    [
        ("ro", "sanatate", "sănătate"),  # typed without diacritics, found with them
        ("ro", "sănătate", "sănătate"),
        ("en", "health", "health"),
        ("ar", "الاتجار", "الاتجار"),
    ],
)
def test_search_finds_pages_of_the_readers_language_only(context, server, lang, query, expected):
    page = open_page(context, server, LANGUAGES[lang])
    results = search(page, query)
    assert results, f"no results for {query!r}"
    root = server.url(LANGUAGES[lang])
    others = [server.url(p) for p in LANGUAGES.values() if p and p != LANGUAGES[lang]]
    assert all(url.startswith(root) for url in results)
    assert not any(url.startswith(other) for other in others for url in results)
    first = context.new_page()
    first.goto(results[0].split("?")[0])
    assert expected.casefold() in first.locator("article").inner_text().casefold()
    assert page.script_errors == []


def test_checklist_ticks_print_cleanly_and_leave_no_trace(context, server):
    page = open_page(context, server, "checklists/initial-contact/")
    boxes = page.locator("ul.checklist input[type=checkbox]")
    assert boxes.count() >= 10
    page.locator("ul.checklist label").first.click()
    boxes.nth(2).check()
    assert boxes.first.is_checked() and boxes.nth(2).is_checked()
    assert page.locator("button[data-manual-print]").is_visible()

    page.emulate_media(media="print")
    for furniture in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-search",
        "button[data-manual-print]",
        ".guidance-pdf",
        ".md-footer",
    ):
        assert not page.locator(furniture).first.is_visible(), furniture
    assert page.locator(".case-lines").is_visible()
    page.emulate_media(media="screen")

    page.reload()
    page.wait_for_load_state("networkidle")
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))
    assert context.cookies() == []
    assert page.evaluate("Object.keys(localStorage)") == []
    assert page.evaluate("Object.keys(sessionStorage)") == []


@pytest.mark.parametrize(
    "lang,notice", [("ro", "Această pagină nu este încă tradusă"), ("ar", None)]
)
def test_fallback_page_shows_the_notice_in_the_readers_language(context, server, lang, notice):
    page = open_page(context, server, LANGUAGES[lang] + "about/writing-guide/")
    box = page.locator(".fallback-notice")
    assert box.is_visible()
    text = box.inner_text()
    if notice:
        assert notice in text
    else:  # Arabic: the notice is in Arabic script
        assert any("\u0600" <= ch <= "\u06ff" for ch in text)
    assert page.locator("html").get_attribute("lang") == lang


def test_arabic_pages_are_laid_out_right_to_left(context, server):
    page = open_page(context, server, "ar/" + CHAPTER_PAGE)
    assert page.locator("body").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    nav = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert nav["x"] > content["x"], "the navigation should sit on the right"
    english = open_page(context, server, CHAPTER_PAGE)
    assert (
        english.locator(".md-sidebar--primary").bounding_box()["x"]
        < english.locator(".md-content").bounding_box()["x"]
    )


PHONE_PAGES = [
    "",
    CHAPTER_PAGE,
    "checklists/initial-contact/",
    "forms/informed-consent/",
    "downloads/",
    "glossary/",
    "checklists/",
    "about/translation-status/",
]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_nothing_scrolls_sideways_and_the_navigation_opens(phone, server, lang):
    for path in PHONE_PAGES:
        page = open_page(phone, server, LANGUAGES[lang] + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{LANGUAGES[lang] + path} is {width}px wide"
        page.close()
    page = open_page(phone, server, LANGUAGES[lang] + CHAPTER_PAGE)
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(400)
    drawer = page.locator(".md-sidebar--primary").bounding_box()
    assert drawer and drawer["x"] >= -1 and drawer["x"] + drawer["width"] <= 376
    assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()


def test_the_search_index_loads_only_when_the_reader_searches(context, server):
    page = context.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(server.url(CHAPTER_PAGE))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not any(url.endswith("search_index.json") for url in asked)
    assert search(page, "safety")
    assert any(url.endswith("search/search_index.json") for url in asked)


def test_glossary_terms_show_their_definition_on_hover_and_tap(context, phone, server):
    page = open_page(context, server, "04-referral/national-referral-mechanisms/")
    term = page.locator("article abbr").first
    definition = term.get_attribute("title") or term.get_attribute("data-title") or ""
    assert len(definition) > 20, "the term carries its definition"
    term.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=definition[:30]).first
    tooltip.wait_for(state="visible", timeout=3000)
    touch = open_page(phone, server, "ro/04-referral/national-referral-mechanisms/")
    word = touch.locator("article abbr").first
    word.scroll_into_view_if_needed()
    meaning = word.get_attribute("title") or word.get_attribute("data-title") or ""
    assert len(meaning) > 20
    word.tap()
    touch.locator(".md-tooltip2, .md-tooltip").filter(has_text=meaning[:20]).first.wait_for(
        state="visible", timeout=3000
    )
