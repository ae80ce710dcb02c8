"""A table model over a list of frozen rows, described by columns; sorting happens in Python.

STYLE.md section 8: filtering and sorting a Python list and resetting the model is far cheaper than
a QSortFilterProxyModel over ``data()``, so pages filter their rows themselves and hand the result
to :meth:`RowTableModel.set_rows`; a click on a header sorts the list here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from typing_extensions import override

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

#: The row object itself, for views and delegates that need more than the text.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[T]):
    """How one column shows a row: its text, how it sorts, and where it aligns."""

    header: str
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    numeric: bool = False
    tooltip: Callable[[T], str | None] | None = None


def _none_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T`` shown through :class:`Column` definitions; sorting is stable and in Python."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------------ our API
    def rows(self) -> list[T]:
        """The rows in display order."""
        return list(self._rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row (kept in the current sort order)."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        """The row object shown at ``row``."""
        return self._rows[row]

    def row_of(self, index: Index) -> T | None:
        """The row object behind an index, or None for an invalid index."""
        return self._rows[index.row()] if index.isValid() and index.row() < len(self._rows) else None

    def find(self, predicate: Callable[[T], bool]) -> int:
        """The first row number whose object satisfies ``predicate``, or -1."""
        return next((n for n, row in enumerate(self._rows) if predicate(row)), -1)

    def column(self, number: int) -> Column[T]:
        """A column's definition."""
        return self._columns[number]

    # ------------------------------------------------------------------ Qt
    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None or not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == ROW_ROLE:
            return row
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: T, column: int, role: int) -> Any:
        """Subclasses add colours, icons or fonts here."""
        del row, column, role
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        before = [id(row) for row in self._rows]
        self._sort_rows(column, order)
        # Selections and current items are persistent indexes: they must follow their rows.
        now_at = {identity: n for n, identity in enumerate(id(row) for row in self._rows)}
        old = self.persistentIndexList()
        new = [self.index(now_at[before[i.row()]], i.column()) if i.row() < len(before) else i for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        definition = self._columns[column]
        key = definition.sort_key or (lambda row: definition.text(row).casefold())
        self._rows.sort(key=lambda row: _none_last(key(row)), reverse=order == Qt.SortOrder.DescendingOrder)
