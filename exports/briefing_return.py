"""``xlsx-briefing``: one briefing's return, every booking with its setting, attendance and certificate."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from briefings.certificate_numbers import format_hours
from briefings.queries.briefings import RegisterRow
from briefings.queries.returns import BriefingReturn
from briefings.vocabulary import ATTENDED, BookingStatus
from exports.base import ExportError, safe_filename
from exports.document_context import Provenance, provenance
from exports.phrasing import session_times
from exports.registry import ExportSpec, register
from exports.tabular import Column, FrontSheet, Sheet, TabularExporter

if TYPE_CHECKING:
    from briefings.services import Services

BOOKING_LABELS = {
    BookingStatus.BOOKED: "Booked",
    BookingStatus.WAITLISTED: "Waiting list",
    BookingStatus.CANCELLED: "Cancelled",
}
COLUMNS = (
    Column("No.", "integer"),
    Column("Name"),
    Column("Setting"),
    Column("URN", "integer"),
    Column("District"),
    Column("Phase"),
    Column("Role"),
    Column("Booking"),
    Column("Walk-in"),
    Column("Attendance"),
    Column("Minutes attended", "integer"),
    Column("Certificate number"),
)


class BriefingReturnExporter(TabularExporter):
    """Every booking on one briefing, numbered as on the sign-in register."""

    identifier = "xlsx-briefing"
    verbose_name = "Attendance return for one briefing (.xlsx)"

    def __init__(self, data: BriefingReturn, made: Provenance) -> None:
        self._data = data
        self._made = made

    def filename(self) -> str:
        """``Attendance 2025-10-08 DSL update.xlsx``."""
        row = self._data.detail.row
        return safe_filename(f"Attendance {row.starts_at:%Y-%m-%d} {row.title}", limit=100) + ".xlsx"

    def front(self) -> FrontSheet:
        """The briefing's details and its counts."""
        detail = self._data.detail
        row = detail.row
        booked = [r for r in self._data.register if r.status is BookingStatus.BOOKED]
        return FrontSheet(
            title=f"Attendance return: {row.title}",
            holds="Every booking on this briefing (booked, waiting and cancelled) with the person's "
            "setting, what happened on the day, and any certificate issued. Numbers are the "
            "sign-in register's row numbers.",
            period=session_times(row.starts_at, row.ends_at),
            provenance=self._made,
            facts=(
                ("Topic", row.topic_name),
                ("Delivery", row.delivery.label),
                ("Venue", row.venue_name or "—"),
                ("Facilitators", ", ".join(detail.facilitator_names) or "—"),
                ("CPD hours", format_hours(detail.cpd_hours)),
                ("Booked", len(booked)),
                ("Attended", sum(1 for r in booked if r.attendance in ATTENDED)),
                ("Waiting list", row.waitlisted),
                ("Status", row.status.value.capitalize()),
            ),
        )

    def sheets(self) -> Sequence[Sheet]:
        """One sheet of bookings."""
        if not self._data.register:
            raise ExportError(
                f"Nobody has booked “{self._data.detail.row.title}”, so there is no return to write"
            )
        return [
            Sheet(
                title="Bookings",
                table="Bookings",
                description="One row per booking: sign-in order, then the waiting list, then cancellations.",
                columns=COLUMNS,
                rows=self._rows(),
                size=len(self._data.register),
                frozen_columns=2,
            )
        ]

    def _rows(self) -> Iterator[Sequence[object]]:
        numbers = self._data.certificate_numbers
        for r in self._data.register:
            yield _booking_row(r, numbers.get(r.registration_id))


def _booking_row(r: RegisterRow, certificate: str | None) -> Sequence[object]:
    booking = BOOKING_LABELS[r.status]
    if r.position is not None:
        booking = f"{booking} ({r.position})"
    return (
        r.number,
        r.person_name,
        r.setting_name,
        r.urn,
        r.district,
        r.phase.label if r.phase else None,
        r.role.label if r.role else None,
        booking,
        "Yes" if r.walk_in else None,
        r.attendance.label if r.attendance else None,
        r.minutes_attended,
        certificate,
    )


def briefing_return_exporter(services: Services, briefing_id: int) -> BriefingReturnExporter:
    """The exporter for one briefing, its rows gathered through the services."""
    return BriefingReturnExporter(services.returns.briefing(briefing_id), provenance(services))


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--briefing", type=int, required=True, metavar="ID", help="the briefing's id")


SPEC = register(
    ExportSpec(
        identifier=BriefingReturnExporter.identifier,
        verbose_name=BriefingReturnExporter.verbose_name,
        add_arguments=_arguments,
        build=lambda args, services: briefing_return_exporter(services, args.briefing),
    )
)
