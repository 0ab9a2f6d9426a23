"""Hook: stop the build at anything in a page that would run in a reader's browser."""

from markupsafe import escape
from mkdocs.plugins import event_priority

from manual import page_safety
from manual.errors import ManualError
from manual.site import as_plugin_error


@event_priority(-100)  # after the checklist and form HTML is back in its page
def on_page_content(html, page, config, files):
    path = page.file.abs_src_path or page.file.src_uri  # pages made in memory have no file
    try:
        page_safety.check(html, path, page.markdown or "")
    except ManualError as err:
        raise as_plugin_error(err) from None
    # The theme writes a page's title as HTML, and in <title> after `striptags`, which turns
    # "&lt;" back into "<". A title from the front matter is plain text: escape it. A title from
    # the first heading is HTML already: giving it as the front matter's keeps it from `striptags`.
    if "title" in page.meta:
        page.meta["title"] = escape(str(page.meta["title"]))
    elif page.title and not page.is_homepage:
        page.meta["title"] = page_safety.html_title(page.title)
    return html
