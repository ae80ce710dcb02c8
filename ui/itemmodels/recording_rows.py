"""Recordings with their availability state, and who each link was given to."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from typing_extensions import override

from briefings.queries.recordings import Availability, RecordingAccessRow, RecordingRow
from ui.display_text import NOTHING, day_text, moment_text
from ui.itemmodels.row_table import Column, RowTableModel

STATE_WORDS = {"not yet available": "Not yet available", "available": "Available", "expired": "Expired"}
STATE_COLUMN = 5


class RecordingTableModel(RowTableModel[RecordingRow]):
    """Every recording, newest session first; expired ones in italics."""

    def __init__(self, parent: Any = None) -> None:
        self.now = datetime.min
        self._all: list[RecordingRow] = []
        self._text = ""
        self._state: Availability | None = None
        columns: tuple[Column[RecordingRow], ...] = (
            Column("Briefing", lambda r: r.briefing_title, sort_key=lambda r: r.briefing_title.casefold()),
            Column(
                "Session",
                lambda r: moment_text(r.briefing_starts_at),
                sort_key=lambda r: r.briefing_starts_at,
            ),
            Column("Link goes to", lambda r: r.host, sort_key=lambda r: r.host),
            Column("From", lambda r: day_text(r.available_from.date()), sort_key=lambda r: r.available_from),
            Column(
                "Until", lambda r: day_text(r.available_until.date()), sort_key=lambda r: r.available_until
            ),
            Column("State", self.state_text, sort_key=self.state_text),
            Column(
                "Passcode", lambda r: "Yes" if r.has_passcode else "No", sort_key=lambda r: r.has_passcode
            ),
            Column("Given to", lambda r: f"{r.given_to:,}", sort_key=lambda r: r.given_to, numeric=True),
        )
        super().__init__(columns, parent)

    @property
    def total(self) -> int:
        """How many recordings there are, before narrowing."""
        return len(self._all)

    def set_recordings(self, recordings: list[RecordingRow], now: datetime) -> None:
        """Show these recordings as they stand at ``now``, keeping the current narrowing."""
        self.now = now
        self._all = list(recordings)
        self.narrow(self._text, self._state)

    def narrow(self, text: str, state: Availability | None) -> None:
        """Only recordings whose briefing or host contains ``text`` and in ``state`` (None: any)."""
        self._text, self._state = text.strip().casefold(), state
        self.set_rows(
            [
                r
                for r in self._all
                if (state is None or r.state(self.now) == state)
                and self._text in f"{r.briefing_title} {r.host} {r.notes or ''}".casefold()
            ]
        )

    def state_text(self, recording: RecordingRow) -> str:
        """Not yet available, available, or expired."""
        return STATE_WORDS[recording.state(self.now)]

    @override
    def row_font(self, row: RecordingRow) -> QFont | None:
        if row.state(self.now) != "expired":
            return None
        font = QFont()
        font.setItalic(True)
        return font

    @override
    def extra_data(self, row: RecordingRow, column: int, role: int) -> Any:
        if column == STATE_COLUMN and role == Qt.ItemDataRole.ToolTipRole:
            return f"{moment_text(row.available_from)} to {moment_text(row.available_until)}"
        return None


ACCESS_COLUMNS: tuple[Column[RecordingAccessRow], ...] = (
    Column("Given", lambda a: moment_text(a.given_at), sort_key=lambda a: a.given_at),
    Column("Person", lambda a: a.person_name or NOTHING, sort_key=lambda a: a.person_name or ""),
    Column("Setting", lambda a: a.setting_name or NOTHING, sort_key=lambda a: a.setting_name or ""),
    Column("Email", lambda a: a.email or NOTHING, sort_key=lambda a: a.email or ""),
    Column("Note", lambda a: a.note or "", tooltip=lambda a: a.note),
)


class AccessTableModel(RowTableModel[RecordingAccessRow]):
    """Who a recording's link went to, oldest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(ACCESS_COLUMNS, parent)
