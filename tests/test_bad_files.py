"""Pages and data files saved badly, in English and in a translation: the build, `make serve`,
`manual status` and `manual stamp` each stop with one message naming the file and the line, never a
traceback; a byte-order mark is read as MkDocs reads it."""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import MKDOCS, ROOT, TINY_CHECKLIST_RO, build_project, make_project

BOM = b"\xef\xbb\xbf"
ENV = dict(os.environ, MANUAL_PDF="0", NO_MKDOCS_2_WARNING="1")
# Far above what any of these commands needs, far below what expanding a YAML alias bomb would take:
# a loader that expanded one would die here, or run into the timeout, instead of swamping the machine.
MEMORY = 3 * 1024**3
TIMEOUT = 120


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def start(project: Path, *args: str, stdout=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen(
        list(args),
        cwd=project,
        env=ENV,
        stdout=stdout,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=_limited,
    )


def run_all(project: Path, stamp: str) -> dict[str, tuple[int, str]]:
    """Status and stamp side by side, while the build runs in this process (as `mkdocs serve`
    runs it); each one's exit status and output."""
    running = {
        "status": start(project, sys.executable, "-m", "manual", "status"),
        "stamp": start(project, sys.executable, "-m", "manual", "stamp", "ro", stamp),
    }
    built = build_project(project)
    results = {"build": (built.returncode, built.stderr)}
    for name, process in running.items():
        try:
            output, _ = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            output = process.communicate()[0]
            pytest.fail(f"{name} still running after {TIMEOUT} s:\n{output[-2000:]}")
        results[name] = (process.returncode, output)
    return results


@dataclass(frozen=True)
class Bad:
    name: str
    path: str  # under docs/
    content: bytes
    line: int | None
    says: str
    stamp: str | None = None  # the translated file to stamp, when not `path` itself

    @property
    def where(self) -> str:
        return f"docs/{self.path}:{self.line}: " if self.line else f"docs/{self.path}: "


PAGE_RO = "ro/01-basics/index.md"
PAGE_EN = "en/01-basics/index.md"
DEMO_RO = "ro/checklists/demo.yml"
INTERFACE_RO = (ROOT / "docs" / "ro" / "interface.yml").read_bytes()
NESTED = "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9 if i else ['lol'] * 9)}]\n" for i in range(10)
)

