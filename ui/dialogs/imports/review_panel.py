"""The attendance review: participants, who each may be, and the advisor's decision for each.

The panel only asks; its owner decides what a decision does (kept until Apply in the import
dialog, written at once for rows left pending). Several rows can be accepted, ignored or left
for review together; matching and adding a person are for one row at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefings.importing.attendance_plan import Action, RowDecision
from briefings.importing.matching import MatchKind
from briefings.services import Services
from ui.dialogs.imports.person_choice import ChoosePersonDialog, WalkInDialog
from ui.itemmodels.attendance_review_rows import AttendanceReviewModel, ReviewRow, Suggested
from ui.itemmodels.row_table import ROW_ROLE
from ui.widgets.action_bar import ActionBar
from ui.widgets.row_table_view import RowTableView

SHOWS = {
    "all": "Every participant",
    "open": "Waiting for a decision",
    "matched": "Matched (booked or known)",
    "excluded": "Not attendees",
}


class ReviewPanel(QWidget):
    """A filterable table of participants, the selected one's suggestions, and the decisions.

    Signals:
        decided: (rows, RowDecision, person's name) for the rows the advisor just decided.
    """

    decided = Signal(object, object, str)

    def __init__(
        self,
        services: Services,
        decision_text: Callable[[ReviewRow], str],
        undecided: Callable[[ReviewRow], bool],
        *,
        can_leave: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undecided = undecided
        self._rows: list[ReviewRow] = []
        self._asking: QWidget | None = None
        self.model = AttendanceReviewModel(decision_text, undecided, self)
        self.table = RowTableView(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.show_combo = QComboBox()
        for key, text in SHOWS.items():
            self.show_combo.addItem(text, key)
        self.show_combo.currentIndexChanged.connect(lambda _index: self._filter())
        self.suggestions = QListWidget()
        self.suggestions.setWordWrap(True)
        self.suggestions.setAlternatingRowColors(True)
        self.suggestions.itemActivated.connect(lambda _item: self.match_suggestion())
        self.suggestions.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.suggestion_button = QPushButton("Match to this &person")
        self.suggestion_button.clicked.connect(lambda _checked=False: self.match_suggestion())
        bar = ActionBar()
        self.accept_button = bar.add("&Accept", self.accept_selected, "Record the person the import proposes")
        self.match_button = bar.add("&Match to someone else…", self.match_someone)
        self.new_button = bar.add("Add as &new person…", self.add_new_person)
        self.ignore_button = bar.add("&Ignore", lambda: self._decide_selected(RowDecision(Action.IGNORE)))
        self.leave_button = bar.add(
            "Lea&ve for review", lambda: self._decide_selected(RowDecision(Action.REVIEW))
        )
        self.leave_button.defaultAction().setVisible(can_leave)  # a toolbar shows what its actions say
        bar.add_stretch()
        self.accept_all_button = bar.add(
            "Accept all mat&ched", self.accept_all_matched, "Accept every booked and known participant"
        )
        self._build(bar)

    def _build(self, bar: ActionBar) -> None:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("<b>Who it may be</b>"))
        column.addWidget(self.reason)
        column.addWidget(self.suggestions, 1)
        column.addWidget(self.suggestion_button)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([760, 280])
        show_label = QLabel("&Show:")
        show_label.setBuddy(self.show_combo)
        top = QHBoxLayout()
        top.addWidget(show_label)
        top.addWidget(self.show_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(bar)
        self._update_buttons()

    # ------------------------------------------------------------------ rows
    def show_rows(self, rows: Sequence[ReviewRow]) -> None:
        """List these participants (the filter chosen stays)."""
        self._rows = list(rows)
        self._filter()
        self.table.fit_columns(once=True)

    def rows(self) -> list[ReviewRow]:
        """Every participant, shown or filtered out."""
        return list(self._rows)

    def selected_rows(self) -> list[ReviewRow]:
        """The rows selected in the table, top to bottom."""
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ROW_ROLE) for i in indexes]

    def refresh_decisions(self, rows: Sequence[ReviewRow]) -> None:
        """Show changed decisions (re-filtering when the filter depends on them)."""
        if self.show_combo.currentData() == "open":
            self._filter()
        else:
            self.model.decisions_changed(rows)
        self._update_buttons()

    def _filter(self) -> None:
        show = self.show_combo.currentData()
        keep: dict[str, Callable[[ReviewRow], bool]] = {
            "all": lambda r: True,
            "open": self._undecided,
            "matched": lambda r: r.kind in (MatchKind.BOOKED, MatchKind.WALK_IN),
            "excluded": lambda r: r.kind is MatchKind.EXCLUDED,
        }
        self.model.set_rows([r for r in self._rows if keep[show](r)])
        if self.model.rowCount():
            self.table.selectRow(0)  # the review starts at the top, ready for the keyboard
        self._selected()

    def _selected(self) -> None:
        rows = self.selected_rows()
        self.suggestions.clear()
        row = rows[0] if len(rows) == 1 else None
        self.reason.setText(f"{row.name}: {row.reason}." if row is not None else "")
        for suggestion in row.suggestions if row is not None else ():
            item = QListWidgetItem(suggestion.text, self.suggestions)
            item.setData(Qt.ItemDataRole.UserRole, suggestion)
        if self.suggestions.count():
            self.suggestions.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        self.accept_button.setEnabled(any(r.proposed is not None for r in rows))
        self.match_button.setEnabled(len(rows) == 1)
        self.new_button.setEnabled(len(rows) == 1)
        self.ignore_button.setEnabled(bool(rows))
        self.leave_button.setEnabled(bool(rows))
        self.suggestion_button.setEnabled(len(rows) == 1 and self.suggestions.currentItem() is not None)
        self.accept_all_button.setEnabled(any(r.proposed is not None for r in self._rows))

    # ------------------------------------------------------------------ decisions
    def _decide_selected(self, decision: RowDecision, label: str = "") -> None:
        rows = self.selected_rows()
        if rows:
            self.decided.emit(rows, decision, label)

    def accept_selected(self) -> None:
        """Accept the proposal of every selected row that has one."""
        rows = [r for r in self.selected_rows() if r.proposed is not None]
        if rows:
            self.decided.emit(rows, RowDecision(Action.ACCEPT), "")

    def accept_all_matched(self) -> None:
        """Accept every row the import matched to a booking or a known person."""
        rows = [r for r in self._rows if r.proposed is not None]
        if rows:
            self.decided.emit(rows, RowDecision(Action.ACCEPT), "")

    def match_suggestion(self) -> None:
        """Match the selected row to the suggestion highlighted beside it."""
        item = self.suggestions.currentItem()
        if item is None or len(self.selected_rows()) != 1:
            return
        suggestion: Suggested = item.data(Qt.ItemDataRole.UserRole)
        self._decide_selected(RowDecision(Action.MATCH, person_id=suggestion.person_id), suggestion.name)

    def match_someone(self) -> ChoosePersonDialog | None:
        """Search the directory for the person the selected row was."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        dialog = ChoosePersonDialog(self._services, rows[0].name, self)
        dialog.chosen.connect(
            lambda choice: self.decided.emit(
                rows, RowDecision(Action.MATCH, person_id=choice.id), choice.label
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._asking = dialog
        return dialog

    def add_new_person(self) -> WalkInDialog | None:
        """Ask for a new person's details for the selected row."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        dialog = WalkInDialog(self._services, rows[0].name, rows[0].email, self)
        dialog.saved.connect(lambda decision: self.decided.emit(rows, decision, _new_name(decision)))
        dialog.open()
        self._asking = dialog
        return dialog


def _new_name(decision: RowDecision) -> str:
    person = decision.new_person
    return f"{person.first_name} {person.last_name}" if person is not None else ""
