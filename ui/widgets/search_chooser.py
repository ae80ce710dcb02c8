"""Pick one of thousands (a setting, a person, a briefing) by typing part of its name.

The choices come from a service search run off the UI thread after a pause in typing, never
from a model holding every row; the popup lists the best few dozen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget
from typing_extensions import override

from briefings.errors import ValidationError
from ui.background_load import LatestLoad
from ui.widgets.search_field import TYPING_PAUSE_MS

CHOICES_SHOWN = 30


@dataclass(frozen=True)
class Choice:
    """Something to pick: its id, its name and a line that tells look-alikes apart."""

    id: int
    label: str
    detail: str = ""

    @property
    def text(self) -> str:
        """The name with its detail, as the popup lists it."""
        return f"{self.label} — {self.detail}" if self.detail else self.label


Search = Callable[[str], Sequence[Choice]]


class ChoiceListModel(QAbstractListModel):
    """The current matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: list[Choice] = []

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """Show these matches."""
        self.beginResetModel()
        self.choices = list(choices)
        self.endResetModel()

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.choices)

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self.choices):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.choices[index.row()].text
        return None


class SearchChooser(QLineEdit):
    """A line edit that searches as you type and remembers the choice picked from its popup.

    Signals:
        chosen: the picked ``Choice``, or None once the text is edited away from it.
    """

    chosen = Signal(object)

    def __init__(self, search: Search, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._search = search
        self._choice: Choice | None = None
        self.matches = ChoiceListModel(self)
        self.load = LatestLoad(self)
        self._completer = QCompleter(self.matches, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.setWidget(self)  # not setCompleter: the line edit must not filter by prefix
        # The index overload: the text one would lose which of two same-named settings was picked.
        self._completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._look_up)
        self.textEdited.connect(self._edited)

    @property
    def choice(self) -> Choice | None:
        """What was picked, if the text still shows it."""
        return self._choice

    def popup_visible(self) -> bool:
        """Whether the list of matches is showing."""
        return self.popup().isVisible()

    def popup(self) -> QAbstractItemView:
        """The list of matches (keyboard focus while it shows)."""
        popup = self._completer.popup()
        assert popup is not None  # QCompleter always makes one  # noqa: S101
        return popup

    def set_choice(self, choice: Choice | None) -> None:
        """Preset the choice (editing an existing record)."""
        self._choice = choice
        self.setText(choice.label if choice else "")
        self.chosen.emit(choice)

    def _edited(self, _text: str) -> None:
        if self._choice is not None:
            self._choice = None
            self.chosen.emit(None)
        self._pause.start()

    def _look_up(self) -> None:
        text = self.text().strip()
        if not text:
            self.load.cancel()
            self.matches.set_choices([])
            self.popup().hide()
            return
        search = self._search
        self.load.run(lambda: list(search(text))[:CHOICES_SHOWN], self._show_matches)

    def _show_matches(self, choices: list[Choice]) -> None:
        self.matches.set_choices(choices)
        if choices:
            self._completer.complete()
        else:
            self.popup().hide()
            self.setToolTip(f"Nothing matches “{self.text().strip()}”")

    def _picked(self, index: QModelIndex) -> None:
        if not index.isValid() or index.row() >= len(self.matches.choices):
            return
        self._choice = self.matches.choices[index.row()]
        self.setText(self._choice.label)
        self.setToolTip(self._choice.text)
        self.chosen.emit(self._choice)


def chosen_or_refuse(chooser: SearchChooser, field: str) -> Choice | None:
    """The chooser's pick; None if left blank; refused if text was typed but nothing picked."""
    if chooser.choice is None and chooser.text().strip():
        raise ValidationError(
            f"Pick “{chooser.text().strip()}” from the list that appears as you type", field
        )
    return chooser.choice
