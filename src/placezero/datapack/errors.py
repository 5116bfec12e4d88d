"""Errors raised while building or reading a place pack.

Every error names the file (and, where it applies, the row and column) so that a
council officer running `placezero place build` can find and fix the problem.
"""

from __future__ import annotations


class PackError(Exception):
    """A place pack (or a file it is built from) is missing, malformed or inconsistent."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class SourceDataError(PackError):
    """A raw national file used by the builder is missing, truncated or has changed layout."""
