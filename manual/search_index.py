"""One search index per language.

mkdocs-static-i18n leaves a single index at the site root that mixes every language. Each
language gets its own instead, at `<prefix>search/search_index.json`, holding only its own pages
(fallback pages once, as that language's copies) with its own stemmer, and with addresses
relative to the language's root, which is where its pages tell the search to look.
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search") / "search_index.json"

# Languages the search engine (lunr, as bundled by Material) can stem; others use English rules.
STEMMED = frozenset(
    {
        "ar",
        "da",
        "de",
        "du",
        "el",
        "en",
        "es",
        "fi",
        "fr",
        "he",
        "hi",
        "hu",
        "hy",
        "it",
        "ja",
        "kn",
        "ko",
        "nl",
        "no",
        "pt",
        "ro",
        "ru",
        "sa",
        "sv",
        "ta",
        "te",
        "th",
        "tr",
        "vi",
        "zh",
    }
)


def scope(index: dict, code: str, prefix: str, other_prefixes: tuple[str, ...]) -> dict:
    """The part of `index` that belongs to one language, re-rooted at that language's folder."""
    if prefix:
        docs = [
            dict(doc, location=doc["location"][len(prefix) :])
            for doc in index["docs"]
            if doc["location"].startswith(prefix)
        ]
    else:
        docs = [
            doc
            for doc in index["docs"]
            if not any(doc["location"].startswith(other) for other in other_prefixes)
        ]
    config = dict(index.get("config", {}), lang=[code if code in STEMMED else "en"])
    return dict(index, config=config, docs=docs)


def write_scoped(
    site_dir: Path, code: str, prefix: str, other_prefixes: tuple[str, ...], as_script: bool = False
) -> Path:
    """Scope the index the build left at the site root and write it to the language's folder.

    `as_script` also writes it as `search_index.js`, which pages opened from files load instead.
    """
    source = site_dir / INDEX
    index = json.loads(source.read_text(encoding="utf-8"))
    target = site_dir / prefix / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    scoped = scope(index, code, prefix, other_prefixes)
    text = json.dumps(scoped, ensure_ascii=False, separators=(",", ":"))
    target.write_text(text, encoding="utf-8")
    if as_script:
        target.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
    return target


def search_base(base_url: str, prefix: str) -> str:
    """Where a page's search looks for its index: the root of the page's language."""
    if not prefix:
        return base_url
    return base_url.rstrip("/") + "/" + prefix if base_url not in ("", ".") else "./" + prefix
