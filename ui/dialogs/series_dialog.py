"""New series: one briefing per date from a shared template, with the half-term pattern offered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefings.queries.reference import SeriesRow
from briefings.scheduling import SeriesPlan
from briefings.term_calendar import academic_year_label, academic_year_of, half_termly_dates
from ui.dialogs.briefing_form import BriefingChoices, BriefingForm, py_date, py_time, qdate
from ui.dialogs.submit_dialog import SubmitDialog
from ui.formatting import day_text, plural

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


class SeriesDialog(SubmitDialog):
    """A series name, the briefing template and its times, and an editable list of dates."""

    def __init__(
        self,
        choices: BriefingChoices,
        create: Callable[[SeriesPlan], SeriesRow],
        *,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("New series", "Create series", parent)
        self._create = create
        self._today = today
        self.name = QLineEdit()
        self.name.setPlaceholderText("For example: DSL termly updates 2025/26")
        self.add_row("Series &name", self.name, "name")
        self.template = BriefingForm(choices, self.errors, with_date=False)
        self.errors.alias("end", "ends_at")
        self.errors.alias("start", "starts_at")
        body = QHBoxLayout()
        body.addWidget(self.template, 3)
        body.addWidget(self.errors.wrap(self._dates_box(), "dates", "uids"), 2)
        self.form.addRow(body)
        self.template.suggest(today)
        self.name.setFocus()

    def _dates_box(self) -> QWidget:
        box = QGroupBox("Dates")
        layout = QVBoxLayout(box)
        pattern = QGridLayout()
        self.year = QComboBox()
        first = academic_year_of(self._today)
        for year in (first, first + 1):
            self.year.addItem(academic_year_label(year), year)
        self.weekday = QComboBox()
        self.weekday.addItems(WEEKDAYS)
        self.weekday.setCurrentIndex(2)
        self.week = QSpinBox()
        self.week.setRange(1, 5)
        self.week.setValue(2)
        self.week.setPrefix("week ")
        fill = QPushButton("Fill with &half-term pattern")
        fill.clicked.connect(self.fill_half_terms)
        pattern.addWidget(QLabel("One per half-term:"), 0, 0, 1, 3)
        pattern.addWidget(self.year, 1, 0)
        pattern.addWidget(self.weekday, 1, 1)
        pattern.addWidget(self.week, 1, 2)
        pattern.addWidget(fill, 2, 0, 1, 3)
        layout.addLayout(pattern)
        self.dates = QListWidget()
        self.dates.currentItemChanged.connect(self._picked)
        layout.addWidget(self.dates, 1)
        editing = QHBoxLayout()
        self.day = QDateEdit(qdate(self._today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        add = QPushButton("&Add")
        add.clicked.connect(self.add_date)
        change = QPushButton("Chan&ge")
        change.clicked.connect(self.change_date)
        remove = QPushButton("&Remove")
        remove.clicked.connect(self.remove_date)
        for widget in (self.day, add, change, remove):
            editing.addWidget(widget)
        layout.addLayout(editing)
        self.count = QLabel()
        layout.addWidget(self.count)
        self._show_count()
        return box

    # ------------------------------------------------------------------ dates
    def chosen_dates(self) -> list[date]:
        """The dates listed, in order."""
        return [self.dates.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.dates.count())]

    def set_dates(self, days: list[date]) -> None:
        """Replace the list (sorted; a date listed twice is kept so the service can say so)."""
        self.dates.clear()
        for day in sorted(days):
            item = QListWidgetItem(day_text(day), self.dates)
            item.setData(Qt.ItemDataRole.UserRole, day)
        self._show_count()

    def fill_half_terms(self) -> None:
        """The chosen weekday in the chosen week of each half-term, off bank holidays (not past)."""
        days = half_termly_dates(self.year.currentData(), self.weekday.currentIndex(), self.week.value())
        future = [d for d in days if d > self._today]
        self.set_dates(future)
        past = len(days) - len(future)
        if past:
            self.count.setText(f"{self.count.text()}; {plural(past, 'date')} already past left out")

    def add_date(self) -> None:
        """Add the date in the date box."""
        self.set_dates([*self.chosen_dates(), py_date(self.day.date())])

    def change_date(self) -> None:
        """Replace the selected date with the one in the date box."""
        row = self.dates.currentRow()
        if row < 0:
            return
        days = self.chosen_dates()
        days[row] = py_date(self.day.date())
        self.set_dates(days)

    def remove_date(self) -> None:
        """Drop the selected date."""
        row = self.dates.currentRow()
        if row >= 0:
            days = self.chosen_dates()
            del days[row]
            self.set_dates(days)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.day.setDate(qdate(item.data(Qt.ItemDataRole.UserRole)))

    def _show_count(self) -> None:
        n = self.dates.count()
        self.count.setText("No dates yet" if n == 0 else f"{n} briefing{'s' if n != 1 else ''}")

    # ------------------------------------------------------------------ submit
    def plan(self) -> SeriesPlan:
        """What the dialog holds, as the service takes it."""
        return SeriesPlan(
            name=self.name.text(),
            template=self.template.fields(),
            dates=tuple(self.chosen_dates()),
            start=py_time(self.template.starts.time()),
            end=py_time(self.template.ends.time()),
        )

    def attempt(self) -> SeriesRow:
        return self._create(self.plan())
