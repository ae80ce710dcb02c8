"""Drawing certificates of attendance: A4 landscape, framed, centred, with a QR code to verify.

Drawn straight on the canvas (no flowing layout) so every certificate puts everything in the
same place; long names and titles shrink, then wrap, to stay inside the frame. The canvas is
"invariant" (no creation time or random document id), so re-issuing prints identical bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from briefings.certificate_numbers import format_hours
from briefings.certificates import CertificateRow
from exports.fonts import SANS, SANS_BOLD, SERIF_BOLD, SERIF_ITALIC, register_fonts
from exports.pdf_pages import GOLD, INK, MUTED, NAVY
from exports.phrasing import duration, long_date, plain_date

if TYPE_CHECKING:
    from exports.attendance_certificates import CertificatesExporter

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
CENTRE = PAGE_WIDTH / 2
TEXT_WIDTH = PAGE_WIDTH - 190  # inside the frame, with air either side
QR_SIZE = 92.0
QR_MARGIN = 4  # modules of white around the code, as scanners expect
LOGO_BOX = (220.0, 52.0)
SIGNATURE_BOX = (170.0, 40.0)
LEADING = 1.18  # line height as a share of the font size
ONE_LINE_SHRINK = 0.8  # below this share of the intended size, wrapping reads better than shrinking
SMALLEST_TEXT = 6.0
BODY_TOP = PAGE_HEIGHT - 50  # the body is centred between here and the signature band
BODY_BOTTOM = 150.0


@dataclass(frozen=True)
class _Images:
    logo: ImageReader | None
    signature: ImageReader | None


def certificates_pdf(
    exporter: CertificatesExporter,
    certificates: Sequence[CertificateRow],
    tick: Callable[[int], None] | None = None,
) -> bytes:
    """One page per certificate, as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=True,  # no creation time or random id: a re-issue is byte for byte the same
        pageCompression=1,
        # Otherwise every page names Helvetica, which is never embedded; the stubs say float.
        initialFontName=SANS,  # type: ignore[arg-type]
    )
    title = exporter.detail.row.title
    if len(certificates) == 1:
        canvas.setTitle(f"Certificate of attendance: {certificates[0].details.person_name}")
    else:
        canvas.setTitle(f"Certificates of attendance: {title}")
    canvas.setAuthor(exporter.made.organisation or exporter.made.made_by)
    canvas.setSubject(title)
    canvas.setCreator(exporter.made.made_with)
    look = exporter.look
    images = _Images(
        ImageReader(str(look.logo_path)) if look.logo_path else None,
        ImageReader(str(look.signature_path)) if look.signature_path else None,
    )
    for done, certificate in enumerate(certificates, start=1):
        _draw(canvas, exporter, certificate, images)
        canvas.showPage()
        if tick is not None:
            tick(done)
    canvas.save()
    return buffer.getvalue()


def _draw(
    canvas: Canvas, exporter: CertificatesExporter, certificate: CertificateRow, images: _Images
) -> None:
    _frame(canvas)
    # Lay the body out once without drawing to measure it, then draw it centred in its band.
    used = BODY_TOP - _body(canvas, exporter, certificate, images, top=BODY_TOP, draw=False)
    _body(
        canvas, exporter, certificate, images, top=BODY_TOP - (BODY_TOP - BODY_BOTTOM - used) / 2, draw=True
    )
    _signatory(canvas, exporter, images)
    _issued(canvas, certificate)
    _verification(canvas, certificate, exporter.made.organisation)


