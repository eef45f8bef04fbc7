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
    """A whole import was refused; ``problems`` lists every bad row (nothing was stored).

    ``total`` counts every bad row when ``problems`` holds only the first of very many; ``summary``
    adds lines before the rows (e.g. every unknown channel value with its row count)."""

    def __init__(self, problems: list[ValidationError], source: str, *, total: int | None = None,
                 summary: str = "") -> None:
        total = len(problems) if total is None else total
        shown = "\n".join(p.message for p in problems[:50])
        more = f"\n……另有 {total - 50} 行有问题" if total > 50 else ""
        head = f"{source}: 未导入，没有保存任何数据（{total} 行有问题）。"
        super().__init__("\n".join(part for part in (head, summary, shown + more) if part))
        self.problems = problems
        self.total = total


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
