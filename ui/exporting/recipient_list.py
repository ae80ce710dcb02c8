"""Who gets a briefing's invite: the people behind (by default), everyone, or those ticked.

The list shows every recipient with where their calendar stands (from the invite ledger); the
three choices tick the matching people, and ticking someone by hand switches to "ticked".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefings.queries.invites import InviteRecipient, InviteState, InviteStatus
from ui.formatting import plural

BEHIND, EVERYONE, TICKED = "behind", "everyone", "ticked"
LIST_ROWS = 8
COLUMNS = ("Name", "Setting", "Email", "Their calendar")
NAME_COLUMN = 0


def recipient_cells(recipient: InviteRecipient) -> tuple[str, str, str, str]:
    """The person, where they work (or that they present), their address and their invite's state."""
    state = recipient.state.label
    if recipient.state is InviteState.OUTDATED and recipient.changes_missed:
        state += f" ({plural(recipient.changes_missed, 'change')} behind)"
    where = "Presenting" if recipient.chair else (recipient.setting_name or "")
    return recipient.name, where, recipient.email or "", state


def _sendable(recipient: InviteRecipient) -> bool:
    return bool(recipient.email)


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
        self.people = QTreeWidget()
        self.people.setAccessibleName("Recipients")
        self.people.setHeaderLabels(list(COLUMNS))
        self.people.setRootIsDecorated(False)
        self.people.setUniformRowHeights(True)
        self.people.setAlternatingRowColors(True)
        header = self.people.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.ResizeToContents)
        metrics = self.people.fontMetrics()
        self.people.setMinimumSize(metrics.averageCharWidth() * 96, metrics.height() * LIST_ROWS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        for button in (self.behind, self.everyone, self.ticked):
            layout.addWidget(button)
        layout.addWidget(self.people)
        self.group.buttonToggled.connect(self._mode_chosen)
        self.people.itemChanged.connect(lambda item, _column: self._ticked_by_hand(item))
        self._filling = False
        self.show_counts(0, 0)

    def show_status(self, status: InviteStatus) -> None:
        """One briefing: its summary and every recipient, ticked as the choice says."""
        self.summary.setText("\n".join(status.summary()))
        due = [r for r in status.due() if _sendable(r)]
        self.show_counts(len(due), sum(_sendable(r) for r in status.recipients))
        self._filling = True
        self.people.clear()
        # Those due a file first (stable: in sign-in order within each group), so the ticks lead.
        for recipient in sorted(status.recipients, key=lambda r: not r.due):
            item = QTreeWidgetItem(list(recipient_cells(recipient)))
            item.setData(NAME_COLUMN, Qt.ItemDataRole.UserRole, recipient)
            if _sendable(recipient):
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(NAME_COLUMN, Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.people.addTopLevelItem(item)
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
        for item in self._items():
            if _recipient(item).email == email:
                item.setCheckState(NAME_COLUMN, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.people.topLevelItem(row) for row in range(self.people.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _recipients(self, *, checked: bool) -> list[InviteRecipient]:
        return [
            _recipient(item)
            for item in self._items()
            if (item.checkState(NAME_COLUMN) == Qt.CheckState.Checked) == checked
        ]

    def _mode_chosen(self, _button: object, on: bool) -> None:
        if on:
            self._apply_mode()
            self.changed.emit()

    def _apply_mode(self) -> None:
        mode = self.mode()
        if mode == TICKED:
            return  # keep whatever is ticked
        self._filling = True
        for item in self._items():
            recipient = _recipient(item)
            if _sendable(recipient):
                wanted = mode == EVERYONE or recipient.due
                item.setCheckState(NAME_COLUMN, Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self._filling = False

    def _ticked_by_hand(self, _item: QTreeWidgetItem) -> None:
        if self._filling:
            return
        if not self.ticked.isChecked():
            self.ticked.setChecked(True)
        self.changed.emit()


def _recipient(item: QTreeWidgetItem) -> InviteRecipient:
    found: InviteRecipient = item.data(NAME_COLUMN, Qt.ItemDataRole.UserRole)
    return found
