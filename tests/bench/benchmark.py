"""`make bench`: what a build costs, as ratios to a plain MkDocs build measured in the same run.

Run from the project's root: python tests/bench/benchmark.py [--runs N] [--scale N] [--big-runs N]

Absolute times drift on a shared machine; ratios to the plain build (the same sources, Material
and mkdocs-static-i18n, without the manual's plugin, overrides or PDFs) hold. Each figure is the
median of several runs. Results go to bench/results/ as JSON and Markdown, and the table is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_reader import download_sizes, downloads_table, first_view, search_indexes
from pdfcheck import RENDER_LOG

SOURCES = ("docs", "manual", "overrides", "mkdocs.yml", "pyproject.toml")
# The manual's plugin, in mkdocs.yml's list of plugins: the plain build goes without it.
PLUGIN = re.compile(r"\n  - manual\n")


# Running builds ----------------------------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (from /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(
                    (int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:")), 0
                )
            with open(f"/proc/{current}/task/{current}/children") as children:
                stack += [int(child) for child in children.read().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total


def run(command: list[str], cwd: Path, env: dict) -> dict:
    """Run one build; return its wall time, peak memory of its process tree, and its log."""
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=environ, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = [0]

    def sample():
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    log, _ = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{log[-3000:]}")
    return {"seconds": seconds, "peak_rss": peak[0], "log": log}


def mkdocs(project: Path, config: str = "mkdocs.yml", **env) -> dict:
    # The plain build writes a site of its own, so the manual's site is left as its last build made it.
    site = project / ("site" if config == "mkdocs.yml" else "plain-site")
    return run(
        [sys.executable, "-m", "mkdocs", "build", "-f", config, "-d", str(site)], project, env
    )


def renders(log: str) -> dict:
    """What the build's PDF step did: documents rendered, their render time, their addresses."""
    found = {"rendered": 0, "seconds": 0.0, "targets": []}
    for match in RENDER_LOG.finditer(log):
        found["rendered"] += int(match.group(2))
        found["seconds"] += float(match.group(3))
        found["targets"] += match.group(5).strip().split(", ") if match.group(5) else []
    return found


# Projects ----------------------------------------------------------------------------------------


