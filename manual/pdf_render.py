"""Render a build's PDFs with WeasyPrint: in worker processes, only when their inputs changed.

WeasyPrint uses one core per document, so documents are spread over a pool of worker processes
that belongs to one build: made with its `RenderQueue`, and ended by `finish()` at the end of the
build or by `cancel()` when the build fails or `serve` stops. Each PDF is cached under the hash of
everything it is made from (`pdf_cache`), so a rebuild renders only what changed.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from manual import pdf_cache, pdf_worker
from manual.pdf_worker import RenderError

__all__ = ["Outcome", "RenderError", "RenderQueue", "render_all", "worker_count"]

# Workers start as fresh interpreters (the package is installed, so they import it): a fork of a
# threaded process such as `mkdocs serve` can inherit a lock another thread held, and each fork
# would copy the whole MkDocs process. forkserver would leave its server running after the build,
# with the renderer's code as first imported. (A script that renders needs the usual
# `if __name__ == "__main__":` guard, since spawned workers import the main module.)
START_METHOD = "spawn"
WORKERS_SETTING = "MANUAL_PDF_WORKERS"


@dataclass(frozen=True)
class Outcome:
    target: str
    rendered: bool  # False when the cached PDF was reused
    problems: tuple[str, ...] = ()  # what WeasyPrint warned about while rendering
    seconds: float = 0.0  # time this document took to render (0 when reused)


@dataclass(frozen=True)
class _Entry:
    target: str
    html: str
    cached: Path
    future: Future | None  # None when a cached PDF, or another entry's, is used


def worker_count(requested: int | None = None, environ=os.environ) -> int:
    """The cores this process may use, capped by MANUAL_PDF_WORKERS and by `requested`."""
    try:
        limits = [len(os.sched_getaffinity(0))]
    except AttributeError:  # not on Linux
        limits = [os.cpu_count() or 1]
    setting = environ.get(WORKERS_SETTING, "").strip()
    if setting:
        if not setting.isdigit() or int(setting) < 1:
            raise RenderError(
                f"{WORKERS_SETTING} must be a number of workers, 1 or more: {setting!r}"
            )
        limits.append(int(setting))
    if requested:
        limits.append(requested)
    return min(limits)


class RenderQueue:
    """The PDFs of one build: rendered in the background while the build goes on, placed at its end.

    The longest documents of each submission go first, so the pool is not left waiting on one at
    the end. A worker is started for each document waiting, up to `workers`, so there are never
    more workers than documents to render, and none when every PDF is cached.
    """

    def __init__(self, site_dir: Path, cache_dir: Path, workers: int | None = None):
        self.site_dir, self.cache_dir = Path(site_dir), Path(cache_dir)
        self.workers = worker_count(workers)
        # One reading of the renderer's inputs for the whole build: the key and the rendering.
        self.print_dir, self.options = pdf_worker.PRINT_DIR, dict(pdf_worker.WRITE_OPTIONS)
        self.started = time.time()
        self.pool: ProcessPoolExecutor | None = None
        self.entries: list[_Entry] = []
        self.closed = False
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        pdf_cache.remove_partials(self.cache_dir)
        self._probe = pdf_cache.start_probe()  # runs while the build makes its pages
        self._renderer: str | None = None

    @property
    def renderer(self) -> str:
        """The renderer's fingerprint for this build, taken at its first submission."""
        if self._renderer is None:
            system, self._probe = pdf_cache.system_libraries(self._probe), None
            self._renderer = pdf_cache.fingerprint(system, self.print_dir, self.options)
        return self._renderer

    def submit(self, jobs: list[tuple[str, str]]) -> None:
        """Queue (target, html) documents: a cached PDF is used, the others start rendering."""
        if self.closed:
            raise RenderError("this build's PDFs are already finished or cancelled")
        known = {entry.cached for entry in self.entries}
        for target, html in sorted(jobs, key=lambda job: -len(job[1])):
            cached = self.cache_dir / f"{pdf_cache.cache_key(html, self.renderer)}.pdf"
            reuse = cached in known or pdf_cache.usable(cached)
            self.entries.append(
                _Entry(target, html, cached, None if reuse else self._start(html, cached))
            )
            known.add(cached)

    def _start(self, html: str, cached: Path) -> Future:
        if self.pool is None:
            context = multiprocessing.get_context(START_METHOD)
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self.pool.submit(pdf_worker.render, html, cached, self.print_dir, self.options)

    def finish(self) -> list[Outcome]:
        """Wait for every render and place every PDF in the site; then tidy the cache.

        Any failure is a RenderError naming the document, and leaves no worker behind.
        Documents that drew warnings leave the cache, so every build reports them again.
        """
        if self.closed:
            raise RenderError("this build's PDFs are already finished or cancelled")
        try:
            done = _wait(self.entries)
            vanished = self._place(self.entries)
            if vanished:  # removed since it was submitted (a concurrent build, `make clean`)
                again = {entry.cached: entry for entry in vanished}.values()
                again = [
                    _Entry(e.target, e.html, e.cached, self._start(e.html, e.cached)) for e in again
                ]
                done.update(_wait(again))
                if self._place(vanished):
                    raise RenderError(
                        f"{vanished[0].target}: its PDF keeps vanishing from the cache"
                    )
        except BaseException:
            self.cancel()
            raise
        self.closed = True
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None
        self._end_probe()
        warned = {cached for cached, (problems, _) in done.items() if problems}
        for cached in warned:
            cached.unlink(missing_ok=True)
        used: dict[str, set[str]] = {}
        for entry in self.entries:
            if entry.cached not in warned:
                used.setdefault(pdf_cache.language_of(entry.target), set()).add(entry.cached.name)
        pdf_cache.record(self.cache_dir, self.site_dir, used)
        pdf_cache.evict(self.cache_dir, since=self.started)
        rendered = {e.cached: e.target for e in self.entries if e.future is not None}
        rendered.update({e.cached: e.target for e in vanished if e.cached not in rendered})
        return [
            Outcome(e.target, True, *done[e.cached])
            if rendered.get(e.cached) == e.target
            else Outcome(e.target, False)
            for e in self.entries
        ]

    def _place(self, entries) -> list[_Entry]:
        """Copy each cached PDF into the site; return the entries whose PDF has vanished."""
        vanished = []
        for entry in entries:
            destination = self.site_dir / entry.target
            try:
                destination.parent.mkdir(parents=True, exist_ok=True)
                pdf_cache.place(entry.cached, destination)
            except FileNotFoundError:
                vanished.append(entry)
            except OSError as err:
                raise RenderError(f"{entry.target}: cannot be put in the site: {err}") from None
        return vanished

    def cancel(self) -> None:
        """Stop now: waiting documents dropped, workers ended even mid-render, no process left.

        Safe to call more than once, and after `finish()`.
        """
        self.closed = True
        for entry in self.entries:
            if entry.future is not None:
                entry.future.cancel()
        if self.pool is not None:
            _terminate(self.pool)
            self.pool = None
        self._end_probe()
        pdf_cache.remove_partials(self.cache_dir)

    def _end_probe(self) -> None:
        if self._probe is not None:
            self._probe.kill()
            self._probe.communicate()
            self._probe = None


