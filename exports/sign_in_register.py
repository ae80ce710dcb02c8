"""``pdf-register``: the paper sign-in register for a session people attend in a room.

Rows carry exactly the numbers the app gives the register (``briefings.register_order``), so the
signed rows can be typed back in by number afterwards.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from briefings.queries.briefings import BriefingDetail, RegisterRow
from briefings.vocabulary import BookingStatus, BriefingStatus, Delivery
from exports.base import Exporter, ExportError, ExportFile, ExportOutcome, Progress, safe_filename
from exports.document_context import Provenance, provenance
from exports.registry import ExportSpec, register

if TYPE_CHECKING:
    from briefings.services import Services

PDF = "application/pdf"
DEFAULT_BLANK_ROWS = 5
MAX_BLANK_ROWS = 20  # less than a page holds, so the rows always fit on one


class SignInRegisterExporter(Exporter):
    """One row per booked person, sorted by setting, numbered, with a box to sign."""

    identifier: ClassVar[str] = "pdf-register"
    verbose_name: ClassVar[str] = "Sign-in register (.pdf)"

    def __init__(
        self,
        detail: BriefingDetail,
        register: Sequence[RegisterRow],
        made: Provenance,
        *,
        blank_rows: int = DEFAULT_BLANK_ROWS,
    ) -> None:
        self.detail = detail
        self.lines = tuple(r for r in register if r.status is BookingStatus.BOOKED and r.number is not None)
        self.made = made
        self.blank_rows = blank_rows

    def filename(self) -> str:
        """``Sign-in register 2025-10-08 DSL update.pdf``."""
        row = self.detail.row
        return safe_filename(f"Sign-in register {row.starts_at:%Y-%m-%d} {row.title}", limit=100) + ".pdf"

    def render(self, progress: Progress | None = None) -> ExportOutcome:
        """The register as one PDF."""
        row = self.detail.row
        if row.status is BriefingStatus.CANCELLED:
            raise ExportError(f"“{row.title}” was cancelled; there is nobody to sign in")
        if row.delivery is Delivery.ONLINE:
            raise ExportError(
                f"“{row.title}” is online, so there is no room to sign in; "
                "record attendance from the meeting's report instead"
            )
        if not self.lines:
            raise ExportError(f"Nobody is booked on “{row.title}”, so there is no register to print")
        if not 0 <= self.blank_rows <= MAX_BLANK_ROWS:
            raise ExportError(
                f"The least number of empty rows for walk-ins must be from 0 to {MAX_BLANK_ROWS}"
            )
        from exports.register_layout import register_pdf  # noqa: PLC0415 - reportlab only when used

        data = register_pdf(self, lambda done, total: self.tick(progress, done, total))
        return ExportOutcome(files=(ExportFile(self.filename(), PDF, data),))


def register_exporter(
    services: Services, briefing_id: int, *, blank_rows: int = DEFAULT_BLANK_ROWS
) -> SignInRegisterExporter:
    """The exporter for one briefing, gathered through the services."""
    return SignInRegisterExporter(
        services.briefings.get(briefing_id),
        services.briefings.register(briefing_id),
        provenance(services),
        blank_rows=blank_rows,
    )


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--briefing", type=int, required=True, metavar="ID", help="the briefing's id")
    parser.add_argument(
        "--blank-rows",
        type=int,
        default=DEFAULT_BLANK_ROWS,
        metavar="N",
        help="empty rows for walk-ins fill the last page; if fewer than N fit there, a new page "
        f"(default {DEFAULT_BLANK_ROWS}, 0 for none)",
    )


SPEC = register(
    ExportSpec(
        identifier=SignInRegisterExporter.identifier,
        verbose_name=SignInRegisterExporter.verbose_name,
        add_arguments=_arguments,
        build=lambda args, services: register_exporter(services, args.briefing, blank_rows=args.blank_rows),
    )
)
