"""A table over a long list filtered and sorted in SQL, fetched a page at a time off the UI thread.

The directories hold up to 40,000 people, so nothing here filters or sorts in Python: a new filter
or sort asks the service for the count and the first page in the background; scrolling near the
end asks for the next page (Qt's ``canFetchMore``/``fetchMore``), also in the background.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from typing_extensions import override

from ui.background_load import LatestLoad
from ui.itemmodels.row_table import Column, RowTableModel

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
PAGE_SIZE = 200


class PagedQuery(Protocol[T_co]):
    """What a paged table asks of the services for one filter (called on a pool thread)."""

    def count(self) -> int:
        """How many rows match."""
        ...

    def page(self, offset: int, limit: int, sort: str, descending: bool) -> Sequence[T_co]:
        """Rows ``offset`` to ``offset + limit`` in the given order."""
        ...


@dataclass(frozen=True)
class _FirstPage(Generic[T]):
    total: int
    rows: Sequence[T]


class PagedRowModel(RowTableModel[T]):
    """Rows from a ``PagedQuery``; ``total`` is the full count, ``rows`` what has been fetched.

    Signals:
        reloaded: a new query's count and first page are shown.
        failed: a load failed; the message says why.
    """

    reloaded = Signal()
    failed = Signal(str)

    def __init__(
        self,
        columns: Sequence[Column[T]],
        *,
        default_sort: str,
        page_size: int = PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self.total = 0
        self.page_size = page_size
        self.sort_name = default_sort
        self.descending = False
        self._query: PagedQuery[T] | None = None
        self._first = LatestLoad(self)
        self._more = LatestLoad(self)
        self._first.failed.connect(self.failed)
        self._more.failed.connect(self.failed)

    @property
    def busy(self) -> bool:
        """Whether a load is still running."""
        return self._first.busy or self._more.busy

    @property
    def loads(self) -> tuple[LatestLoad, LatestLoad]:
        """The first-page and next-page loaders (to wait on their ``settled`` signals)."""
        return self._first, self._more

    def load(self, query: PagedQuery[T]) -> None:
        """Show the rows ``query`` finds (from the first page), replacing whatever was shown."""
        self._query = query
        self._more.cancel()
        sort, descending, size = self.sort_name, self.descending, self.page_size

        def first_page() -> _FirstPage[T]:
            return _FirstPage(query.count(), query.page(0, size, sort, descending))

        self._first.run(first_page, self._show_first)

    def reload(self) -> None:
        """Fetch the current query again (after an edit)."""
        if self._query is not None:
            self.load(self._query)

    def _show_first(self, first: _FirstPage[T]) -> None:
        self.total = first.total
        self.set_rows(first.rows)
        self.reloaded.emit()

    @override
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if parent.isValid() or self._query is None or self._first.busy:
            return False
        return len(self._rows) < self.total

    @override
    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent) or self._more.busy or self._query is None:
            return
        query, offset = self._query, len(self._rows)
        sort, descending, size = self.sort_name, self.descending, self.page_size
        self._more.run(lambda: (offset, query.page(offset, size, sort, descending)), self._append)

    def _append(self, fetched: tuple[int, Sequence[T]]) -> None:
        offset, rows = fetched
        if offset != len(self._rows) or not rows:
            return  # the list changed under this page; the next scroll asks again
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        name = self.columns[column].sql_sort if 0 <= column < len(self.columns) else None
        descending = order is Qt.SortOrder.DescendingOrder
        if name is None or (name, descending) == (self.sort_name, self.descending):
            return
        self.sort_name, self.descending = name, descending
        self.reload()

    def sorted_column(self) -> int:
        """The column showing the current sort (for the header's indicator)."""
        names = [c.sql_sort for c in self.columns]
        return names.index(self.sort_name) if self.sort_name in names else -1
