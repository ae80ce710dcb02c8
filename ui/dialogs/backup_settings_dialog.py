"""Backup settings: the folder backups go to and how many of each kind are kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QWidget
from typing_extensions import override

from briefings.services import Services
from briefings.services.backup_service import BackupSettingsRow
from briefings.storage.backups import MOST_KEPT
from ui.dialogs.form_dialog import FormDialog

BESIDE_THE_DATABASE = "Beside the database (a “backups” folder)"


class BackupSettingsDialog(FormDialog):
    """Where backups go (blank: beside the database) and how many of each kind to keep."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Backup settings", parent)
        self._services = services
        current = services.backups.settings()
        self.folder_edit = QLineEdit(str(current.folder) if current.chosen else "")
        self.folder_edit.setPlaceholderText(BESIDE_THE_DATABASE)
        self.folder_edit.setClearButtonEnabled(True)
        self.choose_button = QPushButton("&Choose…")
        self.choose_button.clicked.connect(self.choose_folder)
        folder_row = QWidget()
        line = QHBoxLayout(folder_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.folder_edit, 1)
        line.addWidget(self.choose_button)
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(1, MOST_KEPT)
        self.keep_spin.setValue(current.keep)
        self.keep_spin.setSuffix(" of each kind")
        self.add_note(
            "Briefing Desk backs the database up once a day when it opens, before every upgrade, "
            "and whenever you choose Back up now. To keep copies off this laptop, choose an "
            "encrypted USB stick or a synced folder. Backups are readable by you only."
        )
        self.add_field("folder", "Back up &into", folder_row)
        self.add_field("keep", "&Keep the newest", self.keep_spin)
        self.add_note(f"Backups now go to {current.folder}.")

    def choose_folder(self) -> QFileDialog:
        """Pick the folder with the system's folder chooser."""
        start = self.folder_edit.text().strip() or str(self._services.backups.settings().folder)
        dialog = QFileDialog(self, "Back up into this folder", start)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.folder_edit.setText)
        dialog.open()
        return dialog

    def folder(self) -> Path | None:
        """The folder typed or chosen (None: beside the database)."""
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    @override
    def save(self) -> BackupSettingsRow:
        return self._services.backups.set_settings(self.folder(), self.keep_spin.value())
