"""One error type for bad input, always naming the file, the line and what was expected."""

from __future__ import annotations

from pathlib import Path


class ManualError(Exception):
    """Bad input that must stop the build."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")
