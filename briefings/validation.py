"""Checks shared by operations: text, links, numbers and dates."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from datetime import date
from urllib.parse import urlsplit

from briefings.errors import ValidationError

MAX_TEXT = 300
MAX_URL = 2000
# Control, format (bidirectional overrides, zero-width), separator and private-use characters.
_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})
_HOST_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def clean_text(
    value: str | None, field: str, label: str, *, required: bool = True, limit: int = MAX_TEXT
) -> str:
    """Trimmed text, refusing blanks (when required) and overlong values."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(f"{label} is required", field)
    if len(text) > limit:
        raise ValidationError(f"{label} is {len(text)} characters long; the most is {limit}", field)
    return text


def optional_text(value: str | None, field: str, label: str, *, limit: int = 10_000) -> str | None:
    """Trimmed text or None when blank."""
    text = clean_text(value, field, label, required=False, limit=limit)
    return text or None


def https_url(value: str, field: str, label: str = "The link") -> str:
    """An absolute https link with a proper host name; anything else is refused with the reason.

    Links end up opened in a browser by people who trust the app, so http, javascript:, file:,
    embedded credentials, backslashes (browsers read them as slashes, so the host shown would
    not be the host visited), invisible characters and malformed hosts are refused rather than
    "fixed".
    """
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"{label} is required", field)
    if any(ch.isspace() for ch in text):
        raise ValidationError(f"{label} must not contain spaces", field)
    if any(unicodedata.category(ch) in _INVISIBLE for ch in text):
        raise ValidationError(f"{label} contains invisible or control characters", field)
    if "\\" in text:
        raise ValidationError(f"{label} must not contain backslashes", field)
    parts = urlsplit(text)
    if parts.scheme.lower() != "https":
        shown = parts.scheme or "no scheme"
        raise ValidationError(f"{label} must start with https:// (it has {shown})", field)
    if not parts.hostname:
        raise ValidationError(f"{label} has no host name", field)
    if parts.username or parts.password or "@" in parts.netloc:
        raise ValidationError(f"{label} must not carry a user name or password", field)
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        raise ValidationError(f"{label} has an impossible port number", field) from None
    if ascii_host(parts.hostname) is None:
        raise ValidationError(f"{label} has a malformed host name ({parts.hostname})", field)
    if len(text) > MAX_URL:
        raise ValidationError(f"{label} is longer than 2,000 characters", field)
    return text


def link_host(url: str) -> str:
    """The host a link goes to, shown to the advisor before it is opened.

    International names are shown in their ASCII (punycode) form, which is what the browser
    really contacts: a look-alike such as "аррӏе.com" in Cyrillic shows as "xn--80ak6aa92e.com".
    """
    host = urlsplit(url).hostname or ""
    return ascii_host(host) or host


def ascii_host(host: str) -> str | None:
    """The host in ASCII (IDNA) form, or None when it is not a valid host name or IP address."""
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    try:
        encoded = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    labels = encoded.split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):  # noqa: PLR2004
        return None
    return encoded


def positive_int(value: int, field: str, label: str, *, most: int = 100_000) -> int:
    """A whole number from 1 to ``most``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label} must be a whole number", field)
    if value < 1:
        raise ValidationError(f"{label} must be at least 1", field)
    if value > most:
        raise ValidationError(f"{label} must be at most {most:,}", field)
    return value


def dates_in_order(first: date, last: date, field: str, message: str) -> None:
    """Refuse ``last`` before ``first``."""
    if last < first:
        raise ValidationError(message, field)
