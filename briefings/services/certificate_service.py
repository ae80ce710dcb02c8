"""What the UI may ask about certificates of attendance: issue them, list them, verify one."""

from __future__ import annotations

from collections.abc import Mapping

from briefings import certificates
from briefings.certificate_verification import Verification, verify_certificate
from briefings.certificates import CertificateRow, IssuedCertificates
from briefings.services.base import Service


class CertificateService(Service):
    """Certificates are recorded on first issue; a re-issue prints the record unchanged."""

    def issue(self, briefing_id: int) -> IssuedCertificates:
        """Everyone on the briefing who earned a certificate, recording any not yet issued.

        Re-issuing what is already recorded only reads, so it works on a read-only database too.
        """
        with self._read() as session:
            if not certificates.certificates_needing_issue(session, briefing_id, self.now()):
                return certificates.issue_certificates(session, briefing_id, self.now())
        with self._write() as session:
            return certificates.issue_certificates(session, briefing_id, self.now())

    def of_briefing(self, briefing_id: int) -> list[CertificateRow]:
        """Certificates already recorded for a briefing, by number."""
        with self._read() as session:
            return certificates.briefing_certificates(session, briefing_id)

    def verify(self, text: str, claims: Mapping[str, str] | None = None) -> Verification:
        """Check a certificate number, or the text of its QR code, against what was recorded.

        ``claims`` are details read off the paper (``person_name``, ``briefing_date``...).
        """
        with self._read() as session:
            return verify_certificate(session, text, claims)
