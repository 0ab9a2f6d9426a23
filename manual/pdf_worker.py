"""What runs in a render worker: one document's HTML made into one PDF by WeasyPrint.

Everything here decides the bytes of a PDF, so this file's source, and that of the modules that
complete its tagging (`pdf_tags`, `pdf_unicode`), is part of every cache key
(`pdf_cache.fingerprint`); the queue and the cache around it are not.
"""

from __future__ import annotations

import logging
import os
import time
from functools import cache
from pathlib import Path

PRINT_DIR = Path(__file__).parent / "print"
# The options of every `write_pdf` call, and part of every cache key. Tagged PDF for screen
# readers; see tests/test_pdf.py for what WeasyPrint manages.
WRITE_OPTIONS = {"pdf_variant": "pdf/ua-1"}


class RenderError(Exception):
    """A document that could not be rendered."""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _local_fetcher(print_dir: Path):
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    allowed = print_dir.resolve().as_uri() + "/"

    class LocalOnly(URLFetcher):
        """Serves the manual's own print files; anything else stops the rendering."""

        def fetch(self, url, headers=None):
            if url.startswith(allowed) or url.startswith("data:"):
                return super().fetch(url, headers)
            raise FatalURLFetchingError(f"the printed manual may only use its own files, not {url}")

    return LocalOnly()


@cache
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()  # one per worker process, shared by its documents


def keep_page_references() -> None:
    """Make pydyf keep its list of page references instead of building it on every read.

    WeasyPrint's PDF/UA tagging reads that list once per tagged box, and pydyf (0.13.0 still)
    builds it afresh from all the pages each time: a tenth of the manual's render time, growing
    with the square of its length. Pages are only ever appended, so a list kept until the page
    count changes is the same list. Same PDFs, byte for byte (tests/test_pdf_render.py).
    """
    import pydyf

    if getattr(pydyf.PDF.page_references.fget, "kept", False):
        return
    build = pydyf.PDF.page_references.fget

    def page_references(pdf):
        count = len(pdf.pages["Kids"])
        kept = pdf.__dict__.get("_kept_page_references")
        if kept is None or kept[0] != count:
            kept = pdf.__dict__["_kept_page_references"] = (count, build(pdf))
        return kept[1]

    page_references.kept, page_references.built = True, build
    pydyf.PDF.page_references = property(page_references)


# WeasyPrint's own names for the two libraries (weasyprint/text/ffi.py), tried in its order.
_PANGO = ("libpango-1.0-0", "pango-1.0-0", "pango-1.0", "libpango-1.0.so.0", "libpango-1.0.dylib")
_HARFBUZZ = ("libharfbuzz-0", "harfbuzz", "harfbuzz-0.0", "libharfbuzz.so.0", "libharfbuzz.0.dylib")


def system_libraries() -> str:
    """The versions of the Pango and HarfBuzz that a fresh worker process loads.

    Run in a process of its own (`pdf_cache.start_probe`): a library this process has loaded
    stays the one it loaded, while the next workers load whatever is installed now. WeasyPrint's
    own bindings declare neither version string, and importing them costs most of a second.
    """
    import cffi

    ffi = cffi.FFI()
    ffi.cdef("const char *pango_version_string(void); const char *hb_version_string(void);")

    def load(names):
        for name in names:
            try:
                return ffi.dlopen(name)
            except OSError:
                continue
        raise OSError(f"none of {', '.join(names)} can be loaded")

    pango, harfbuzz = load(_PANGO), load(_HARFBUZZ)
    return (
        f"pango {ffi.string(pango.pango_version_string()).decode()}, "
        f"harfbuzz {ffi.string(harfbuzz.hb_version_string()).decode()}"
    )


def partial_path(target: Path, pid: int) -> Path:
    """Where worker `pid` writes `target` until it is complete (`<key>.<pid>.partial`)."""
    return target.with_suffix(f".{pid}.partial")


def render(
    html: str, target: Path, print_dir: Path | None = None, options: dict | None = None
) -> tuple[tuple[str, ...], float]:
    """Render one document; return WeasyPrint's warnings and the render time.

    The print folder and the options are those of the queue's fingerprint (by default, this
    module's). Any failure is a RenderError with WeasyPrint's message (the queue names the document), and
    leaves no partial file behind.
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    from .pdf_tags import TaggingError, complete_tags

    print_dir = print_dir or PRINT_DIR
    options = WRITE_OPTIONS if options is None else options
    keep_page_references()
    target.parent.mkdir(parents=True, exist_ok=True)
    # A name of its own, so two builds sharing the cache never trip over each other.
    partial = partial_path(target, os.getpid())
    started = time.perf_counter()
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = HTML(
            string=html,
            base_url=print_dir.resolve().as_uri() + "/",
            url_fetcher=_local_fetcher(print_dir),
        )
        # The finisher completes WeasyPrint's PDF/UA tagging before the file is written.
        document.write_pdf(partial, font_config=_font_config(), finisher=complete_tags, **options)
        partial.replace(target)
    except FatalURLFetchingError as err:  # a BaseException in WeasyPrint: make it an ordinary error
        raise RenderError(str(err)) from None
    except TaggingError as err:
        raise RenderError(f"the PDF's structure cannot be completed: {err}") from None
    except Exception as err:  # anything WeasyPrint raises, told in a form the build can report
        raise RenderError(f"WeasyPrint failed: {type(err).__name__}: {err}") from None
    finally:
        logger.removeHandler(collect)
        partial.unlink(missing_ok=True)
    return tuple(collect.messages), time.perf_counter() - started
