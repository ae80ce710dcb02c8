"""Who gets a briefing's invite: the people behind (by default), everyone, or those ticked.

The list shows every recipient with where their calendar stands (from the invite ledger); the
three choices tick the matching people, and ticking someone by hand switches to "ticked".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from briefings.queries.invites import InviteRecipient, InviteState, InviteStatus
from ui.formatting import plural

BEHIND, EVERYONE, TICKED = "behind", "everyone", "ticked"
LIST_ROWS = 7


def recipient_text(recipient: InviteRecipient) -> str:
    """One line per person: "Zoë Brontë (St Thomas à Becket) · zoe@school.example · Out of date"."""
    who = recipient.name + (f" ({recipient.setting_name})" if recipient.setting_name else "")
    if recipient.chair:
        who += " · presenting"
    state = recipient.state.label
    if recipient.state is InviteState.OUTDATED and recipient.changes_missed:
        state += f" ({plural(recipient.changes_missed, 'change')})"
    return " · ".join(part for part in (who, recipient.email or "", state) if part)


class RecipientChooser(QWidget):
    """Choice of recipients for one briefing, or (``show_list=False``) for many at once.

    Signals:
        changed: the choice changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.behind = QRadioButton()
        self.everyone = QRadioButton()
        self.ticked = QRadioButton("Only the people ticked below")
        self.group = QButtonGroup(self)
        for button in (self.behind, self.everyone, self.ticked):
            self.group.addButton(button)
        self.behind.setChecked(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Where the invites stand")
        self.people = QListWidget()
        self.people.setAccessibleName("Recipients")
        self.people.setFixedHeight(self.people.fontMetrics().height() * LIST_ROWS + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        for button in (self.behind, self.everyone, self.ticked):
            layout.addWidget(button)
        layout.addWidget(self.people)
        self.group.buttonToggled.connect(self._mode_chosen)
        self.people.itemChanged.connect(self._ticked_by_hand)
        self._filling = False
        self.show_counts(0, 0)

    def show_status(self, status: InviteStatus) -> None:
        """One briefing: its summary and every recipient, ticked as the choice says."""
        self.summary.setText("\n".join(status.summary()))
        self.show_counts(len(status.due()), len(status.recipients))
        self._filling = True
        self.people.clear()
        for recipient in status.recipients:
            item = QListWidgetItem(recipient_text(recipient))
            item.setData(Qt.ItemDataRole.UserRole, recipient)
            if recipient.email:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.people.addItem(item)
        self._filling = False
        self.ticked.setVisible(True)
        self.people.setVisible(True)
        if self.ticked.isChecked():
            self.behind.setChecked(True)  # a new list: start from who is behind
        self._apply_mode()

    def show_many(self, summary: str, due: int, everyone: int) -> None:
        """Several briefings: a summary per briefing and the totals, without the list."""
        self.summary.setText(summary)
        self.show_counts(due, everyone)
        if self.ticked.isChecked():
            self.behind.setChecked(True)
        self.ticked.setVisible(False)
        self.people.setVisible(False)
        self.people.clear()

    def show_counts(self, due: int, everyone: int) -> None:
        """The totals on the two choices."""
        self.behind.setText(f"People whose calendar is behind ({due:,})")
        self.everyone.setText(f"Everyone taking part ({everyone:,})")

    def mode(self) -> str:
        """``behind``, ``everyone`` or ``ticked``."""
        if self.everyone.isChecked():
            return EVERYONE
        return TICKED if self.ticked.isChecked() else BEHIND

    def chosen_emails(self) -> list[str]:
        """The addresses ticked, in list order."""
        return [r.email for r in self._recipients(checked=True) if r.email]

    def tick(self, email: str, *, ticked: bool = True) -> None:
        """Tick (or untick) one person by address, as clicking their box does."""
        for row in range(self.people.count()):
            item = self.people.item(row)
            recipient: InviteRecipient = item.data(Qt.ItemDataRole.UserRole)
            if recipient.email == email:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _recipients(self, *, checked: bool) -> list[InviteRecipient]:
        found = []
        for row in range(self.people.count()):
            item = self.people.item(row)
            if (item.checkState() == Qt.CheckState.Checked) == checked:
                found.append(item.data(Qt.ItemDataRole.UserRole))
        return found

    def _mode_chosen(self, _button: object, on: bool) -> None:
        if on:
            self._apply_mode()
            self.changed.emit()

    def _apply_mode(self) -> None:
        mode = self.mode()
        if mode == TICKED:
            return  # keep whatever is ticked
        self._filling = True
        for row in range(self.people.count()):
            item = self.people.item(row)
            recipient: InviteRecipient = item.data(Qt.ItemDataRole.UserRole)
            wanted = bool(recipient.email) and (mode == EVERYONE or recipient.due)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self._filling = False

    def _ticked_by_hand(self, _item: QListWidgetItem) -> None:
        if self._filling:
            return
        if not self.ticked.isChecked():
            self.ticked.setChecked(True)
        self.changed.emit()
