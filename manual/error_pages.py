"""Where each language's "page not found" page goes."""

from __future__ import annotations

from pathlib import Path


def place(site_dir: Path, prefix: str, html: str) -> str:
    """Write a translation's 404 page to its own folder; return what the site root should get.

    The source language is built first and owns the root `404.html`; the builds after it would
    overwrite that file, so they write to `<prefix>404.html` and leave the root alone (MkDocs
    skips a template that renders empty).
    """
    if not prefix:
        return html
    target = site_dir / prefix / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return ""
