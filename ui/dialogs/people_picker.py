"""Choose people by typing part of a name or e-mail address (to book them or add walk-ins)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefings.queries.directory import PersonFilter, PersonRow
from briefings.services import Services
from ui.loading import BackgroundLoad

SHOWN = 100
TYPING_PAUSE_MS = 200


class PeoplePickerDialog(QDialog):
    """A search box over the people directory; ticked people stay ticked across searches.

    Signals:
        found: the people matching the search box are listed.
    """

    found = Signal()

    def __init__(
        self, services: Services, *, heading: str, ok_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(heading)
        self._services = services
        self._chosen: dict[int, PersonRow] = {}
        self._load = BackgroundLoad(self)
        self._load.loaded.connect(self._show_found)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type part of a name or e-mail address")
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.itemChanged.connect(self._ticked)
        self.results.itemActivated.connect(self._toggle)
        self.summary = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok_text = ok_text
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(560, 480)
        self._update_summary()
        self.run_search()

    def run_search(self) -> None:
        """Look for the people matching the search box (the first hundred), in the background."""
        self._timer.stop()
        flt = PersonFilter(text=self.search.text().strip(), limit=SHOWN + 1)
        directory = self._services.directory
        self._load.run(lambda: directory.people(flt))

    def _show_found(self, found: list[PersonRow]) -> None:
        self.results.blockSignals(True)
        self.results.clear()
        for person in (p for p in found[:SHOWN] if not p.erased):
            item = QListWidgetItem(self._label(person), self.results)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, person)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(
                Qt.CheckState.Checked if person.id in self._chosen else Qt.CheckState.Unchecked
            )
        self.results.blockSignals(False)
        if len(found) > SHOWN:
            self.summary.setToolTip(f"Only the first {SHOWN} are listed; type more to narrow the search.")
        self._update_summary(more=len(found) > SHOWN)
        self.found.emit()

    def chosen(self) -> list[PersonRow]:
        """The ticked people, by name."""
        return sorted(self._chosen.values(), key=lambda p: (p.last_name.casefold(), p.first_name.casefold()))

    @staticmethod
    def _label(person: PersonRow) -> str:
        where = person.places
        roles = person.role_labels
        detail = " — ".join(part for part in (roles, where) if part)
        email = f" <{person.email}>" if person.email else ""
        return f"{person.full_name}{email}" + (f"   ({detail})" if detail else "")

    def _ticked(self, item: QListWidgetItem) -> None:
        person: PersonRow = item.data(Qt.ItemDataRole.UserRole + 1)
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[person.id] = person
        else:
            self._chosen.pop(person.id, None)
        self._update_summary()

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _update_summary(self, *, more: bool = False) -> None:
        n = len(self._chosen)
        self.summary.setText(
            f"{n} chosen" + (" · more match than are listed; type more to narrow" if more else "")
        )
        self.ok_button.setText(f"{self._ok_text} ({n})" if n else self._ok_text)
        self.ok_button.setEnabled(n > 0)
