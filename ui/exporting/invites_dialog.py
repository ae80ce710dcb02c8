"""Invites for a briefing or a whole series: the kind of file, who gets one, and the folder.

By default only the people whose calendar is behind the briefing (per the invite ledger) get a
file, so after a reschedule the update goes to those holding the old time and nobody else. The
ledger records what was written only after the files are safely on disk (the spec's
``after_write``, as on the command line).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from briefings.errors import DomainError, ValidationError
from briefings.queries.briefings import BriefingFilter, BriefingRow
from briefings.services import Services
from briefings.vocabulary import BriefingStatus
from exports.registry import spec
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.exporting.arguments import ExportOptions
from ui.exporting.dialog_base import ExportDialogBase
from ui.exporting.option_fields import (
    COMBINED_WARNING,
    PASSCODE_WARNING,
    FlagField,
    reminder_field,
    warning_note,
)
from ui.exporting.recipient_list import EVERYONE, TICKED, RecipientChooser
from ui.exporting.run import ExportStep
from ui.formatting import day_text, span_text

ICS_INVITES, EML_INVITES = "ics-invites", "eml-invites"
KIND_KEY = "exports/invite_kind"
EACH, COMBINED, DRAFTS = "each", "combined", "drafts"
KIND_TEXT = {
    EACH: "A calendar file for each person (.ics)",
    COMBINED: "One calendar file naming everyone (.ics)",
    DRAFTS: "Email drafts, ready to send from Outlook (.eml)",
}
ORGANISER_NEEDED = (
    "Invites need your name and email address as their organiser: replies and Accept/Decline go there."
)
READ_ONLY_WARNING = (
    "This database is open read-only: the files will be written, but the invite ledger cannot "
    "record them, so the app will not know they were sent."
)


@dataclass(frozen=True)
class InviteTarget:
    """A briefing or a series, as the For list offers it."""

    kind: str  # "briefing" or "series"
    id: int
    label: str


def briefing_label(row: BriefingRow) -> str:
    """A series' briefing as its lists show it: "Wed 8 Oct 2025, 09:30: DSL update"."""
    return f"{day_text(row.starts_at.date())}, {row.starts_at:%H:%M}: {row.title}"


