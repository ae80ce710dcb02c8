"""First start on an empty database: offer the demo county or an import of settings.

The composition root passes in what it can offer as plain callables, so this dialog knows nothing
of where the demo comes from or how imports work: ``load_demo(progress)`` runs on a worker
thread behind a cancellable progress dialog and returns a one-line summary;
``import_settings(parent)`` opens the import (it runs on the UI thread and manages itself).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from briefings.queries.briefings import BriefingFilter
from briefings.queries.directory import SettingFilter
from briefings.services import Services
from ui.dialogs.messages import tell
from ui.workers import Worker, run_with_progress

Progress = Callable[[int, int], bool]
DemoLoader = Callable[[Progress], str]
SettingsImporter = Callable[[QWidget], object]


@dataclass(frozen=True)
class FirstRunOffer:
    """What an empty database can be started with; None hides a choice."""

    load_demo: DemoLoader | None = None
    import_settings: SettingsImporter | None = None

    @property
    def offers_anything(self) -> bool:
        """Whether there is anything to choose between."""
        return self.load_demo is not None or self.import_settings is not None


def database_is_empty(services: Services) -> bool:
    """No settings and no briefings: a database nobody has used yet."""
    no_settings = services.directory.count_settings(SettingFilter(openness="all")) == 0
    return no_settings and not services.briefings.search(BriefingFilter(limit=1))


class FirstRunDialog(QDialog):
    """Big choices: the demo county, an import, or an empty start.

    The dialog stays a (hidden) child of the window after it closes, because it owns the worker
    loading the demo.

    Signals:
        settled: a line for the status bar once the chosen start has happened (or was stopped).
    """

    settled = Signal(str)

    def __init__(self, offer: FirstRunOffer, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Briefing Desk")
        self._offer = offer
        self._window = parent
        self.worker: Worker | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "<h3>This database is empty</h3>"
            "<p>Start by looking round a made-up county, or bring in your own schools.</p>"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.demo_button: QPushButton | None = None
        self.import_button: QPushButton | None = None
        if offer.load_demo is not None:
            self.demo_button = self._choice(
                layout,
                "Load the &demo county",
                "Fictional schools, staff, briefings and attendance to try everything on.",
                self.load_demo,
            )
        if offer.import_settings is not None:
            self.import_button = self._choice(
                layout,
                "&Import settings…",
                "Your own schools from a GIAS extract (Get Information about Schools).",
                self.import_settings,
            )
        self.empty_button = self._choice(
            layout, "Start &empty", "Add settings, people and briefings yourself.", self.reject
        )

    @staticmethod
    def _choice(layout: QVBoxLayout, text: str, detail: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
        button.clicked.connect(slot)
        layout.addWidget(button)
        note = QLabel(detail)
        note.setWordWrap(True)
        note.setContentsMargins(12, 0, 0, 8)
        layout.addWidget(note)
        return button

    def load_demo(self) -> None:
        """Close and load the demo county behind a cancellable progress dialog."""
        self.accept()
        loader = self._offer.load_demo
        if loader is None:
            return
        self.worker = run_with_progress(
            self._window,
            "Loading the demo county…",
            loader,
            on_done=lambda summary: self.settled.emit(str(summary or "Loaded the demo county")),
            on_error=self._failed,
            on_cancel=lambda: self.settled.emit("Stopped loading the demo county"),
        )

    def _failed(self, error: BaseException) -> None:
        tell(self._window, "The demo county could not be loaded", str(error))

    def import_settings(self) -> None:
        """Close and open the settings import."""
        self.accept()
        if self._offer.import_settings is not None:
            self._offer.import_settings(self._window)


def offer_first_run(
    parent: QWidget, services: Services, offer: FirstRunOffer, on_done: Callable[[str], None]
) -> FirstRunDialog | None:
    """Open the welcome dialog if the database is empty, can be written and something can be offered."""
    if services.context.read_only or not offer.offers_anything or not database_is_empty(services):
        return None
    dialog = FirstRunDialog(offer, parent)
    dialog.settled.connect(on_done)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
