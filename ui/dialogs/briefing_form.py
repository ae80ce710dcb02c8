"""The fields of a briefing as a form: shared by New, Edit, Duplicate and New series."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from briefings.clock import london, to_london
from briefings.queries.reference import SeriesRow, TopicRow, VenueRow
from briefings.scheduling import MAX_CAPACITY, BriefingFields
from briefings.services import Services
from briefings.vocabulary import Delivery, Phase, Role
from ui.dialogs.field_errors import FieldErrors
from ui.widgets.check_list import CheckList
from ui.widgets.secret_field import secret_field


@dataclass(frozen=True)
class BriefingChoices:
    """What the form's lists offer."""

    topics: list[TopicRow]
    venues: list[VenueRow]
    series: list[SeriesRow]
    districts: list[str]

    @classmethod
    def load(cls, services: Services) -> BriefingChoices:
        """Read the lists from the services (a handful of short queries)."""
        return cls(
            topics=services.briefings.topics(),
            venues=services.briefings.venues(),
            series=services.briefings.series(),
            districts=services.directory.districts(),
        )


def qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def qtime(at: time) -> QTime:
    """A Python time as a QTime (to the minute)."""
    return QTime(at.hour, at.minute)


def py_date(day: QDate) -> date:
    """A QDate as a Python date."""
    return date(day.year(), day.month(), day.day())


def py_time(at: QTime) -> time:
    """A QTime as a Python time (to the minute)."""
    return time(at.hour(), at.minute())


