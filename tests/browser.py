"""A real browser for the tests: Debian's Chromium driven by Playwright, and a local web server.

Every request a page makes is recorded; a test fails if anything is fetched from another host,
and if anything breaks the pages' Content-Security-Policy.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


class _Quiet(SimpleHTTPRequestHandler):
    headers_to_send: tuple[tuple[str, str], ...] = ()

    def end_headers(self):
        for name, value in self.headers_to_send:
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):  # the tests read requests from the browser, not the server log
        pass


class SiteServer:
    """The built site on http://127.0.0.1:<port>/, in a thread, for the length of the tests.

    `headers` are sent with every answer, as a server configured after the README would.
    """

    def __init__(self, root: Path, headers: tuple[tuple[str, str], ...] = ()):
        sending = type("_Sending", (_Quiet,), {"headers_to_send": tuple(headers)})
        handler = functools.partial(sending, directory=str(root))
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


# Chromium reports what a policy blocks on the console (frames included); pages also hear of it
# as a `securitypolicyviolation` event, which this passes to the console too.
POLICY_WATCH = """document.addEventListener("securitypolicyviolation", (event) => console.error(
  `Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`));"""
_POLICY_MESSAGE = re.compile(r"Content[- ]Security[- ]Policy", re.I)


class Recorder:
    """Every URL the pages of one browser context ask for, and every policy violation."""

    def __init__(self, context):
        self.urls: list[str] = []
        self.policy_violations: list[str] = []
        self.console_errors: list[str] = []
        context.add_init_script(POLICY_WATCH)
        context.on("request", lambda request: self.urls.append(request.url))
        context.on("console", self._console)

    def _console(self, message):
        if message.type != "error":
            return
        where = message.page.url if message.page else "?"
        self.console_errors.append(f"{where}: {message.text}")
        if _POLICY_MESSAGE.search(message.text):
            self.policy_violations.append(f"{where}: {message.text}")

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
