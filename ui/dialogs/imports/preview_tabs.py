"""A preview's details as tabs of tables, each titled with how many rows it holds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from ui.itemmodels.chunked_rows import ChunkedRowModel
from ui.itemmodels.row_table import Column
from ui.widgets.row_table_view import RowTableView


class PreviewTabs(QTabWidget):
    """Tables by name; :meth:`show_rows` fills one and puts its count in the tab's title.

    Empty tabs are disabled, so the advisor's eye goes to what the import will do.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views: dict[str, RowTableView] = {}
        self._titles: dict[str, str] = {}

    def add_table(self, key: str, title: str, model: ChunkedRowModel[Any]) -> RowTableView:
        """A tab of rows."""
        view = RowTableView(model)
        view.setObjectName(key)
        self.views[key] = view
        self._titles[key] = title
        self.addTab(view, title)
        return view

    def add_rows_table(self, key: str, title: str, columns: Sequence[Column[Any]]) -> RowTableView:
        """A tab over a plain chunked model of ``columns``."""
        return self.add_table(key, title, ChunkedRowModel(columns, parent=self))

    def model(self, key: str) -> ChunkedRowModel[Any]:
        """The model behind a tab."""
        model = self.views[key].model()
        assert isinstance(model, ChunkedRowModel)  # noqa: S101 - add_table only takes these
        return model

    def show_rows(self, key: str, rows: Sequence[Any], *, count: int | None = None) -> None:
        """Fill a tab; its title says how many (``count`` when a row is a part of something counted)."""
        view = self.views[key]
        self.model(key).set_rows(rows)
        index = self.indexOf(view)
        self.setTabText(index, f"{self._titles[key]} ({len(rows) if count is None else count:,})")
        self.setTabEnabled(index, bool(rows))
        view.fit_columns()

    def show_first_filled(self) -> None:
        """Bring forward the first tab with rows (the current one if it has any)."""
        if self.isTabEnabled(self.currentIndex()):
            return
        for index in range(self.count()):
            if self.isTabEnabled(index):
                self.setCurrentIndex(index)
                return

    def title(self, key: str) -> str:
        """A tab's title as shown (with its count)."""
        return self.tabText(self.indexOf(self.views[key]))
