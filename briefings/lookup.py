"""Fetching one thing by id, or failing with a NotFoundError that names it."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from briefings.errors import NotFoundError

T = TypeVar("T")


def get_or_fail(session: Session, model: type[T], ident: int | None, label: str, field: str) -> T:
    """The row with primary key ``ident``, or a NotFoundError such as "Briefing 12 does not exist"."""
    if ident is None:
        raise NotFoundError(f"{label} is required", field)
    found = session.get(model, ident)
    if found is None:
        raise NotFoundError(f"{label} {ident} does not exist", field)
    return found
