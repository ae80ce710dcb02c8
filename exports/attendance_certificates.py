"""``pdf-certificates``: certificates of attendance, one combined PDF or one file per person.

The certificates themselves (who earned one, their numbers) come from the certificate service,
which records each on first issue; this module only prints what was recorded, so printing again
later gives the same pages, byte for byte.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from briefings.certificates import CertificateRow, IssuedCertificates
from briefings.document_preferences import DocumentLook
from briefings.queries.briefings import BriefingDetail
from exports.base import Exporter, ExportError, ExportFile, ExportOutcome, Progress, safe_filename
from exports.document_context import Provenance, look, provenance
from exports.registry import ExportSpec, register

if TYPE_CHECKING:
    from briefings.services import Services

PDF = "application/pdf"
MOST_REASONS_SHOWN = 5


class CertificatesExporter(Exporter):
    """A4 landscape certificates for everyone who earned one."""

    identifier: ClassVar[str] = "pdf-certificates"
    verbose_name: ClassVar[str] = "Certificates of attendance (.pdf)"

    def __init__(
        self,
        issued: IssuedCertificates,
        detail: BriefingDetail,
        document_look: DocumentLook,
        made: Provenance,
        *,
        separate: bool = False,
    ) -> None:
        self.issued = issued
        self.detail = detail
        self.look = document_look
        self.made = made
        self.separate = separate

    def render(self, progress: Progress | None = None) -> ExportOutcome:
        """One PDF of every certificate, or (``separate``) one PDF each."""
        certificates = self.issued.certificates
        if not certificates:
            raise ExportError(self._nobody())
        check_images(self.look)
        from exports.certificate_layout import certificates_pdf  # noqa: PLC0415 - reportlab only when used

        total = len(certificates)

        def tick(done: int) -> None:
            self.tick(progress, done, total)

        if self.separate:
            files = []
            for done, certificate in enumerate(certificates, start=1):
                files.append(
                    ExportFile(self.filename_for(certificate), PDF, certificates_pdf(self, [certificate]))
                )
                tick(done)
        else:
            files = [ExportFile(self.filename(), PDF, certificates_pdf(self, certificates, tick))]
        return ExportOutcome(files=tuple(files), skipped=self.issued.skipped, notes=self.issued.notes)

    def filename(self) -> str:
        """``Certificates 2025-10-08 DSL update.pdf``."""
        row = self.detail.row
        return safe_filename(f"Certificates {row.starts_at:%Y-%m-%d} {row.title}", limit=100) + ".pdf"

    @staticmethod
    def filename_for(certificate: CertificateRow) -> str:
        """``Certificate Zoë Brontë 2025-000042-K7QX-M3PA.pdf``: the number keeps namesakes apart."""
        name = safe_filename(f"Certificate {certificate.details.person_name}", limit=80)
        return f"{name} {certificate.number}.pdf"

    def _nobody(self) -> str:
        title = self.detail.row.title
        reasons: Sequence[str] = self.issued.skipped
        if not reasons:
            return f"Nobody on “{title}” was marked present or late, so there are no certificates to print"
        shown = "; ".join(reasons[:MOST_REASONS_SHOWN])
        more = f"; and {len(reasons) - MOST_REASONS_SHOWN} more" if len(reasons) > MOST_REASONS_SHOWN else ""
        return f"Nobody on “{title}” has earned a certificate yet: {shown}{more}"


def check_images(document_look: DocumentLook) -> None:
    """Refuse a logo or signature that preferences name but that is not there."""
    for label, path in (("logo", document_look.logo_path), ("signature image", document_look.signature_path)):
        if path is not None and not path.is_file():
            raise ExportError(f"The {label} {path} set in preferences cannot be found")


def certificates_exporter(
    services: Services, briefing_id: int, *, separate: bool = False
) -> CertificatesExporter:
    """Issue (record) any certificates not yet issued, then build the exporter that prints them all.

    A missing image is refused first, so nothing is recorded for certificates that cannot be printed.
    """
    document_look = look(services)
    check_images(document_look)
    issued = services.certificates.issue(briefing_id)
    return CertificatesExporter(
        issued,
        services.briefings.get(briefing_id),
        document_look,
        provenance(services, document_look),
        separate=separate,
    )


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--briefing", type=int, required=True, metavar="ID", help="the briefing's id")
    parser.add_argument("--separate", action="store_true", help="one PDF per person instead of one for all")


SPEC = register(
    ExportSpec(
        identifier=CertificatesExporter.identifier,
        verbose_name=CertificatesExporter.verbose_name,
        add_arguments=_arguments,
        build=lambda args, services: certificates_exporter(services, args.briefing, separate=args.separate),
    )
)
