"""Operations on preferences stored in the database (organiser details, mappings, policies)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefings.errors import ValidationError
from models.preferences import Preference

MAX_KEY = 120


def get_preference(session: Session, key: str, default: Any = None) -> Any:
    """The stored value, or ``default`` when none is stored."""
    found = session.get(Preference, key)
    return default if found is None else found.value


def get_preferences(session: Session, prefix: str) -> dict[str, Any]:
    """Every stored value whose key starts with ``prefix``."""
    rows = session.scalars(select(Preference).where(Preference.key.startswith(prefix, autoescape=True)))
    return {row.key: row.value for row in rows}


def set_preference(session: Session, key: str, value: Any) -> None:
    """Store a JSON-serialisable value (None removes the key)."""
    if not key or len(key) > MAX_KEY:
        raise ValidationError(f"A preference key must be 1 to {MAX_KEY} characters", "key")
    try:
        json.dumps(value)
    except (TypeError, ValueError) as error:
        raise ValidationError(f"{key} cannot be stored: {error}", "value") from error
    found = session.get(Preference, key)
    if value is None:
        if found is not None:
            session.delete(found)
    elif found is None:
        session.add(Preference(key=key, value=value))
    else:
        found.value = value
    session.flush()
