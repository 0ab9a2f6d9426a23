"""axe-core in a real browser: no serious or critical violation on the pages staff use most."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_browser import LANGUAGES, open_page, search

PAGES = [
    "",
    "02-safety/safety-planning/",
    "checklists/initial-contact/",
    "forms/informed-consent/",
    "downloads/",
    "404.html",
]
QUERIES = {"en": "safety", "ro": "siguranta", "ar": "الاتجار"}


def serious(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_have_no_serious_accessibility_violations(context, server, lang):
    found = {}
    for path in PAGES:
        page = open_page(context, server, LANGUAGES[lang] + path)
        problems = serious(page)
        if problems:
            found[LANGUAGES[lang] + path] = problems
        page.close()
    assert found == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_have_no_serious_accessibility_violations(context, server, lang):
    page = open_page(context, server, LANGUAGES[lang])
    assert search(page, QUERIES[lang])
    assert serious(page) == []
