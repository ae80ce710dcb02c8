"""Checking a certificate: look its number up and say what it certified, or why it fails.

Works offline, on the database that issued it. What can be checked: the number typed from the
paper, or the whole text its QR code carries (which also repeats the certified details, so an
edited name or date is caught), optionally with details someone read off the certificate.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy.orm import Session

from briefings.certificate_numbers import (
    PAYLOAD_FIELDS,
    CertificateNumber,
    CertifiedDetails,
    claimed_details,
    number_matches,
    parse_number,
)
from briefings.certificates import CertificateRow, certificate_row, certified_details, signing_key
from models.certificates import Certificate

FIELD_LABELS = {
    field: label.lower() if label != "CPD hours" else label for label, field in PAYLOAD_FIELDS.items()
}


class VerificationStatus(StrEnum):
    """The verdict on a certificate."""

    VALID = "valid"
    UNKNOWN = "unknown"
    MISMATCH = "mismatch"
    MALFORMED = "malformed"


@dataclass(frozen=True)
class Verification:
    """What checking a certificate found: a verdict, a sentence for people, and the record."""

    status: VerificationStatus
    message: str
    number: str | None = None
    certificate: CertificateRow | None = None
    differences: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        """Whether the certificate is genuine and says what was certified."""
        return self.status is VerificationStatus.VALID


def verify_certificate(session: Session, text: str, claims: Mapping[str, str] | None = None) -> Verification:
    """Check a certificate number (or a scanned QR text) and any details claimed for it.

    ``claims`` maps detail names (``person_name``, ``briefing_date``...) to what the paper says;
    details in a QR text count as claims too.
    """
    number = parse_number(text)
    if number is None:
        shown = " ".join(text.split())[:60]
        return Verification(
            VerificationStatus.MALFORMED,
            f"“{shown}” is not a certificate number; they look like 2025-000042-K7QX-M3PA",
        )
    claimed = {**claimed_details(text), **{k: v for k, v in (claims or {}).items() if v and v.strip()}}
    key = signing_key(session)
    certificate = session.get(Certificate, number.serial)
    if key is None or certificate is None:
        return _unknown(number)
    details = certified_details(certificate)
    if not number_matches(key, number, details):
        if certificate.number != str(number):
            return _unknown(number)
        return Verification(
            VerificationStatus.MISMATCH,
            f"Certificate {number} is on record, but its record has been altered since it was issued, "
            "so what it certified cannot be confirmed",
            str(number),
        )
    row = certificate_row(certificate)
    differences = tuple(FIELD_LABELS[f] for f, value in claimed.items() if not _same(f, value, details))
    if differences:
        return Verification(
            VerificationStatus.MISMATCH,
            f"Certificate {number} was issued, but its {_listed(differences)} "
            f"{'does' if len(differences) == 1 else 'do'} not match what it certified: "
            f"{_summary(details)}",
            str(number),
            row,
            differences,
        )
    return Verification(
        VerificationStatus.VALID,
        f"Certificate {number} is genuine: {_summary(details)}; issued {row.issued_at:%d %B %Y}",
        str(number),
        row,
    )


def _unknown(number: CertificateNumber) -> Verification:
    return Verification(
        VerificationStatus.UNKNOWN,
        f"No certificate numbered {number} was issued from this database "
        "(check it was typed exactly as printed)",
        str(number),
    )


def _same(field: str, claimed: str, details: CertifiedDetails) -> bool:
    stored = details.as_text()[field]
    if field == "briefing_date":
        try:
            return date.fromisoformat(claimed.strip()) == details.briefing_date
        except ValueError:
            return False
    if field in ("minutes", "cpd_hours"):
        try:
            return float(claimed) == float(stored)
        except ValueError:
            return False
    return _folded(claimed) == _folded(stored)


def _folded(text: str) -> str:
    # Case and spacing are how people type, not what was certified.
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _summary(details: CertifiedDetails) -> str:
    where = f" of {details.setting_name}" if details.setting_name else ""
    return (
        f"{details.person_name}{where} attended “{details.briefing_title}” on "
        f"{details.briefing_date:%d %B %Y} ({details.minutes} minutes)"
    )


def _listed(labels: tuple[str, ...]) -> str:
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
