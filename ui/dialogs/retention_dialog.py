"""The retention policy: how long personal details are kept, what applying it would remove, then applying it.

Nothing is removed until the advisor has seen the preview of the policy as it stands in the
dialog and confirmed. Applying is one transaction and one audit entry (the services see to
both); it cannot be undone, and the question says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from briefings.errors import DomainError
from briefings.privacy.retention import MOST_YEARS, RetentionPolicy, RetentionPreview
from briefings.services import Services
from ui.dialogs.field_errors import ErrorLabel
from ui.dialogs.messages import ask
from ui.display_text import day_text
from ui.workers import Worker, start

FOR_EVER = "Keep for ever"
PERIODS = (
    ("booking_years", "&Bookings' personal details"),
    ("people_years", "&People not heard of"),
    ("audit_years", "&Audit log entries"),
)


def preview_text(preview: RetentionPreview) -> str:
    """The preview as the dialog shows it: the sentences, then the people who would be erased."""
    lines = [f"• {line}" for line in preview.lines()]
    if preview.people_listed:
        lines += ["", "People who would be erased:"]
        for person in preview.people_listed:
            seen = f"last booked {day_text(person.last_booked)}" if person.last_booked else "never booked"
            lines.append(f"    {person.name} (person {person.person_id}, {seen})")
        if preview.people > len(preview.people_listed):
            lines.append(f"    …and {preview.people - len(preview.people_listed):,} more")
    return "\n".join(lines)


class RetentionDialog(QDialog):
    """Three periods in years, a preview, and Apply once the preview has been seen.

    Signals:
        applied: the RetentionPreview of what was removed.
    """

    applied = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Retention policy")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 110)
        self.resize(self.minimumWidth(), self.fontMetrics().height() * 30)
        self._services = services
        self.worker: Worker | None = None
        self._busy = False
        self.previewed: RetentionPreview | None = None
        intro = QLabel(
            "How long personal details are kept. Older bookings keep their briefing, setting, role "
            "and attendance, so counts and returns still add up; only the link to the person goes."
        )
        intro.setWordWrap(True)
        self.spins: dict[str, QSpinBox] = {}
        form = self._periods(services.privacy.retention_policy())
        self.preview_button = QPushButton("&Show what would be removed")
        self.apply_button = QPushButton("Appl&y now…")
        self.apply_button.setEnabled(False)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(
            "Press “Show what would be removed” to see what applying the policy would do."
        )
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.preview_button.clicked.connect(self.show_preview)
        self.apply_button.clicked.connect(self.confirm)

    def _periods(self, policy: RetentionPolicy) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for name, label in PERIODS:
            spin = QSpinBox()
            spin.setRange(0, MOST_YEARS)
            spin.setSpecialValueText(FOR_EVER)  # 0 years: keep for ever
            spin.valueChanged.connect(
                lambda years, spin=spin: spin.setSuffix(" year" if years == 1 else " years")
            )
            spin.setValue(getattr(policy, name) or 0)
            spin.setSuffix(" year" if spin.value() == 1 else " years")
            spin.valueChanged.connect(self._policy_changed)
            self.spins[name] = spin
            form.addRow(label, spin)
        return form

    @property
    def busy(self) -> bool:
        """Whether a preview or the apply is still running."""
        return self._busy

    def policy(self) -> RetentionPolicy:
        """The policy as the dialog shows it."""
        years = {name: spin.value() or None for name, spin in self.spins.items()}
        return RetentionPolicy(**years)

    def _policy_changed(self) -> None:
        self.previewed = None
        self.apply_button.setEnabled(False)
        self.preview.clear()

    def show_preview(self) -> None:
        """Work out, in the background, what applying the dialog's policy today would change."""
        policy, privacy = self.policy(), self._services.privacy
        self.preview.setPlainText("Working out what would be removed…")
        self._run(lambda: privacy.retention_preview(policy), self._previewed)

    def _previewed(self, preview: RetentionPreview) -> None:
        if preview.policy != self.policy():
            return  # the periods changed while it was working: that preview is stale
        self.previewed = preview
        self.preview.setPlainText(preview_text(preview))
        self.apply_button.setEnabled(not preview.nothing_to_do)

    def confirm(self) -> QMessageBox | None:
        """Ask, with the preview's sentences, before applying."""
        preview = self.previewed
        if preview is None:
            return None
        text = (
            "Apply the retention policy now?\n\n"
            + "\n".join(f"• {line}" for line in preview.lines())
            + "\n\nThis cannot be undone. The policy is saved, and the audit log records that it was applied."
        )
        box = ask(self, "Apply the retention policy?", text, "Apply policy", self.apply)
        box.setIcon(QMessageBox.Icon.Warning)  # it cannot be undone
        return box

    def apply(self) -> None:
        """Save the dialog's policy and apply it (one transaction each), in the background."""
        policy, privacy = self.policy(), self._services.privacy

        def save_and_apply() -> RetentionPreview:
            if privacy.retention_policy() != policy:
                privacy.set_retention_policy(policy)
            return privacy.apply_retention()

        self.preview.setPlainText("Applying the retention policy…")
        self._run(save_and_apply, self._applied)

    def _applied(self, done: RetentionPreview) -> None:
        self.previewed = None
        self.apply_button.setEnabled(False)
        self.preview.setPlainText("Applied the retention policy:\n" + preview_text(done))
        self.applied.emit(done)

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self.error.say("")
        for button in (self.preview_button, self.apply_button):
            button.setEnabled(False)

        def finished(result: Any) -> None:
            self._busy = False
            self.unsetCursor()
            self.preview_button.setEnabled(True)
            on_done(result)

        def failed(error: BaseException) -> None:
            self._busy = False
            self.unsetCursor()
            self.preview_button.setEnabled(True)
            self.apply_button.setEnabled(self.previewed is not None)
            self.preview.clear()
            self.error.say(
                error.message if isinstance(error, DomainError) else f"Something went wrong: {error}"
            )

        self.setCursor(Qt.CursorShape.BusyCursor)
        self._busy = True
        # Kept (not cleared when it answers): its pool thread may still be returning from run().
        self.worker = start(lambda _progress: job(), on_done=finished, on_error=failed)

    @override
    def reject(self) -> None:
        if self.busy:  # applying cannot be stopped halfway; the dialog stays to say how it went
            return
        super().reject()
