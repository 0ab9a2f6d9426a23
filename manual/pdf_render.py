"""Render PDFs with WeasyPrint: in parallel processes, only when their inputs changed.

WeasyPrint uses one core per document, so documents are spread over a process pool. Each PDF
is cached under the hash of everything it is made from (its HTML, the print stylesheet, the
fonts, WeasyPrint's version and options), so a rebuild renders only what changed.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PRINT_DIR = Path(__file__).parent / "print"
# Tagged PDF for screen readers; see tests/test_pdf.py for what WeasyPrint manages.
PDF_VARIANT = "pdf/ua-1"


class RenderError(Exception):
    """A document that could not be rendered."""


@dataclass(frozen=True)
class Outcome:
    target: str
    rendered: bool  # False when the cached PDF was reused
    size: int
    problems: tuple[str, ...] = ()  # what WeasyPrint warned about while rendering
    seconds: float = 0.0  # time this document took to render (0 when reused)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def inputs_digest() -> str:
    """The part of every cache key that does not depend on the document (read again for each
    build, so that an edited stylesheet renders afresh in a long `mkdocs serve`)."""
    from importlib.metadata import (
        version,  # not `import weasyprint`: a second of start-up for a string
    )

    digest = hashlib.sha256(f"weasyprint {version('weasyprint')} {PDF_VARIANT}".encode())
    for path in sorted(PRINT_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(PRINT_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(html: str, digest: str | None = None) -> str:
    return hashlib.sha256(((digest or inputs_digest()) + html).encode()).hexdigest()


def _local_fetcher():
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    allowed = PRINT_DIR.resolve().as_uri() + "/"

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

    WeasyPrint's PDF/UA tagging reads that list once per tagged box, and pydyf builds it afresh
    from all the pages each time: a tenth of the manual's render time, growing with the square of
    its length. Pages are only ever appended, so a list kept until the page count changes is the
    same list. Same PDFs, byte for byte (tests/test_pdf_render.py).
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


def render(html: str, target: Path) -> tuple[tuple[str, ...], float]:
    """Render one document (runs in a worker process); return its warnings and render time.

    A document that drew warnings is not kept in the cache, so every build reports them again.
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    keep_page_references()
    target.parent.mkdir(parents=True, exist_ok=True)
    # A name of its own, so two builds sharing the cache never trip over each other.
    partial = target.with_suffix(f".{os.getpid()}.partial")
    started = time.perf_counter()
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = HTML(
            string=html, base_url=PRINT_DIR.resolve().as_uri() + "/", url_fetcher=_local_fetcher()
        )
        document.write_pdf(partial, font_config=_font_config(), pdf_variant=PDF_VARIANT)
    except FatalURLFetchingError as err:  # a BaseException in WeasyPrint: make it an ordinary error
        raise RenderError(str(err)) from None
    finally:
        logger.removeHandler(collect)
    partial.replace(target)
    return tuple(collect.messages), time.perf_counter() - started


def _place(cached: Path, destination: Path) -> int:
    """Put a cached PDF in the site: a hard link where the file system allows (no copying).

    A rebuild finds most PDFs already linked in place, and leaves them. Returns the size.
    """
    found = cached.stat()
    try:
        there = destination.stat()
        if (there.st_ino, there.st_dev) == (found.st_ino, found.st_dev):
            return found.st_size
        destination.unlink()
    except FileNotFoundError:
        pass
    try:
        os.link(cached, destination)
    except OSError:
        shutil.copyfile(cached, destination)
    return found.st_size


class RenderQueue:
    """PDFs to put in the site: cached ones at once, the others rendered in worker processes.

    Rendering goes on in the background while the build carries on with other pages and other
    languages; `finish()` waits for it. The longest documents go first, so the pool is not left
    waiting on one at the end.
    """

    def __init__(self, site_dir: Path, cache_dir: Path, workers: int | None = None):
        self.site_dir, self.cache_dir = site_dir, cache_dir
        self.workers = workers or os.cpu_count() or 1
        self.digest = inputs_digest()
        self.pool: ProcessPoolExecutor | None = None
        self.entries: list[tuple[str, Path, object]] = []  # (target, cached file, future or None)
        cache_dir.mkdir(parents=True, exist_ok=True)

    def submit(self, jobs: list[tuple[str, str]]) -> None:
        keyed = [
            (target, html, self.cache_dir / f"{cache_key(html, self.digest)}.pdf")
            for target, html in jobs
        ]
        for target, html, cached in sorted(keyed, key=lambda job: -len(job[1])):
            if cached.exists() or any(cached == other for _, other, _ in self.entries):
                self.entries.append((target, cached, None))
                continue
            if self.pool is None:
                # Workers forked from a fresh server process, never from the build's own, whose
                # threads (`mkdocs serve`'s) may hold locks at the time of a fork.
                self.pool = ProcessPoolExecutor(
                    max_workers=self.workers, mp_context=multiprocessing.get_context("forkserver")
                )
            self.entries.append((target, cached, self.pool.submit(render, html, cached)))

    def finish(self) -> list[Outcome]:
        """Wait for every render and place every PDF; documents that drew warnings leave the cache."""
        done = {}
        try:
            for _, cached, future in self.entries:
                if future is not None:
                    done[cached] = future.result()
        finally:
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)
        outcomes = []
        for folder in {(self.site_dir / target).parent for target, _, _ in self.entries}:
            folder.mkdir(parents=True, exist_ok=True)
        for target, cached, future in self.entries:
            size = _place(cached, self.site_dir / target)
            problems, seconds = done.get(cached, ((), 0.0)) if future is not None else ((), 0.0)
            outcomes.append(Outcome(target, future is not None, size, problems, seconds))
        for cached, (problems, _) in done.items():
            if problems:
                cached.unlink(missing_ok=True)
        return outcomes

    def cancel(self) -> None:
        """Drop what is pending and stop the workers at once, leaving no process behind."""
        pool, self.pool, self.entries = self.pool, None, []
        if pool is None:
            return
        workers = list((pool._processes or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.join(5)


def render_all(
    jobs: list[tuple[str, str]], site_dir: Path, cache_dir: Path, workers: int | None = None
) -> list[Outcome]:
    """Put each (target, html) PDF in the site, rendering only those not in the cache."""
    queue = RenderQueue(site_dir, cache_dir, workers)
    queue.submit(jobs)
    return queue.finish()
