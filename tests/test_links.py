"""Every link and anchor in the built site resolves: pages, generated pages, templates and PDFs."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pdfcheck import reader
from sitecheck import read_page


def target_file(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        target = site / path.lstrip("/")
    elif path:
        target = page.parent / path
    else:
        target = page
    target = Path(posixpath.normpath(str(target)))
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


@cache
def ids_of(path: Path) -> frozenset[str]:
    return frozenset(read_page(path).ids)


def test_every_link_and_anchor_in_the_site_resolves(site):
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 200
    for page in pages:
        if page.name == "404.html":
            continue  # served at any address, so its links are written from the site root
        parsed = read_page(page)
        for _attrs, href in parsed.links:
            found = target_file(site, page, href)
            if found is None:
                continue
            target, fragment = found
            where = f"{page.relative_to(site)} -> {href}"
            if not target.exists():
                broken.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target):
                broken.append(f"{where}: no anchor #{fragment}")
        for url in parsed.fetched:
            found = target_file(site, page, url)
            if found is not None and not found[0].exists():
                broken.append(f"{page.relative_to(site)} loads {url}: no such file")
    assert broken == []


def test_error_pages_link_from_the_site_root(site):
    for lang in ("", "ro/", "ar/"):
        for _attrs, href in read_page(site / lang / "404.html").links:
            if href.startswith("/"):
                assert (site / href.lstrip("/").split("#")[0]).exists() or (
                    site / href.lstrip("/") / "index.html"
                ).exists(), href


def test_internal_jumps_in_pdfs_land_on_a_destination(site):
    for path in [site / "pdf" / lang / "manual.pdf" for lang in ("en", "ro", "ar")] + [
        site / "pdf" / "en" / "chapters" / "safety.pdf"
    ]:
        pdf = reader(path)
        names = set(pdf.named_destinations)
        missing = []
        for page in pdf.pages:
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                dest = annotation.get("/Dest")
                if isinstance(dest, str) and dest not in names:
                    missing.append(dest)
        assert missing == [], f"{path.name}: {missing[:5]}"
