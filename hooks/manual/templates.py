"""The Jinja environment for everything the manual generates (Markdown, HTML for print)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    # One environment for the whole process: it holds no language state, only compiled templates.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=False),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)


def bytecode_cache(folder: Path) -> jinja2.BytecodeCache:
    """Compiled templates kept in `folder` between builds; Jinja checks each against its source."""
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))
