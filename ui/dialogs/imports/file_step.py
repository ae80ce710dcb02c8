"""The first step of every import: what to export from where, and which file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.dialogs.imports.file_row import FileRow


class FileStep(QWidget):
    """A heading, a paragraph of advice, and the file row; subclasses' extra fields go in ``form``."""

    def __init__(
        self, heading: str, advice: str, caption: str, filters: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        title = QLabel(f"<h3>{heading}</h3>")
        title.setTextFormat(Qt.TextFormat.RichText)
        text = QLabel(advice)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.file = FileRow(caption, filters)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.addRow("&File:", self.file)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addStretch(1)