CASES = [
    # Pages and their front matter
    Bad(
        "page in Windows-1250",
        PAGE_RO,
        "# Titlu\n\nŞtiinţă şi ţară, încă.\n".encode("cp1250"),
        3,
        "not UTF-8",
    ),
    Bad(
        "English page in Windows-1252",
        PAGE_EN,
        "# Basics\n\nThe NRM – here.\n".encode("cp1252"),
        3,
        "not UTF-8",
        stamp="01-basics/index.md",
    ),
    Bad("page in UTF-16", PAGE_RO, "# Noțiuni\n".encode("utf-16"), 1, "not UTF-8"),
    Bad("front matter a list", PAGE_RO, b"---\n- a\n- b\n---\n# Titlu\n", 2, "not a list"),
    Bad(
        "English front matter a string",
        PAGE_EN,
        b"---\njust words\n---\n# Basics\n",
        2,
        "not a text",
        stamp="01-basics/index.md",
    ),
    Bad(
        "front matter broken YAML",
        PAGE_RO,
        b"---\ntitle: a: b\n---\n# Titlu\n",
        2,
        "YAML syntax error",
    ),
    Bad(
        "front matter not closed",
        PAGE_RO,
        b"---\ntitle: Titlu\n# Titlu\n",
        1,
        "no front matter block",
    ),
    Bad("front matter empty", PAGE_RO, b"---\n\n---\n# Titlu\n", 1, "empty front matter"),
    Bad(
        "front matter alias",
        PAGE_RO,
        b"---\ntitle: &t Titlu\ndescription: *t\n---\n# Titlu\n",
        3,
        "aliases",
    ),
    Bad(
        "front matter misspelt key",
        PAGE_RO,
        b"---\ntranslated-from: abc\n---\n# Titlu\n",
        2,
        "unknown front matter key",
    ),
    Bad(
        "front matter wrong type",
        PAGE_RO,
        b"---\ntitle: x\nhide: toc\n---\n# Titlu\n",
        3,
        "'hide': expected a list",
    ),
    Bad("empty page", PAGE_RO, b"", None, "the page is empty"),
    # Data files
    Bad("checklist in Windows-1250", DEMO_RO, "title: Listă\n".encode("cp1250"), 1, "not UTF-8"),
    Bad(
        "English vocabulary syntax error",
        "en/vocabulary.yml",
        b"stages: [\n",
        2,
        "YAML syntax error",
        stamp="vocabulary.yml",
    ),
    Bad(
        "glossary syntax error",
        "ro/glossary.yml",
        b"terms:\n  - id: nrm\n   term: x\n",
        3,
        "YAML syntax error",
    ),
    Bad(
        "interface duplicate key",
        "ro/interface.yml",
        INTERFACE_RO + b"site_title: Din nou\n",
        INTERFACE_RO.count(b"\n") + 1,
        "duplicate key 'site_title'",
    ),
    Bad("checklist alias", DEMO_RO, b"title: &t Lista\nsummary: *t\n", 2, "aliases"),
    Bad("checklist recursive alias", DEMO_RO, b"title: &a [*a]\n", 1, "aliases"),
    Bad("checklist merge key", DEMO_RO, b"base: &b {title: x}\n<<: *b\n", 2, "aliases"),
    Bad(
        "vocabulary empty",
        "ro/vocabulary.yml",
        b"",
        1,
        "expected a mapping of keys to values ('key: ...' lines), not an empty file",
    ),
    Bad(
        "English checklist a list",
        "en/checklists/demo.yml",
        b"- a\n- b\n",
        1,
        "not a list",
        stamp="checklists/demo.yml",
    ),
    Bad("interface a single text", "ro/interface.yml", b"just words\n", 1, "not a single value"),
    Bad(
        "checklist title a list",
        DEMO_RO,
        b"title: [1, 2]\n",
        1,
        "'title': Input should be a valid string",
    ),
    Bad(
        "checklist id a list",
        DEMO_RO,
        b"title: x\nsections:\n  - id: [1]\n    title: y\n",
        3,
        "'sections.0.id'",
    ),
    Bad(
        "interface impossible date",
        "ro/interface.yml",
        b"site_title: 2026-02-30\n",
        1,
        "day is out of range",
    ),
    Bad(
        "checklist Python tag",
        DEMO_RO,
        b"title: !!python/object/apply:os.system [echo hi]\n",
        1,
        "YAML tags",
    ),
    Bad(
        "interface binary value",
        "ro/interface.yml",
        b"site_title: !!binary aGk=\n",
        1,
        "unsupported YAML value",
    ),
    Bad(
        "checklist control character",
        DEMO_RO,
        "title: Listă\nsummary: a\x07b\n".encode(),
        2,
        "control characters",
    ),
    Bad("checklist list as key", DEMO_RO, b"? [a, b]\n: c\n", 1, "expected a plain name"),
    Bad(
        "checklist stamps a list",
        DEMO_RO,
        TINY_CHECKLIST_RO.encode() + b"translated_from: [x]\n",
        TINY_CHECKLIST_RO.count("\n") + 1,
        "'translated_from'",
    ),
    Bad(
        "terminology syntax error",
        "ro/terminology.yml",
        b"terms:\n  - use: [\n",
        3,
        "YAML syntax error",
        stamp="checklists/demo.yml",
    ),
]


@pytest.mark.parametrize("bad", CASES, ids=[case.name for case in CASES])
def test_a_bad_save_stops_every_command_with_its_file_and_line(tmp_path, bad):
    project = make_project(tmp_path / "project")
    (project / "docs" / "ro" / "glossary.yml").write_text(
        "terms:\n  - id: nrm\n    term: Mecanism\n", encoding="utf-8"
    )
    (project / "docs" / bad.path).write_bytes(bad.content)
    for command, (status, output) in run_all(
        project, bad.stamp or bad.path.split("/", 1)[1]
    ).items():
        assert "Traceback" not in output, f"{command}:\n{output[-3000:]}"
        assert status != 0, f"{command} accepted it:\n{output[-3000:]}"
        messages = [line for line in output.splitlines() if bad.where in line]
        assert messages, f"{command} does not name {bad.where!r}:\n{output[-3000:]}"
        assert bad.says in messages[0], f"{command}: {messages[0]}"


