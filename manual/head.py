"""Small changes to what Material writes in a page's <head>."""

from __future__ import annotations

import re

from markupsafe import Markup

_LANGUAGE_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_language_alternates(head: str) -> Markup:
    """The head without its `<link rel="alternate" hreflang>` tags (see overrides/main.html)."""
    return Markup(_LANGUAGE_ALTERNATE.sub("", str(head)))
