"""Open settings holding no seats from a pool, narrowed by typing (a few thousand at most)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefings.queries.licences import UnallocatedSetting
from ui.display_text import NOTHING
from ui.itemmodels.row_table import Column, RowTableModel

UNALLOCATED_COLUMNS: tuple[Column[UnallocatedSetting], ...] = (
    Column("Name", lambda s: s.name, sort_key=lambda s: s.name.casefold()),
    Column("URN", lambda s: str(s.urn) if s.urn else NOTHING, sort_key=lambda s: s.urn, numeric=True),
    Column("District", lambda s: s.district or NOTHING, sort_key=lambda s: s.district),
    Column("Phase", lambda s: s.phase.label, sort_key=lambda s: s.phase.label),
)


class UnallocatedTableModel(RowTableModel[UnallocatedSetting]):
    """The settings without seats; ``narrow`` filters the list in Python (no proxy model)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(UNALLOCATED_COLUMNS, parent)
        self._all: list[UnallocatedSetting] = []
        self._text = ""

    @property
    def total(self) -> int:
        """How many settings have none, before narrowing."""
        return len(self._all)

    def set_settings(self, settings: Sequence[UnallocatedSetting]) -> None:
        """Replace the list, keeping the current narrowing."""
        self._all = list(settings)
        self.narrow(self._text)

    def narrow(self, text: str) -> None:
        """Show only settings whose name, URN, district or phase contains ``text``."""
        self._text = needle = text.strip().casefold()
        if not needle:
            self.set_rows(self._all)
            return
        self.set_rows(
            [
                s
                for s in self._all
                if needle in f"{s.name} {s.urn or ''} {s.district or ''} {s.phase.label}".casefold()
            ]
        )
