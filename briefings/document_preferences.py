"""The preference keys that printed and exported documents read, and how their values are checked.

One module names them all so the preferences dialog, the exporters and the certificate service
agree. Values live in the database (``services.preferences``) and travel with the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefings.errors import ValidationError
from briefings.organiser import ORGANISER_NAME  # the advisor's name, as invites sign it

__all__ = [
    "DOCUMENT_KEYS",
    "MINIMUM_MINUTES",
    "ORGANISATION_LOGO",
    "ORGANISATION_NAME",
    "ORGANISER_NAME",
    "SIGNATURE_IMAGE",
    "SIGNING_KEY",
    "DocumentLook",
    "document_look",
    "minimum_minutes",
]

# Who the documents come from: "Wyvernshire County Council, Education Safeguarding Team".
ORGANISATION_NAME = "organisation.name"
# A PNG or JPEG printed at the top of certificates.
ORGANISATION_LOGO = "organisation.logo_path"
# A scanned signature printed above the facilitator's name on certificates.
SIGNATURE_IMAGE = "certificates.signature_path"
# Minutes someone must have attended to be given a certificate (0: any present or late mark).
MINIMUM_MINUTES = "certificates.minimum_minutes"
# The secret behind every certificate number's check; made on first use, never shown.
SIGNING_KEY = "certificates.signing_key"

# What letterheads read; the minimum minutes is read where certificates are issued.
DOCUMENT_KEYS = (ORGANISATION_NAME, ORGANISATION_LOGO, ORGANISER_NAME, SIGNATURE_IMAGE)
MAX_MINIMUM_MINUTES = 24 * 60


@dataclass(frozen=True)
class DocumentLook:
    """What letterheads and certificates show, read from preferences."""

    organisation: str | None
    organiser: str | None
    logo_path: Path | None
    signature_path: Path | None


def document_look(values: Mapping[str, Any]) -> DocumentLook:
    """Check stored values (as ``get_all`` or single reads give them) and gather them."""
    return DocumentLook(
        organisation=_text(values.get(ORGANISATION_NAME)),
        organiser=_text(values.get(ORGANISER_NAME)),
        logo_path=_path(values.get(ORGANISATION_LOGO)),
        signature_path=_path(values.get(SIGNATURE_IMAGE)),
    )


def minimum_minutes(value: Any) -> int:
    """The stored minimum (absent means 0), refusing anything but a whole number of minutes."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MINIMUM_MINUTES:
        raise ValidationError(
            f"The minimum minutes for a certificate must be a whole number from 0 to {MAX_MINIMUM_MINUTES}",
            MINIMUM_MINUTES,
        )
    return value


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _path(value: Any) -> Path | None:
    text = _text(value)
    return Path(text).expanduser() if text else None
