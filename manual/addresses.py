"""Addresses in the site: where a page is, and how one page links to another."""

from __future__ import annotations

import posixpath


def page_address(src_path: str, prefix: str, directory_urls: bool) -> str:
    """Where the page at `src_path` (inside a language folder) is in the site, e.g. "ro/a/b/"."""
    stem = src_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return prefix + (stem if directory_urls else stem + "index.html")
    return prefix + (stem + "/" if directory_urls else stem + ".html")


def relative_url(target: str, page_url: str) -> str:
    """A link from the page at `page_url` to `target`, both relative to the site root."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    rel = posixpath.relpath("/" + target, "/" + base)
    return rel + "/" if (target.endswith("/") or not target) and not rel.endswith("/") else rel


def source_url(page_url: str, prefix: str) -> str:
    """The address of the English page that a page in the language folder `prefix` shows."""
    return page_url[len(prefix) :] if prefix and page_url.startswith(prefix) else page_url


def epub_address(locale: str) -> str:
    """Where one language's EPUB is in the site: a public contract, like the PDFs' addresses."""
    return f"epub/manual-{locale}.epub"
