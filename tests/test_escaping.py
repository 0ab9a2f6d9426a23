"""Nothing from a data or page file runs in a reader's browser: markup in any text reaches the
built pages, the search index and the print HTML as text, or stops the build with its file.

A small project gets markup in every kind of text, in English and in Romanian; its built HTML,
its search indexes and its print HTML are then read back for anything live.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pdfcheck
import pytest
import yaml
from conftest import build_project, make_project

from manual import document_views, edition_meta, editions, interface


def hostile(kind: str, plain: bool) -> str:
    """A text with markup that would run if written unescaped; each kind names itself."""
    text = (
        f"{kind} <script>alert('{kind}')</script> <img src=x onerror=alert('{kind}')> "
        f"\"><svg onload=alert('{kind}')> *x*{{ onclick=alert('{kind}') }} javascript:alert('{kind}')"
    )
    if plain:  # plain texts may carry anything; inline texts refuse links (tested below)
        text += f" [link](javascript:alert('{kind}')) {{ onclick=alert('{kind}') }}"
    return text


def marker(kind: str) -> str:
    """What a reader sees of the text when it was escaped."""
    return f"<script>alert('{kind}')</script>"


def checklist(lang: str) -> dict:
    k = lambda name: f"{lang}-{name}"  # noqa: E731
    data = {
        "title": hostile(k("checklist-title"), True),
        "summary": hostile(k("checklist-summary"), False),
        "sections": [
            {
                "id": "first",
                "title": hostile(k("section-title"), True),
                "items": [
                    {
                        "id": "alpha",
                        "text": hostile(k("item-text"), False),
                        "note": hostile(k("item-note"), False),
                    },
                ],
            }
        ],
    }
    if lang == "en":
        data.update(stage="identification", chapter="01-basics/index.md")
        data["sections"][0]["items"][0]["role"] = "any-staff"
    return data


def form(lang: str) -> dict:
    k = lambda name: f"{lang}-{name}"  # noqa: E731
    fields = [
        {
            "id": "choice",
            "label": hostile(k("field-label"), False),
            "help": hostile(k("field-help"), False),
            "options": [
                {"id": "one", "label": hostile(k("option"), False)},
                {"id": "two", "label": "Two"},
            ],
        },
    ]
    data = {
        "title": hostile(k("form-title"), True),
        "summary": hostile(k("form-summary"), False),
        "sections": [
            {
                "id": "about",
                "title": hostile(k("form-section"), True),
                "intro": hostile(k("form-intro"), False),
                "fields": fields,
            }
        ],
    }
    if lang == "en":
        data.update(stage="case-management", chapter="01-basics/index.md")
        fields[0]["kind"] = "choice"
    return data


KINDS = [
    "checklist-title",
    "checklist-summary",
    "section-title",
    "item-text",
    "item-note",
    "form-title",
    "form-summary",
    "form-section",
    "form-intro",
    "field-label",
    "field-help",
    "option",
    "stage",
    "role",
    "term",
    "abbr",
    "definition",
    "site_title",
    "checklists_title",
]


def dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def hostile_project(root: Path) -> Path:
    project = make_project(root)
    docs = project / "docs"
    for lang in ("en", "ro"):
        dump(docs / lang / "checklists/demo.yml", checklist(lang))
        dump(docs / lang / "forms/demo-form.yml", form(lang))
        vocabulary = yaml.safe_load((docs / lang / "vocabulary.yml").read_text(encoding="utf-8"))
        vocabulary["stages"]["identification"] = hostile(f"{lang}-stage", True)
        vocabulary["stages"]["case-management"] = hostile(f"{lang}-stage", True)
        vocabulary["roles"]["any-staff"] = hostile(f"{lang}-role", True)
        dump(docs / lang / "vocabulary.yml", vocabulary)
        strings = yaml.safe_load((docs / lang / "interface.yml").read_text(encoding="utf-8"))
        dump(
            docs / lang / "interface.yml",
            {key: hostile(f"{lang}-{key}", True) for key in strings if key != "translated_from"},
        )
        term = {
            "id": "nrm",
            "term": hostile(f"{lang}-term", True),
            "abbr": hostile(f"{lang}-abbr", True),
            "definition": hostile(f"{lang}-definition", False),
        }
        # A second term whose abbreviation the pages use, for its definition's tooltip.
        tooltip = {"id": "plain", "definition": hostile(f"{lang}-tooltip", False)}
        if lang == "en":
            tooltip.update(term="Plain referral mechanism", abbr="PRM")
        dump(docs / lang / "glossary.yml", {"terms": [term, tooltip]})
        page = docs / lang / "01-basics/index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nThe PRM too.\n", encoding="utf-8")
    dump(
        docs / "ro/terminology.yml",
        {
            "avoid_characters": {"ş": hostile("ro-terminology-character", True)},
            "terms": [
                {
                    "english": hostile("ro-terminology-english", True),
                    "use": hostile("ro-terminology-use", True),
                    "avoid": [hostile("ro-terminology-avoid", True)],
                    "note": hostile("ro-terminology-note", True),
                    "source": hostile("ro-terminology-source", True),
                }
            ],
        },
    )
    return project


def runs(address: str) -> bool:
    """Whether a browser would run an address: "javascript:", however it is spelled."""
    return "".join(address.split()).lower().startswith("javascript:")


class Reading(HTMLParser):
    """What a browser would run of a page, and the text it would show."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.live.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and runs(value):
                self.live.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.live.append("<img src=x>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            if "alert(" in data:
                self.live.append(f"<script>{data[:80]}")
        elif not (self.stack and self.stack[-1] == "style"):
            self.text.append(data)


def read(html: str) -> Reading:
    reading = Reading()
    reading.feed(html)
    reading.close()
    return reading


def abbrs(html: str) -> list[list[tuple[str, str]]]:
    found = []
    parser = HTMLParser(convert_charrefs=True)
    parser.handle_starttag = lambda tag, attrs: found.append(attrs) if tag == "abbr" else None
    parser.feed(html)
    return found


def visible(html: str) -> str:
    return " ".join(" ".join(read(html).text).split())


def test_the_reader_sees_markup_that_would_run():
    # The check itself: live markup is seen, escaped markup is only text.
    live = read(
        "<h1>T <script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>"
        '<a href=" java\tscript:alert(4)">x</a><b onclick="alert(5)">y</b></h1>'
    ).live
    assert len(live) == 6
    escaped = read(
        "<h1>T &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;</h1>"
    )
    assert escaped.live == [] and "<script>alert(1)</script>" in " ".join(escaped.text)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = hostile_project(tmp_path_factory.mktemp("escaping") / "project")
    result = build_project(project, pdf=True, cache=project / "cache")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WeasyPrint" not in result.stderr  # nothing in the print HTML tried to load or run
    return project


def test_no_text_from_data_is_live_in_any_built_page(built):
    site = built / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    live = {
        str(page.relative_to(site)): found
        for page in pages
        if (found := read(page.read_text(encoding="utf-8")).live)
    }
    assert live == {}


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_every_kind_of_text_reaches_its_pages_as_text(built, lang):
    site = built / "site" / ("" if lang == "en" else lang)
    shown = {
        name: visible((site / name / "index.html").read_text(encoding="utf-8"))
        for name in ("checklists/demo", "forms/demo-form", "checklists", "glossary")
    }
    everything = " ".join(shown.values())
    missing = [kind for kind in KINDS if marker(f"{lang}-{kind}") not in everything]
    assert missing == []
    # Plain texts show exactly as written, Markdown and all: nothing of them became a link or attribute.
    title = hostile(f"{lang}-checklist-title", True)
    assert title in shown["checklists/demo"]


def test_the_downloads_status_and_terminology_pages_show_texts_as_written(built):
    site = built / "site"
    downloads = visible((site / "ro/downloads/index.html").read_text(encoding="utf-8"))
    assert hostile("ro-checklist-title", True) in downloads
    assert marker("ro-downloads_title") in downloads
    status = visible((site / "ro/about/translation-status/index.html").read_text(encoding="utf-8"))
    assert marker("ro-status_title") in status
    terminology = visible((site / "ro/about/terminology/index.html").read_text(encoding="utf-8"))
    for kind in ("character", "english", "use", "avoid", "note", "source"):
        assert marker(f"ro-terminology-{kind}") in terminology


def test_the_site_name_and_tooltips_stay_text(built):
    page = (built / "site/ro/01-basics/index.html").read_text(encoding="utf-8")
    assert marker("ro-site_title") in visible(page)  # Material writes the site name in the header
    # The definition is in the tooltip's title attribute, where the browser reads it as text.
    titles = [dict(attrs).get("title", "") for attrs in abbrs(page)]
    assert any(marker("ro-tooltip") in title for title in titles), titles
    assert read(page).live == []


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_the_search_index_holds_texts_as_text(built, lang):
    index = built / "site" / ("" if lang == "en" else lang) / "search/search_index.json"
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    # The search shows titles and texts as HTML: they must come escaped.
    live = [found for doc in docs for found in read(doc["title"] + " " + doc["text"]).live]
    assert live == []
    shown = " ".join(visible(doc["title"] + " " + doc["text"]) for doc in docs)
    for kind in ("checklist-title", "section-title", "item-text", "form-intro", "definition"):
        assert marker(f"{lang}-{kind}") in shown


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_the_print_html_holds_texts_as_text(built, lang):
    docs_dir = built / "docs"
    strings = interface.load_strings(docs_dir, lang)
    docs = document_views.language_documents(docs_dir, lang)
    meta = edition_meta.meta(
        edition={},
        strings=strings,
        locale=lang,
        direction="ltr",
    )
    jobs = editions.plan([], docs, meta, strings, lang, "" if lang == "en" else f"{lang}/", True)
    assert len(jobs) >= 3
    for job in jobs:
        assert read(job.html).live == [], job.target
    shown = " ".join(visible(job.html) for job in jobs)
    for kind in (
        "checklist-title",
        "section-title",
        "item-text",
        "stage",
        "role",
        "option",
        "field-help",
        "site_title",
    ):
        assert marker(f"{lang}-{kind}") in shown


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_the_pdfs_show_texts_as_written(built, lang):
    pdfs = built / "site/pdf" / lang
    checklist = pdfcheck.text(pdfcheck.reader(pdfs / "checklists/demo.pdf"))
    form = pdfcheck.text(pdfcheck.reader(pdfs / "forms/demo-form.pdf"))
    # Lines break after hyphens, and the print style hyphenates words (U+2010).
    shown = " ".join((checklist + " " + form).replace("\u2010\n", "").replace("-\n", "-").split())
    for kind in (
        "checklist-title",
        "section-title",
        "item-text",
        "item-note",
        "stage",
        "role",
        "form-title",
        "form-intro",
        "field-label",
        "option",
    ):
        assert marker(f"{lang}-{kind}") in shown, kind


# Texts that stop the build ------------------------------------------------------------------


def built_with(project: Path, path: str, text: str):
    target = project / "docs" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return build_project(project, cache=project / "cache")


@pytest.mark.parametrize(
    "path, old, new, line",
    [
        (
            "en/checklists/demo.yml",
            "text: Do the second thing.",
            "text: Do [this](javascript:alert(1)).",
            14,
        ),
        (
            "ro/checklists/demo.yml",
            "text: Faceți al doilea lucru.",
            'text: "[Faceți](javascript:alert(1))"',
            10,
        ),
        (
            "en/forms/demo-form.yml",
            "label: The person agreed",
            'label: "[Agreed](data:text/html,x)"',
            13,
        ),
    ],
)
def test_a_link_in_an_inline_data_text_stops_the_build_at_its_line(project, path, old, new, line):
    source = (project / "docs" / path).read_text(encoding="utf-8")
    assert old in source
    result = built_with(project, path, source.replace(old, new))
    assert result.returncode != 0
    assert (
        f"{path}:{line}: " in result.stderr and "links and images are not allowed" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_link_in_a_translated_definition_stops_the_build_at_its_line(project):
    text = 'terms:\n  - id: nrm\n    definition: "Un [cadru](javascript:alert(1))."\n'
    result = built_with(project, "ro/glossary.yml", text)
    assert result.returncode != 0
    assert (
        "ro/glossary.yml:3: term 'nrm' definition: links and images are not allowed"
        in result.stderr
    )


@pytest.mark.parametrize("path", ["en/other.md", "ro/index.md"])
@pytest.mark.parametrize(
    "markdown, expected",
    [
        (
            "[Open](javascript:alert(1))",
            "the address 'javascript:alert(1)' in <a href>: expected an http, https, mailto or tel link, or a relative one",
        ),
        (
            "[Open](JaVa&#x09;Script:alert(1))",
            "in <a href>: expected an http, https, mailto or tel link",
        ),
        (
            "![Logo](data:image/svg+xml;base64,PHN2Zy8+)",
            "in <img src>: expected an http, https, mailto or tel link",
        ),
        (
            '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
            "in <a href>: expected",
        ),
        ("<script>alert(1)</script>", "a <script> element: pages may not carry scripts"),
        ("<img src=x onerror=alert(1)>", "an event handler attribute 'onerror' on <img>"),
        ('Text\n{ onclick="alert(1)" }', "an event handler attribute 'onclick' on <p>"),
        ('*Text*{ onmouseover="alert(1)" }', "an event handler attribute 'onmouseover' on <em>"),
    ],
)
def test_a_page_with_something_that_would_run_stops_the_build(project, path, markdown, expected):
    page = project / "docs" / path
    result = built_with(
        project, path, page.read_text(encoding="utf-8") + "\nSome text.\n\n" + markdown + "\n"
    )
    assert result.returncode != 0
    assert f"{path}:" in result.stderr and expected in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_links_a_page_may_carry_build(project):
    page = project / "docs/en/other.md"
    result = built_with(
        project,
        "en/other.md",
        page.read_text(encoding="utf-8")
        + (
            "\n[Web](https://example.org/a) [Mail](mailto:a@example.org) [Phone](tel:+40212000000) "
            "[Here](#part) [Home](index.md)\n"
        ),
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_title_in_front_matter_or_a_heading_stays_text_in_the_title_and_the_nav(project):
    (project / "docs/ro/index.md").write_text(
        "---\ntitle: \"Acasă </title><script>alert('front')</script>\"\n---\n\n# Acasă\n",
        encoding="utf-8",
    )
    result = built_with(
        project,
        "en/other.md",
        "# Other &lt;/title&gt;&lt;script&gt;alert('heading')&lt;/script&gt; \"quoted\"\n\n## Part { #part }\n",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    site = project / "site"
    for page in sorted(site.rglob("*.html")):
        assert read(page.read_text(encoding="utf-8")).live == [], page
    other = (site / "other/index.html").read_text(encoding="utf-8")
    assert (
        "<title>Other &lt;/title&gt;&lt;script&gt;alert(&#39;heading&#39;)&lt;/script&gt; &quot;quoted&quot; - "
        in other
    )
    home = (site / "ro/index.html").read_text(encoding="utf-8")
    assert (
        "<title>Acasă &lt;/title&gt;&lt;script&gt;alert(&#39;front&#39;)&lt;/script&gt; - " in home
    )


# The pieces -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Plain title",
        "Safety & security: *not* emphasis, _nor_ `code`",
        "# not a heading",
        "1. not a list",
        "A { onclick=alert(1) }",
        "[link](javascript:alert(1))",
        "<b>bold</b> &amp; \"quoted\" 'single'",
        "back\\slash | pipe + plus - minus ! bang > gt",
        "ends with {: #id }",
    ],
)
def test_a_plain_text_shows_as_written_where_markdown_reads_it(text):
    import markdown

    from manual import inline

    md = markdown.Markdown(
        extensions=[
            "abbr",
            "admonition",
            "attr_list",
            "def_list",
            "md_in_html",
            "tables",
            "toc",
            "pymdownx.details",
            "pymdownx.superfences",
        ]
    )
    out = md.convert(
        f"# {inline.markdown_text(text)}\n\n| a |\n|---|\n| {inline.markdown_text(text)} |\n"
    )
    reading = read(out)
    assert reading.live == []
    assert not any(tag in out for tag in ("<em", "<code", "<b>", "<a ", "<ol", "<blockquote"))
    heading, cell = (
        visible(out.split("<table>")[0]),
        visible(out.split("<td>")[1].split("</td>")[0]),
    )
    assert heading == text and cell == text


@pytest.mark.parametrize(
    "address, allowed",
    [
        ("https://example.org", True),
        ("http://x", True),
        ("mailto:a@b", True),
        ("tel:+40", True),
        ("../a.md#b", True),
        ("#part", True),
        ("a/b:c", True),
        ("JavaScript:alert(1)", False),
        (" java\tscript:alert(1)", False),
        ("\x01javascript:x", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("file:///etc/passwd", False),
    ],
)
def test_only_http_https_mailto_tel_and_relative_addresses_are_allowed(address, allowed):
    from manual import page_safety

    assert page_safety.allowed_address(address) is allowed


def test_a_chapter_anchor_in_data_must_be_an_anchor(project):
    path = "en/checklists/demo.yml"
    source = (project / "docs" / path).read_text(encoding="utf-8")
    result = built_with(
        project,
        path,
        source.replace(
            "chapter: 01-basics/index.md",
            "chapter: '01-basics/index.md#\"><img src=x onerror=alert(1)>'",
        ),
    )
    assert result.returncode != 0
    assert f"{path}:3: chapter" in result.stderr and "expected a section anchor" in result.stderr
