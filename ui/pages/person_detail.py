"""One person's history: their details, roles over time, briefings, licences and last refresh."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from briefings.clock import london_today
from briefings.queries.directory import HistoryRow, MembershipRow
from briefings.queries.licences import AllocationRow
from briefings.services import Services
from briefings.services.directory_service import PersonHistory
from ui.display_text import count_text
from ui.itemmodels.allocation_rows import AllocationTableModel
from ui.itemmodels.history_rows import HistoryTableModel
from ui.itemmodels.membership_rows import MembershipTableModel
from ui.pages.history_tabs import Facts, HistoryTab, heading, read_or_explain, refresh_text, set_tab_count
from ui.widgets.empty_state import Placeholder
from ui.widgets.row_table_view import RowTableView

NOTHING_CHOSEN = "Choose a person to see their roles over time, the briefings they booked and their licences."


class PersonDetail(Placeholder):
    """Shows one person; ``open_requested`` asks to show a setting, briefing or pool elsewhere."""

    open_requested = Signal(str, int)
    role_selected = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self._services = services
        self.person_id: int | None = None
        self.history: PersonHistory | None = None
        body = QWidget()
        super().__init__(body, parent)
        self.title = heading()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.refresh_line = QLabel()
        self.refresh_line.setWordWrap(True)
        self.facts = Facts(["Email", "Phone", "Notes"])
        self.roles = MembershipTableModel.roles(self)
        self.bookings = HistoryTableModel.of_person(self)
        self.licences = AllocationTableModel.held(self)
        self.roles_tab = HistoryTab(
            RowTableView(self.roles), "No roles recorded. Give them one with Add role."
        )
        self.bookings_summary = QLabel()
        self.bookings_tab = HistoryTab(RowTableView(self.bookings), "They have not booked a briefing yet.")
        self.bookings_tab.layout_.insertWidget(0, self.bookings_summary)
        self.licences_tab = HistoryTab(
            RowTableView(self.licences), "No licence seats are allocated to them by name."
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.roles_tab, "Roles")
        self.tabs.addTab(self.bookings_tab, "Briefings")
        self.tabs.addTab(self.licences_tab, "Licences")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.summary, self.refresh_line, self.facts):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        self.roles_tab.table.row_activated.connect(self._open_place)
        self.roles_tab.table.current_row_changed.connect(self.role_selected)
        self.bookings_tab.table.row_activated.connect(self._open_briefing)
        self.licences_tab.table.row_activated.connect(self._open_pool)
        self.show_message(NOTHING_CHOSEN)

    def selected_role(self) -> MembershipRow | None:
        """The role picked in the Roles tab, or the only current one."""
        picked = self.roles_tab.table.current_row()
        if isinstance(picked, MembershipRow):
            return picked
        current = [m for m in self.roles.rows() if m.current]
        return current[0] if len(current) == 1 else None

    def show_person(self, person_id: int | None) -> None:
        """Show this person's history (None: nothing chosen)."""
        self.person_id = person_id
        self.reload()

    def reload(self) -> None:
        """Fetch the shown person's history again."""
        if self.person_id is None:
            self.history = None
            self.show_message(NOTHING_CHOSEN)
            return
        person_id = self.person_id
        self.history = read_or_explain(self, lambda: self._services.directory.person_history(person_id))
        if self.history is not None:
            self._show(self.history)

    def _show(self, history: PersonHistory) -> None:
        person = history.person
        today = london_today(self._services.directory.now())
        self.title.setText(" ".join(p for p in (person.title or "", person.full_name) if p))
        current = [f"{m.role.label} at {m.place}" for m in person.roles if m.current]
        self.summary.setText("; ".join(current) if current else "No current role.")
        self.facts.show_values({"Email": person.email, "Phone": person.phone, "Notes": person.notes})
        self.refresh_line.setText(
            refresh_text(
                history.last_refresh,
                today,
                what="Last safeguarding refresh",
                never="Has not attended a refresh briefing yet.",
            )
        )
        self.roles.set_rows(sorted(person.roles, key=lambda m: (not m.current, m.place)))
        self.bookings.set_rows(history.bookings)
        self.licences.set_rows(history.licences)
        attended = sum(1 for b in history.bookings if b.attendance is not None and b.attendance.attended)
        self.bookings_summary.setText(
            f"{count_text(len(history.bookings), 'booking')}; {attended:,} attended."
        )
        set_tab_count(self.tabs, self.roles_tab, "Roles", len(person.roles))
        set_tab_count(self.tabs, self.bookings_tab, "Briefings", len(history.bookings))
        set_tab_count(self.tabs, self.licences_tab, "Licences", len(history.licences))
        self.roles_tab.rows_shown(len(person.roles))
        self.bookings_tab.rows_shown(len(history.bookings))
        self.licences_tab.rows_shown(len(history.licences))
        self.show_content()

    def _open_place(self, membership: MembershipRow) -> None:
        if membership.setting_id is not None:
            self.open_requested.emit("setting", membership.setting_id)

    def _open_briefing(self, booking: HistoryRow) -> None:
        self.open_requested.emit("briefing", booking.briefing_id)

    def _open_pool(self, allocation: AllocationRow) -> None:
        self.open_requested.emit("pool", allocation.pool_id)
