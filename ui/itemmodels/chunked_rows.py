"""A table over a long in-memory list that hands rows to the view a chunk at a time.

An import preview can list 50,000 new settings. The rows are already in memory (the preview
holds them), but a view told about all of them at once lays out and measures far more than it
shows; here it is told about ``chunk`` rows, and Qt's ``canFetchMore``/``fetchMore`` add the next
chunk as the advisor scrolls near the end. Sorting sorts the whole list in Python and starts
again from the first chunk.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from typing_extensions import override

from ui.itemmodels.row_table import Column, RowTableModel

T = TypeVar("T")
CHUNK = 500
Index = QModelIndex | QPersistentModelIndex


class ChunkedRowModel(RowTableModel[T], Generic[T]):
    """Every row of a list, shown ``chunk`` rows at a time; ``total`` is how many there are."""

    def __init__(
        self, columns: Sequence[Column[T]], *, chunk: int = CHUNK, parent: QObject | None = None
    ) -> None:
        super().__init__(columns, parent)
        self.chunk = chunk
        self._shown = 0

    @property
    def total(self) -> int:
        """How many rows the list holds (shown or not yet)."""
        return len(self._rows)

    @override
    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self._shown = min(self.chunk, len(self._rows))
        self.endResetModel()

    @override
    def row_of(self, index: Index) -> T | None:
        valid = index.isValid() and index.row() < self._shown
        return self._rows[index.row()] if valid else None

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shown

    @override
    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    @override
    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        more = min(self.chunk, len(self._rows) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        # A reset rather than a layout change: rows sorted into the unshown part have no index.
        self.beginResetModel()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self._shown = min(self.chunk, len(self._rows))
        self.endResetModel()
