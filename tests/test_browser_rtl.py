"""Right to left in a real browser: what Chromium lays out on the Arabic site's pages."""

from __future__ import annotations

from itertools import pairwise

import pytest

# Where each character of a run is drawn, left to right on the screen, by the browser itself.
RUN_BOXES = """([selector, run]) => {
  const found = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(run);
      if (at < 0) continue;
      const xs = [];
      for (let i = at; i < at + run.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        xs.push(box.width ? box.left + box.width / 2 : null);
      }
      found.push(xs);
    }
  }
  return found;
}"""


def open_page(context, server, path):
    page = context.new_page()
    page.goto(server.url(path))
    page.wait_for_load_state("networkidle")
    return page


def drawn_in_order(page, selector, run) -> list[bool]:
    """For each place `run` is written, whether its characters are drawn in their own order."""
    places = page.evaluate(RUN_BOXES, [selector, run])
    return [all(a < b for a, b in pairwise(xs) if a is not None and b is not None) for xs in places]


@pytest.mark.parametrize(
    "path,run",
    [
        ("01-foundations/approach/", "LGBTIQ+"),
        ("01-foundations/definitions/", "2011/36/EU"),
        ("annex-romania/contacts/", "0800 800 678"),
        ("12-staff-care/safeguarding/", "2026-12-01"),
        ("checklists/case-data-protection/", "k=11"),
    ],
)
def test_latin_runs_are_drawn_in_their_own_order(context, server, path, run):
    page = open_page(context, server, "ar/" + path)
    placed = drawn_in_order(page, "article", run)
    assert placed, f"«{run}» is not on ar/{path}"
    assert all(placed), f"«{run}» is drawn out of order on ar/{path}"


def test_the_order_check_sees_a_run_drawn_out_of_order(context, server):
    # The same check on a run the page lets the algorithm reorder must fail: otherwise it could not.
    page = open_page(context, server, "ar/01-foundations/approach/")
    page.evaluate(
        """() => { const p = document.createElement('p'); p.id = 'probe';
        p.textContent = 'الأشخاص من مجتمع الميم (LGBTIQ+) والتوجيه 2011/36/EU هنا';
        document.querySelector('article').append(p); }"""
    )
    assert drawn_in_order(page, "#probe", "LGBTIQ+") == [False]
    assert drawn_in_order(page, "#probe", "2011/36/EU") == [False]


def style(page, selector, *properties):
    return page.locator(selector).first.evaluate(
        "(node, names) => names.map(name => getComputedStyle(node)[name])", list(properties)
    )


def test_lists_tables_and_checklists_mirror(context, server):
    page = open_page(context, server, "ar/12-staff-care/supervision/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    # A list's markers and indent are on the right.
    items = page.locator("article ul > li").first
    outer, inner = page.locator("article ul").first.bounding_box(), items.bounding_box()
    right_indent = (outer["x"] + outer["width"]) - (inner["x"] + inner["width"])
    assert right_indent > 8 and right_indent > inner["x"] - outer["x"]
    # A table's first column is on the right, its text set from the right.
    cells = page.locator("article table tr").first.locator("th, td")
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert first["x"] > second["x"]
    assert style(page, "article table th", "direction")[0] == "rtl"
    checklist = open_page(context, server, "ar/checklists/initial-contact/")
    item = checklist.locator("ul.checklist li").first
    box, label = item.locator("input").bounding_box(), item.locator("label").bounding_box()
    assert box["x"] > label["x"], "the tick box should be on the right of its text"


def test_english_in_the_arabic_site_is_laid_out_left_to_right(context, server):
    # The writers' guide stays English in every language: a page the Arabic site shows in English.
    page = open_page(context, server, "ar/about/writing-guide/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    text = page.locator(".fallback-text")
    assert text.get_attribute("lang") == "en" and style(page, ".fallback-text p", "direction") == [
        "ltr"
    ]
    paragraph = page.locator(".fallback-text p").first.bounding_box()
    article = page.locator("article").bounding_box()
    # Set from the left, like any English page; the notice, in Arabic, stays right to left.
    assert paragraph["x"] - article["x"] < 40
    assert style(page, ".fallback-notice", "direction") == ["rtl"]


def test_tooltips_and_search_results_read_right_to_left(context, server):
    page = open_page(context, server, "ar/01-foundations/approach/")
    term = page.locator("article abbr").first
    term.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").first
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.evaluate("node => getComputedStyle(node).direction") == "rtl"
    page.click("input.md-search__input")
    for _ in range(20):
        page.fill("input.md-search__input", "")
        page.type("input.md-search__input", "الاتجار")
        page.keyboard.press("End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=1000)
            break
        except Exception:
            continue
    result = page.locator(".md-search-result__article").first
    assert result.evaluate("node => getComputedStyle(node).direction") == "rtl"
    title = result.locator("h1, h2").first.bounding_box()
    box = result.bounding_box()
    # Set from the right: the title's right edge sits at the result's right edge.
    assert abs((box["x"] + box["width"]) - (title["x"] + title["width"])) < 60
