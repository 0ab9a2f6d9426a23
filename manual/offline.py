"""The offline edition: one zip per language that works when opened from the unpacked folder.

Each is a separate build of the site (English, which pages fall back to, plus the language) with
file-friendly addresses, its search index inlined as a script, and the PDFs and the EPUB of the
main build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from manual import content_policy, templates
from manual.addresses import epub_address, offline_zip

SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"
START = "start.html"


def build_edition(root: Path, site_dir: Path, code: str, source: str, work: Path) -> Path:
    """Build one language's offline edition into `work` and zip it next to the site."""
    target = work / f"manual-{code}"
    env = dict(
        os.environ,
        MANUAL_OFFLINE="true",
        MANUAL_PDF="0",
        MANUAL_LANGUAGES=code,
        NO_MKDOCS_2_WARNING="1",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"offline edition '{code}' did not build:\n{result.stderr[-4000:]}")
    for language in {source, code}:
        pdfs = site_dir / "pdf" / language
        if pdfs.exists():
            shutil.copytree(pdfs, target / "pdf" / language, dirs_exist_ok=True)
        book = epub_address(language)  # made just before, by `python -m manual offline`
        if (site_dir / book).exists():
            (target / book).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(site_dir / book, target / book)
    start = target / START
    start.write_text(content_policy.protect(_start_page(code, source)).html, encoding="utf-8")
    archive = site_dir / offline_zip(code)
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(target.rglob("*")):
            info = zipfile.ZipInfo(
                f"{target.name}/{path.relative_to(target).as_posix()}"
                + ("/" if path.is_dir() else ""),
                date_time=(2000, 1, 1, 0, 0, 0),
            )  # same bytes for the same edition
            info.external_attr = (0o40755 if path.is_dir() else 0o100644) << 16
            out.writestr(info, b"" if path.is_dir() else path.read_bytes(), zipfile.ZIP_DEFLATED)
    return archive


def _start_page(code: str, source: str) -> str:
    home = "index.html" if code == source else f"{code}/index.html"
    return templates.render("offline-start.html.j2", home=home, code=code)


def build_all(root: Path, site_dir: Path, codes: list[str], source: str) -> list[Path]:
    with tempfile.TemporaryDirectory() as work:
        return [build_edition(root, site_dir, code, source, Path(work)) for code in codes]