@pytest.mark.parametrize("language", ["en", "ro"])
def test_nested_aliases_are_refused_at_once(tmp_path, language):
    """Ten lines of nested aliases stand for a billion entries: a loader that expanded them would
    hang past the timeout or run out of the memory it is given, instead of refusing them."""
    project = make_project(tmp_path / "project")
    (project / "docs" / language / "glossary.yml").write_text(NESTED, encoding="utf-8")
    for command in ((*MKDOCS, "build", "--strict"), (sys.executable, "-m", "manual", "status")):
        process = start(project, *command)
        try:
            output, _ = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            pytest.fail(
                f"{command[-1]} still running after {TIMEOUT} s: the aliases are being expanded"
            )
        assert "Traceback" not in output and process.returncode != 0, output[-3000:]
        assert f"docs/{language}/glossary.yml:2: YAML aliases" in output, output[-3000:]


def test_a_page_saved_with_a_byte_order_mark_and_windows_lines_is_read_and_stamped_once(project):
    page = project / "docs" / PAGE_RO
    page.write_bytes(
        BOM + b"---\r\ndescription: Despre\r\n---\r\n# No\xc8\x9biuni\r\n\r\n## Parte { #part }\r\n"
    )
    data = project / "docs" / DEMO_RO
    data.write_bytes(BOM + TINY_CHECKLIST_RO.encode())
    for path in ("01-basics/index.md", "checklists/demo.yml"):
        stamp = subprocess.run(
            [sys.executable, "-m", "manual", "stamp", "ro", path],
            cwd=project,
            env=ENV,
            capture_output=True,
            text=True,
        )
        assert stamp.returncode == 0, stamp.stderr
    saved = page.read_bytes()
    assert saved.startswith(BOM + b"---\r\ndescription: Despre\r\ntranslated_from: ")
    assert saved.count(b"---") == 2 and b"\n" not in saved.replace(b"\r\n", b"")
    assert (
        data.read_bytes().startswith(BOM + b"title: ") and b"translated_from:" in data.read_bytes()
    )

    status = subprocess.run(
        [sys.executable, "-m", "manual", "status"],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert status.returncode == 0, status.stdout + status.stderr
    assert (
        "docs/ro/01-basics/index.md" not in status.stdout
        and "docs/ro/checklists/demo.yml" not in status.stdout
    )

    build = build_project(project)
    assert build.returncode == 0, build.stderr[-3000:]
    html = (project / "site" / "ro" / "01-basics" / "index.html").read_text(encoding="utf-8")
    assert (
        '>Noțiuni<a class="headerlink"' in html
        and "description:" not in html
        and "\ufeff" not in html
    )
    assert "Listă demonstrativă" in (
        project / "site" / "ro" / "checklists" / "demo" / "index.html"
    ).read_text(encoding="utf-8")


def test_serve_tells_why_each_time_a_rebuild_fails(project):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    log = project / "serve.log"
    with log.open("w") as out:
        server = start(project, *MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", stdout=out)
    try:
        wait_for(log, "Serving on", 1)
        page = project / "docs" / PAGE_RO
        for times in (1, 2):  # the same bad save twice: MkDocs would tell the reason only once
            page.write_bytes("# Titlu\n\nŞtiinţă.\n".encode("cp1250"))
            wait_for(log, "An error happened during the rebuild", times)
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = log.read_text(encoding="utf-8")
    assert "Traceback" not in output, output[-3000:]
    assert output.count(f"docs/{PAGE_RO}:3: not UTF-8") == 2, output[-3000:]


def wait_for(log: Path, text: str, times: int) -> None:
    deadline = time.monotonic() + TIMEOUT
    while log.read_text(encoding="utf-8").count(text) < times:
        assert time.monotonic() < deadline, (
            f"no {text!r} after {TIMEOUT} s:\n{log.read_text(encoding='utf-8')[-3000:]}"
        )
        time.sleep(0.2)


def test_a_stamp_of_digits_only_reads_back_as_the_same_stamp(tmp_path, monkeypatch):
    # One page in about 300 has a hash of digits only; unquoted, YAML reads it back as a number.
    from manual import stamping, translations

    for code, text in (("en", "# Basics\n"), ("ro", "# Noțiuni\n")):
        (tmp_path / code).mkdir()
        (tmp_path / code / "index.md").write_text(text, encoding="utf-8")
    for module in (stamping, translations):
        monkeypatch.setattr(module, "page_fingerprint", lambda path: "123456789012")
    stamping.stamp_page(tmp_path, "ro", "index.md")
    assert translations.page_report(tmp_path, "ro").translated == ["index.md"]
