"""``xlsx-period``: a period's or a series' return, settings down the side and briefings across.

Sheets: the attendance grid (people who attended from each setting at each briefing, with totals),
each setting's coverage (did its DSL or a deputy come, and when one last did), the briefings, and
every booked place.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from briefings.cli.parsing import iso_date
from briefings.errors import ValidationError
from briefings.queries.returns import PeriodBooking, PeriodReturn
from briefings.vocabulary import ATTENDED
from exports.base import ExportError, safe_filename
from exports.document_context import Provenance, provenance
from exports.phrasing import plain_date
from exports.registry import ExportScope, ExportSpec, register
from exports.tabular import Column, FrontSheet, Sheet, TabularExporter

if TYPE_CHECKING:
    from briefings.services import Services

NO_SETTING = "(no setting)"
MAX_BRIEFING_COLUMNS = 16_000  # Excel stops at 16,384 columns
SETTING_COLUMNS = (Column("Setting"), Column("URN", "integer"), Column("District"), Column("Phase"))
TOTAL_COLUMNS = (Column("Booked", "integer"), Column("Attended", "integer"))
COVERAGE_COLUMNS = (
    *SETTING_COLUMNS,
    Column("Open"),
    Column("Booked", "integer"),
    Column("Attended", "integer"),
    Column("DSL or deputy attended"),
    Column("DSLs and deputies attending", "integer"),
    Column("DSL or deputy last attended", "date"),
    Column("Last KCSIE refresh", "date"),
    Column("Refresh due at period end"),
)
BRIEFING_COLUMNS = (
    Column("Starts", "datetime"),
    Column("Ends", "datetime"),
    Column("Title"),
    Column("Topic"),
    Column("Series"),
    Column("Delivery"),
    Column("Venue"),
    Column("Minutes", "integer"),
    Column("Capacity", "integer"),
    Column("Booked", "integer"),
    Column("Attended", "integer"),
    Column("Status"),
)
BOOKING_COLUMNS = (
    Column("Date", "date"),
    Column("Briefing"),
    Column("Name"),
    *SETTING_COLUMNS,
    Column("Role"),
    Column("Attendance"),
    Column("Minutes attended", "integer"),
    Column("Walk-in"),
)
_SettingKey = tuple[str, int]  # (name folded, id); people with no setting sort last


class PeriodReturnExporter(TabularExporter):
    """Attendance across the briefings of a period or a series."""

    identifier = "xlsx-period"
    verbose_name = "Attendance return for a period or series (.xlsx)"

    def __init__(self, data: PeriodReturn, made: Provenance) -> None:
        self._data = data
        self._made = made

    def filename(self) -> str:
        """``Attendance return 2025-09-01 to 2026-08-31.xlsx`` or the series' name."""
        data = self._data
        if data.series_name:
            return safe_filename(f"Attendance return {data.series_name}", limit=100) + ".xlsx"
        return f"Attendance return {data.first_day:%Y-%m-%d} to {data.last_day:%Y-%m-%d}.xlsx"

    def front(self) -> FrontSheet:
        """What the return covers and its totals."""
        data = self._data
        attended = sum(1 for b in data.bookings if b.attendance in ATTENDED)
        covered = sum(1 for c in data.coverage if c.leads_attended and c.is_open)
        open_settings = sum(1 for c in data.coverage if c.is_open)
        return FrontSheet(
            title=f"Attendance return: {data.label}",
            holds="Attendance at the briefings held in the period: by setting and briefing, each "
            "setting's DSL and deputy coverage, the briefings, and every booked place.",
            period=f"{plain_date(data.first_day)} to {plain_date(data.last_day)}"
            + (f" (series “{data.series_name}”)" if data.series_name else ""),
            provenance=self._made,
            facts=(
                ("Briefings in the period", len(data.briefings)),
                ("Booked places", len(data.bookings)),
                ("Attended", attended),
                ("Open settings covered", f"{covered} of {open_settings} had a DSL or deputy attend"),
            ),
        )

    def sheets(self) -> Sequence[Sheet]:
        """Grid, coverage, briefings, bookings."""
        data = self._data
        if not data.briefings:
            raise ExportError(f"No briefings were held in {data.label}, so there is no return to write")
        if len(data.briefings) > MAX_BRIEFING_COLUMNS:
            raise ExportError(
                f"{len(data.briefings)} briefings are more columns than Excel holds; choose a shorter period"
            )
        grid = _Grid(data)
        return [
            Sheet(
                title="Attendance",
                table="Attendance",
                description="One row per setting, one column per briefing: how many people from the "
                "setting attended (blank: nobody booked). Totals below the table.",
                columns=(*SETTING_COLUMNS, *grid.columns, *TOTAL_COLUMNS),
                rows=grid.rows(),
                size=len(grid.settings),
                totals=grid.totals(),
                frozen_columns=1,
            ),
            Sheet(
                title="Coverage",
                table="Coverage",
                description="Every open setting (and any other that booked): whether its DSL or a deputy "
                "attended in the period, and when one last attended anything and a KCSIE refresh.",
                columns=COVERAGE_COLUMNS,
                rows=self._coverage(),
                size=len(data.coverage),
                frozen_columns=1,
            ),
            Sheet(
                title="Briefings",
                table="Briefings",
                description="The briefings in the period, with places booked and attended.",
                columns=BRIEFING_COLUMNS,
                rows=self._briefings(),
                size=len(data.briefings),
            ),
            Sheet(
                title="Bookings",
                table="Bookings",
                description="Every booked place (walk-ins included), by briefing then sign-in order.",
                columns=BOOKING_COLUMNS,
                rows=self._bookings(),
                size=len(data.bookings),
                frozen_columns=3,
            ),
        ]

    def _coverage(self) -> Iterator[Sequence[object]]:
        for c in self._data.coverage:
            yield (
                c.name,
                c.urn,
                c.district,
                c.phase.label,
                _yes_no(c.is_open),
                c.booked,
                c.attended,
                _yes_no(c.leads_attended > 0),
                c.leads_attended,
                c.last_lead_on,
                c.last_refresh_on,
                _yes_no(c.refresh_due),
            )

    def _briefings(self) -> Iterator[Sequence[object]]:
        for b in self._data.briefings:
            yield (
                b.starts_at,
                b.ends_at,
                b.title,
                b.topic_name,
                b.series_name,
                b.delivery.label,
                b.venue_name,
                b.minutes,
                b.capacity,
                b.booked,
                b.attended,
                b.status.value.capitalize(),
            )

    def _bookings(self) -> Iterator[Sequence[object]]:
        briefings = {b.id: b for b in self._data.briefings}
        for p in self._data.bookings:
            briefing = briefings[p.briefing_id]
            yield (
                briefing.starts_at.date(),
                briefing.title,
                p.person_name,
                p.setting_name or NO_SETTING,
                p.urn,
                p.district,
                p.phase.label if p.phase else None,
                p.role.label if p.role else None,
                p.attendance.label if p.attendance else None,
                p.minutes_attended,
                "Yes" if p.walk_in else None,
            )


