"""Benchmarks of the returns, registers and certificates, each next to the bare library.

Each benchmark builds its rows in memory (no database: the exporters are what is measured), renders
them with our exporter, then writes the same cells or strings with openpyxl or reportlab directly,
in the same run, so the figure to watch is the ratio. ``BENCHMARKS`` lists them for the harness;
``python -m tests.benchmarks.exports_bench`` runs them alone.
"""

from __future__ import annotations

import io
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from briefings.certificate_numbers import CertifiedDetails
from briefings.certificates import CertificateRow, IssuedCertificates
from briefings.clock import LONDON
from briefings.document_preferences import DocumentLook
from briefings.queries.briefings import BriefingDetail, BriefingRow, RegisterRow
from briefings.queries.returns import BriefingReturn, PeriodBooking, PeriodReturn, SettingCoverage
from briefings.vocabulary import Attendance, BookingStatus, BriefingStatus, Delivery, Phase, Role
from exports.attendance_certificates import CertificatesExporter
from exports.briefing_return import BriefingReturnExporter
from exports.document_context import Provenance
from exports.period_return import PeriodReturnExporter
from exports.sign_in_register import SignInRegisterExporter
from exports.tabular import TabularExporter

STARTS = datetime(2025, 10, 8, 9, 30, tzinfo=LONDON)
MADE = Provenance("Wyvernshire County Council", "Jo Advisor", "jo", datetime(2025, 10, 9, 10, tzinfo=UTC))
LOOK = DocumentLook("Wyvernshire County Council", "Jo Advisor", None, None)
SETTINGS = 450


@dataclass(frozen=True)
class Timing:
    """One benchmark's seconds: ours and the bare library's, best of ``repeat``."""

    name: str
    ours: float
    bare: float

    @property
    def ratio(self) -> float:
        """How many times the bare library's time ours takes."""
        return self.ours / self.bare if self.bare else float("inf")

    def __str__(self) -> str:
        ours, bare = self.ours * 1000, self.bare * 1000
        return f"{self.name:<28} ours {ours:8.0f} ms   bare {bare:8.0f} ms   x{self.ratio:.2f}"


def briefing_row(briefing_id: int = 1, *, day: int = 0) -> BriefingRow:
    """A held in-person briefing."""
    starts = STARTS + timedelta(days=day)
    return BriefingRow(
        briefing_id,
        f"DSL update briefing {briefing_id}",
        1,
        "dsl_update",
        "DSL update",
        "#1f3a5f",
        None,
        None,
        starts,
        starts + timedelta(hours=2),
        Delivery.IN_PERSON,
        1,
        "Wyvern Hall",
        None,
        600,
        500,
        0,
        480,
        BriefingStatus.COMPLETED,
        f"uid-{briefing_id}",
        0,
        (),
        (),
        (),
        None,
    )


def register_rows(count: int) -> list[RegisterRow]:
    """``count`` booked people from eight-per-setting schools, in sign-in order."""
    return [
        RegisterRow(
            registration_id=i,
            number=i + 1,
            position=None,
            person_id=i,
            person_name=f"Zoë Person{i:05d} O'Brien",
            first_name=f"Zoë Person{i:05d}",
            last_name="O'Brien",
            email=None,
            setting_id=i // 8,
            setting_name=f"St Thomas à Becket Primary {i // 8:04d}",
            urn=960000 + i // 8,
            district="Wyvern Vale",
            phase=Phase.PRIMARY,
            role=Role.DSL,
            status=BookingStatus.BOOKED,
            queued_at=STARTS,
            attendance=Attendance.PRESENT,
            minutes_attended=120,
            walk_in=False,
            source="register",
        )
        for i in range(count)
    ]


def detail(count: int) -> BriefingDetail:
    """The briefing the rows belong to."""
    return BriefingDetail(
        briefing_row(),
        "County Hall, Castle Street, Wyvern",
        "WX1 2AB",
        None,
        (1,),
        ("Siobhán O'Donnell",),
        (),
        None,
        2.0,
        True,
        STARTS,
        STARTS,
    )


def period(bookings: int, briefings: int) -> PeriodReturn:
    """A year's return: ``bookings`` places spread over ``briefings`` briefings and 450 settings."""
    rows = tuple(briefing_row(b + 1, day=b * 3) for b in range(briefings))
    places = tuple(
        PeriodBooking(
            (i % briefings) + 1,
            i,
            i,
            f"Person{i:06d} Smith",
            i % SETTINGS,
            f"Setting {i % SETTINGS:03d} Primary",
            960000 + i % SETTINGS,
            "Wyvern Vale",
            Phase.PRIMARY,
            Role.DSL,
            Attendance.PRESENT,
            120,
            False,
        )
        for i in range(bookings)
    )
    coverage = tuple(
        SettingCoverage(
            s,
            f"Setting {s:03d} Primary",
            960000 + s,
            "Wyvern Vale",
            Phase.PRIMARY,
            True,
            100,
            90,
            2,
            date(2026, 3, 4),
            date(2026, 3, 4),
            False,
        )
        for s in range(SETTINGS)
    )
    return PeriodReturn("2025/26", date(2025, 9, 1), date(2026, 8, 31), None, rows, places, coverage)


