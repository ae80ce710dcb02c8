"""Roles over time: a setting's staff, or one person's roles; former roles in italics."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont
from typing_extensions import override

from briefings.queries.directory import MembershipRow
from ui.display_text import NOTHING, day_text
from ui.itemmodels.row_table import Column, RowTableModel


def _until(m: MembershipRow) -> str:
    return day_text(m.ends_on) if m.ends_on else ("Now" if m.current else NOTHING)


def _from(m: MembershipRow) -> str:
    return day_text(m.starts_on) if m.starts_on else NOTHING


STAFF_COLUMNS: tuple[Column[MembershipRow], ...] = (
    Column("Name", lambda m: m.person_name, sort_key=lambda m: m.person_name.casefold()),
    Column("Role", lambda m: m.role.label, sort_key=lambda m: m.role.label),
    Column("From", _from, sort_key=lambda m: m.starts_on),
    Column("Until", _until, sort_key=lambda m: m.ends_on),
    Column("Job title", lambda m: m.job_title or NOTHING, sort_key=lambda m: m.job_title),
    Column("Email", lambda m: m.email or NOTHING, sort_key=lambda m: m.email),
)

ROLE_COLUMNS: tuple[Column[MembershipRow], ...] = (
    Column("Role", lambda m: m.role.label, sort_key=lambda m: m.role.label),
    Column("At", lambda m: m.place, sort_key=lambda m: m.place.casefold()),
    Column("From", _from, sort_key=lambda m: m.starts_on),
    Column("Until", _until, sort_key=lambda m: m.ends_on),
    Column("Job title", lambda m: m.job_title or NOTHING, sort_key=lambda m: m.job_title),
)


class MembershipTableModel(RowTableModel[MembershipRow]):
    """Roles, current ones in the normal font and former ones in italics."""

    @classmethod
    def staff(cls, parent: Any = None) -> MembershipTableModel:
        """A setting's staff, by person."""
        return cls(STAFF_COLUMNS, parent)

    @classmethod
    def roles(cls, parent: Any = None) -> MembershipTableModel:
        """One person's roles over time."""
        return cls(ROLE_COLUMNS, parent)

    @override
    def row_font(self, row: MembershipRow) -> QFont | None:
        if row.current:
            return None
        font = QFont()
        font.setItalic(True)
        return font
