"""Errors a user can fix: shown in plain words where the action started.

Anything that is not a ``DomainError`` is a bug or an environment failure and goes to the crash
handler with the log path.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base for errors a user can understand and fix."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """A value does not pass a check. ``field`` names the field, ``row`` the input row if any."""

    def __init__(self, message: str, *, field: str | None = None, row: int | None = None) -> None:
        prefix = ""
        if row is not None:
            prefix += f"row {row}, "
        if field is not None:
            prefix += f"column {field}: " if row is not None else f"{field}: "
        super().__init__(prefix + message)
        self.field = field
        self.row = row
        self.reason = message


class ImportRejected(DomainError):
    """A whole import was refused; ``problems`` lists every bad row (nothing was stored)."""

    def __init__(self, problems: list[ValidationError], source: str) -> None:
        shown = "\n".join(p.message for p in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{source}: import refused, nothing was stored.\n{shown}{more}")
        self.problems = problems


class NotFound(DomainError):
    """The thing asked for does not exist."""


class Duplicate(DomainError):
    """The thing already exists (e.g. the same external work-order number in one channel)."""


class ConflictError(DomainError):
    """Someone else saved the record first (optimistic locking)."""


class PermissionDenied(DomainError):
    """The user's role does not allow the action."""


class IntegrityProblem(DomainError):
    """Stored evidence, database or audit chain failed a check."""


class StoreKeyError(DomainError):
    """The encryption key is missing or does not belong to this store."""


class Cancelled(Exception):
    """Long work was cancelled by the user; whatever it wrote has been rolled back or removed."""
