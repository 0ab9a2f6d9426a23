"""The manual's MkDocs plugin over the life of a process: rebuilds as `mkdocs serve` runs them see
every edit, a failed build stops its rendering at once, and MkDocs stays inside the plugin."""

from __future__ import annotations

import ast
import multiprocessing
from pathlib import Path

import pytest
from conftest import ROOT, build_project
from pdfcheck import reader

from manual import pdf_worker, templates

# The third-party packages of the build; only manual/plugin/ may import them.
BUILD_PACKAGES = {"mkdocs", "material", "mkdocs_static_i18n"}


def test_only_the_plugin_imports_mkdocs():
    found = []
    for path in sorted((ROOT / "manual").rglob("*.py")):
        if (ROOT / "manual" / "plugin") in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            found += [
                f"{path.relative_to(ROOT)}:{node.lineno}: {name}"
                for name in names
                if name.split(".")[0] in BUILD_PACKAGES
            ]
    assert found == []


@pytest.fixture
def edited():
    """Edit the manual's own files for one test; each is put back as it was, byte for byte."""
    saved: dict[Path, bytes] = {}

    def edit(path: Path, change) -> None:
        saved.setdefault(path, path.read_bytes())
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    yield edit
    for path, content in saved.items():
        path.write_bytes(content)


def test_rebuilds_in_one_process_show_edited_templates_and_print_stylesheet(
    project, tmp_path, edited
):
    """As `mkdocs serve` rebuilds: the same process, the same plugin, an edit between builds."""
    cache = tmp_path / "cache"
    page = project / "site" / "checklists" / "demo" / "index.html"
    pdf = project / "site" / "pdf" / "en" / "checklists" / "demo.pdf"
    first = build_project(project, pdf=True, cache=cache)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "Edited between builds" not in page.read_text(encoding="utf-8")
    assert round(float(reader(pdf).pages[0].mediabox.width)) == 595  # A4

    edited(
        templates.TEMPLATES / "guidance-page.md.j2",
        lambda text: text + "\nEdited between builds.\n",
    )
    edited(pdf_worker.PRINT_DIR / "print.css", lambda text: text + "\n@page { size: A5; }\n")
    second = build_project(project, pdf=True, cache=cache)
    assert second.returncode == 0, second.stderr[-3000:]
    assert "Edited between builds." in page.read_text(encoding="utf-8")
    assert round(float(reader(pdf).pages[0].mediabox.width)) == 420  # A5, rendered afresh


def test_a_failed_build_stops_its_rendering_and_leaves_no_worker(project, tmp_path):
    # English plans its PDFs, a long manual among them; then the Romanian build fails.
    long_page = "".join(f"## Part {n} {{ #part-{n} }}\n\n{'Text. ' * 200}\n\n" for n in range(300))
    (project / "docs" / "en" / "other.md").write_text(f"# Other\n\n{long_page}", encoding="utf-8")
    (project / "docs" / "ro" / "index.md").write_text(
        "# Acasă\n\n<script>alert(1)</script>\n", encoding="utf-8"
    )
    cache = tmp_path / "cache"
    result = build_project(project, pdf=True, cache=cache)
    assert result.returncode != 0 and "ro/index.md" in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert multiprocessing.active_children() == []  # no render worker is left
    # The build did not wait for English's four PDFs: the long manual, at least, was never made.
    assert len(list(cache.joinpath("pdf").glob("*.pdf"))) < 4


def test_a_build_leaves_the_config_as_mkdocs_yml_gave_it(project, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def set_by_each_language(config):
        return config.site_name, config.mdx_configs.get("abbr"), config.extra.get("polyfills")

    monkeypatch.setenv("MANUAL_PDF", "0")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    before = set_by_each_language(config)
    build(config)
    assert set_by_each_language(config) == before
