"""Choosing the file to import: a path box the advisor can type or paste into, and Browse…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from briefings.errors import ValidationError

MAX_FILE_BYTES = 300 * 1024 * 1024  # an all-England GIAS extract is about 65 MB


def read_import_file(path: Path) -> bytes:
    """The file's bytes; a missing, unreadable or enormous file is refused with the reason."""
    try:
        if not path.is_file():
            raise ValidationError(f"There is no file at {path}", "file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            most = MAX_FILE_BYTES // 2**20
            raise ValidationError(
                f"{path.name} is {size // 2**20} MB; the most an import reads is {most} MB", "file"
            )
        return path.read_bytes()
    except OSError as error:
        raise ValidationError(f"{path.name} cannot be read: {error.strerror or error}", "file") from error


class FileRow(QWidget):
    """A path and a Browse… button; ``changed`` fires whenever the path text changes.

    The last folder browsed is remembered for the rest of the session.
    """

    changed = Signal(str)
    last_folder = QDir.homePath()

    def __init__(self, caption: str, name_filters: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = caption
        self._filters = [*name_filters, "All files (*)"]
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Type or paste a path, or choose Browse…")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.clicked.connect(self.browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse_button)
        self.setFocusProxy(self.edit)
        self._dialog: QFileDialog | None = None

    def path(self) -> Path | None:
        """The path typed or chosen, or None when the box is blank."""
        text = self.edit.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path) -> None:
        """Show a path (as if chosen)."""
        self.edit.setText(str(path))

    def browse(self) -> QFileDialog:
        """Open the file chooser (without blocking); the choice fills the path box."""
        dialog = QFileDialog(self, self._caption, self._start_folder())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(self._filters)
        dialog.fileSelected.connect(self._chosen)
        dialog.open()
        self._dialog = dialog
        return dialog

    def _start_folder(self) -> str:
        current = self.path()
        if current is not None and current.parent.is_dir():
            return str(current.parent)
        return FileRow.last_folder

    def _chosen(self, path: str) -> None:
        if path:
            FileRow.last_folder = str(Path(path).parent)
            self.set_path(Path(path))
