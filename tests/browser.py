"""A real browser for the tests: Debian's Chromium driven by Playwright, and a local web server.

Every request a page makes is recorded; a test fails if anything is fetched from another host.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the tests read requests from the browser, not the server log
        pass


class SiteServer:
    """The built site on http://127.0.0.1:<port>/, in a thread, for the length of the tests."""

    def __init__(self, root: Path):
        handler = functools.partial(_Quiet, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"


def launch(playwright):
    """Chromium, or a failure that says why: no browser test is ever skipped silently."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium not found at {CHROMIUM}: run 'make test', which installs it")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


class Recorder:
    """Every URL the pages of one browser context ask for."""

    def __init__(self, context):
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def other_hosts(self, allowed_origin: str | None) -> list[str]:
        allowed = urlsplit(allowed_origin).netloc if allowed_origin else None
        found = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.scheme == "file" and allowed is None:
                continue
            if parts.netloc != allowed:
                found.append(url)
        return found
