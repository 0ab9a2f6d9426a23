"""Pages a translation lacks: the English text, with a notice in the reader's language."""

from __future__ import annotations

import re

from manual import templates
from manual.interface import Strings

_TITLE = re.compile(r"^# .*$", re.MULTILINE)


def notice(strings: Strings, english_link: str) -> str:
    """The notice, as Markdown, in the reader's language."""
    return templates.render("fallback-notice.md.j2", strings=strings, english_link=english_link)


def add_notice(markdown: str, strings: Strings, english_link: str) -> str:
    """Put the notice right under the page title, so it shows on screen, in print and in PDFs."""
    notice_md = notice(strings, english_link)
    match = _TITLE.search(markdown)
    if match is None:
        return notice_md + "\n" + markdown
    return markdown[: match.end()] + "\n\n" + notice_md + markdown[match.end():]
