"""The table view every list uses: whole-row selection, sorting by the model, rows activated by Enter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.itemmodels.paged_rows import PagedRowModel
from ui.itemmodels.row_table import ROW_ROLE, RowTableModel

WIDEST_COLUMN = 320
FIT_SAMPLE_ROWS = 40


class RowTableView(QTableView):
    """Shows a ``RowTableModel``; ``row_activated`` carries the row object double-clicked or entered.

    Sorting goes to the model (SQL for paged models); a click on a column that cannot sort leaves
    the sort indicator where it was.
    """

    row_activated = Signal(object)
    current_row_changed = Signal(object)

    def __init__(self, model: RowTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._rows = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorShown(True)
        # Size columns from the first rows only: measuring every loaded row costs ~60 ms per 200.
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        first = model.sorted_column() if isinstance(model, PagedRowModel) else -1
        header.setSortIndicator(first, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        self._sorted = (first, Qt.SortOrder.AscendingOrder)
        self._fitted = False
        self.activated.connect(self._activated)
        selection = self.selectionModel()
        selection.currentRowChanged.connect(
            lambda current, _previous: self.current_row_changed.emit(self.row_of(current))
        )

    def row_of(self, index: QModelIndex) -> Any:
        """The row object at ``index`` (None for no row)."""
        return index.data(ROW_ROLE) if index.isValid() else None

    def current_row(self) -> Any:
        """The selected row object, or None."""
        return self.row_of(self.currentIndex())

    def select_where(self, wanted: Any) -> bool:
        """Select the first row for which ``wanted(row)`` is true; False if none is loaded."""
        for number, row in enumerate(self._rows.rows()):
            if wanted(row):
                self.selectRow(number)
                self.scrollTo(self._rows.index(number, 0))
                return True
        return False

    def fit_columns(self, *, once: bool = False) -> None:
        """Size the columns to what they hold, none wider than a third of a laptop screen.

        With ``once``, only the first time there are rows: a filtered list keeps its columns
        steady instead of jumping at every keystroke.
        """
        if once and self._fitted:
            return
        self._fitted = self.model().rowCount() > 0
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(header.count() - 1):
            header.resizeSection(column, min(header.sectionSize(column), WIDEST_COLUMN))

    def _activated(self, index: QModelIndex) -> None:
        row = self.row_of(index)
        if row is not None:
            self.row_activated.emit(row)

    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        sortable = 0 <= column < len(self._rows.columns) and (
            self._rows.columns[column].sql_sort
            if isinstance(self._rows, PagedRowModel)
            else self._rows.columns[column].sort_key
        )
        if sortable:
            self._sorted = (column, order)
            return
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self._sorted)
        header.blockSignals(False)
