"""Earlier versions of a file, from the git history of the checkout the manual is built in.

Read-only, through the `git` command: a copy of the manual that is not a git checkout (an
unpacked archive, a machine without git) has no history, and the callers say so.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Version:
    """A file as one commit left it."""

    commit: str
    date: str  # the commit's date, YYYY-MM-DD
    text: str


def _git(folder: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
    except OSError:  # no git on this machine
        return None


def checkout(folder: Path) -> Path | None:
    """The top folder of the git checkout `folder` is in, or None when it is in none."""
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done is None or done.returncode != 0 or not done.stdout.strip():
        return None
    return Path(done.stdout.strip())


def head(folder: Path) -> str:
    """The checkout's current commit ("" outside a checkout, or before its first commit)."""
    done = _git(folder, "rev-parse", "--verify", "-q", "HEAD")
    return done.stdout.strip() if done is not None and done.returncode == 0 else ""


def versions(path: Path) -> list[Version]:
    """Every committed version of `path`, newest first ([] when the history has none)."""
    path = path.resolve()
    return list(_versions(path, head(path.parent)))


@lru_cache(maxsize=256)  # keyed by the current commit: the history below it never changes
def _versions(path: Path, commit: str) -> tuple[Version, ...]:
    if not commit:
        return ()
    log = _git(path.parent, "log", "--format=%H %cs", commit, "--", path.name)
    if log is None or log.returncode != 0:
        return ()
    commits = [line.split(" ", 1) for line in log.stdout.splitlines() if line.strip()]
    if not commits:
        return ()
    # One `git cat-file` for every version: each answer is "<id> blob <size>\n<bytes>\n".
    names = "".join(f"{sha}:./{path.name}\n" for sha, _ in commits)
    done = subprocess.run(
        ["git", "-C", str(path.parent), "cat-file", "--batch"],
        input=names.encode(),
        capture_output=True,
    )
    if done.returncode != 0:
        return ()
    found, data, at = [], done.stdout, 0
    for sha, date in commits:
        header_end = data.find(b"\n", at)
        if header_end == -1:  # fewer answers than questions: keep what was read
            break
        header = data[at:header_end].split()
        at = header_end + 1
        if len(header) < 3 or header[1] != b"blob":  # "<name> missing": deleted in that commit
            continue
        size = int(header[2])
        found.append(Version(sha, date, data[at : at + size].decode("utf-8", errors="replace")))
        at += size + 1
    return tuple(found)
