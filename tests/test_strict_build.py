"""A broken link, a missing anchor or a nav entry without a file stops the build, naming the file."""

from __future__ import annotations

from conftest import build_project


def test_the_tiny_project_builds(project):
    result = build_project(project)
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_broken_link_fails_and_names_the_file(project):
    (project / "docs" / "en" / "other.md").write_text(
        "# Other\n\n[gone](missing.md)\n", encoding="utf-8"
    )
    result = build_project(project)
    assert result.returncode != 0
    assert "en/other.md" in result.stderr and "missing.md" in result.stderr


def test_a_missing_anchor_fails_and_names_the_file(project):
    (project / "docs" / "en" / "index.md").write_text(
        "# Home\n\n[Other](other.md#nowhere)\n", encoding="utf-8"
    )
    result = build_project(project)
    assert result.returncode != 0
    assert "en/index.md" in result.stderr and "#nowhere" in result.stderr


def test_a_nav_entry_without_a_file_fails_and_names_it(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - absent.md\n", encoding="utf-8")
    result = build_project(project)
    assert result.returncode != 0
    assert "absent.md" in result.stderr
