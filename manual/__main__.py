"""The translators' and editors' commands: `python -m manual <command>` (see the Makefile).

status                     what each translation has, lacks, and has let go stale
stamp LANG PATH [ENTRY]    mark a translated page or data file (or one entry) up to date
diff LANG [PATH]           what changed in English since a translation was stamped
add-language CODE NAME     start a new language folder and list it in mkdocs.yml
offline --site DIR         make the EPUB and the offline edition of each language (after a build)
epub --site DIR            make only the EPUB of each language (after a build)
headers --site DIR         the HTTP headers a server should send with the built site's pages
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from manual import (
    document_views,
    documents,
    editions,
    epub,
    interface,
    languages,
    offline,
    stamping,
    terminology,
    translations,
)
from manual.errors import ManualError
from manual.yamlfile import configured_languages


def check_language(docs_dir: Path, code: str, source: str = "en") -> None:
    """The build's own checks of one language's data files."""
    document_views.language_documents(docs_dir, code, source)
    documents.load_vocabulary(docs_dir, code, documents.load_vocabulary(docs_dir, source))
    interface.load_strings(docs_dir, code, source)
    terminology.load(docs_dir, code)


def print_report(report: translations.LanguageReport) -> None:
    print(f"\n== {report.code} ==")
    for name, coverage in (
        ("pages", report.pages),
        ("checklist, form, glossary and interface items", report.items),
    ):
        print(
            f"{name}: {len(coverage.translated)} translated of {coverage.total}, "
            f"{len(coverage.missing)} missing, {len(coverage.stale)} stale, {len(coverage.orphaned)} orphaned"
        )
        for label, paths in (
            ("missing", coverage.missing),
            ("stale", coverage.stale),
            ("ORPHANED (error)", coverage.orphaned),
        ):
            for path in paths:
                print(f"  {label:9} docs/{report.code}/{path}")
    for problem in report.invalid:
        print(f"  INVALID (error) {problem}")


def command_status(args) -> int:
    docs = Path.cwd() / "docs"
    ok = True
    source, *others = configured_languages(Path.cwd() / "mkdocs.yml")
    for code in others:
        report = translations.language_report(
            docs, code, source, check=lambda c: check_language(docs, c, source)
        )
        print_report(report)
        ok = ok and report.ok
    print(
        "\nOrphans and invalid files are errors; missing and stale texts show in English or need review."
    )
    return 0 if ok else 1


def command_stamp(args) -> int:
    docs = Path.cwd() / "docs"
    if args.path.endswith(".md"):
        print(
            f"docs/{args.lang}/{args.path}: stamped {stamping.stamp_page(docs, args.lang, args.path)}"
        )
    else:
        check_language(docs, args.lang)  # only what the build accepts can be up to date
        done = stamping.stamp_data(docs, args.lang, args.path, args.entry)
        print(
            f"docs/{args.lang}/{args.path}: stamped {len(done)} entr{'y' if len(done) == 1 else 'ies'}"
        )
    return 0


def command_diff(args) -> int:
    from manual import changes

    return changes.print_changes(Path.cwd() / "docs", args.lang, args.path)


def command_add_language(args) -> int:
    for path in languages.add_language(Path.cwd(), args.code, args.name):
        print(f"wrote {path.relative_to(Path.cwd())}")
    print(
        f"Build now: every {args.name} page shows the English text with a notice until it is translated."
    )
    return 0


def command_epub(args) -> int:
    site = Path(args.site).resolve()
    codes = configured_languages(Path.cwd() / "mkdocs.yml")
    for book in epub.build_all(Path.cwd(), site, codes, codes[0]):
        print(f"wrote {book} ({editions.human_size(book.stat().st_size)})")
    return 0


def command_offline(args) -> int:
    site = Path(args.site).resolve()
    codes = configured_languages(Path.cwd() / "mkdocs.yml")
    command_epub(args)  # each offline edition carries its language's EPUB
    for archive in offline.build_all(Path.cwd(), site, codes, codes[0]):
        print(
            f"wrote {archive.relative_to(site.parent) if site.parent in archive.parents else archive} "
            f"({editions.human_size(archive.stat().st_size)})"
        )
    # The Downloads pages were written before the zips and EPUBs existed: give them their sizes now.
    editions.fill_site_sizes(site)
    return 0


def command_headers(args) -> int:
    from manual import content_policy

    site = Path(args.site)
    if not (site / "index.html").exists():
        raise ManualError(
            site, None, "no built site here (index.html missing): run 'make build' first"
        )
    pages = (path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html")))
    for name, value in content_policy.server_headers(pages):
        print(f"{name}: {value}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m manual",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="report each translation's coverage").set_defaults(
        run=command_status
    )
    stamp = commands.add_parser(
        "stamp", help="mark a translation up to date with its English source"
    )
    stamp.add_argument("lang")
    stamp.add_argument(
        "path", help="a page (02-safety/index.md) or data file (checklists/initial-contact.yml)"
    )
    stamp.add_argument(
        "entry", nargs="?", help="one entry of a data file, e.g. sections.safety.items.check-danger"
    )
    stamp.set_defaults(run=command_stamp)
    diff = commands.add_parser(
        "diff", help="show what changed in English since a translation was stamped"
    )
    diff.add_argument("lang")
    diff.add_argument("path", nargs="?", help="a page or data file; without it, everything stale")
    diff.set_defaults(run=command_diff)
    add = commands.add_parser("add-language", help="start a new language")
    add.add_argument("code")
    add.add_argument("name")
    add.set_defaults(run=command_add_language)
    edition = commands.add_parser("offline", help="make the offline edition of each language")
    edition.add_argument("--site", default="site")
    edition.set_defaults(run=command_offline)
    book = commands.add_parser("epub", help="make the EPUB of each language")
    book.add_argument("--site", default="site")
    book.set_defaults(run=command_epub)
    headers = commands.add_parser(
        "headers", help="the HTTP headers to send with the built site's pages"
    )
    headers.add_argument("--site", default="site")
    headers.set_defaults(run=command_headers)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (ManualError, RuntimeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a file that cannot be read or written: its name and the reason
        print(f"error: {err.filename or ''}: {err.strerror or err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
