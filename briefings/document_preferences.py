"""The preference keys that printed and exported documents read, and how their values are checked.

One module names them all so the preferences dialog, the exporters and the certificate service
agree. Values live in the database (``services.preferences``) and travel with the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from briefings.errors import ValidationError

# ORGANISER_NAME: the advisor's name, as invites sign it and documents name their maker.
from briefings.organiser import ORGANISER_NAME, read_organiser, set_organiser
from briefings.preferences import get_preference, set_preference
from briefings.validation import optional_text

__all__ = [
    "DOCUMENT_KEYS",
    "IMAGE_SUFFIXES",
    "MINIMUM_MINUTES",
    "ORGANISATION_LOGO",
    "ORGANISATION_NAME",
    "ORGANISER_NAME",
    "SIGNATURE_IMAGE",
    "SIGNING_KEY",
    "DocumentLook",
    "DocumentPreferences",
    "document_look",
    "minimum_minutes",
    "read_document_preferences",
    "store_document_preferences",
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
# What the PDF writer (reportlab) reads for logos and signatures.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_PATH = 1000


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


@dataclass(frozen=True)
class DocumentPreferences:
    """Everything the preferences dialog edits for invites and printed documents, as stored."""

    organiser_name: str | None = None
    organiser_email: str | None = None
    organisation: str | None = None
    logo_path: str | None = None
    signature_path: str | None = None
    minimum_minutes: int = 0


def read_document_preferences(session: Session) -> DocumentPreferences:
    """The stored values (unset ones as None, the minimum as 0)."""
    organiser = read_organiser(session)
    return DocumentPreferences(
        organiser_name=organiser.name,
        organiser_email=organiser.email,
        organisation=_text(get_preference(session, ORGANISATION_NAME)),
        logo_path=_text(get_preference(session, ORGANISATION_LOGO)),
        signature_path=_text(get_preference(session, SIGNATURE_IMAGE)),
        minimum_minutes=_stored_minimum(get_preference(session, MINIMUM_MINUTES)),
    )


def store_document_preferences(session: Session, values: DocumentPreferences) -> DocumentPreferences:
    """Check and store every value (blank clears one); the first refusal names its key.

    Images must be PNG or JPEG files given by their whole path (a relative one would depend on
    the folder the app was started from) and must exist when stored.
    """
    organiser = set_organiser(session, values.organiser_name, values.organiser_email)
    organisation = optional_text(values.organisation, ORGANISATION_NAME, "The organisation's name", limit=200)
    logo = _image_path(values.logo_path, ORGANISATION_LOGO, "The logo")
    signature = _image_path(values.signature_path, SIGNATURE_IMAGE, "The signature image")
    least = minimum_minutes(values.minimum_minutes)
    set_preference(session, ORGANISATION_NAME, organisation)
    set_preference(session, ORGANISATION_LOGO, logo)
    set_preference(session, SIGNATURE_IMAGE, signature)
    set_preference(session, MINIMUM_MINUTES, least or None)
    return DocumentPreferences(organiser.name, organiser.email, organisation, logo, signature, least)


def _stored_minimum(value: Any) -> int:
    # A damaged value must not stop the dialog opening: it shows 0, and saving puts it right.
    try:
        return minimum_minutes(value)
    except ValidationError:
        return 0


def _image_path(value: str | None, key: str, label: str) -> str | None:
    text = optional_text(value, key, label, limit=MAX_PATH)
    if text is None:
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        raise ValidationError(
            f"{label} must be given by its whole path, such as {Path.home() / 'logo.png'}", key
        )
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise ValidationError(f"{label} must be a PNG or JPEG picture ({path.name} is not)", key)
    if not path.is_file():
        raise ValidationError(f"{label} {path} cannot be found", key)
    return str(path)


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _path(value: Any) -> Path | None:
    text = _text(value)
    return Path(text).expanduser() if text else None
