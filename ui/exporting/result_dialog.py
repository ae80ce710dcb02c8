"""What an export wrote, whom it left out and why, and the notes that came with it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
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
        self.report = report
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.summary = _label(f"Wrote {plural(len(report.written), 'file')} to {report.folder}")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.summary.font())
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.files = _list([p.name for p in report.written], "Files written")
        self.files.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        layout.addWidget(self.files, 2)
        self.warnings = _label("\n".join(report.warnings))
        self.warnings.setVisible(bool(report.warnings))
        layout.addWidget(self.warnings)
        self.skipped_heading = _label(f"Left out ({len(report.skipped):,}):")
        self.skipped = _list(report.skipped, "Left out")
        for widget, stretch in ((self.skipped_heading, 0), (self.skipped, 1)):
            widget.setVisible(bool(report.skipped))
            layout.addWidget(widget, stretch)
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
    widget.setUniformItemSizes(True)
    # Room for a few lines without scrolling (more for long lists); the list grows with the dialog.
    rows = min(len(lines), LIST_ROWS) + 0.5
    widget.setMinimumHeight(int(widget.fontMetrics().lineSpacing() * 1.25 * rows) + 2 * widget.frameWidth())
    widget.setVisible(bool(lines))
    return widget
