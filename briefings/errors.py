"""The one small hierarchy of domain errors; each names the field at fault and says why."""

from __future__ import annotations


class DomainError(Exception):
    """A rule said no. ``field`` names the input at fault (None when it is the whole request).

    The message is a sentence written for the advisor; the UI shows it next to ``field``.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """An input is malformed or out of range."""


class NotFoundError(DomainError):
    """The thing asked for does not exist (any more)."""


class ConflictError(DomainError):
    """The request clashes with what is stored: a duplicate, a full pool, a wrong state."""


class ReadOnlyError(DomainError):
    """The database is open read-only (another copy of the app holds it)."""


class OperationCancelled(Exception):  # noqa: N818 - an outcome the user chose, not an error
    """Long work (an import, an export, a backup) stopped because the user asked it to."""
