"""Add a whole audience at once: everyone holding chosen roles at settings of chosen phases and districts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefings.queries.audience import AudienceMember
from briefings.queries.briefings import BriefingRow
from briefings.services import Services
from briefings.vocabulary import SAFEGUARDING_LEADS, Phase, Role
from ui.formatting import plural
from ui.loading import BackgroundLoad
from ui.widgets.check_list import CheckList

PREVIEW = 500


class AudienceDialog(QDialog):
    """Pick roles, phases and districts, see who that is, then book them all.

    Starts from the briefing's own audience (or every DSL and deputy when it names none). The
    search runs off the UI thread: a whole county's audience takes half a second to gather.

    Signals:
        found: the people for the current choices are listed.
    """

    found = Signal()

    def __init__(
        self, services: Services, briefing: BriefingRow, registered: set[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Add an audience to “{briefing.title}”")
        self._services = services
        self._registered = registered
        self.members: list[AudienceMember] = []
        self._load = BackgroundLoad(self)
        self._load.loaded.connect(self._show_found)
        self._load.failed.connect(self._failed)
        self.roles = CheckList([(r.label, r) for r in Role], rows=7)
        self.phases = CheckList([(p.label, p) for p in Phase], rows=7)
        self.districts = CheckList([(d, d) for d in services.directory.districts()], rows=7)
        self.roles.set_checked(briefing.audience_roles or sorted(SAFEGUARDING_LEADS))
        self.phases.set_checked(briefing.audience_phases)
        self.districts.set_checked(briefing.audience_districts)
        choices = QHBoxLayout()
        for heading, check_list in (
            ("Roles", self.roles),
            ("Phases (none = all)", self.phases),
            ("Districts (none = all)", self.districts),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(heading))
            column.addWidget(check_list)
            choices.addLayout(column)
        self.preview = QListWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        find = QPushButton("&Find these people")
        find.clicked.connect(self.find_people)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for check_list in (self.roles, self.phases, self.districts):
            check_list.changed.connect(self.find_people)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(find, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.find_people()

    def find_people(self) -> None:
        """Look for who the current choices select (in the background)."""
        roles = [Role(r) for r in self.roles.checked()]
        phases = [Phase(p) for p in self.phases.checked()]
        districts = [str(d) for d in self.districts.checked()]
        bookings = self._services.bookings
        self.ok_button.setEnabled(False)
        self.summary.setText("Finding people…")
        self._load.run(lambda: bookings.audience(roles=roles, phases=phases, districts=districts))

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(f"Could not find the audience: {error}")

    def _show_found(self, everyone: list[AudienceMember]) -> None:
        roles = self.roles.checked()
        self.members = [m for m in everyone if m.person_id not in self._registered]
        self.preview.clear()
        for member in self.members[:PREVIEW]:
            self.preview.addItem(f"{member.person_name} — {member.role.label}, {member.setting_name}")
        already = len(everyone) - len(self.members)
        text = plural(len(self.members), "person", "people") + " to book"
        if already:
            text += f" ({already} more already registered)"
        if len(self.members) > PREVIEW:
            text += f"; the first {PREVIEW} are listed"
        if not roles:
            text += ". No role ticked means every role."
        self.summary.setText(text)
        self.ok_button.setText(f"Book {plural(len(self.members), 'person', 'people')}")
        self.ok_button.setEnabled(bool(self.members))
        self.found.emit()

    def bookings(self) -> list[tuple[int, int | None, Role | None]]:
        """(person, setting, role) for each person to book, as ``book_many`` takes them."""
        return [(m.person_id, m.setting_id, m.role) for m in self.members]
