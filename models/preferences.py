"""Preferences the app keeps in the database, so they travel with the data it describes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class Preference(Base):
    """One named value: the organiser's name, a remembered column mapping, a retention policy."""

    __tablename__ = "preferences"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)

    def __repr__(self) -> str:
        return f"<Preference {self.key}>"
