"""What the printed editions say about themselves: title, subject, author, language, edition, date.

Every text is the edition's language: the interface strings give the names, and the edition's
date is written the way that language writes dates (CLDR, through Babel), in Western digits as
the manual's Arabic uses them.
"""

from __future__ import annotations

import datetime as dt
import os

from babel.dates import format_date

from manual.interface import Strings

# Day, month name, year: "1 December 2026", "1 decembrie 2026", "1 ديسمبر 2026".
DATE_PATTERN = "d MMMM y"


def created(edition_date: str, environ=os.environ) -> str:
    """The creation date stamped in the PDFs: SOURCE_DATE_EPOCH if set (reproducible builds),
    else the edition's date, so the same sources always give the same PDF bytes."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    else:
        moment = dt.datetime.fromisoformat(edition_date).replace(tzinfo=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def shown_date(iso_date: str, locale: str) -> str:
    """An edition's date (YYYY-MM-DD) as the language writes it; "" when there is none."""
    if not iso_date:
        return ""
    return format_date(dt.date.fromisoformat(iso_date), DATE_PATTERN, locale=locale)


def meta(
    *,
    edition: dict,
    strings: Strings,
    locale: str,
    direction: str,
    environ=os.environ,
) -> dict:
    return {
        "lang": locale,
        "dir": direction,
        "title": strings.site_title,
        "short_title": strings.site_title,
        "site_name": strings.site_title,
        "subtitle": strings.subtitle,
        "author": strings.site_author,
        "description": strings.site_description.strip(),
        "language_name": strings.language_name,
        "edition": strings.edition_name,  # in the edition's language, like the rest of the cover
        "edition_date": shown_date(str(edition.get("date", "")), locale),
        "edition_date_iso": str(edition.get("date", "")),  # for metadata that machines read
        "created": created(edition.get("date", "2000-01-01"), environ),
    }
