"""Shared fixtures: the real site, built once per test session into a temporary folder, and tiny
projects built in this process, as `mkdocs serve` rebuilds them."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
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
    """A tiny manual with the real plugin, theme overrides, configuration and interface strings."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "overrides").symlink_to(ROOT / "overrides")
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


@dataclass(frozen=True)
class Built:
    """A build's outcome, as `mkdocs build` would give it: its exit status and its log."""

    returncode: int
    stderr: str


def build_project(
    project: Path, *, pdf: bool = False, cache: Path | None = None, env: dict | None = None
) -> Built:
    """Build a tiny project like `mkdocs build --strict`, in this process (as `mkdocs serve` does)."""
    env = {
        "MANUAL_PDF": "1" if pdf else "0",
        "MANUAL_CACHE": str(cache or project / ".cache"),
        **(env or {}),
    }
    return build_in_process(project / "mkdocs.yml", project / "site", env)


def build_in_process(config_file: Path, site_dir: Path, env: dict) -> Built:
    from mkdocs import exceptions, utils
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    build_logger = logging.getLogger("mkdocs.commands.build")
    lines: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: lines.append(f"{record.levelname:<8}-  {record.getMessage()}")
    kept = (logger.level, list(build_logger.filters), utils.clean_directory)
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    returncode = 1
    try:
        with _environment(env):
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        returncode = 0
    except exceptions.Abort as err:
        lines.append(f"Aborted: {err}")
    except exceptions.MkDocsException as err:
        lines.append(f"Error: {err}")
    except Exception:
        lines.append(traceback.format_exc())
    finally:
        logger.removeHandler(handler)
        # mkdocs-static-i18n leaves its patches in place when a build fails.
        logger.setLevel(kept[0])
        build_logger.filters[:] = kept[1]
        utils.clean_directory = kept[2]
    return Built(returncode, "\n".join(lines))


@contextlib.contextmanager
def _environment(values: dict):
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


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
