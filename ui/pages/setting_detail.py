"""One setting's history: its details, staff (current and former), briefings, licences, last refresh."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from briefings.clock import london_today
from briefings.queries.directory import HistoryRow, MembershipRow
from briefings.queries.licences import AllocationRow
from briefings.services import Services
from briefings.services.directory_service import SettingHistory
from ui.display_text import count_text
from ui.itemmodels.allocation_rows import AllocationTableModel
from ui.itemmodels.history_rows import HistoryTableModel
from ui.itemmodels.membership_rows import MembershipTableModel
from ui.itemmodels.setting_rows import status_text
from ui.pages.history_tabs import Facts, HistoryTab, heading, read_or_explain, refresh_text, set_tab_count
from ui.widgets.empty_state import Placeholder
from ui.widgets.row_table_view import RowTableView


class SettingDetail(Placeholder):
    """Shows one setting; ``open_requested`` asks to show a person, briefing or pool elsewhere."""

    open_requested = Signal(str, int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self._services = services
        self.setting_id: int | None = None
        self.history: SettingHistory | None = None
        body = QWidget()
        super().__init__(body, parent)
        self.title = heading()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.facts = Facts(["Address", "Postcode", "Local authority", "LAESTAB", "Area"])
        self.refresh_line = QLabel()
        self.refresh_line.setWordWrap(True)
        self.staff = MembershipTableModel.staff(self)
        self.bookings = HistoryTableModel.of_setting(self)
        self.licences = AllocationTableModel.held(self)
        self.show_former = QCheckBox("Show &former staff")
        self.staff_tab = HistoryTab(
            RowTableView(self.staff), "No one is recorded as working here. Add people on the People page."
        )
        self.staff_tab.layout_.insertWidget(0, self.show_former)
        self.bookings_summary = QLabel()
        self.bookings_tab = HistoryTab(
            RowTableView(self.bookings), "No one from this setting has booked a briefing yet."
        )
        self.licences_tab = HistoryTab(
            RowTableView(self.licences),
            "This setting holds no licences. Allocate seats on the Licences page.",
        )
        self.bookings_tab.layout_.insertWidget(0, self.bookings_summary)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.staff_tab, "Staff")
        self.tabs.addTab(self.bookings_tab, "Briefings")
        self.tabs.addTab(self.licences_tab, "Licences")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.summary, self.refresh_line, self.facts):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        self.show_former.toggled.connect(self.reload)
        self.staff_tab.table.row_activated.connect(self._open_person)
        self.bookings_tab.table.row_activated.connect(self._open_briefing)
        self.licences_tab.table.row_activated.connect(self._open_pool)
        self.show_message(
            "Choose a setting to see its staff, the briefings they booked and the licences it holds."
        )

    def show_setting(self, setting_id: int | None) -> None:
        """Show this setting's history (None: nothing chosen)."""
        self.setting_id = setting_id
        self.reload()

    def reload(self) -> None:
        """Fetch the shown setting's history again."""
        if self.setting_id is None:
            self.history = None
            self.show_message(
                "Choose a setting to see its staff, the briefings they booked and the licences it holds."
            )
            return
        setting_id, former = self.setting_id, self.show_former.isChecked()
        self.history = read_or_explain(
            self, lambda: self._services.directory.setting_history(setting_id, include_former=former)
        )
        if self.history is not None:
            self._show(self.history)

    def _show(self, history: SettingHistory) -> None:
        setting = history.setting
        today = london_today(self._services.directory.now())
        self.title.setText(setting.name)
        parts = [
            f"URN {setting.urn}" if setting.urn else "",
            setting.phase.label,
            setting.establishment_type or "",
            setting.district or "",
            status_text(setting),
        ]
        self.summary.setText(" · ".join(p for p in parts if p))
        la = " ".join(p for p in (setting.la_code or "", setting.la_name or "") if p)
        self.facts.show_values(
            {
                "Address": setting.address,
                "Postcode": setting.postcode,
                "Local authority": la,
                "LAESTAB": setting.laestab,
                "Area": setting.area,
            }
        )
        self.refresh_line.setText(
            refresh_text(
                history.last_lead_refresh,
                today,
                what="Last DSL refresh",
                never="No DSL or deputy DSL from here has attended a refresh briefing yet.",
            )
        )
        self.staff.set_rows(history.staff)
        self.bookings.set_rows(history.bookings)
        self.licences.set_rows(history.licences)
        current = sum(1 for m in history.staff if m.current)
        attended = sum(1 for b in history.bookings if b.attendance is not None and b.attendance.attended)
        set_tab_count(self.tabs, self.staff_tab, "Staff", current)
        set_tab_count(self.tabs, self.bookings_tab, "Briefings", len(history.bookings))
        self.bookings_summary.setText(
            f"{count_text(len(history.bookings), 'booking')} made for this setting; {attended:,} attended."
        )
        set_tab_count(self.tabs, self.licences_tab, "Licences", len(history.licences))
        self.staff_tab.rows_shown(len(history.staff))
        self.bookings_tab.rows_shown(len(history.bookings))
        self.licences_tab.rows_shown(len(history.licences))
        self.show_content()

    def _open_person(self, membership: MembershipRow) -> None:
        self.open_requested.emit("person", membership.person_id)

    def _open_briefing(self, booking: HistoryRow) -> None:
        self.open_requested.emit("briefing", booking.briefing_id)

    def _open_pool(self, allocation: AllocationRow) -> None:
        self.open_requested.emit("pool", allocation.pool_id)