def _wait(entries) -> dict[Path, tuple[tuple[str, ...], float]]:
    """The result of each entry's render, by cached file; any failure as a RenderError."""
    done = {}
    for entry in entries:
        if entry.future is None:
            continue
        try:
            done[entry.cached] = entry.future.result()
        except RenderError as err:
            raise RenderError(f"{entry.target}: {err}") from None
        except BrokenProcessPool:
            unfinished = [e.target for e in entries if e.future is not None and not _succeeded(e)]
            raise RenderError(
                f"{', '.join(unfinished)}: a render worker stopped before finishing "
                "(killed, or out of memory?)"
            ) from None
        except CancelledError:
            raise RenderError(f"{entry.target}: its rendering was cancelled") from None
        except Exception as err:  # e.g. a document the pool cannot send to a worker
            raise RenderError(f"{entry.target}: {type(err).__name__}: {err}") from None
    return done


def _succeeded(entry: _Entry) -> bool:
    return entry.future.done() and not entry.future.cancelled() and not entry.future.exception()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Shut a pool down without waiting for the renders in progress.

    The standard library has no public way before Python 3.14 (`terminate_workers`), so this
    reads the pool's own list of processes, as that method does.
    """
    processes = list((pool._processes or {}).values())
    manager = pool._executor_manager_thread
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)
        if process.exitcode is None:
            process.kill()
            process.join()
    if manager is not None:
        manager.join(5)


def render_all(
    jobs: list[tuple[str, str]], site_dir: Path, cache_dir: Path, workers: int | None = None
) -> list[Outcome]:
    """Put each (target, html) PDF in the site, rendering only those not in the cache."""
    queue = RenderQueue(site_dir, cache_dir, workers)
    try:
        queue.submit(jobs)
    except BaseException:
        queue.cancel()
        raise
    return queue.finish()