def _body(
    canvas: Canvas,
    exporter: CertificatesExporter,
    certificate: CertificateRow,
    images: _Images,
    *,
    top: float,
    draw: bool,
) -> float:
    """The centred text from the logo down; returns the lowest baseline."""
    details = certificate.details
    organisation = exporter.made.organisation

    def line(
        text: str,
        font: str,
        size: float,
        y: float,
        colour: Color,
        *,
        least: float | None = None,
        lines: int = 1,
    ) -> float:
        space = 1.2 if font == SANS_BOLD else 0  # the letter-spaced organisation line
        return _centred(
            canvas, text, font, size, y, colour=colour, least=least, lines=lines, space=space, draw=draw
        )

    y = top
    if images.logo is not None:
        y = _image(canvas, images.logo, LOGO_BOX, CENTRE, y, draw=draw) - 16
    if organisation:
        y = line(organisation.upper(), SANS_BOLD, 11.5, y - 11, NAVY, least=7) - 14
    y = line("Certificate of Attendance", SERIF_BOLD, 38, y - 36, NAVY)
    if draw:
        _ornament(canvas, y - 18)
    y = line("This is to certify that", SERIF_ITALIC, 15, y - 50, MUTED)
    y = line(details.person_name, SERIF_BOLD, 34, y - 44, INK, least=14, lines=3)
    if details.setting_name:
        y = line(f"of {details.setting_name}", SANS, 13, y - 24, INK, least=8, lines=2)
    y = line("attended", SERIF_ITALIC, 15, y - 32, MUTED)
    y = line(details.briefing_title, SERIF_BOLD, 22, y - 30, NAVY, least=11, lines=2)
    y = line(f"on {long_date(details.briefing_date)}", SANS, 13, y - 24, INK)
    cpd = format_hours(details.cpd_hours)
    summary = f"Duration {duration(details.minutes)}  ·  {cpd} CPD hour{'s' if cpd != '1' else ''}"
    return line(summary, SANS, 11, y - 20, MUTED)


def _frame(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(3.2)
    canvas.rect(20, 20, PAGE_WIDTH - 40, PAGE_HEIGHT - 40)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.9)
    canvas.rect(29, 29, PAGE_WIDTH - 58, PAGE_HEIGHT - 58)
    for x, y in (
        (29, 29),
        (PAGE_WIDTH - 29, 29),
        (29, PAGE_HEIGHT - 29),
        (PAGE_WIDTH - 29, PAGE_HEIGHT - 29),
    ):
        _diamond(canvas, x, y, 5.5)
    canvas.restoreState()


def _ornament(canvas: Canvas, y: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.9)
    canvas.line(CENTRE - 130, y, CENTRE - 12, y)
    canvas.line(CENTRE + 12, y, CENTRE + 130, y)
    _diamond(canvas, CENTRE, y, 4.5)
    canvas.restoreState()


def _diamond(canvas: Canvas, x: float, y: float, r: float) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + r)
    path.lineTo(x + r, y)
    path.lineTo(x, y - r)
    path.lineTo(x - r, y)
    path.close()
    canvas.setFillColor(GOLD)
    canvas.drawPath(path, stroke=0, fill=1)


def _centred(
    canvas: Canvas,
    text: str,
    font: str,
    size: float,
    y: float,
    *,
    colour: Color,
    least: float | None = None,
    lines: int = 1,
    space: float = 0,
    draw: bool = True,
) -> float:
    """Draw ``text`` centred with its first baseline at ``y``; returns the last baseline.

    It shrinks (down to ``least``) to fit one line, then wraps onto up to ``lines`` lines, then
    shrinks further: nothing ever runs past the frame.
    """
    wrapped, size = _fit(" ".join(text.split()), font, size, least=least or size, lines=lines, space=space)
    last_baseline = y - (len(wrapped) - 1) * size * LEADING
    if not draw:
        return last_baseline
    canvas.saveState()
    canvas.setFillColor(colour)
    for index, line in enumerate(wrapped):
        baseline = y - index * size * LEADING
        if space:
            text_object = canvas.beginText()
            text_object.setFont(font, size)
            text_object.setCharSpace(space)
            text_object.setTextOrigin(CENTRE - _width(line, font, size, space) / 2, baseline)
            text_object.textLine(line)
            canvas.drawText(text_object)
        else:
            canvas.setFont(font, size)
            canvas.drawCentredString(CENTRE, baseline, line)
    canvas.restoreState()
    return last_baseline


def _fit(
    text: str, font: str, size: float, *, least: float, lines: int, space: float
) -> tuple[list[str], float]:
    """The lines to draw and their size: one line if it fits without shrinking much, else wrapped."""
    one_line_floor = max(least, size * ONE_LINE_SHRINK) if lines > 1 else least
    while size > one_line_floor and _width(text, font, size, space) > TEXT_WIDTH:
        size -= 0.5
    if _width(text, font, size, space) <= TEXT_WIDTH:
        return [text], size
    if lines == 1:
        return [text], size * TEXT_WIDTH / _width(text, font, size, space)
    while True:
        wrapped = simpleSplit(text, font, size, TEXT_WIDTH)
        if len(wrapped) <= lines or size <= least:
            break
        size -= 0.5
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], " ".join(wrapped[lines - 1 :])]
    widest = max(_width(line, font, size, space) for line in wrapped)
    if widest > TEXT_WIDTH:  # one unbroken word (a long hyphenated surname) wider than the page
        size *= TEXT_WIDTH / widest
    return wrapped, size