class InvitesDialog(ExportDialogBase):
    """Writes invites (or updates, or cancellations) for one briefing or every one in a series."""

    def __init__(
        self,
        services: Services,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        briefing_id: int | None = None,
        series_id: int | None = None,
        kind: str | None = None,
    ) -> None:
        super().__init__("Invites", services, settings, parent, run_label="&Write invites")
        self._settings = settings
        self._options = ExportOptions.of(spec(ICS_INVITES))
        self._briefings: list[BriefingRow] = []
        self.target = QComboBox()
        self.target.setAccessibleName("For")
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.target.setMinimumContentsLength(40)
        self.target.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.kinds = self._kind_buttons(kind or str(settings.value(KIND_KEY, EACH)))
        self.recipients = RecipientChooser()
        self.reminder = reminder_field(self._options)
        self.passcodes = FlagField(
            self._options,
            "include_passcodes",
            "Include the meeting and recording passcodes",
            caution=PASSCODE_WARNING,
        )
        self.add_row("For:", self.target, ("briefing", "series"))
        self.add_row("Send as:", self._kind_box(), ("combined",))
        self.add_row("To:", self.recipients, ("to", "emails", "everyone"))
        for field in (self.reminder, self.passcodes):
            self.add_option(field)
        self.add_folder_row()
        if services.context.read_only:
            self.form.addRow(warning_note(READ_ONLY_WARNING))
        self.organiser_row = self._organiser_row()
        self._fill_targets(briefing_id, series_id)
        self.target.currentIndexChanged.connect(lambda _index: self.load_target())
        self.load_target()

    # ------------------------------------------------------------------ building
    def _kind_buttons(self, chosen: str) -> dict[str, QRadioButton]:
        if chosen == ICS_INVITES:
            chosen = EACH
        elif chosen == EML_INVITES:
            chosen = DRAFTS
        buttons = {key: QRadioButton(text) for key, text in KIND_TEXT.items()}
        group = QButtonGroup(self)
        for button in buttons.values():
            group.addButton(button)
        buttons.get(chosen, buttons[EACH]).setChecked(True)
        return buttons

    def _kind_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for key, button in self.kinds.items():
            layout.addWidget(button)
            if key == COMBINED:
                caution = warning_note(COMBINED_WARNING)
                layout.addWidget(caution)
                caution.setVisible(button.isChecked())
                button.toggled.connect(caution.setVisible)
        return box

    def _fill_targets(self, briefing_id: int | None, series_id: int | None) -> None:
        targets: list[InviteTarget] = []
        if briefing_id is not None:
            row = self.services.briefings.row(briefing_id)
            targets.append(
                InviteTarget("briefing", row.id, f"{row.title}, {span_text(row.starts_at, row.ends_at)}")
            )
            if row.series_id is not None:
                targets.append(
                    InviteTarget(
                        "series", row.series_id, f"Every briefing still to come in {row.series_name}"
                    )
                )
        else:
            now = self.services.briefings.now()
            targets += [
                InviteTarget("series", s.id, f"Every briefing still to come in {s.name}")
                for s in self.services.briefings.series()
                if s.last_starts_at is not None and s.last_starts_at >= now
            ]
        for target in targets:
            self.target.addItem(target.label, target)
        chosen = next((n for n, t in enumerate(targets) if t.kind == "series" and t.id == series_id), 0)
        self.target.setCurrentIndex(chosen)
        if not targets:
            self.show_refusal("No series has briefings still to come, so there are no invites to write.")
            self.run_button.setEnabled(False)

    def _organiser_row(self) -> QWidget | None:
        organiser = self.services.invites.organiser()
        if organiser.name and organiser.email:
            return None
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(warning_note(ORGANISER_NEEDED), 1)
        button = QPushButton("&Preferences…")
        button.clicked.connect(self.set_organiser)
        button.setObjectName("organiser_button")
        layout.addWidget(button)
        self.form.insertRow(0, row)
        return row

    def set_organiser(self) -> PreferencesDialog:
        """Open Preferences; once the organiser is saved the caution goes."""
        dialog = PreferencesDialog(self.services, self)
        dialog.saved.connect(lambda _values: self._organiser_saved())
        dialog.open()
        return dialog

    def _organiser_saved(self) -> None:
        organiser = self.services.invites.organiser()
        if organiser.name and organiser.email and self.organiser_row is not None:
            self.form.removeRow(self.organiser_row)
            self.organiser_row = None
            self.clear_errors()

    # ------------------------------------------------------------------ showing
    def current_target(self) -> InviteTarget | None:
        """What the For list has chosen."""
        target = self.target.currentData()
        return target if isinstance(target, InviteTarget) else None

    def load_target(self) -> None:
        """Read where the invites stand for the chosen briefing or series."""
        target = self.current_target()
        if target is None:
            return
        self.clear_errors()
        try:
            if target.kind == "briefing":
                self._briefings = [self.services.briefings.row(target.id)]
                self.recipients.show_status(self.services.invites.status(target.id))
            else:
                self._show_series(target.id)
        except DomainError as error:
            self.show_refusal(error.message, "briefing")

    def _show_series(self, series_id: int) -> None:
        now = self.services.briefings.now()
        rows = self.services.briefings.search(BriefingFilter(series_id=series_id, when="upcoming"))
        self._briefings = [r for r in rows if r.status is not BriefingStatus.DRAFT and r.ends_at > now]
        lines: list[str] = []
        due = everyone = 0
        for row in self._briefings:
            status = self.services.invites.status(row.id)
            due += sum(1 for r in status.due() if r.email)
            everyone += sum(1 for r in status.recipients if r.email)
            lines.append(f"{briefing_label(row)}: {' '.join(status.summary())}")
        if not lines:
            lines.append("None of this series' briefings is still to come.")
        self.recipients.show_many("\n".join(lines), due, everyone)

    # ------------------------------------------------------------------ running
    def kind(self) -> str:
        """``each``, ``combined`` or ``drafts``."""
        return next(key for key, button in self.kinds.items() if button.isChecked())

    def steps(self) -> list[ExportStep]:
        """One invite export per briefing chosen, parsed as the command line parses it."""
        target = self.current_target()
        if target is None or not self._briefings:
            raise ValidationError("There is no briefing still to come to write invites for", "briefing")
        kind = self.kind()
        export_spec = spec(EML_INVITES if kind == DRAFTS else ICS_INVITES)
        options = ExportOptions.of(export_spec)
        words = self.reminder.words() + self.passcodes.words()
        if kind == COMBINED:
            words += options.words("combined")
        mode = self.recipients.mode()
        if mode == EVERYONE:
            words += options.words("everyone")
        elif mode == TICKED:
            emails = self.recipients.chosen_emails()
            if not emails:
                raise ValidationError("Tick at least one person to write an invite for", "to")
            for email in emails:
                words += options.words("to", email)
        self.partial = target.kind == "series"
        self._settings.setValue(KIND_KEY, kind)
        return [
            ExportStep(
                export_spec,
                options.parse([*options.words("briefing", row.id), *words]),
                briefing_label(row) if self.partial else "",
            )
            for row in self._briefings
        ]
