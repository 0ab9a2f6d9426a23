"""The offline edition: a zip per language that works opened from files, without a server."""

from __future__ import annotations

import zipfile

import pytest
from browser import Recorder
from sitecheck import read_page
from test_browser import search


@pytest.fixture(scope="module")
def unpacked(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "offline" / "manual-ro.zip") as archive:
        archive.extractall(folder)
    return folder / "manual-ro"


@pytest.mark.parametrize("lang,prefix", [("en", ""), ("ro", "ro/"), ("ar", "ar/")])
def test_each_language_has_its_zip_listed_on_its_downloads_page(site, lang, prefix):
    assert (site / "offline" / f"manual-{lang}.zip").stat().st_size > 100_000
    page = read_page(site / prefix / "downloads" / "index.html")
    assert any(href.endswith(f"offline/manual-{lang}.zip") for _, href in page.links)
    html = (site / prefix / "downloads" / "index.html").read_text(encoding="utf-8")
    assert f'data-pdf="offline/manual-{lang}.zip">' in html and "MB</span>" in html


def test_zip_holds_the_language_its_search_and_its_pdfs(unpacked):
    assert (unpacked / "start.html").exists() and (unpacked / "ro" / "index.html").exists()
    assert (
        (unpacked / "ro" / "search" / "search_index.js")
        .read_text(encoding="utf-8")
        .startswith("var __index = {")
    )
    assert (unpacked / "pdf" / "ro" / "manual.pdf").exists() and (
        unpacked / "pdf" / "en" / "manual.pdf"
    ).exists()
    assert not (unpacked / "ar").exists()
    assert not (unpacked / "offline").exists()


def test_opened_from_files_navigation_search_and_checklists_work(chromium, unpacked):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    recorder = Recorder(context)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto((unpacked / "start.html").as_uri())
    page.wait_for_url("**/ro/index.html")
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "ro"

    results = search(page, "sanatate")
    assert results and all(url.startswith((unpacked / "ro").as_uri()) for url in results)

    page.goto((unpacked / "ro" / "checklists" / "initial-contact.html").as_uri())
    box = page.locator("ul.checklist input[type=checkbox]").first
    box.check()
    assert box.is_checked()
    pdf = page.locator("a.guidance-pdf").get_attribute("href")
    assert (unpacked / "ro" / "checklists" / pdf).resolve().exists()

    page.locator(".md-nav__link", has_text="Siguranță și securitate").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith((unpacked / "ro" / "02-safety").as_uri())
    context.close()
    assert errors == []
    assert recorder.other_hosts(None) == []
    assert recorder.policy_violations == []
