"""Laying out the sign-in register: a heading block, then a numbered table that repeats its header."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from exports.fonts import SANS, SANS_BOLD, register_fonts
from exports.pdf_pages import HEADER_FILL, INK, MUTED, NAVY, RULE, SHADE, markup_text, paged_canvas
from exports.phrasing import session_times

if TYPE_CHECKING:
    from exports.sign_in_register import SignInRegisterExporter

MARGIN = 16 * mm
COLUMN_WIDTHS = (12 * mm, 52 * mm, 50 * mm, 26 * mm, 38 * mm)  # 178 mm: A4 less the margins
HEADINGS = ("No.", "Name", "Setting", "Role", "Signature")
BLANK_ROW_HEIGHT = 26.0
FRAME_PADDING = 6.0  # platypus frames keep this much clear inside the margins
CELL_PADDING = 6.0  # reportlab's default left and right padding in table cells
CELL = ParagraphStyle("cell", fontName=SANS, fontSize=9.5, leading=11.5, textColor=INK)
CELL_BOLD = ParagraphStyle("cell-bold", parent=CELL, fontName=SANS_BOLD)
HEADING = ParagraphStyle("heading", parent=CELL_BOLD, textColor=NAVY)
NUMBER_HEADING = ParagraphStyle("number-heading", parent=HEADING, alignment=TA_CENTER)
ORGANISATION = ParagraphStyle("organisation", fontName=SANS_BOLD, fontSize=9, leading=12, textColor=MUTED)
TITLE = ParagraphStyle("title", fontName=SANS_BOLD, fontSize=20, leading=25, textColor=NAVY, spaceAfter=2)
SUBTITLE = ParagraphStyle(
    "subtitle", fontName=SANS_BOLD, fontSize=13, leading=17, textColor=INK, spaceAfter=6
)
FACT = ParagraphStyle("fact", parent=CELL, fontSize=10, leading=13)
NOTE = ParagraphStyle("note", parent=CELL, fontSize=9, leading=12, textColor=MUTED)
Tick = Callable[[int, int], None]


def register_pdf(exporter: SignInRegisterExporter, tick: Tick) -> bytes:
    """The whole register as PDF bytes."""
    register_fonts()
    detail, made = exporter.detail, exporter.made
    row = detail.row
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN + 4 * mm,
        title=f"Sign-in register: {row.title}",
        author=made.organisation or made.made_by,
        subject=session_times(row.starts_at, row.ends_at),
        creator=made.made_with,
        initialFontName=SANS,  # otherwise every page names Helvetica, which is never embedded
    )
    story: list[Flowable] = [
        *_heading(exporter),
        Spacer(1, 3 * mm),
        Paragraph(
            "Please sign against your name. Not on the list? Write your name, setting and role in an "
            "empty row at the end and sign there. Organiser: type the numbers of the signed rows into "
            "Briefing Desk to mark them present.",
            NOTE,
        ),
        Spacer(1, 3 * mm),
        _table(exporter, tick),
    ]
    if exporter.blank_rows:
        story.append(_WalkInRows(exporter.blank_rows, document.height - 2 * FRAME_PADDING))
    document.build(story, canvasmaker=paged_canvas(_footer(exporter)))
    tick(len(exporter.lines), len(exporter.lines))
    return buffer.getvalue()


def _heading(exporter: SignInRegisterExporter) -> list[Flowable]:
    detail, made = exporter.detail, exporter.made
    row = detail.row
    venue = ", ".join(p for p in (row.venue_name, detail.venue_address, detail.venue_postcode) if p)
    facts = [
        ("Date", session_times(row.starts_at, row.ends_at)),
        ("Venue", venue or row.delivery.label),
        (
            "Facilitator" if len(detail.facilitator_names) == 1 else "Facilitators",
            ", ".join(detail.facilitator_names) or "—",
        ),
        ("Booked", f"{len(exporter.lines)} people"),
    ]
    fact_table = Table(
        [[Paragraph(f"<b>{label}</b>", FACT), Paragraph(markup_text(value), FACT)] for label, value in facts],
        colWidths=(28 * mm, 150 * mm),
        hAlign="LEFT",
    )
    fact_table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    flowables: list[Flowable] = []
    if made.organisation:
        flowables.append(Paragraph(markup_text(made.organisation.upper()), ORGANISATION))
    flowables += [
        Paragraph("Sign-in register", TITLE),
        Paragraph(markup_text(row.title), SUBTITLE),
        fact_table,
    ]
    return flowables


def _table(exporter: SignInRegisterExporter, tick: Tick) -> Table:
    body: list[list[object]] = [
        [Paragraph(h, NUMBER_HEADING if i == 0 else HEADING) for i, h in enumerate(HEADINGS)]
    ]
    shaded: list[int] = []
    previous_setting: str | None = None
    band = False
    total = len(exporter.lines)
    for index, line in enumerate(exporter.lines, start=1):
        if line.setting_name != previous_setting:
            band, previous_setting = not band, line.setting_name
        if band:
            shaded.append(index)
        body.append(
            [
                str(line.number),
                _cell(line.person_name, CELL_BOLD, COLUMN_WIDTHS[1]),
                _cell(line.setting_name or "—", CELL, COLUMN_WIDTHS[2]),
                _cell(line.role.label if line.role else "", CELL, COLUMN_WIDTHS[3]),
                "",
            ]
        )
        if index % 100 == 0:
            tick(index, total)
    table = Table(body, colWidths=COLUMN_WIDTHS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *_grid(heading=True),
                # Cells that fit on one line are plain strings (a Paragraph each costs ~6x): style them.
                ("FONTSIZE", (0, 1), (-1, -1), CELL.fontSize),
                ("TEXTCOLOR", (0, 1), (-1, -1), INK),
                ("FONTNAME", (0, 1), (1, -1), SANS_BOLD),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                *(("BACKGROUND", (0, i), (3, i), SHADE) for i in shaded),
            ]
        )
    )
    return table


def _cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """Plain text when it fits the column on one line; a wrapping Paragraph when it does not."""
    if stringWidth(text, style.fontName, style.fontSize) <= width - 2 * CELL_PADDING and "\n" not in text:
        return text
    return Paragraph(markup_text(text), style)


class _WalkInRows(Flowable):
    """Empty rows for walk-ins that fill the rest of the last page.

    When fewer than ``least`` fit there, they fill a new page instead, under the column headings.
    """

    def __init__(self, least: int, page_height: float) -> None:
        super().__init__()
        self._least = least
        self._page_height = page_height
        self._table = _blank_table(least, heading=False)
        self._indent = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        if availHeight >= self._page_height - 1:  # a page of their own
            heading_height = _blank_table(0, heading=True).wrap(availWidth, availHeight)[1]
            self._table = _blank_table(_rows_fitting(availHeight - heading_height), heading=True)
        else:
            self._table = _blank_table(max(_rows_fitting(availHeight), self._least), heading=False)
        width, height = self._table.wrap(availWidth, availHeight)
        # Centred like the register above it, which is a little wider than the frame's padding allows.
        self._indent = (availWidth - width) / 2
        return float(availWidth), float(height)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []  # too few fit here: all of them go to the next page

    def draw(self) -> None:
        self._table.drawOn(self.canv, self._indent, 0)


def _rows_fitting(height: float) -> int:
    return max(int((height - 1) // BLANK_ROW_HEIGHT), 0)


def _blank_table(rows: int, *, heading: bool) -> Table:
    body: list[list[object]] = [["", "", "", "", ""] for _ in range(rows)]
    heights: list[float | None] = [BLANK_ROW_HEIGHT] * rows
    if heading:
        body.insert(0, [Paragraph(h, NUMBER_HEADING if i == 0 else HEADING) for i, h in enumerate(HEADINGS)])
        heights.insert(0, None)
    table = Table(body, colWidths=COLUMN_WIDTHS, rowHeights=heights)
    first = 1 if heading else 0
    table.setStyle(TableStyle([*_grid(heading=heading), ("LINEABOVE", (0, first), (-1, first), 1, NAVY)]))
    return table


def _grid(*, heading: bool) -> list[Any]:
    """The table's lines and padding; a heading row is filled and ruled off."""
    body = 1 if heading else 0
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # the empty cells too: the default is unembedded Helvetica
        ("GRID", (0, body), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, NAVY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, body), (-1, -1), 7),
        ("BOTTOMPADDING", (0, body), (-1, -1), 7),
    ]
    if heading:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("LINEBELOW", (0, 0), (-1, 0), 1, NAVY)]
    return commands


def _footer(exporter: SignInRegisterExporter) -> Callable[[Canvas, int, int], None]:
    row = exporter.detail.row
    left = f"Sign-in register · {row.title} · {row.starts_at:%d/%m/%Y}"
    running = f"{row.title} · {session_times(row.starts_at, row.ends_at)} (continued)"

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, MARGIN, width - MARGIN, MARGIN)
        canvas.setFont(SANS, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, MARGIN - 11, _clipped(left, 110))
        canvas.drawRightString(width - MARGIN, MARGIN - 11, f"Page {page} of {pages}")
        if page > 1:  # a loose page still says which session it belongs to
            canvas.drawString(MARGIN, height - MARGIN, _clipped(running, 120))
        canvas.restoreState()

    return draw


def _clipped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
