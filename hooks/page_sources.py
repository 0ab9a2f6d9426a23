"""Hook: every page checked as it is read (encoding, front matter, text), and build errors told on each rebuild."""

from pathlib import Path

from manual import front_matter
from manual.errors import ManualError
from manual.site import as_plugin_error, show_again


def on_page_read_source(page, config):
    # MkDocs reads a page itself with a traceback for a non-UTF-8 file, and keeps front matter it
    # cannot read as the page's text: read it here, checked, and give MkDocs the text.
    if page.file.abs_src_path is None or page.file.generated_by:
        return None
    try:
        return front_matter.read_page(Path(page.file.abs_src_path))
    except ManualError as err:
        raise as_plugin_error(err) from None


def on_build_error(error):
    show_again(error)
