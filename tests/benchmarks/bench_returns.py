"""Benchmarks of the returns, registers and certificates, each next to the bare library.

No database: rows are built in memory, so the figures are the exporters' own. Each has as its
floor the same cells or strings written with bare openpyxl or reportlab. Run them alone with
``python -m tests.benchmarks --only 'exports.*'``.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Generic, TypeVar

from briefings.certificate_numbers import CertifiedDetails
from briefings.certificates import CertificateRow, IssuedCertificates
from briefings.clock import LONDON
from briefings.document_preferences import DocumentLook
from briefings.queries.briefings import BriefingDetail, BriefingRow, RegisterRow
from briefings.queries.returns import BriefingReturn, PeriodBooking, PeriodReturn, SettingCoverage
from briefings.vocabulary import Attendance, BookingStatus, BriefingStatus, Delivery, Phase, Role
from exports.attendance_certificates import CertificatesExporter
from exports.base import Exporter
from exports.briefing_return import BriefingReturnExporter
from exports.document_context import Provenance
from exports.period_return import PeriodReturnExporter
from exports.sign_in_register import SignInRegisterExporter
from exports.tabular import TabularExporter
from tests.benchmarks.harness import Benchmark, register

STARTS = datetime(2025, 10, 8, 9, 30, tzinfo=LONDON)
MADE = Provenance("Wyvernshire County Council", "Jo Advisor", "jo", datetime(2025, 10, 9, 10, tzinfo=UTC))
LOOK = DocumentLook("Wyvernshire County Council", "Jo Advisor", None, None)
SETTINGS = 450
E = TypeVar("E", bound=Exporter)


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


@dataclass(frozen=True)
class Prepared(Generic[E]):
    """An exporter over in-memory rows, and how many rows it writes."""

    exporter: E
    rows: int

    def render(self) -> int:
        """Render, reporting the rows written."""
        self.exporter.render()
        return self.rows


def briefing_return(rows: int) -> Prepared[BriefingReturnExporter]:
    """xlsx-briefing over ``rows`` bookings."""
    data = BriefingReturn(detail(rows), tuple(register_rows(rows)), {})
    return Prepared(BriefingReturnExporter(data, MADE), rows)


def period_return(bookings: int) -> Prepared[PeriodReturnExporter]:
    """xlsx-period over ``bookings`` places, 120 briefings and 450 settings."""
    return Prepared(PeriodReturnExporter(period(bookings, 120), MADE), bookings)


def certificates_pdf(count: int) -> Prepared[CertificatesExporter]:
    """pdf-certificates for ``count`` people, in one PDF."""
    return Prepared(CertificatesExporter(certificates(count), detail(count), LOOK, MADE), count)


def register_pdf(rows: int) -> Prepared[SignInRegisterExporter]:
    """pdf-register for ``rows`` booked people."""
    return Prepared(SignInRegisterExporter(detail(rows), register_rows(rows), MADE), rows)


def bare_certificates(issued: IssuedCertificates) -> bytes:
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


def bare_register(rows: Sequence[RegisterRow]) -> bytes:
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


register(
    Benchmark(
        "exports.briefing_return",
        setup=lambda ctx: briefing_return(50 if ctx.quick else 500),
        run=Prepared.render,
        floor=lambda prepared: bare_workbook(prepared.exporter, write_only=False),
        description="xlsx-briefing, 500 bookings; floor: bare openpyxl, same cells",
    )
)
register(
    Benchmark(
        "exports.period_return",
        setup=lambda ctx: period_return(2_000 if ctx.quick else 50_000),
        run=Prepared.render,
        floor=lambda prepared: bare_workbook(prepared.exporter, write_only=True),
        description="xlsx-period, 50,000 bookings (streamed); floor: bare openpyxl write-only",
    )
)
register(
    Benchmark(
        "exports.certificates",
        setup=lambda ctx: certificates_pdf(10 if ctx.quick else 500),
        run=Prepared.render,
        floor=lambda prepared: bare_certificates(prepared.exporter.issued),
        description="pdf-certificates, 500 pages with QR codes; floor: bare reportlab (its QR widget)",
    )
)
register(
    Benchmark(
        "exports.register_pdf",
        setup=lambda ctx: register_pdf(50 if ctx.quick else 500),
        run=Prepared.render,
        floor=lambda prepared: bare_register(prepared.exporter.lines),
        description="pdf-register, 500 rows; floor: bare reportlab platypus, same strings",
    )
)
