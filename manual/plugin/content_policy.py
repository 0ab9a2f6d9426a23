"""Every page, the "page not found" pages included, carries its Content-Security-Policy.

It is added after everything else has changed the page, since it holds the hashes of the page's
scripts as they are finally written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from manual import content_policy

log = get_plugin_logger("manual")


def trusted_scripts(config) -> tuple:
    """The inline scripts the theme writes (Material's partials and the manual's overrides)."""
    return content_policy.theme_scripts_in(
        [Path(d) for d in config.theme.dirs], config.theme.custom_dir
    )


def protect(html: str, where: str, trusted) -> str:
    try:
        done = content_policy.protect(html, trusted)
    except ValueError as err:
        raise PluginError(f"{where}: {err}") from None
    for script in done.refused:
        log.warning(
            f"{where}: an inline script that is not the theme's (page line {script.line}) "
            f"is blocked by the Content-Security-Policy; remove it: {script.text[:60]!r}"
        )
    return done.html


def allow_live_reload(server):
    # `mkdocs serve` writes its live-reload script into each page as it sends it, with a new
    # request id each time: allow that one script on that one page, as it is sent.
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:
        log.warning(
            "mkdocs serve: live reload is blocked by the Content-Security-Policy (reload by hand)"
        )
        return server

    def inject_allowed(content, epoch):
        sent = inject(content, epoch)
        at = content.rfind(b"</body>") if b"</body>" in content else len(content)
        # <script>…</script>, written where </body> was
        added = sent[at : at + len(sent) - len(content)]
        if not (added.startswith(b"<script>") and added.endswith(b"</script>")):
            return sent
        script = added[len(b"<script>") : -len(b"</script>")].decode("utf-8")
        return content_policy.allowing(sent.decode("utf-8"), script).encode("utf-8")

    server._inject_js_into_html = inject_allowed
    return server