def certificates(count: int) -> IssuedCertificates:
    """``count`` recorded certificates."""
    return IssuedCertificates(
        tuple(
            CertificateRow(
                f"2025-{i + 1:06d}-K7QX-M3PA",
                i,
                CertifiedDetails(
                    f"Zoë Person{i:05d} O'Brien",
                    "St Thomas à Becket Primary",
                    "DSL update briefing",
                    date(2025, 10, 8),
                    120,
                    2.0,
                ),
                datetime(2025, 10, 9, 10, tzinfo=LONDON),
            )
            for i in range(count)
        ),
        (),
        (),
    )


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def bare_workbook(exporter: TabularExporter, *, write_only: bool) -> bytes:
    """openpyxl writing the same sheets' values, as plain cells, each sheet as a table."""
    from openpyxl import Workbook
    from openpyxl.worksheet.table import Table, TableColumn

    workbook = Workbook(write_only=write_only)
    if workbook.worksheets:
        workbook.remove(workbook.worksheets[0])
    for sheet in exporter.sheets():
        worksheet = workbook.create_sheet(sheet.title)
        worksheet.append([c.header for c in sheet.columns])
        count = 0
        for row in sheet.rows:
            worksheet.append([v.replace(tzinfo=None) if isinstance(v, datetime) else v for v in row])
            count += 1
        table = Table(displayName=sheet.table, ref=f"A1:{_column(len(sheet.columns))}{count + 1}")
        table.tableColumns = [TableColumn(id=i, name=c.header) for i, c in enumerate(sheet.columns, start=1)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            worksheet.add_table(table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bench_briefing_return(repeat: int = 3) -> Timing:
    """A 500-row briefing return."""
    data = BriefingReturn(detail(500), tuple(register_rows(500)), {})
    exporter = BriefingReturnExporter(data, MADE)
    return Timing(
        "500-row briefing return",
        best_of(repeat, exporter.render),
        best_of(repeat, lambda: bare_workbook(exporter, write_only=False)),
    )


def bench_period_return(repeat: int = 1) -> Timing:
    """A 50,000-booking period return (streamed)."""
    exporter = PeriodReturnExporter(period(50_000, 120), MADE)
    return Timing(
        "50,000-row period return",
        best_of(repeat, exporter.render),
        best_of(repeat, lambda: bare_workbook(exporter, write_only=True)),
    )


def bench_certificates(repeat: int = 2) -> Timing:
    """500 certificates in one PDF."""
    issued = certificates(500)
    exporter = CertificatesExporter(issued, detail(500), LOOK, MADE)
    return Timing(
        "500 certificates",
        best_of(repeat, exporter.render),
        best_of(repeat, lambda: _bare_certificates(issued)),
    )


def bench_register(repeat: int = 2) -> Timing:
    """A 500-row sign-in register."""
    rows = register_rows(500)
    exporter = SignInRegisterExporter(detail(500), rows, MADE)
    return Timing(
        "500-row register", best_of(repeat, exporter.render), best_of(repeat, lambda: _bare_register(rows))
    )


def _bare_certificates(issued: IssuedCertificates) -> bytes:
    """reportlab drawing the same strings and a QR code on each of the pages."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from exports.fonts import SANS, SERIF_BOLD, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4))
    for certificate in issued.certificates:
        details = certificate.details
        canvas.setFont(SERIF_BOLD, 34)
        canvas.drawCentredString(421, 330, details.person_name)
        canvas.setFont(SANS, 13)
        for y, text in (
            (300, details.setting_name or ""),
            (240, details.briefing_title),
            (200, "8 October 2025"),
        ):
            canvas.drawCentredString(421, y, text)
        canvas.drawString(600, 100, certificate.number)
        widget = QrCodeWidget(certificate.payload("Wyvernshire County Council"), barLevel="M")
        drawing = Drawing(92, 92)
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, 700, 52)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _bare_register(rows: Sequence[RegisterRow]) -> bytes:
    """reportlab platypus laying out the same table (plain strings, repeated header)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from exports.fonts import SANS, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    body = [["No.", "Name", "Setting", "Role", "Signature"]]
    body += [[str(r.number), r.person_name, r.setting_name or "", "DSL", ""] for r in rows]
    table = Table(body, repeatRows=1)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("GRID", (0, 0), (-1, -1), 0.5, "grey")])
    SimpleDocTemplate(buffer, pagesize=A4).build([table])
    return buffer.getvalue()


def _column(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)


BENCHMARKS: list[tuple[str, Callable[[], Timing]]] = [
    ("exports.briefing_return_500", bench_briefing_return),
    ("exports.period_return_50000", bench_period_return),
    ("exports.certificates_500", bench_certificates),
    ("exports.register_500", bench_register),
]


if __name__ == "__main__":
    for _, bench in BENCHMARKS:
        print(bench(), flush=True)
