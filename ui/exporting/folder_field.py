"""Where an export goes: a folder typed or chosen, remembered on this computer between exports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from briefings.errors import ValidationError

FOLDER_KEY = "exports/folder"
FIELD = "folder"


def default_folder() -> Path:
    """The Documents folder (or home where there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


class FolderField(QWidget):
    """A folder path with a Choose… button; the last folder used is offered next time.

    The folder is per computer, so it lives in QSettings, not in the database.
    """

    def __init__(self, settings: QSettings, key: str = FOLDER_KEY, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._key = key
        remembered = settings.value(key, "")
        self.edit = QLineEdit(str(remembered) if remembered else str(default_folder()))
        self.edit.setAccessibleName("Folder")
        self.choose_button = QPushButton("C&hoose…")
        self.choose_button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.choose_button)

    def choose(self) -> None:
        """Ask for a folder with the system's folder chooser."""
        chosen = QFileDialog.getExistingDirectory(self, "Save the files in", self.edit.text())
        if chosen:
            self.edit.setText(chosen)

    def folder(self) -> Path:
        """The folder typed, checked; raises ValidationError naming ``folder``.

        It need not exist yet (it is created), but it must be a whole path and not a file.
        """
        text = self.edit.text().strip()
        if not text:
            raise ValidationError("Choose a folder to save the files in", FIELD)
        path = Path(text).expanduser()
        if not path.is_absolute():
            raise ValidationError(f"Give the folder's whole path, such as {default_folder()}", FIELD)
        if path.exists() and not path.is_dir():
            raise ValidationError(f"{path} is a file, not a folder", FIELD)
        return path

    def remember(self, folder: Path) -> None:
        """Offer this folder next time."""
        self._settings.setValue(self._key, str(folder))
