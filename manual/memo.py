"""Results of pure steps of the build, kept on disk between builds under a hash of their inputs.

A rebuild in which a step's inputs are unchanged (most of them, when one page is edited, and all
of them when nothing is) loads the step's result instead of working it out again. The key holds
the inputs (files by name, size and modification time) and the manual's own code and templates,
so an edit to any of them makes the step run again; a missing or damaged entry does too.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

CODE = Path(__file__).parent
T = TypeVar("T")


@cache
def code_version() -> bytes:
    """The manual's code, templates and stylesheets, and the libraries that shape what it makes."""
    from importlib.metadata import version  # not `import pydantic`: a warm build never needs it

    libraries = " ".join(version(name) for name in ("markdown", "jinja2", "pydantic", "pyyaml"))
    digest = hashlib.sha256(f"{sys.version} {libraries}".encode())
    for path in sorted(CODE.rglob("*")):
        if path.suffix in (".py", ".j2", ".css"):
            digest.update(path.relative_to(CODE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.digest()


def remembered(folder: Path, step: str, inputs: bytes, compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned last time for the same `inputs` and code.

    One entry is kept per step (e.g. "print-plan-ro"): a new result replaces the old one.
    """
    key = hashlib.sha256(code_version() + step.encode() + b"\0" + inputs).hexdigest()[:40]
    entry = folder / f"{step}.{key}.pickle"
    try:
        with entry.open("rb") as stored:
            return pickle.load(stored)
    except FileNotFoundError:
        pass
    except Exception:  # damaged or from an incompatible Python: work it out again
        entry.unlink(missing_ok=True)
    value = compute()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{step}.*.pickle"):
        old.unlink(missing_ok=True)
    # Written aside and renamed, so a build running beside this one never reads half an entry.
    partial = folder / f".{step}.{key}.{os.getpid()}"
    with partial.open("wb") as out:
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, entry)
    return value


def of_objects(*values) -> bytes:
    """Inputs given as plain data (strings, numbers, dataclasses, lists, dicts; no sets).

    Their repr, not their pickle: a pickle also records which objects are shared, so the same data
    read from a kept step and worked out afresh would give two keys.
    """
    return repr(values).encode()


def of_files(paths) -> bytes:
    """Inputs given as files: their names, sizes and modification times (as Python keys its
    bytecode), so that a rebuild does not read every file to see that nothing changed."""
    signature = []
    for path in sorted(str(p) for p in paths):
        try:
            found = os.stat(path)
            signature.append((path, found.st_mtime_ns, found.st_size))
        except FileNotFoundError:
            signature.append((path, None, None))
    return pickle.dumps(signature, protocol=pickle.HIGHEST_PROTOCOL)
