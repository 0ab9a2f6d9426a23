"""The Content-Security-Policy: the function that places it, the built pages, and a real browser."""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, build_project

from manual import content_policy

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def sha256(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


def policy_of(html: str) -> str:
    found = META.findall(html)
    assert len(found) == 1, f"expected one policy, found {len(found)}"
    return found[0].replace("&#39;", "'").replace("&amp;", "&")


def theme_patterns():
    """The patterns of Material's real script partials, as the build reads them."""
    import material

    templates = Path(material.__file__).parent / "templates"
    return content_policy.theme_scripts_in([ROOT / "overrides", templates], ROOT / "overrides")


THEME_SCRIPT = (
    '__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
)


def page(head_scripts: str = "", body: str = "") -> str:
    return (
        f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>T</title>\n{head_scripts}\n'
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# The function --------------------------------------------------------------------------------------


def test_a_theme_script_gets_its_hash_and_the_policy_comes_before_any_script():
    html = page(f"<script>{THEME_SCRIPT}</script>", '<script src="assets/x.js"></script>')
    done = content_policy.protect(html, theme_patterns())
    policy = policy_of(done.html)
    assert sha256(THEME_SCRIPT) in policy.split("script-src", 1)[1].split(";")[0]
    assert done.html.index("Content-Security-Policy") < done.html.index("<script")
    assert done.html.index('<meta charset="utf-8">') < done.html.index("Content-Security-Policy")
    assert done.refused == ()


def test_a_script_from_a_page_or_data_file_gets_no_hash_and_is_reported():
    injected = "alert(document.domain)"
    html = page(
        f"<script>{THEME_SCRIPT}</script>",
        f"<article><p>Hi</p><script>{injected}</script></article>",
    )
    done = content_policy.protect(html, theme_patterns())
    assert sha256(injected) not in policy_of(done.html)
    assert [s.text for s in done.refused] == [injected]
    assert done.refused[0].line == 9


def test_a_theme_script_with_a_value_that_breaks_out_of_its_string_is_not_the_themes():
    forged = THEME_SCRIPT.replace('"../.."', '"../..",alert(1),"')
    done = content_policy.protect(page(f"<script>{forged}</script>"), theme_patterns())
    assert sha256(forged) not in policy_of(done.html)
    assert len(done.refused) == 1


def test_each_page_gets_the_hash_of_its_own_bytes():
    shallow = content_policy.protect(
        page(f"<script>{THEME_SCRIPT.replace('../..', '.')}</script>"), theme_patterns()
    )
    deep = content_policy.protect(page(f"<script>{THEME_SCRIPT}</script>"), theme_patterns())
    assert policy_of(shallow.html) != policy_of(deep.html)
    # the browser reads CR LF as LF before hashing
    crlf = content_policy.inline_scripts(page("<script>a\r\nb\rc</script>"))
    assert [s.text for s in crlf] == ["a\nb\nc"]


def test_data_blocks_and_external_scripts_need_no_hash():
    html = page(
        '<script id="__config" type="application/json">{"a": 1}</script><script src="x.js"></script>'
        '<script type="module">m()</script><script type="text/javascript">j()</script>'
    )
    assert [s.text for s in content_policy.inline_scripts(html)] == ["m()", "j()"]


def test_the_policy_allows_nothing_from_another_host_and_no_inline_or_eval():
    text = content_policy.policy(["'sha256-abc'"])
    directives = dict(part.strip().split(" ", 1) for part in text.split(";"))
    assert "unsafe-inline" not in text and "unsafe-eval" not in text and "*" not in text
    assert directives["script-src"] == "'self' 'sha256-abc'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
    for name in (
        "default-src",
        "style-src",
        "font-src",
        "connect-src",
        "worker-src",
        "form-action",
    ):
        assert directives[name] == "'self'", name
    assert (
        directives["img-src"] == "'self' data:"
    )  # Material's icons are data: SVG masks in its CSS


def test_without_a_charset_the_policy_opens_the_head_and_never_goes_into_the_body():
    html = (
        '<html><head><script src="a.js"></script></head><body><meta charset="utf-8"></body></html>'
    )
    done = content_policy.protect(html).html
    assert done.startswith('<html><head><meta http-equiv="Content-Security-Policy"')


def test_a_page_without_a_head_is_refused():
    with pytest.raises(ValueError, match="<head>"):
        content_policy.protect("<p>no head</p><script>x()</script>")


def test_materials_script_partials_are_all_recognised():
    patterns = theme_patterns()
    assert len(patterns) >= 6  # announce, base, consent, two in content, outdated, palette
    target = (
        "var target=document.getElementById(location.hash.slice(1));"
        'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
    )
    assert any(p.fullmatch(target) for p in patterns)


# The built site -----------------------------------------------------------------------------------


def _all_pages(site: Path, tmp_path: Path):
    yield from site.rglob("*.html")
    for archive in (site / "offline").glob("manual-*.zip"):
        with zipfile.ZipFile(archive) as edition:
            names = [n for n in edition.namelist() if n.endswith(".html")]
            edition.extractall(tmp_path / archive.stem, members=names)
        yield from (tmp_path / archive.stem).rglob("*.html")


def test_every_page_the_build_writes_carries_the_policy_with_its_scripts_hashes(site, tmp_path):
    count = 0
    kinds = set()
    for path in _all_pages(site, tmp_path):
        html = path.read_text(encoding="utf-8")
        policy = policy_of(html)
        head = html[: html.index("</head>")]
        first_script = head.find("<script")
        assert first_script == -1 or head.index("Content-Security-Policy") < first_script, path
        sources = policy.split("script-src", 1)[1].split(";")[0]
        for script in content_policy.inline_scripts(html):
            assert sha256(script.text) in sources, (
                f"{path}: inline script not allowed: {script.text[:60]}"
            )
        count += 1
        kinds.add(path.name if path.name in ("404.html", "start.html") else path.parent.name)
    assert count > 600
    assert {
        "404.html",
        "start.html",
        "glossary",
        "downloads",
        "translation-status",
        "terminology",
    } <= kinds


def test_a_script_in_a_page_stops_the_build_naming_the_page(project):
    (project / "docs" / "en" / "other.md").write_text(
        "# Other\n\n<script>alert(1)</script>\n", encoding="utf-8"
    )
    result = build_project(project)
    assert result.returncode != 0
    assert "docs/en/other.md" in result.stderr and "Content-Security-Policy" in result.stderr


# A real browser ------------------------------------------------------------------------------------


def test_in_the_browser_the_hashed_script_runs_and_any_other_is_blocked(chromium, tmp_path):
    from browser import Recorder, SiteServer

    allowed = "window.allowedRan = true"
    html = page(f"<script>{allowed}</script>", "<script>window.injectedRan = true</script>")
    trusted = (re.compile(re.escape(allowed)),)
    (tmp_path / "index.html").write_text(
        content_policy.protect(html, trusted).html, encoding="utf-8"
    )
    with SiteServer(tmp_path) as server:
        context = chromium.new_context()
        recorder = Recorder(context)
        tab = context.new_page()
        tab.goto(server.url("index.html"))
        tab.evaluate("""() => { const s = document.createElement("script");
                                 s.textContent = "window.laterRan = true"; document.head.append(s); }""")
        tab.wait_for_timeout(200)
        ran = tab.evaluate("[window.allowedRan, window.injectedRan, window.laterRan]")
        context.close()
    assert ran == [True, None, None]
    assert len(recorder.policy_violations) >= 2  # the injected script and the one added later


def test_served_with_the_readmes_headers_the_pages_still_work(chromium, site):
    import os
    import subprocess
    import sys

    from browser import Recorder, SiteServer
    from test_browser import search

    printed = subprocess.run(
        [sys.executable, "-m", "manual", "headers", "--site", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ),
    )
    assert printed.returncode == 0, printed.stderr
    headers = tuple(tuple(line.split(": ", 1)) for line in printed.stdout.splitlines())
    names = [name for name, _ in headers]
    assert names == ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"]
    assert "frame-ancestors 'none'" in headers[0][1] and "unsafe-" not in headers[0][1]
    with SiteServer(site, headers=headers) as server:
        context = chromium.new_context()
        recorder = Recorder(context)
        for path in ("", "ro/02-safety/safety-planning/", "ar/glossary/", "ro/404.html"):
            tab = context.new_page()
            answer = tab.goto(server.url(path))
            assert answer.headers["content-security-policy"] == headers[0][1]
            tab.wait_for_load_state("networkidle")
            assert tab.evaluate("typeof __md_scope") == "object", path
        assert search(tab, "sanatate")
        context.close()
    assert recorder.policy_violations == [] and recorder.console_errors == []


def test_one_more_script_can_be_allowed_on_a_page_as_it_is_served():
    protected = content_policy.protect(
        page(f"<script>{THEME_SCRIPT}</script>"), theme_patterns()
    ).html
    served = content_policy.allowing(protected, "livereload(1, 2)")
    sources = policy_of(served).split("script-src", 1)[1].split(";")[0]
    assert sha256(THEME_SCRIPT) in sources and sha256("livereload(1, 2)") in sources
    assert content_policy.allowing("<p>no policy</p>", "x") == "<p>no policy</p>"


def test_make_serve_live_reload_runs_under_the_policy(chromium, project):
    import os
    import socket
    import subprocess
    import sys
    import time

    from browser import Recorder

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=dict(os.environ, MANUAL_PDF="0", NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()[-3000:]
                time.sleep(0.5)
        context = chromium.new_context()
        recorder = Recorder(context)
        tab = context.new_page()
        logs = []
        tab.on("console", lambda message: logs.append(message.text))
        tab.goto(f"http://127.0.0.1:{port}/ro/")
        tab.wait_for_timeout(1000)
        context.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Enabled live reload" in logs
    assert recorder.policy_violations == []