class BriefingForm(QWidget):
    """Every field of a briefing; ``with_date=False`` leaves the day out (a series has many)."""

    def __init__(
        self,
        choices: BriefingChoices,
        errors: FieldErrors,
        *,
        with_date: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._choices = choices
        self._facilitators: tuple[int, ...] = ()
        self._make_inputs(choices)
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addRow("&Title", errors.wrap(self.title, "title"))
        layout.addRow("To&pic", errors.wrap(self.topic, "topic_id"))
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day)
        row.addWidget(QLabel("from"))
        row.addWidget(self.starts)
        row.addWidget(QLabel("to"))
        row.addWidget(self.ends)
        row.addStretch(1)
        self.day.setVisible(with_date)
        layout.addRow("&When" if with_date else "&Times", errors.wrap(times, "starts_at", "ends_at"))
        layout.addRow("&Delivery", errors.wrap(self.delivery, "delivery"))
        layout.addRow("&Venue", errors.wrap(self.venue, "venue_id"))
        layout.addRow("Joining &link", errors.wrap(self.join_url, "join_url"))
        layout.addRow("Pa&sscode", errors.wrap(self.passcode, "join_passcode"))
        layout.addRow("&Capacity", errors.wrap(self.capacity, "capacity"))
        if with_date:
            layout.addRow("Se&ries", errors.wrap(self.series, "series_id"))
        layout.addRow(
            "Who it is &for", errors.wrap(self._audience_box(), "audience_roles", "audience_phases")
        )
        errors.alias("audience_districts", "audience_roles")
        layout.addRow("&Notes", errors.wrap(self.notes, "notes", "facilitator_ids"))
        layout.addRow("", errors.wrap(self.draft, "status"))
        self.delivery.currentIndexChanged.connect(self._delivery_changed)
        self.topic.currentIndexChanged.connect(self._topic_changed)
        self.starts.timeChanged.connect(self._start_moved)
        self._last_start = self.starts.time()
        self._delivery_changed()

    def _make_inputs(self, choices: BriefingChoices) -> None:
        self.title = QLineEdit()
        self.title.setPlaceholderText("For example: DSL termly update, Autumn 2")
        self.topic = QComboBox()
        for topic in choices.topics:
            self.topic.addItem(topic.name, topic.id)
        # Most briefings are the termly DSL update; start there rather than at the alphabet's top.
        self.topic.setCurrentIndex(max(self.topic.findText("DSL update"), 0))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.starts = QTimeEdit()
        self.ends = QTimeEdit()
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("HH:mm")
        self.delivery = QComboBox()
        for mode in Delivery:
            self.delivery.addItem(mode.label, mode)
        self.venue = QComboBox()
        self.venue.addItem("(no venue)", None)
        for venue in choices.venues:
            room = f" (holds {venue.room_capacity})" if venue.room_capacity else ""
            self.venue.addItem(f"{venue.name}{room}", venue.id)
        self.join_url = QLineEdit()
        self.join_url.setPlaceholderText("https://teams.microsoft.com/l/meetup-join/...")
        self.passcode = secret_field()  # masked until the eye is pressed
        self.capacity = QSpinBox()
        # 0 is allowed in the box so that the service's "at least 1" shows rather than a silent clamp.
        self.capacity.setRange(0, MAX_CAPACITY)
        self.capacity.setValue(30)
        self.series = QComboBox()
        self.series.addItem("(not in a series)", None)
        for series in choices.series:
            self.series.addItem(series.name, series.id)
        self.roles = CheckList([(r.label, r) for r in Role], rows=5)
        self.phases = CheckList([(p.label, p) for p in Phase], rows=5)
        self.districts = CheckList([(d, d) for d in choices.districts], rows=5)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.draft = QCheckBox("Draft: not yet open for booking")

    def _audience_box(self) -> QWidget:
        box = QWidget()
        grid = QHBoxLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for heading, check_list in (
            ("Roles", self.roles),
            ("Phases", self.phases),
            ("Districts", self.districts),
        ):
            column = QVBoxLayout()
            caption = QLabel(heading)
            caption.setBuddy(check_list)
            column.addWidget(caption)
            column.addWidget(check_list)
            grid.addLayout(column)
        box.setToolTip("Leave a list empty to mean everyone")
        return box

    # ------------------------------------------------------------------ values
    def set_fields(self, fields: BriefingFields) -> None:
        """Show ``fields`` (Edit and Duplicate pre-fill the form with them)."""
        starts, ends = to_london(fields.starts_at), to_london(fields.ends_at)
        self.title.setText(fields.title)
        self._select(self.topic, fields.topic_id)
        self.day.setDate(qdate(starts.date()))
        self.starts.setTime(qtime(starts.time()))
        self._last_start = self.starts.time()
        self.ends.setTime(qtime(ends.time()))
        self._select(self.delivery, fields.delivery)
        self._select(self.venue, fields.venue_id)
        self.join_url.setText(fields.join_url or "")
        self.passcode.setText(fields.join_passcode or "")
        self.capacity.setValue(fields.capacity)
        self._select(self.series, fields.series_id)
        self.roles.set_checked(fields.audience_roles)
        self.phases.set_checked(fields.audience_phases)
        self.districts.set_checked(fields.audience_districts)
        self.notes.setPlainText(fields.notes or "")
        self.draft.setChecked(fields.draft)
        self._facilitators = fields.facilitator_ids

    def fields(self) -> BriefingFields:
        """What the form holds, as the services take it."""
        day = py_date(self.day.date())
        delivery = self._delivery()
        return BriefingFields(
            title=self.title.text(),
            topic_id=self.topic.currentData(),
            starts_at=london(day, py_time(self.starts.time())),
            ends_at=london(day, py_time(self.ends.time())),
            delivery=delivery,
            capacity=self.capacity.value(),
            venue_id=self.venue.currentData() if delivery.needs_venue else None,
            join_url=self.join_url.text() if delivery.needs_link else None,
            join_passcode=self.passcode.text() if delivery.needs_link else None,
            series_id=self.series.currentData(),
            audience_roles=tuple(Role(r) for r in self.roles.checked()),
            audience_phases=tuple(Phase(p) for p in self.phases.checked()),
            audience_districts=tuple(self.districts.checked()),
            facilitator_ids=self._facilitators,
            notes=self.notes.toPlainText(),
            draft=self.draft.isChecked(),
        )

    def suggest(self, day: date, at: time = time(9, 30)) -> None:
        """Start a new briefing on ``day`` at ``at``, lasting the topic's usual length."""
        self.day.setDate(qdate(day))
        self.starts.setTime(qtime(at))
        self._last_start = self.starts.time()
        self._topic_changed()

    def with_times(self, fields: BriefingFields, day: date) -> BriefingFields:
        """``fields`` moved to ``day`` at the form's times (a series template per date)."""
        return replace(
            fields,
            starts_at=london(day, py_time(self.starts.time())),
            ends_at=london(day, py_time(self.ends.time())),
        )

    # ------------------------------------------------------------------ reactions
    def _delivery_changed(self) -> None:
        delivery = self._delivery()
        self.venue.setEnabled(delivery.needs_venue)
        self.join_url.setEnabled(delivery.needs_link)
        self.passcode.setEnabled(delivery.needs_link)

    def _topic_changed(self) -> None:
        topic = self._topic()
        if topic is None:
            return
        ends = datetime.combine(date.today(), py_time(self.starts.time())) + timedelta(
            minutes=topic.default_minutes
        )
        self.ends.setTime(qtime(ends.time()))
        self.title.setPlaceholderText(f"For example: {topic.name}")

    def _start_moved(self, new: QTime) -> None:
        # Moving the start keeps the length, as calendar apps do.
        self.ends.setTime(self.ends.time().addSecs(self._last_start.secsTo(new)))
        self._last_start = new

    def _delivery(self) -> Delivery:
        # Qt stores a StrEnum as its plain string value.
        return Delivery(self.delivery.currentData())

    def _topic(self) -> TopicRow | None:
        wanted = self.topic.currentData()
        return next((t for t in self._choices.topics if t.id == wanted), None)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def focus_first(self) -> None:
        """Put the cursor in the title."""
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
