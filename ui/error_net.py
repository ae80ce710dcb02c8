"""The last line of defence: an error no handler caught is explained in a window, never just printed.

Every page catches the domain errors it expects (a refusal shows next to its field, a read-only
copy says why). Should a slot miss one, PySide prints the traceback to a console the advisor
never sees and the click seems to do nothing. This hook shows a refusal's own sentence instead,
and anything else as a plain apology with the details folded away for whoever supports the app.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefings.errors import DomainError

logger = logging.getLogger(__name__)


def explain(error: BaseException, parent: QWidget | None) -> QMessageBox:
    """Show ``error`` to the advisor: a refusal as its sentence, anything else as an apology."""
    if isinstance(error, DomainError):
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Not done", error.message, QMessageBox.StandardButton.Ok, parent
        )
    else:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Something went wrong",
            "Briefing Desk could not finish that. Every change is saved whole or not at all, "
            "so check that the page shows what you expect.",
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setDetailedText("".join(traceback.format_exception(error)))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


def _hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    if not isinstance(error, DomainError):
        logger.error("Uncaught error", exc_info=(kind, error, trace))
    explain(error.with_traceback(trace), QApplication.activeWindow())


def install_error_net() -> None:
    """Route errors no slot caught to :func:`explain` (the desktop app only; tests keep pytest-qt's)."""
    sys.excepthook = _hook
