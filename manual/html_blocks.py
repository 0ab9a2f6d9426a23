"""Finished HTML kept out of Markdown's way.

Checklist and form pages are mostly HTML that Markdown would only copy, after parsing every tag
of it (most of the cost of those pages). The page's Markdown gets a placeholder comment for each
such block instead, and the blocks go back into the page's HTML once Markdown is done.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_PLACEHOLDER = re.compile(r"<!-- html-block (\d+) -->")


class HtmlBlocks:
    def __init__(self) -> None:
        self.blocks: list[str] = []

    def set_aside(self, html: str) -> Markup:
        """Keep `html`; return the placeholder the Markdown carries in its place."""
        self.blocks.append(str(html))
        return Markup(f"<!-- html-block {len(self.blocks) - 1} -->")

    def put_back(self, html: str) -> str:
        """The page's HTML with every placeholder replaced by its block; each must be there once."""
        seen: list[int] = []

        def block(match: re.Match) -> str:
            seen.append(int(match.group(1)))
            return self.blocks[seen[-1]]

        out = _PLACEHOLDER.sub(block, html)
        if sorted(seen) != list(range(len(self.blocks))):
            raise ValueError(
                f"expected each of {len(self.blocks)} HTML blocks once in the page, found {sorted(seen)}"
            )
        return out
