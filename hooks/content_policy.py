"""Hook: every page, the "page not found" pages included, carries its Content-Security-Policy.

Runs after every other hook has changed the page, since the policy holds the hashes of the
page's scripts as they are finally written.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from manual import content_policy

log = get_plugin_logger(__name__)


@event_priority(-200)  # last: the hashes are of the page's final text
def on_post_page(output, page, config):
    return _protect(output, f"docs/{page.file.src_uri}", config)


@event_priority(50)  # before hooks/not_found.py writes a translation's 404 page to its own folder
def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html") or not output_content:
        return output_content
    return _protect(output_content, f"template {template_name}", config)


def _protect(html, where, config):
    trusted = content_policy.theme_scripts_in(
        [Path(d) for d in config.theme.dirs], config.theme.custom_dir
    )
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


def on_serve(server, config, builder):
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
        added = sent[
            at : at + len(sent) - len(content)
        ]  # <script>…</script>, written where </body> was
        if not (added.startswith(b"<script>") and added.endswith(b"</script>")):
            return sent
        script = added[len(b"<script>") : -len(b"</script>")].decode("utf-8")
        return content_policy.allowing(sent.decode("utf-8"), script).encode("utf-8")

    server._inject_js_into_html = inject_allowed
    return server
