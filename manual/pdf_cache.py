"""The rendered-PDF cache: entries named by the hash of everything a PDF is made from.

A key covers the document's HTML and the renderer's fingerprint: every file under `print/`
(stylesheet, fonts), the source of the worker module, its `write_pdf` options, the versions of
WeasyPrint and the packages it requires, and the system Pango and HarfBuzz. The fingerprint is
taken afresh for each build, so a long `serve` session sees an edited stylesheet.

The cache holds `<key>.pdf` entries, `<key>.<pid>.partial` files while a worker writes, and one
manifest per site folder and language (`manifests/`), naming the entries that build used. After a
successful build, entries no manifest names are removed. Keeping one manifest per language lets
`MANUAL_LANGUAGES=ro` builds and builds into other folders share one cache without evicting
each other's PDFs; a manifest whose site folder is gone names nothing.

The site gets copies, never links: whatever rewrites a published PDF cannot reach the cache.
An entry is trusted as it is (a PDF whole from header to trailer): a shared cache is only as
trustworthy as whoever can write to it, so release editions are built from a cold cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path, PurePosixPath

from manual import pdf_worker
from manual.pdf_worker import RenderError

# The code that decides a PDF's bytes; the queue and this cache do not.
_HERE = Path(pdf_worker.__file__).parent
RENDERER_SOURCES = tuple(
    _HERE / name for name in ("pdf_worker.py", "pdf_tags.py", "pdf_unicode.py")
)
MANIFESTS = "manifests"
# File times lag the clock (coarse kernel clocks, 2 s on FAT): spare what is that recent too.
CLOCK_SLACK = 2.0
_NAME = re.compile(r"^[A-Za-z0-9._-]+")


def package_versions() -> str:
    """WeasyPrint's version and those of the packages it requires (pydyf, fontTools, Pillow…)."""
    names = ["weasyprint"] + [
        _NAME.match(requirement)[0]
        for requirement in requires("weasyprint") or []
        if "extra ==" not in requirement
    ]
    found = []
    for name in sorted(set(names), key=str.lower):
        try:
            found.append(f"{name.lower()} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name.lower()} absent")
    return ", ".join(found)


def start_probe() -> subprocess.Popen:
    """Ask a fresh process for the system libraries' versions; `system_libraries` collects it."""
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from manual import pdf_worker; print(pdf_worker.system_libraries())",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def system_libraries(probe: subprocess.Popen) -> str:
    out, err = probe.communicate()
    if probe.returncode != 0:
        last = (err.strip().splitlines() or ["no message"])[-1]
        raise RenderError(
            f"WeasyPrint's system libraries (Pango, HarfBuzz) cannot be loaded: {last}"
        )
    return out.strip()


def fingerprint(system: str, print_dir: Path, options: dict) -> str:
    """The hash of the renderer: everything but the document that goes into a PDF."""
    digest = hashlib.sha256()

    def add(name: str, data: bytes) -> None:
        digest.update(f"{name} {len(data)}\n".encode())
        digest.update(data)

    add("options", repr(sorted(options.items())).encode())
    add("packages", package_versions().encode())
    add("system", system.encode())
    for path in RENDERER_SOURCES:
        add(f"source {path.name}", path.read_bytes())
    for path in sorted(print_dir.rglob("*")):
        if path.is_file():
            add(f"print {path.relative_to(print_dir).as_posix()}", path.read_bytes())
    return digest.hexdigest()


def cache_key(html: str, renderer: str) -> str:
    return hashlib.sha256(f"{renderer}\n{html}".encode()).hexdigest()


def usable(entry: Path) -> bool:
    """Whether a cached entry is there and whole; it is marked used, for concurrent builds."""
    try:
        with entry.open("rb") as pdf:
            head = pdf.read(5)
            pdf.seek(max(0, entry.stat().st_size - 1024))
            whole = head == b"%PDF-" and b"%%EOF" in pdf.read()
        if whole:
            os.utime(entry)  # a build finishing meanwhile spares what was used since it began
        return whole
    except FileNotFoundError:
        return False


def place(entry: Path, destination: Path) -> None:
    """Copy an entry into the site; FileNotFoundError if it has vanished from the cache."""
    destination.unlink(missing_ok=True)  # never write through an old link into the cache
    shutil.copyfile(entry, destination)


def language_of(target: str) -> str:
    """The part of the site a target belongs to: `pdf/en` for `pdf/en/chapters/x.pdf`."""
    parts = PurePosixPath(target).parts
    return "/".join(parts[:2]) if len(parts) > 2 else str(PurePosixPath(target).parent)


def record(cache_dir: Path, site_dir: Path, used: dict[str, set[str]]) -> None:
    """Write the manifest of each part of the site this build made: the entries it used."""
    folder = cache_dir / MANIFESTS
    folder.mkdir(exist_ok=True)
    site = str(site_dir.resolve())
    for part, names in used.items():
        name = hashlib.sha256(f"{site}\n{part}".encode()).hexdigest()[:20]
        text = json.dumps({"site": site, "part": part, "entries": sorted(names)}, indent=0)
        partial = folder / f"{name}.{os.getpid()}.partial"
        partial.write_text(text, encoding="utf-8")
        partial.replace(folder / f"{name}.json")


def evict(cache_dir: Path, since: float) -> list[str]:
    """Remove entries no manifest names, except those made or used since `since`; their names."""
    named: set[str] = set()
    for manifest in (cache_dir / MANIFESTS).glob("*.json"):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            if Path(data["site"]).is_dir():
                named.update(data["entries"])
                continue
        except FileNotFoundError:
            continue
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged manifest names nothing
        manifest.unlink(missing_ok=True)
    removed = []
    for entry in cache_dir.glob("*.pdf"):
        try:
            if entry.name not in named and entry.stat().st_mtime < since - CLOCK_SLACK:
                entry.unlink()
                removed.append(entry.name)
        except FileNotFoundError:
            pass
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def remove_partials(cache_dir: Path) -> None:
    """Remove unfinished files whose writing process has gone (crashed, killed or cancelled)."""
    for folder in (cache_dir, cache_dir / MANIFESTS):
        for partial in folder.glob("*.partial"):
            pid = partial.name.split(".")[-2]
            if not (pid.isdigit() and _alive(int(pid))):
                partial.unlink(missing_ok=True)
