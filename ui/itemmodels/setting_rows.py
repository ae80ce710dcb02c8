"""The settings directory: every school and setting, filtered, sorted and paged in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, cast

from PySide6.QtGui import QFont
from typing_extensions import override

from briefings.queries.directory import SettingFilter, SettingRow, SettingSort
from briefings.services import Services
from briefings.vocabulary import SettingStatus
from ui.display_text import NOTHING, day_text
from ui.itemmodels.paged_rows import PagedRowModel
from ui.itemmodels.row_table import Column


def status_text(setting: SettingRow) -> str:
    """Open, proposed, or closed with the day it closed."""
    if setting.status is SettingStatus.CLOSED:
        return f"Closed {day_text(setting.closed_on)}" if setting.closed_on else "Closed"
    return setting.status.value.capitalize()


SETTING_COLUMNS: tuple[Column[SettingRow], ...] = (
    Column("Name", lambda s: s.name, sql_sort="name"),
    Column("URN", lambda s: str(s.urn) if s.urn else NOTHING, sql_sort="urn", numeric=True),
    Column("Phase", lambda s: s.phase.label, sql_sort="phase"),
    Column("Type", lambda s: s.establishment_type or NOTHING, sql_sort="establishment_type"),
    Column("District", lambda s: s.district or NOTHING, sql_sort="district"),
    Column("Postcode", lambda s: s.postcode or NOTHING),
    Column("Status", status_text, sql_sort="status"),
)


class SettingQuery:
    """One filter of the settings directory, asked of the directory service."""

    def __init__(self, services: Services, flt: SettingFilter) -> None:
        self._services = services
        self.filter = flt

    def count(self) -> int:
        """How many settings match."""
        return self._services.directory.count_settings(self.filter)

    def page(self, offset: int, limit: int, sort: str, descending: bool) -> Sequence[SettingRow]:
        """One page of matches."""
        flt = replace(
            self.filter, offset=offset, limit=limit, sort=cast(SettingSort, sort), descending=descending
        )
        return self._services.directory.settings(flt)


class SettingDirectoryModel(PagedRowModel[SettingRow]):
    """Settings matching the directory's filter; closed ones in italics."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(SETTING_COLUMNS, default_sort="name", parent=parent)

    @override
    def row_font(self, row: SettingRow) -> QFont | None:
        if row.status is not SettingStatus.CLOSED:
            return None
        font = QFont()
        font.setItalic(True)
        return font
