"""What the printed editions say about themselves: title, language, edition, date."""

from __future__ import annotations

import datetime as dt
import os

from manual.interface import Strings


def created(edition_date: str, environ=os.environ) -> str:
    """The creation date stamped in the PDFs: SOURCE_DATE_EPOCH if set (reproducible builds),
    else the edition's date, so the same sources always give the same PDF bytes."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    else:
        moment = dt.datetime.fromisoformat(edition_date).replace(tzinfo=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def meta(
    *,
    site_name: str,
    author: str,
    description: str,
    edition: dict,
    strings: Strings,
    locale: str,
    direction: str,
    environ=os.environ,
) -> dict:
    return {
        "lang": locale,
        "dir": direction,
        "title": site_name,
        "short_title": site_name,
        "site_name": site_name,
        "subtitle": strings.subtitle,
        "author": author,
        "description": description.strip(),
        "language_name": strings.language_name,
        "edition": strings.edition_name,  # in the edition's language, like the rest of the cover
        "edition_date": edition.get("date", ""),
        "created": created(edition.get("date", "2000-01-01"), environ),
    }
