"""Hook: every page checked before it is read (encoding, front matter, text), and build errors told on each rebuild."""

from pathlib import Path

from mkdocs.plugins import event_priority

from manual import front_matter
from manual.errors import ManualError
from manual.site import as_plugin_error, show_again


@event_priority(
    -100.5
)  # once mkdocs-static-i18n (-100) has chosen the build's files, before any hook reads them (-101)
def on_files(files, config):
    # MkDocs and the hooks read pages with a traceback for a non-UTF-8 file, and MkDocs keeps front
    # matter it cannot read as the page's text: check every page first.
    for file in files.documentation_pages():
        if file.abs_src_path is not None and not file.generated_by:
            try:
                front_matter.read_page(Path(file.abs_src_path))
            except ManualError as err:
                raise as_plugin_error(err) from None
    return files


def on_build_error(error):
    show_again(error)
