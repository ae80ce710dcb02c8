"""Questions and refusals as window-modal message boxes that never block the event loop.

``QMessageBox.question`` runs a nested event loop; these open the box and carry on when it is
answered, so tests (and the rest of the window) keep running while it is up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, title: str, text: str, yes_text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask before doing something that cannot be taken back; ``on_yes`` runs if confirmed."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered() -> None:
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box


def tell(parent: QWidget, title: str, text: str, *, warning: bool = True) -> QMessageBox:
    """Explain a refusal or a result that needs more than a status-bar line."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
