"""Domain exceptions.

Every message is meant to be shown to a translator as it is, so it names the file and says what to do.
"""

from __future__ import annotations

from pathlib import Path


class TarjamaError(Exception):
    """Base of every error the app reports to the user instead of crashing."""


class BadInputError(TarjamaError):
    """A file the user gave us cannot be used; nothing was changed."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ProjectError(TarjamaError):
    """A project file cannot be opened or changed as asked."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class SegmentError(TarjamaError):
    """An operation on a segment that its current state does not allow (e.g. merging across paragraphs)."""
