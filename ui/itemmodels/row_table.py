"""A table over a list of frozen rows from the services, one ``Column`` per shown field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from typing_extensions import override

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

#: data(index, ROW_ROLE) is the row object itself (for delegates and pages).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: data(index, SORT_ROLE) is the value the column sorts on.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header and how a row reads in it.

    ``sort_key`` orders small in-memory tables; ``sql_sort`` is the sort name the service knows
    for paged tables. A column with neither does not sort.
    """

    header: str
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    sql_sort: str | None = None
    numeric: bool = False
    tooltip: Callable[[T], str | None] | None = None


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Read-only rows, sorted in Python (fine for the few hundred rows a detail view holds)."""

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[T] = []

    @property
    def rows(self) -> tuple[T, ...]:
        """The rows in their shown order."""
        return tuple(self._rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show these rows instead."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        """The row object shown at ``row``, if any."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_font(self, row: T) -> QFont | None:
        """A font for the whole row (former roles in italics, say); None for the default."""
        del row
        return None

    def cell_data(self, row: T, column: int, role: int) -> Any:
        """Extra roles a subclass wants to answer (decorations, check states)."""
        del row, column, role
        return None

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == ROW_ROLE:
            return row
        answer = self._column_data(row, column, role)
        return answer if answer is not None else self.cell_data(row, index.column(), role)

    def _column_data(self, row: T, column: Column[T], role: int) -> Any:
        match role:
            case Qt.ItemDataRole.DisplayRole:
                answer: Any = column.text(row)
            case Qt.ItemDataRole.ToolTipRole:
                answer = column.tooltip(row) if column.tooltip else None
            case Qt.ItemDataRole.TextAlignmentRole if column.numeric:
                answer = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            case Qt.ItemDataRole.FontRole:
                answer = self.row_font(row)
            case _ if role == SORT_ROLE:
                answer = column.sort_key(row) if column.sort_key else None
            case _:
                answer = None
        return answer

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key if 0 <= column < len(self.columns) else None
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [(index, self._rows[index.row()]) for index in before]
        self._rows.sort(key=_nones_first(key), reverse=order is Qt.SortOrder.DescendingOrder)
        position = {id(row): n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(position[id(row)], index.column()) for index, row in moved]
        )
        self.layoutChanged.emit()


def _nones_first(key: Callable[[T], Any]) -> Callable[[T], tuple[bool, Any]]:
    def wrapped(row: T) -> tuple[bool, Any]:
        value = key(row)
        return (value is not None, value)

    return wrapped
