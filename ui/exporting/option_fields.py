"""The widgets an export dialog asks its questions with, one per command-line option it knows.

Each field turns what the advisor chose into command-line words (``words()``); the dialog parses
them with the exporter's own parser. Labels are written for people, not for the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefings.queries.reference import SeriesRow
from exports.calendar.arguments import MAX_REMINDER_MINUTES
from ui.exporting.arguments import ExportOptions

PASSCODE_WARNING = (
    "Files get forwarded: anyone who is passed this file could join the meeting or watch the "
    "recording. Leave this unticked unless every recipient may have the passcodes."
)
COMBINED_WARNING = (
    "One shared file shows every school's staff each other's email addresses. "
    "Use it for your own calendar, not to send round."
)


class OptionField:
    """A labelled question whose answer becomes command-line words.

    ``names`` are the option (and error field) names whose refusals show under this field.
    """

    label: str = ""
    names: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.widget = QWidget()

    def words(self) -> list[str]:
        """The answer as command-line words."""
        raise NotImplementedError


def warning_note(text: str) -> QLabel:
    """A plain, always visible caution under an option."""
    note = QLabel(text)
    note.setWordWrap(True)
    note.setAccessibleName("Caution")
    font = note.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    note.setFont(font)
    return note


class FlagField(OptionField):
    """A tick box for an on/off option, with a caution beneath when it needs one."""

    def __init__(self, options: ExportOptions, dest: str, text: str, *, caution: str | None = None) -> None:
        super().__init__()
        self._options = options
        self._dest = dest
        self.names = (dest,)
        self.box = QCheckBox(text)
        self.box.setChecked(bool(options.default(dest)))
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        if caution:
            layout.addWidget(warning_note(caution))

    def words(self) -> list[str]:
        """The flag when ticked."""
        return self._options.words(self._dest) if self.box.isChecked() else []


class NumberField(OptionField):
    """A whole number in a range; ``off_text`` names the lowest value when it means "none"."""

    def __init__(
        self,
        options: ExportOptions,
        dest: str,
        label: str,
        *,
        maximum: int,
        minimum: int = 0,
        suffix: str = "",
        off_text: str = "",
    ) -> None:
        super().__init__()
        self._options = options
        self._dest = dest
        self.label = label
        self.names = (dest,)
        self.spin = QSpinBox()
        self.spin.setRange(minimum, maximum)
        self.spin.setSuffix(suffix)
        self.spin.setSpecialValueText(off_text)
        self._off = bool(off_text)
        default = options.default(dest)
        self.spin.setValue(default if isinstance(default, int) else minimum)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)

    def words(self) -> list[str]:
        """The number, unless it is the "none" value."""
        if self._off and self.spin.value() == self.spin.minimum():
            return []
        return self._options.words(self._dest, self.spin.value())


class TextField(OptionField):
    """A line of text, such as a calendar's name."""

    def __init__(self, options: ExportOptions, dest: str, label: str) -> None:
        super().__init__()
        self._options = options
        self._dest = dest
        self.label = label
        self.names = (dest,)
        self.edit = QLineEdit(str(options.default(dest) or ""))
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    def words(self) -> list[str]:
        """The text, when there is any (else the command line's default applies)."""
        text = self.edit.text().strip()
        return self._options.words(self._dest, text) if text else []


class SeriesOrPeriodField(OptionField):
    """A series from a list, or a period between two dates (or only one of them, as the export takes)."""

    label = "Covering"
    names = ("series", "series_id", "first_day", "last_day")

    def __init__(
        self, options: ExportOptions, series: Sequence[SeriesRow], period: tuple[date, date]
    ) -> None:
        super().__init__()
        self._options = options
        self.period_choice = QRadioButton("The period from")
        self.series_choice = QRadioButton("The series")
        self.first_day = _date_edit(period[0])
        self.last_day = _date_edit(period[1])
        self.series = QComboBox()
        # Long series names must not push the dialog wider than a laptop screen.
        self.series.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.series.setMinimumContentsLength(30)
        for row in series:
            self.series.addItem(_series_text(row), row.id)
        group = QButtonGroup(self.widget)
        layout = QGridLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        takes_period = options.takes("first_day")
        takes_series = options.takes("series")
        if takes_period:
            group.addButton(self.period_choice)
            layout.addWidget(self.period_choice, 0, 0)
            layout.addWidget(self.first_day, 0, 1)
            layout.addWidget(QLabel("to"), 0, 2)
            layout.addWidget(self.last_day, 0, 3)
        if takes_series:
            group.addButton(self.series_choice)
            layout.addWidget(self.series_choice, 1, 0)
            layout.addWidget(self.series, 1, 1, 1, 3)
            self.series_choice.setEnabled(self.series.count() > 0)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)
        (self.period_choice if takes_period else self.series_choice).setChecked(True)
        if not (takes_period and takes_series):  # nothing to choose between
            self.period_choice.setText("From")
            self.series_choice.setText("Series")
        group.buttonToggled.connect(lambda *_: self._enable())
        self._enable()

    def choose_series(self, series_id: int) -> None:
        """Pick a series (and the series rather than a period)."""
        index = self.series.findData(series_id)
        if index >= 0:
            self.series.setCurrentIndex(index)
            self.series_choice.setChecked(True)

    def _enable(self) -> None:
        period = self.period_choice.isChecked()
        for widget in (self.first_day, self.last_day):
            widget.setEnabled(period)
        self.series.setEnabled(not period)

    def words(self) -> list[str]:
        """``--series ID`` or ``--from DATE --to DATE``."""
        if self.series_choice.isChecked():
            series_id = self.series.currentData()
            return self._options.words("series", series_id) if series_id is not None else []
        return [
            *self._options.words("first_day", _iso(self.first_day)),
            *self._options.words("last_day", _iso(self.last_day)),
        ]


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def _series_text(row: SeriesRow) -> str:
    if row.first_starts_at is None or row.last_starts_at is None:
        return f"{row.name} (no briefings yet)"
    span = f"{row.first_starts_at:%b %Y}"
    if f"{row.last_starts_at:%b %Y}" != span:
        span += f" to {row.last_starts_at:%b %Y}"
    return f"{row.name} ({row.briefings} briefings, {span})"


def reminder_field(options: ExportOptions) -> NumberField:
    """A reminder some minutes before (0: none)."""
    return NumberField(
        options,
        "reminder",
        "Reminder",
        maximum=MAX_REMINDER_MINUTES,
        suffix=" minutes before",
        off_text="No reminder",
    )
