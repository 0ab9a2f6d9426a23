"""Small changes to what Material writes in a page's <head> and on its root element."""

from __future__ import annotations

import re

from markupsafe import Markup

_LANGUAGE_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
# The root element as Material writes it (outside any template block, so no `super()` reaches it).
_ROOT = re.compile(r"<html\b(?![^>]*\sdir=)", re.IGNORECASE)


def without_language_alternates(head: str) -> Markup:
    """The head without its `<link rel="alternate" hreflang>` tags (see overrides/main.html)."""
    return Markup(_LANGUAGE_ALTERNATE.sub("", str(head)))


def with_direction(page: str, direction: str) -> str:
    """The page with its writing direction on <html>, beside its language.

    Material puts `dir` on <body> only: the root element then reads left to right, and so do
    what a browser, a screen reader or a translation tool takes from it (the page's direction,
    text outside <body>, the scroll bar's side). `direction` is "ltr" or "rtl".
    """
    if direction not in ("ltr", "rtl"):
        raise ValueError(f"a writing direction is 'ltr' or 'rtl', not {direction!r}")
    return _ROOT.sub(f'<html dir="{direction}"', page, count=1)
