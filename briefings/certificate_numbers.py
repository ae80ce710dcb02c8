"""Certificate numbers that carry a check on what they certify, and the text their QR codes hold.

A number reads ``2025-000042-K7QX-M3PA``: the year of the briefing, the certificate's serial, then
eight characters of an HMAC-SHA256 (keyed with a secret only this database holds) over the serial
and the certified details. Change the name, the date or any other detail and the check no longer
matches, so an edited certificate fails verification; nobody without the key can make a number
that passes. The check uses Crockford's base 32 (no I, L, O or U), so misread characters are
forgiven when typed back.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import date

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})
_NUMBER = re.compile(r"^(\d{4})(\d{6,9})([0-9A-HJKMNP-TV-Z]{8})$")
_CHECK_BYTES = 5  # 40 bits: eight base-32 characters
_FORMAT_VERSION = 1
# A number typed with spaces ("2025 000042 K7QX M3PA") splits into at most four words.
_TYPED_PIECES = 4

PAYLOAD_TITLE = "Certificate of attendance"
# Labels of the QR text's lines, in order, and the detail each one carries.
PAYLOAD_FIELDS = {
    "Name": "person_name",
    "Setting": "setting_name",
    "Briefing": "briefing_title",
    "Date": "briefing_date",
    "Minutes": "minutes",
    "CPD hours": "cpd_hours",
}


@dataclass(frozen=True)
class CertifiedDetails:
    """What a certificate states; these are what the number's check covers."""

    person_name: str
    setting_name: str | None
    briefing_title: str
    briefing_date: date
    minutes: int
    cpd_hours: float

    def as_text(self) -> dict[str, str]:
        """Each detail as the QR text writes it, keyed by field name."""
        return {
            "person_name": self.person_name,
            "setting_name": self.setting_name or "",
            "briefing_title": self.briefing_title,
            "briefing_date": self.briefing_date.isoformat(),
            "minutes": str(self.minutes),
            "cpd_hours": format_hours(self.cpd_hours),
        }


@dataclass(frozen=True)
class CertificateNumber:
    """A parsed certificate number."""

    year: int
    serial: int
    check: str

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.serial:06d}-{self.check[:4]}-{self.check[4:]}"


def new_signing_key() -> str:
    """A fresh random secret (256 bits, hex) for a database's certificate checks."""
    return secrets.token_hex(32)


def number_for(key: str, serial: int, details: CertifiedDetails) -> CertificateNumber:
    """The number certificate ``serial`` gets for these details."""
    return CertificateNumber(details.briefing_date.year, serial, _check(key, serial, details))


def number_matches(key: str, number: CertificateNumber, details: CertifiedDetails) -> bool:
    """Whether ``number`` is the one these details were issued under (constant-time comparison)."""
    expected = number_for(key, number.serial, details)
    return number.year == expected.year and hmac.compare_digest(number.check, expected.check)


def parse_number(text: str) -> CertificateNumber | None:
    """The certificate number in ``text`` (typed, pasted, or a whole scanned QR text), if any."""
    words = text.split()
    candidates = [*words, "".join(words)] if len(words) <= _TYPED_PIECES else words
    for word in candidates:
        match = _NUMBER.match(word.upper().translate(_READ_AS))
        if match:
            year, serial, check = match.groups()
            return CertificateNumber(int(year), int(serial), check)
    return None


def qr_payload(number: CertificateNumber, details: CertifiedDetails, issuer: str | None = None) -> str:
    """The text a certificate's QR code carries: its number and everything it certifies."""
    lines = [f"{PAYLOAD_TITLE} {number}"]
    if issuer:
        lines.append(f"Issued by: {_one_line(issuer)}")
    values = details.as_text()
    lines += [f"{label}: {_one_line(values[field])}" for label, field in PAYLOAD_FIELDS.items()]
    return "\n".join(lines)


def claimed_details(text: str) -> dict[str, str]:
    """The details a scanned QR text claims, keyed by field name (lines it does not know are ignored)."""
    claims: dict[str, str] = {}
    for line in text.splitlines():
        label, colon, value = line.partition(":")
        field = PAYLOAD_FIELDS.get(label.strip())
        if colon and field:
            claims[field] = value.strip()
    return claims


def format_hours(hours: float) -> str:
    """CPD hours without trailing zeros: 2, 1.5, 0.75."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def _check(key: str, serial: int, details: CertifiedDetails) -> str:
    # JSON gives an unambiguous encoding: no separator inside a name can shift a field.
    values = details.as_text()
    message = json.dumps(
        [_FORMAT_VERSION, serial, *(_canonical(values[f]) for f in PAYLOAD_FIELDS.values())],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    digest = hmac.new(bytes.fromhex(key), message.encode("utf-8"), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:_CHECK_BYTES], "big")
    return "".join(_ALPHABET[(bits >> shift) & 31] for shift in range(35, -1, -5))


def _canonical(text: str) -> str:
    # The same name typed on two machines may differ in Unicode form or spacing; it is the same name.
    return " ".join(unicodedata.normalize("NFC", text).split())


def _one_line(text: str) -> str:
    return " ".join(text.split())
