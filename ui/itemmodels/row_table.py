"""A table model over a list of frozen rows, described by columns; sorting happens in Python.

STYLE.md section 8: filtering and sorting a Python list and resetting the model is far cheaper than
a QSortFilterProxyModel over ``data()``, so pages filter their rows themselves and hand the result
to :meth:`RowTableModel.set_rows`; a click on a header sorts the list here. Paged tables
(:mod:`ui.itemmodels.paged_rows`) sort in SQL instead, by each column's ``sql_sort`` name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from typing_extensions import override

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

#: data(index, ROW_ROLE) is the row object itself, for views and delegates that need more than text.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: data(index, SORT_ROLE) is the value the column sorts on (None when it has no sort key).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[T]):
    """How one column shows a row: its header, text, sort order and alignment.

    ``sort_key`` orders in-memory tables (without one, the shown text sorts, ignoring case);
    ``sql_sort`` is the sort name the service knows, for paged tables.
    """

    header: str
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    sql_sort: str | None = None
    numeric: bool = False
    tooltip: Callable[[T], str | None] | None = None


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T`` shown through :class:`Column` definitions; sorting is stable and in Python."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
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

    def row_at(self, row: int) -> T | None:
        """The row object shown at ``row``, if any."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, index: Index) -> T | None:
        """The row object behind an index, or None for an invalid index."""
        return self._rows[index.row()] if index.isValid() and index.row() < len(self._rows) else None

    def find(self, predicate: Callable[[T], bool]) -> int:
        """The first row number whose object satisfies ``predicate``, or -1."""
        return next((n for n, row in enumerate(self._rows) if predicate(row)), -1)

    def column(self, number: int) -> Column[T]:
        """A column's definition."""
        return self.columns[number]

    def row_font(self, row: T) -> QFont | None:
        """A font for the whole row (former roles in italics, say); None for the default."""
        del row
        return None

    def extra_data(self, row: T, column: int, role: int) -> Any:
        """Roles a subclass answers itself: colours, icons, check states."""
        del row, column, role
        return None

    # ------------------------------------------------------------------ Qt
    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        if role == ROW_ROLE:
            return row
        answer = self._column_data(row, self.columns[index.column()], role)
        return answer if answer is not None else self.extra_data(row, index.column(), role)

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
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
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
        definition = self.columns[column]
        key = definition.sort_key or (lambda row: definition.text(row).casefold())
        self._rows.sort(key=lambda row: _none_last(key(row)), reverse=order == Qt.SortOrder.DescendingOrder)


def _none_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)
