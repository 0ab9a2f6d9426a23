"""PDF/UA-1 by two independent checkers: page (page-validation, its PDF_UA_1 profile) and outloud.

    python tests/pdfua.py site/pdf     every PDF under the folder; exit 1 on any error

Used by tests/test_pdf_ua.py on a sample and by `make check-pdf` on every PDF of the built site.
An error of either fails; outloud's warnings (heuristics: reading order, shaped Arabic glyphs)
are reported, not failed on.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Verdict:
    path: Path
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def report(self) -> str:
        lines = [f"{self.path}: {len(self.errors)} error(s)"]
        lines += [f"  error   {e}" for e in self.errors]
        return "\n".join(lines)


def check(path: Path) -> Verdict:
    """Both checkers' errors on one PDF, each as 'checker RULE: message'."""
    import page
    from outloud import check as outloud_check

    verdict = Verdict(Path(path))
    started = time.perf_counter()
    report = page.validate_pdf(path, profile=page.ValidationProfile.PDF_UA_1)
    verdict.seconds["page"] = time.perf_counter() - started
    verdict.errors += [f"page {f.rule_id}: {f.message}" for f in report.failures]
    if not report.is_compliant and not report.failures:
        verdict.errors.append("page: not conformant (no rule named)")
    started = time.perf_counter()
    result = outloud_check(str(path))
    verdict.seconds["outloud"] = time.perf_counter() - started
    if result.error:
        verdict.errors.append(f"outloud: unreadable: {result.error}")
    for finding in result.sorted_findings():
        where = f" (page {finding.page})" if finding.page else ""
        line = f"outloud {finding.rule}{where}: {finding.message}"
        if finding.severity == "error":
            verdict.errors.append(line)
        elif finding.severity == "warning":
            verdict.warnings.append(line)
    return verdict


def main(folder: str) -> int:
    paths = sorted(Path(folder).rglob("*.pdf"))
    if not paths:
        print(f"check-pdf: no PDF under {folder}", file=sys.stderr)
        return 2
    failed, warnings, totals = [], 0, {"page": 0.0, "outloud": 0.0}
    for path in paths:
        verdict = check(path)
        warnings += len(verdict.warnings)
        for name, seconds in verdict.seconds.items():
            totals[name] += seconds
        if verdict.errors:
            failed.append(verdict)
            print(verdict.report(), flush=True)
    print(
        f"check-pdf: {len(paths)} PDFs, {len(failed)} failing PDF/UA-1, {warnings} outloud "
        f"warnings (page {totals['page']:.1f} s, outloud {totals['outloud']:.1f} s)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/pdfua.py FOLDER")
    sys.exit(main(sys.argv[1]))