class _Grid:
    """Booked and attended counts by setting and briefing."""

    def __init__(self, data: PeriodReturn) -> None:
        self._briefing_ids = [b.id for b in data.briefings]
        self.columns = [Column(f"{b.starts_at:%d %b %Y} {b.title[:60]}", "integer") for b in data.briefings]
        self._counts: dict[_SettingKey, dict[int, list[int]]] = defaultdict(
            lambda: defaultdict(lambda: [0, 0])
        )
        self.settings: dict[_SettingKey, PeriodBooking] = {}
        for booking in data.bookings:
            key = _setting_key(booking)
            self.settings.setdefault(key, booking)
            cell = self._counts[key][booking.briefing_id]
            cell[0] += 1
            cell[1] += booking.attendance in ATTENDED

    def rows(self) -> Iterator[Sequence[object]]:
        for key in sorted(self.settings):
            first = self.settings[key]
            counts = self._counts[key]
            cells = [counts[i][1] if i in counts else None for i in self._briefing_ids]
            booked = sum(c[0] for c in counts.values())
            attended = sum(c[1] for c in counts.values())
            phase = first.phase.label if first.phase else None
            name = first.setting_name or NO_SETTING
            yield (name, first.urn, first.district, phase, *cells, booked, attended)

    def totals(self) -> Sequence[object]:
        by_briefing = [
            sum(self._counts[key][i][1] for key in self.settings if i in self._counts[key])
            for i in self._briefing_ids
        ]
        booked = sum(c[0] for per in self._counts.values() for c in per.values())
        return ("Total", None, None, None, *by_briefing, booked, sum(by_briefing))


def _setting_key(booking: PeriodBooking) -> _SettingKey:
    if booking.setting_id is None:
        return ("\uffff", 0)
    return ((booking.setting_name or "").casefold(), booking.setting_id)


def _yes_no(flag: bool) -> str:
    return "Yes" if flag else "No"


def period_return_exporter(
    services: Services,
    *,
    first_day: date | None = None,
    last_day: date | None = None,
    series_id: int | None = None,
) -> PeriodReturnExporter:
    """The exporter for a period (both days) or a series, its rows gathered through the services."""
    if series_id is not None:
        if first_day or last_day:
            raise ValidationError("Choose a series or a period, not both", "series_id")
        data = services.returns.series(series_id)
    elif first_day and last_day:
        data = services.returns.period(first_day, last_day)
    else:
        raise ValidationError("A period needs both its first and its last day", "first_day")
    return PeriodReturnExporter(data, provenance(services))


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="first_day", type=iso_date, metavar="DATE", help="first day, e.g. 2025-09-01"
    )
    parser.add_argument("--to", dest="last_day", type=iso_date, metavar="DATE", help="last day, inclusive")
    parser.add_argument("--series", type=int, metavar="ID", help="a series' briefings instead of a period")


SPEC = register(
    ExportSpec(
        identifier=PeriodReturnExporter.identifier,
        verbose_name=PeriodReturnExporter.verbose_name,
        add_arguments=_arguments,
        build=lambda args, services: period_return_exporter(
            services, first_day=args.first_day, last_day=args.last_day, series_id=args.series
        ),
        scope=ExportScope.GENERAL,
    )
)
