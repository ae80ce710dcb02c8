"""Backups of the database: when each was taken, why, and how big it is."""

from __future__ import annotations

from typing import Any

from briefings.services.backup_service import BackupRow
from ui.display_text import moment_text
from ui.itemmodels.row_table import Column, RowTableModel

KIND_WORDS = {
    "daily": "Daily",
    "manual": "Backed up by hand",
    "before-upgrade": "Before an upgrade",
    "before-restore": "Before a restore",
}


def kind_text(kind: str) -> str:
    """Why a backup was taken, in words."""
    return KIND_WORDS.get(kind, kind.replace("-", " ").capitalize())


def size_text(size: int) -> str:
    """A file size as people read it: 840 KB, 12.3 MB."""
    if size < 1_000_000:  # noqa: PLR2004 - a megabyte
        return f"{max(size, 1) / 1000:,.0f} KB"
    return f"{size / 1_000_000:,.1f} MB"


BACKUP_COLUMNS: tuple[Column[BackupRow], ...] = (
    Column("Taken", lambda b: moment_text(b.taken_at), sort_key=lambda b: b.taken_at),
    Column("Kind", lambda b: kind_text(b.kind)),
    Column("Size", lambda b: size_text(b.size), sort_key=lambda b: b.size, numeric=True),
    Column("File", lambda b: b.name, tooltip=lambda b: str(b.path)),
)


class BackupTableModel(RowTableModel[BackupRow]):
    """Backups, newest first as the service lists them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(BACKUP_COLUMNS, parent)
