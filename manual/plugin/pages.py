"""Every page checked before it is read, and stopped at anything that would run in a reader's browser."""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError

from manual import front_matter, page_safety
from manual.plugin.site import html_blocks


def check_sources(files) -> None:
    # MkDocs reads pages with a traceback for a non-UTF-8 file, and keeps front matter it cannot
    # read as the page's text: check every page first.
    for file in files.documentation_pages():
        if file.abs_src_path is not None and not file.generated_by:
            front_matter.read_page(Path(file.abs_src_path))


def finish_content(html: str, page) -> str:
    """The page's HTML with its checklist and form HTML back in, once it is known to be safe."""
    blocks = html_blocks(page)
    try:
        html = blocks.put_back(html) if blocks else html
    except ValueError as err:
        raise PluginError(f"{page.file.src_uri}: {err}") from None
    path = page.file.abs_src_path or page.file.src_uri  # pages made in memory have no file
    page_safety.check(html, path, page.markdown or "")
    # The theme writes a page's title as HTML, and in <title> after `striptags`, which turns
    # "&lt;" back into "<". A title from the front matter is plain text: escape it. A title from
    # the first heading is HTML already: giving it as the front matter's keeps it from `striptags`.
    if "title" in page.meta:
        page.meta["title"] = escape(str(page.meta["title"]))
    elif page.title and not page.is_homepage:
        page.meta["title"] = page_safety.html_title(page.title)
    return html
