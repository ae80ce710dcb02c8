"""What an export wrote, whom it left out and why, and the notes that came with it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.exporting.run import ExportReport
from ui.formatting import plural

# Enough rows to see what happened; the list scrolls for a 500-person export.
LIST_ROWS = 8


class ExportResultDialog(QDialog):
    """The files written (by name), the people skipped with the reason, notes, and Open folder."""

    def __init__(self, title: str, report: ExportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.report = report
        layout = QVBoxLayout(self)
        self.summary = _label(f"Wrote {plural(len(report.written), 'file')} to {report.folder}")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.files = _list([p.name for p in report.written], "Files written")
        layout.addWidget(self.files)
        self.warnings = _label("\n".join(report.warnings))
        self.warnings.setVisible(bool(report.warnings))
        layout.addWidget(self.warnings)
        self.skipped_heading = _label(f"Left out ({len(report.skipped):,}):")
        self.skipped = _list(report.skipped, "Left out")
        for widget in (self.skipped_heading, self.skipped):
            widget.setVisible(bool(report.skipped))
            layout.addWidget(widget)
        self.notes = _label("\n".join(report.notes))
        self.notes.setVisible(bool(report.notes))
        layout.addWidget(self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton("&Open folder")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)

    def open_folder(self) -> bool:
        """Show the folder in the file manager (the folder only: no file is opened or run)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.folder)))


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _list(lines: Sequence[str], name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.addItems(list(lines))
    widget.setSelectionMode(QListWidget.SelectionMode.NoSelection)
    rows = max(1, min(len(lines), LIST_ROWS))
    widget.setFixedHeight(widget.sizeHintForRow(0) * rows + 2 * widget.frameWidth() + 4)
    widget.setVisible(bool(lines))
    return widget
