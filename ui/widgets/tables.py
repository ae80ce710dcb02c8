"""The look every table shares: compact rows, sensible starting widths, one stretching column."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTableView

ROW_PADDING = 8


def tidy_table(view: QTableView, widths: Sequence[int], *, stretch: int | None = None) -> None:
    """Compact rows and starting column widths (people can still drag them).

    Widths are set, not measured: measuring contents walks every row, which freezes on the large
    database (STYLE.md section 8).
    """
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + ROW_PADDING)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    if stretch is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
