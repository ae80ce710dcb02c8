"""What every import dialog shares: steps, Back/Next/Import buttons, refusals, and jobs off the UI thread.

Reading, previewing and applying all run on the thread pool behind a cancellable progress
dialog. A cancelled preview is dropped; a cancelled apply writes nothing (the service rolls
back), unless the cancel came after the transaction committed, in which case the result is
shown as it is. The dialog never lets itself be deleted while one of its jobs is running.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from briefings.errors import DomainError, OperationCancelled
from briefings.importing.problems import ImportRefused
from ui.dialogs.form_dialog import FieldMessage
from ui.dialogs.imports.file_step import FileStep
from ui.dialogs.imports.hosting import reporter
from ui.workers import Worker, run_with_progress

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], bool]
SHOWN_REASONS = 12


def refusal_text(error: BaseException) -> str:
    """What went wrong, in words: a refusal with every reason it gives, or the unexpected error."""
    if isinstance(error, ImportRefused):
        reasons = [str(p) for p in error.problems if str(p) != error.message]
        listed = "".join(f"\n• {reason}" for reason in reasons[:SHOWN_REASONS])
        more = f"\n… and {len(reasons) - SHOWN_REASONS} more" if len(reasons) > SHOWN_REASONS else ""
        return f"{error.message}{listed}{more}\nNothing was imported."
    if isinstance(error, DomainError):
        return error.message
    return f"Something went wrong: {error}. Nothing was imported."


class ImportDialog(QDialog):
    """A dialog of steps (a ``QStackedWidget``) with Back, Next, Import and Cancel buttons.

    Subclasses add their steps with :meth:`add_step`, say what the buttons do on each step in
    :meth:`update_buttons`, and run their reads and writes through :meth:`run_job`.

    Signals:
        imported: a line for the status bar once an import was applied.
        step_shown: the name of the step now on show.
        job_settled: a job finished, failed or was cancelled (tests wait for this).
    """

    imported = Signal(str)
    step_shown = Signal(str)
    job_settled = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.steps = QStackedWidget()
        self.message = FieldMessage(self)
        self.message.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A wizard's order everywhere: Back, Next (or Import), then Cancel; a QDialogButtonBox
        # would reorder them by platform and put Import before Back.
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.back_button = self._button("< &Back", self.go_back)
        self.next_button = self._button("&Next >", self.go_next)
        self.apply_button = self._button("&Import", self.apply)
        self.close_button = self._button("Cancel", self.reject)
        self.close_button.setAutoDefault(False)
        self._workers: set[Worker] = set()
        self._closed = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons.addWidget(button)
        return button

    # ------------------------------------------------------------------ steps
    def add_file_step(self, heading: str, advice: str, caption: str, filters: list[str]) -> FileStep:
        """The first step: which file (``file_step``)."""
        self.file_step = FileStep(heading, advice, caption, filters)
        self.file_step.file.changed.connect(lambda _text: self.update_buttons())
        self.add_step(self.file_step, "file")
        return self.file_step

    def add_done_step(self) -> DoneStep:
        """The last step: what was imported (``done_step``)."""
        self.done_step = DoneStep()
        self.add_step(self.done_step, "done")
        return self.done_step

    def add_step(self, widget: QWidget, name: str) -> QWidget:
        """Add a step, known by ``name``."""
        widget.setObjectName(name)
        self.steps.addWidget(widget)
        return widget

    def step(self) -> str:
        """The name of the step on show."""
        current = self.steps.currentWidget()
        return current.objectName() if current is not None else ""

    def show_step(self, name: str) -> None:
        """Show a step by name."""
        widget = self.steps.findChild(QWidget, name)
        if widget is None:
            raise KeyError(name)
        self.steps.setCurrentWidget(widget)
        self.update_buttons()
        self.step_shown.emit(name)

    def update_buttons(self) -> None:
        """Show and enable the buttons that mean something on the current step."""

    def settle_buttons(self, applies_on: str) -> None:
        """Import is the default button on ``applies_on``, Next elsewhere; Cancel becomes Close when done."""
        step = self.step()
        self.close_button.setText("Close" if step == "done" else "Cancel")
        (self.apply_button if step == applies_on else self.next_button).setDefault(True)

    def present(self, parent: QWidget | None, path: Path | None = None) -> Self:
        """Show the dialog (with ``path`` chosen) and tell ``parent``'s status bar how the import went."""
        self.imported.connect(reporter(parent))
        if path is not None:
            self.file_step.file.set_path(path)
        self.show()
        return self

    def go_back(self) -> None:
        """The Back button."""

    def go_next(self) -> None:
        """The Next (or Preview) button."""

    def apply(self) -> None:
        """The Import button."""

    @property
    def busy(self) -> bool:
        """Whether a job is running."""
        return bool(self._workers)

    # ------------------------------------------------------------------ messages
    def say(self, text: str) -> None:
        """A refusal or warning above the buttons."""
        self.message.show_message(text)

    def clear_message(self) -> None:
        """Hide the message."""
        self.message.clear()

    def show_error(self, error: BaseException) -> None:
        """A job's failure, in words."""
        if not isinstance(error, DomainError):
            logger.error("Import failed: %s", getattr(error, "__traceback_text__", error))
        self.say(refusal_text(error))

    # ------------------------------------------------------------------ jobs
    def run_job(
        self,
        label: str,
        job: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        *,
        writes: bool = False,
    ) -> None:
        """Run ``job(progress)`` on the pool behind a progress dialog; ``on_done`` gets its result.

        With ``writes``, a cancel that came too late to stop the commit still reports the result
        (the worker reports any job that returns); a read that finished after Cancel is dropped.
        """
        self.clear_message()

        def recorded(progress: Progress) -> Any:
            result = job(progress)
            if not writes and not progress(1, 1):
                raise OperationCancelled
            return result

        def done(result: Any) -> None:
            if self._settle(worker):
                on_done(result)

        def cancelled() -> None:
            if self._settle(worker):
                self.say("Stopped. Nothing was imported.")

        def failed(error: BaseException) -> None:
            if self._settle(worker):
                self.show_error(error)

        worker = run_with_progress(self, label, recorded, on_done=done, on_error=failed, on_cancel=cancelled)
        self._workers.add(worker)
        self.update_buttons()

    def _settle(self, worker: Worker) -> bool:
        """Forget a finished worker; False when the dialog has been closed meanwhile."""
        self._workers.discard(worker)
        if self._closed:
            if not self._workers:
                self.deleteLater()
            return False
        self.update_buttons()
        self.job_settled.emit()
        return True

    @override
    def done(self, result: int) -> None:
        super().done(result)
        self._closed = True
        if not self._workers:
            self.deleteLater()


class DoneStep(QWidget):
    """The last step: what was imported, in a sentence or two, and any buttons for what comes next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_steps = QHBoxLayout()
        self.next_steps.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addLayout(self.next_steps)
        layout.addStretch(1)

    def add_next_step(self, button: QPushButton) -> None:
        """A button for what the advisor may want to do next."""
        self.next_steps.insertWidget(self.next_steps.count() - 1, button)

    def show_result(self, heading: str, text: str) -> None:
        """Say what happened."""
        self.heading.setText(f"<h3>{heading}</h3>")
        self.text.setText(text)
