"""What a reader downloads, for `make bench`: the first view of a page, and the search indexes."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# tests/, for the browser the tests drive.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def first_view(site: Path, path: str) -> dict:
    """Bytes a reader downloads to see one page, before doing anything on it (real Chromium)."""
    import gzip

    from browser import SiteServer, launch
    from playwright.sync_api import sync_playwright

    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context()
        loaded: list[tuple[str, int, int]] = []

        def on_response(response):
            try:
                body = response.body()
            except Exception:
                body = b""
            loaded.append((response.url, len(body), len(gzip.compress(body, 6))))

        context.on("response", on_response)
        page = context.new_page()
        page.goto(server.url(path))
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        browser.close()
    return {
        "page": path,
        "raw": sum(r[1] for r in loaded),
        "gzip": sum(r[2] for r in loaded),
        "files": [{"url": u.split("/", 3)[-1], "raw": r, "gzip": g} for u, r, g in loaded],
    }


def search_indexes(site: Path) -> dict:
    sizes = {}
    for index in sorted(site.glob("**/search/search_index.json")):
        prefix = index.parent.parent.relative_to(site).as_posix()
        data = json.loads(index.read_text(encoding="utf-8"))
        others = [d["location"] for d in data["docs"] if re.match(r"^[a-z]{2}/", d["location"])]
        sizes[prefix if prefix != "." else "en"] = {
            "bytes": index.stat().st_size,
            "lang": data["config"]["lang"],
            "other_language_entries": len(others),
        }
    return sizes


def download_sizes(site: Path) -> dict:
    """Bytes of each language's offline edition and EPUB, as a reader downloads them."""
    return {
        kind: {path.stem.removeprefix("manual-"): path.stat().st_size for path in sorted(files)}
        for kind, files in (
            ("offline", site.glob("offline/manual-*.zip")),
            ("epub", site.glob("epub/manual-*.epub")),
        )
    }


def downloads_table(sizes: dict) -> str:
    from manual.editions import human_size

    codes = sorted({code for files in sizes.values() for code in files})
    lines = ["| Download | " + " | ".join(codes) + " |", "|---|" + "---|" * len(codes)]
    for kind, label in (("offline", "Offline edition (zip)"), ("epub", "EPUB")):
        cells = [human_size(sizes[kind][c]) if c in sizes[kind] else "—" for c in codes]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
