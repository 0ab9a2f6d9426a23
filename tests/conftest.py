"""Shared fixtures: the real site, built once per test session into a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_mkdocs_build(
    config: Path, site_dir: Path, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Build like `make build` does and return the finished process, whatever its exit status."""
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        MKDOCS + ["build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        env=environ,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT / "mkdocs.yml", site_dir, {"MANUAL_PDF": "1"})
    assert result.returncode == 0, f"the real site does not build:\n{result.stderr[-6000:]}"
    offline = subprocess.run(
        [sys.executable, "-m", "manual", "offline", "--site", str(site_dir)],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
    )
    assert offline.returncode == 0, f"the offline editions do not build:\n{offline.stderr[-4000:]}"
    site_dir.joinpath("build.log").write_text(result.stderr, encoding="utf-8")
    return site_dir


TINY_CHECKLIST = """\
title: Demo checklist
stage: identification
chapter: 01-basics/index.md
summary: A checklist used by the tests.
sections:
  - id: first
    title: First steps
    items:
      - id: alpha
        text: Do the **first** thing.
        role: any-staff
        critical: true
      - id: beta
        text: Do the second thing.
        role: case-manager
  - id: second
    title: Later steps
    items:
      - id: gamma
        text: Do the third thing.
        role: case-manager
        note: A note about the third thing.
"""

TINY_CHECKLIST_RO = """\
title: Listă demonstrativă
summary: O listă folosită de teste.
sections:
  - id: first
    title: Primii pași
    items:
      - id: alpha
        text: "Faceți **primul** lucru, cu ș și ț."
      - id: beta
        text: Faceți al doilea lucru.
  - id: second
    title: Pașii următori
    items:
      - id: gamma
        text: Faceți al treilea lucru.
        note: O notă.
"""

TINY_FORM = """\
title: Demo form
stage: case-management
chapter: 01-basics/index.md
summary: A form used by the tests.
sections:
  - id: about
    title: About the case
    fields:
      - id: case-reference
        label: Case reference
        kind: text
      - id: agreed
        label: The person agreed
        kind: yes-no
      - id: signed
        label: Person assisted
        kind: signature
"""


def make_project(root: Path, *, with_guidance: bool = True) -> Path:
    """A tiny manual with the real hooks, theme overrides, configuration and interface strings."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("hooks", "overrides"):
        (root / name).symlink_to(ROOT / name)
    files = {
        "en/index.md": "# Home\n\n[Basics](01-basics/index.md)\n",
        "en/01-basics/index.md": "# Basics\n\nThe NRM is described here.\n\n## Part { #part }\n\nText.\n",
        "en/other.md": "# Other\n\n## Part { #part }\n",
        "ro/index.md": "# Acasă\n",
        "ro/01-basics/index.md": "# Noțiuni de bază\n\nȘtiință și țară.\n\n## Parte { #part }\n",
        "en/glossary.yml": "terms:\n  - id: nrm\n    term: National referral mechanism\n    abbr: NRM\n"
        "    definition: A framework for referring people.\n",
    }
    if with_guidance:
        files.update(
            {
                "en/checklists/demo.yml": TINY_CHECKLIST,
                "ro/checklists/demo.yml": TINY_CHECKLIST_RO,
                "en/forms/demo-form.yml": TINY_FORM,
            }
        )
    for path, text in files.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for lang in ("en", "ro"):
        shutil.copy(ROOT / "docs" / lang / "interface.yml", root / "docs" / lang)
        shutil.copy(ROOT / "docs" / lang / "vocabulary.yml", root / "docs" / lang)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + (
        "\nnav:\n  - index.md\n  - Basics:\n      - 01-basics/index.md\n  - other.md\n"
        "  - checklists/index.md\n  - downloads.md\n  - glossary.md\n  - about/translation-status.md\n  - about/terminology.md\n"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


def build_project(
    project: Path, *, pdf: bool = False, cache: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    env = {"MANUAL_PDF": "1" if pdf else "0", **(env or {})}
    if cache is not None:
        env["MANUAL_CACHE"] = str(cache)
    return run_mkdocs_build(project / "mkdocs.yml", project / "site", env)


def pytest_terminal_summary(terminalreporter):
    """Report the words of each chapter, per language, at the end of every run."""
    from content import chapter_words, chapters

    terminalreporter.section("words per chapter (prose)")
    languages = sorted(p.name for p in (ROOT / "docs").iterdir() if p.is_dir() and len(p.name) == 2)
    terminalreporter.write_line("chapter".ljust(22) + "".join(lang.rjust(8) for lang in languages))
    for chapter in chapters(ROOT / "docs" / "en"):
        counts = [
            chapter_words(ROOT / "docs" / lang / chapter.name)
            if (ROOT / "docs" / lang / chapter.name).exists()
            else 0
            for lang in languages
        ]
        terminalreporter.write_line(
            chapter.name.ljust(22) + "".join(str(n).rjust(8) for n in counts)
        )


# The browser -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def server(site):
    from browser import SiteServer

    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def chromium():
    from browser import launch
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = launch(playwright)
        except Exception as err:  # fail with the reason, never skip
            pytest.fail(f"Chromium could not start: {err}", pytrace=False)
        yield browser
        browser.close()


def _open_context(chromium, origin, **options):
    """A browser context that fails its test on a request to another host or a policy violation."""
    from browser import Recorder

    context = chromium.new_context(**options)
    recorder = Recorder(context)
    yield context
    context.close()
    strays = recorder.other_hosts(origin)
    assert strays == [], f"requests to other hosts: {strays}"
    assert recorder.policy_violations == [], (
        f"Content-Security-Policy violations: {recorder.policy_violations}"
    )


@pytest.fixture
def context(chromium, server):
    """A fresh browser profile (no cookies, no storage) whose every request must stay local."""
    yield from _open_context(chromium, server.origin, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone(chromium, server):
    yield from _open_context(
        chromium,
        server.origin,
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
