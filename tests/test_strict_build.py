"""A broken link, a missing anchor or a nav entry without a file stops the build, naming the file."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, run_mkdocs_build


@pytest.fixture
def project(tmp_path):
    """A tiny copy of the manual's set-up: the same hooks, theme overrides and configuration."""
    for name in ("hooks", "overrides"):
        (tmp_path / name).symlink_to(ROOT / name)
    for lang in ("en", "ro"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        shutil.copy(ROOT / "docs" / lang / "interface.yml", tmp_path / "docs" / lang)
        shutil.copy(ROOT / "docs" / "en" / "vocabulary.yml", tmp_path / "docs" / lang)
    (tmp_path / "docs" / "en" / "index.md").write_text("# Home\n\n[Other](other.md)\n", encoding="utf-8")
    (tmp_path / "docs" / "en" / "other.md").write_text("# Other\n\n## Part { #part }\n", encoding="utf-8")
    (tmp_path / "docs" / "ro" / "index.md").write_text("# Acasă\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\nnav:\n  - index.md\n  - other.md\n"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


def test_the_tiny_project_builds(project):
    result = run_mkdocs_build(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_broken_link_fails_and_names_the_file(project):
    (project / "docs" / "en" / "other.md").write_text("# Other\n\n[gone](missing.md)\n", encoding="utf-8")
    result = run_mkdocs_build(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert "en/other.md" in result.stderr and "missing.md" in result.stderr


def test_a_missing_anchor_fails_and_names_the_file(project):
    (project / "docs" / "en" / "index.md").write_text("# Home\n\n[Other](other.md#nowhere)\n", encoding="utf-8")
    result = run_mkdocs_build(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert "en/index.md" in result.stderr and "#nowhere" in result.stderr


def test_a_nav_entry_without_a_file_fails_and_names_it(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - absent.md\n", encoding="utf-8")
    result = run_mkdocs_build(config, project / "site")
    assert result.returncode != 0
    assert "absent.md" in result.stderr
