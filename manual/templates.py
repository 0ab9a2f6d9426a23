"""The Jinja environment for everything the manual generates (Markdown, HTML for print).

Every template escapes what it writes: HTML templates for HTML, and Markdown templates (`.md.j2`)
for HTML too, so that a text from data can never become markup. A plain text written where
Markdown will read it (a heading, a link text, a table cell) also needs `| md`, which keeps
Markdown from reading it as syntax; HTML made by the manual itself arrives as `Markup`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from manual import bidi, inline

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> jinja2.Environment:
    # One environment for the whole process: it holds no language state, only compiled templates.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(
            ["html", "html.j2", "md.j2", "xhtml.j2", "opf.j2", "xml.j2"], default_for_string=False
        ),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = inline.markdown_text
    # A plain text in HTML, escaped, its Latin runs isolated inside right-to-left text (manual.bidi).
    env.filters["isolated"] = bidi.isolated
    return env


def render(name: str, **context) -> str:
    return str(environment().get_template(name).render(**context))


def bytecode_cache(folder: Path) -> jinja2.BytecodeCache:
    """Compiled templates kept in `folder` between builds; Jinja checks each against its source."""
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))
