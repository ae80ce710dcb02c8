"""Checks shared by operations: text, links, numbers and dates."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from briefings.errors import ValidationError

MAX_TEXT = 300
MAX_URL = 2000


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
    """An absolute https link with a host; anything else is refused with the reason.

    Links end up opened in a browser by people who trust the app, so http, javascript:, file:
    and links with embedded credentials are refused rather than "fixed".
    """
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"{label} is required", field)
    if any(ch.isspace() for ch in text):
        raise ValidationError(f"{label} must not contain spaces", field)
    parts = urlsplit(text)
    if parts.scheme.lower() != "https":
        shown = parts.scheme or "no scheme"
        raise ValidationError(f"{label} must start with https:// (it has {shown})", field)
    if not parts.hostname:
        raise ValidationError(f"{label} has no host name", field)
    if parts.username or parts.password:
        raise ValidationError(f"{label} must not carry a user name or password", field)
    if len(text) > MAX_URL:
        raise ValidationError(f"{label} is longer than 2,000 characters", field)
    return text


def link_host(url: str) -> str:
    """The host a link goes to, shown to the advisor before it is opened."""
    return urlsplit(url).hostname or ""


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