def _width(text: str, font: str, size: float, space: float = 0) -> float:
    return float(stringWidth(text, font, size)) + space * max(len(text) - 1, 0)


def _image(
    canvas: Canvas, image: ImageReader, box: tuple[float, float], x: float, top: float, *, draw: bool = True
) -> float:
    """Draw an image scaled into ``box``, centred on ``x`` with its top at ``top``; returns its bottom."""
    width, height = image.getSize()
    scale = min(box[0] / width, box[1] / height)
    drawn_width, drawn_height = width * scale, height * scale
    if draw:
        canvas.drawImage(
            image, x - drawn_width / 2, top - drawn_height, drawn_width, drawn_height, mask="auto"
        )
    return top - drawn_height


def _signatory(canvas: Canvas, exporter: CertificatesExporter, images: _Images) -> None:
    names = exporter.detail.facilitator_names
    if names:
        name, role = " and ".join(names), "Facilitator" if len(names) == 1 else "Facilitators"
    else:
        name, role = exporter.made.made_by, exporter.made.organisation or "Organiser"
    left, line_y, width = 92.0, 104.0, 190.0
    if images.signature is not None:
        _image(canvas, images.signature, SIGNATURE_BOX, left + width / 2, line_y + 2 + SIGNATURE_BOX[1])
    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.6)
    canvas.line(left, line_y, left + width, line_y)
    canvas.setFillColor(INK)
    _left_fitted(canvas, name, (SANS_BOLD, 10.5), (left, line_y - 15), width)
    canvas.setFillColor(MUTED)
    _left_fitted(canvas, role, (SANS, 9), (left, line_y - 28), width)
    canvas.restoreState()


def _issued(canvas: Canvas, certificate: CertificateRow) -> None:
    line_y, width = 104.0, 150.0
    left = CENTRE - width / 2
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.setFont(SANS, 10.5)
    canvas.drawCentredString(CENTRE, line_y + 6, plain_date(certificate.issued_at.date()))
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.6)
    canvas.line(left, line_y, left + width, line_y)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 9)
    canvas.drawCentredString(CENTRE, line_y - 15, "Date of issue")
    canvas.restoreState()


def _verification(canvas: Canvas, certificate: CertificateRow, issuer: str | None) -> None:
    right = PAGE_WIDTH - 48
    _qr_code(canvas, certificate.payload(issuer), right - QR_SIZE, 52, QR_SIZE)
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 8)
    text_right = right - QR_SIZE - 8
    canvas.drawRightString(text_right, 112, "Certificate number")
    canvas.setFillColor(INK)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawRightString(text_right, 99, certificate.number)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 7.5)
    canvas.drawRightString(text_right, 86, "To check it, ask the issuer to verify")
    canvas.drawRightString(text_right, 77, "this number in Briefing Desk.")
    canvas.restoreState()


def _qr_code(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """A QR code (medium error correction, the standard four-module margin) as filled runs."""
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    modules: list[list[bool | None]] = code.modules
    module = size / (len(modules) + 2 * QR_MARGIN)
    canvas.saveState()
    canvas.setFillColor(black)
    for row, cells in enumerate(modules):
        top = y + size - (row + QR_MARGIN + 1) * module
        column = 0
        for dark, run in groupby(bool(cell) for cell in cells):
            length = len(list(run))
            if dark:  # one rectangle per run of dark modules keeps the page small
                canvas.rect(x + (column + QR_MARGIN) * module, top, length * module, module, stroke=0, fill=1)
            column += length
    canvas.restoreState()


def _left_fitted(
    canvas: Canvas, text: str, font: tuple[str, float], at: tuple[float, float], width: float
) -> None:
    font_name, size = font
    x, y = at
    while size > SMALLEST_TEXT and stringWidth(text, font_name, size) > width:
        size -= 0.5
    canvas.setFont(font_name, size)
    canvas.drawString(x, y, text)