def copy_project(root: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for name in SOURCES:
        source = root / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    # `python -m mkdocs` in the copy imports the copy's `manual` (the current folder comes first).
    plain = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert PLUGIN.search(plain), "mkdocs.yml lists no 'manual' plugin"
    plain = PLUGIN.sub("\n", plain).replace("  custom_dir: overrides\n", "")
    plain = plain.replace("strict: true", "strict: false")
    (target / "plain.yml").write_text(plain, encoding="utf-8")
    return target


def multiply(project: Path, times: int) -> None:
    """Make the corpus at least `times` as large: `times` more copies of every chapter, in every
    language, in the navigation (so the chapters, most of the text, are there times + 1 over)."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    chapters = sorted(
        p.name for p in (project / "docs" / "en").iterdir() if re.match(r"^\d\d-", p.name)
    )
    nav = []
    for copy in range(1, times + 1):
        for chapter in chapters:
            name = f"{90 + copy}{chapter[2:]}-{copy}"
            for language in (project / "docs").iterdir():
                if (language / chapter).is_dir():
                    shutil.copytree(language / chapter, language / name)
            pages = sorted(p.name for p in (project / "docs" / "en" / name).glob("*.md"))
            pages.remove("index.md")
            nav.append(
                f"  - Copy {copy} of {chapter}:\n"
                + "".join(f"      - {name}/{page}\n" for page in ["index.md"] + pages)
            )
    marker = "  - checklists/index.md\n"
    for name in ("mkdocs.yml", "plain.yml"):
        text = (project / name).read_text(encoding="utf-8")
        (project / name).write_text(
            text.replace(marker, "".join(nav) + marker, 1), encoding="utf-8"
        )
    assert config != (project / "mkdocs.yml").read_text(encoding="utf-8")


def words(project: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in (project / "docs").rglob("*.md"))


def pdf_pages(site: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(str(p)).pages) for p in (site / "pdf").rglob("*.pdf"))


# The figures -------------------------------------------------------------------------------------


def median_of(runs: int, build) -> dict:
    return summary([build() for _ in range(runs)])


def summary(results: list[dict]) -> dict:
    middle = sorted(results, key=lambda r: r["seconds"])[len(results) // 2]
    return dict(
        middle,
        seconds=statistics.median(r["seconds"] for r in results),
        peak_rss=max(r["peak_rss"] for r in results),
        runs=[round(r["seconds"], 2) for r in results],
    )


def edited(path: Path, change, build) -> dict:
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(change(original), encoding="utf-8")
        return build()
    finally:
        path.write_text(original, encoding="utf-8")


def measure(project: Path, runs: int, cores: int, pairs: int) -> dict:
    """Every figure of one project; `pairs` plain and warm builds, `runs` of each other kind."""
    cache = project / "cache"
    fresh = iter(range(100))
    cold = median_of(runs, lambda: mkdocs(project, MANUAL_CACHE=str(cache / f"cold-{next(fresh)}")))
    pages = pdf_pages(project / "site")
    warm_cache = str(cache / "cold-0")
    counter = iter(range(100))
    page = median_of(
        runs,
        lambda: edited(
            project / "docs" / "ro" / "02-safety" / "index.md",
            lambda text: text + f"\n\nEditare {next(counter)}.\n",
            lambda: mkdocs(project, MANUAL_CACHE=warm_cache),
        ),
    )
    checklist = median_of(
        runs,
        lambda: edited(
            project / "docs" / "ro" / "checklists" / "initial-contact.yml",
            lambda text: text.replace("title: ", f"title: {next(counter)} ", 1),
            lambda: mkdocs(project, MANUAL_CACHE=warm_cache),
        ),
    )
    one_language = median_of(runs, lambda: mkdocs(project, MANUAL_LANGUAGES="ro", MANUAL_PDF="0"))
    # The edits above were undone; a warm rebuild is one after a build of the same sources.
    mkdocs(project, MANUAL_CACHE=warm_cache)
    # The plain build and the warm rebuild alternate, so that drift on a shared machine touches
    # both alike; the warm rebuild goes last and leaves the manual's full site behind.
    plain_runs, warm_runs = [], []
    for _ in range(pairs):
        plain_runs.append(mkdocs(project, "plain.yml"))
        warm_runs.append(mkdocs(project, MANUAL_CACHE=warm_cache))
    plain, warm = summary(plain_runs), summary(warm_runs)
    cold_renders = renders(cold["log"])
    checklist_renders = renders(checklist["log"])
    return {
        "words": words(project),
        "plain_s": plain["seconds"],
        "plain_runs": plain["runs"],
        "cold_s": cold["seconds"],
        "cold_runs": cold["runs"],
        "cold_peak_rss_mb": cold["peak_rss"] / 2**20,
        "pdf_render_s": cold_renders["seconds"],
        "pdfs": cold_renders["rendered"],
        "pdf_pages": pages,
        "pdf_pages_per_s_per_core": pages / cold_renders["seconds"]
        if cold_renders["seconds"]
        else 0,
        "warm_s": warm["seconds"],
        "warm_runs": warm["runs"],
        "warm_rendered": renders(warm["log"])["rendered"],
        "page_edit_s": page["seconds"],
        "page_edit_rendered": renders(page["log"])["targets"],
        "checklist_edit_s": checklist["seconds"],
        "checklist_edit_rendered": checklist_renders["targets"],
        "checklist_edit_render_s": checklist_renders["seconds"],
        "one_language_s": one_language["seconds"],
        "cores": cores,
    }


# Targets and the report --------------------------------------------------------------------------


def targets(real: dict, big: dict | None, view: dict, indexes: dict) -> list[tuple[str, str, bool]]:
    plain = real["plain_s"]
    rows = [
        (
            "Warm rebuild ≤ 1.3 × plain",
            f"{real['warm_s'] / plain:.2f} ×, {real['warm_rendered']} PDFs rendered",
            real["warm_s"] <= 1.3 * plain and real["warm_rendered"] == 0,
        ),
        (
            "One checklist edited ≤ 1.3 × plain + its renders",
            f"{real['checklist_edit_s']:.2f} s vs {1.3 * plain + real['checklist_edit_render_s']:.2f} s; "
            f"rendered {', '.join(real['checklist_edit_rendered'])}",
            real["checklist_edit_s"] <= 1.3 * plain + real["checklist_edit_render_s"],
        ),
        (
            "Cold full build ≤ 1.2 × (plain + PDF time ÷ cores)",
            f"{real['cold_s']:.1f} s vs {1.2 * (plain + real['pdf_render_s'] / real['cores']):.1f} s",
            real["cold_s"] <= 1.2 * (plain + real["pdf_render_s"] / real["cores"]),
        ),
        (
            "PDF throughput ≥ 15 pages/s per core",
            f"{real['pdf_pages_per_s_per_core']:.1f}",
            real["pdf_pages_per_s_per_core"] >= 15,
        ),
        (
            "Peak memory of the full build < 1.5 GB",
            f"{real['cold_peak_rss_mb']:.0f} MB",
            real["cold_peak_rss_mb"] < 1536,
        ),
        (
            "First view of a chapter page ≤ 100 kB gzip",
            f"{view['gzip'] / 1000:.1f} kB ({view['raw'] / 1000:.0f} kB raw)",
            view["gzip"] <= 100_000,
        ),
        (
            "Each search index holds only its language",
            ", ".join(f"{k}: {v['bytes'] / 1000:.0f} kB {v['lang']}" for k, v in indexes.items()),
            all(v["other_language_entries"] == 0 for v in indexes.values()),
        ),
    ]
    if big:
        ratio = big["cold_s"] / real["cold_s"]
        rows.append(
            (
                f"{big['scale']}× corpus costs ≤ {big['scale'] + 1}× the real manual",
                f"cold {ratio:.2f} ×, plain {big['plain_s'] / plain:.2f} ×, words {big['words'] / real['words']:.1f} ×",
                ratio <= big["scale"] + 1,
            )
        )
    return rows


def table(real: dict, big: dict | None, rows: list) -> str:
    plain = real["plain_s"]
    lines = [
        "| Figure | Real manual | Ratio to plain |"
        + (f" {big['scale']}× corpus | Ratio to its plain |" if big else ""),
        "|---|---|---|" + ("---|---|" if big else ""),
    ]
    for label, key in (
        ("Plain build (no plugin, no PDFs)", "plain_s"),
        ("Cold full build, all PDFs", "cold_s"),
        ("Warm rebuild, nothing changed", "warm_s"),
        ("One page edited (ro)", "page_edit_s"),
        ("One checklist edited (ro)", "checklist_edit_s"),
        ("One language (ro preview)", "one_language_s"),
    ):
        row = f"| {label} | {real[key]:.2f} s | {real[key] / plain:.2f} |"
        if big:
            row += f" {big[key]:.2f} s | {big[key] / big['plain_s']:.2f} |"
        lines.append(row)
    lines.append(
        f"| PDF pages rendered / render time | {real['pdf_pages']} pages / {real['pdf_render_s']:.1f} s | |"
        + (f" {big['pdf_pages']} pages / {big['pdf_render_s']:.1f} s | |" if big else "")
    )
    lines += ["", "| Target | Measured | Met |", "|---|---|---|"]
    lines += [
        f"| {name} | {measured} | {'yes' if met else '**no**'} |" for name, measured, met in rows
    ]
    return "\n".join(lines)


def main(root: Path, runs: int = 3, scale: int = 5, big_runs: int = 1) -> int:
    cores = os.cpu_count() or 1
    out = root / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="manual-bench-") as work:
        real_project = copy_project(root, Path(work) / "real")
        print(
            f"measuring the real manual ({runs} runs each, {max(runs, 5)} of the plain and warm builds)...",
            flush=True,
        )
        real = measure(real_project, runs, cores, pairs=max(runs, 5))
        view = first_view(real_project / "site", "02-safety/safety-planning/")
        indexes = search_indexes(real_project / "site")
        # What a reader downloads to read without a connection: each offline zip and EPUB.
        run([sys.executable, "-m", "manual", "offline", "--site", "site"], real_project, {})
        downloads = download_sizes(real_project / "site")
        big = None
        if scale > 1:
            big_project = copy_project(root, Path(work) / "big")
            multiply(big_project, scale)
            print(f"measuring a {scale}× corpus ({big_runs} run each)...", flush=True)
            big = dict(measure(big_project, big_runs, cores, pairs=big_runs), scale=scale)
    rows = targets(real, big, view, indexes)
    report = table(real, big, rows) + "\n\n" + downloads_table(downloads)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    results = {
        "when": stamp,
        "cores": cores,
        "real": real,
        "big": big,
        "first_view": view,
        "search_indexes": indexes,
        "downloads": downloads,
        "targets": [{"target": n, "measured": m, "met": ok} for n, m, ok in rows],
    }
    (out / "bench.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    (out / "bench.md").write_text(
        f"# Benchmark, {stamp}, {cores} cores\n\n{report}\n", encoding="utf-8"
    )
    print(report)
    print(f"\nwrote {out / 'bench.json'} and {out / 'bench.md'}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--scale", type=int, default=5, help="size of the generated corpus (1 to skip it)"
    )
    parser.add_argument("--big-runs", type=int, default=1)
    args = parser.parse_args()
    sys.exit(main(Path.cwd(), runs=args.runs, scale=args.scale, big_runs=args.big_runs))
