"""The one error governance services raise for bad input: what is wrong and how to fix it,
with the form field it is about (None for the whole form)."""

from __future__ import annotations


class GovernanceRefusal(Exception):
    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message
