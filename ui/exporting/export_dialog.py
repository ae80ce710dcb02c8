"""The dialog for one registered export: what it needs, where to save it, then the run.

The questions come from the exporter's own command-line options (see ``ui.exporting.arguments``):
a briefing (the one whose page it was opened from), a series or a period, and options such as
one PDF per person or the passcodes, which are never included unless ticked.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QWidget

from briefings.clock import london_today
from briefings.errors import ValidationError
from briefings.services import Services
from exports.registry import ExportSpec
from exports.sign_in_register import MAX_BLANK_ROWS
from ui.exporting.arguments import ExportOptions
from ui.exporting.dialog_base import ExportDialogBase
from ui.exporting.option_fields import (
    PASSCODE_WARNING,
    FlagField,
    NumberField,
    OptionField,
    SeriesOrPeriodField,
    TextField,
    reminder_field,
)
from ui.exporting.run import ExportStep
from ui.formatting import span_text

# Options the dialog asks about or fills in (the briefing is the one it was opened for).
ANSWERED = frozenset(
    {
        "briefing",
        "series",
        "first_day",
        "last_day",
        "separate",
        "blank_rows",
        "name",
        "reminder",
        "include_passcodes",
    }
)
SCHOOL_YEAR_STARTS = 9  # September


def school_year(today: date) -> tuple[date, date]:
    """1 September to 31 August around ``today``: the period returns are usually asked for."""
    first_year = today.year if today.month >= SCHOOL_YEAR_STARTS else today.year - 1
    return date(first_year, SCHOOL_YEAR_STARTS, 1), date(first_year + 1, SCHOOL_YEAR_STARTS - 1, 31)


class ExportDialog(ExportDialogBase):
    """Asks what one exporter needs, then writes its files into the chosen folder."""

    def __init__(
        self,
        spec: ExportSpec,
        services: Services,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        briefing_id: int | None = None,
        series_id: int | None = None,
    ) -> None:
        super().__init__(spec.verbose_name, services, settings, parent)
        self.spec = spec
        self.options = ExportOptions.of(spec)
        self.briefing_id = briefing_id
        self.fields: list[OptionField] = []
        self.covering: SeriesOrPeriodField | None = None
        self._describe()
        self._add_fields()
        if series_id is not None and self.covering is not None:
            self.covering.choose_series(series_id)
        self.add_folder_row()
        self._refuse_what_cannot_be_asked()

    def _describe(self) -> None:
        if not self.options.takes("briefing") or self.briefing_id is None:
            return
        row = self.services.briefings.row(self.briefing_id)
        self.say_what(f"{row.title}\n{span_text(row.starts_at, row.ends_at)}")

    def _add_fields(self) -> None:
        options = self.options
        if options.takes("series") or options.takes("first_day"):
            period = school_year(london_today(self.services.briefings.now()))
            self.covering = SeriesOrPeriodField(options, self.services.briefings.series(), period)
            self.fields.append(self.covering)
        if options.takes("separate"):
            self.fields.append(
                FlagField(options, "separate", "A separate PDF for each person (to email them)")
            )
        if options.takes("blank_rows"):
            self.fields.append(
                NumberField(options, "blank_rows", "Empty rows for walk-ins", maximum=MAX_BLANK_ROWS)
            )
        if options.takes("name"):
            self.fields.append(TextField(options, "name", "Calendar name"))
        if options.takes("reminder"):
            self.fields.append(reminder_field(options))
        if options.takes("include_passcodes"):
            self.fields.append(
                FlagField(
                    options,
                    "include_passcodes",
                    "Include the meeting and recording passcodes",
                    caution=PASSCODE_WARNING,
                )
            )
        for field in self.fields:
            self.add_option(field)

    def _refuse_what_cannot_be_asked(self) -> None:
        missing = [d for d in self.options.required() if d not in ANSWERED]
        if self.options.takes("briefing") and self.briefing_id is None:
            missing.insert(0, "briefing")
        if missing:
            command = f"briefing-desk export {self.spec.identifier} --help"
            self.form.addRow(
                QLabel(f"This export needs {', '.join(missing)}, which this window cannot ask for.")
            )
            self.show_refusal(f"Run it from the command line instead ({command}).")
            self.run_button.setEnabled(False)

    def steps(self) -> list[ExportStep]:
        """The one export, its options parsed as the command line parses them."""
        words: list[str] = []
        if self.options.takes("briefing") and self.briefing_id is not None:
            words += self.options.words("briefing", self.briefing_id)
        for field in self.fields:
            words += field.words()
        if self.covering is not None and not self.covering.words():
            raise ValidationError("There is no series to choose yet", "series")
        return [ExportStep(self.spec, self.options.parse(words))]
