"""Who sends the invites: the advisor's name and email, kept as preferences in the database.

Calendar invites name the organiser (ORGANIZER) so replies and Accept/Decline go back to them;
the keys are defined here, once, so the preferences dialog and the exporters agree on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from briefings.directory import EMAIL_PATTERN
from briefings.errors import ValidationError
from briefings.preferences import get_preference, set_preference
from briefings.validation import optional_text

ORGANISER_NAME = "organiser.name"
ORGANISER_EMAIL = "organiser.email"


@dataclass(frozen=True)
class Organiser:
    """The advisor as calendars show them; either part may still be unset."""

    name: str | None
    email: str | None

    @property
    def display(self) -> str:
        """Name and address as a mail header shows them, or whichever part is set."""
        if self.name and self.email:
            return f"{self.name} <{self.email}>"
        return self.name or self.email or "(not set)"


def read_organiser(session: Session) -> Organiser:
    """The stored organiser; values that are not text count as unset."""
    name = get_preference(session, ORGANISER_NAME)
    email = get_preference(session, ORGANISER_EMAIL)
    return Organiser(
        name=(name.strip() or None) if isinstance(name, str) else None,
        email=(email.strip() or None) if isinstance(email, str) else None,
    )


def set_organiser(session: Session, name: str | None, email: str | None) -> Organiser:
    """Store the organiser's name and email (blank clears); a malformed email is refused."""
    clean_name = optional_text(name, "name", "The organiser's name", limit=120)
    clean_email = optional_text(email, "email", "The organiser's email address", limit=254)
    if clean_email is not None and not EMAIL_PATTERN.match(clean_email):
        raise ValidationError(f"“{clean_email}” does not look like an email address", "email")
    set_preference(session, ORGANISER_NAME, clean_name)
    set_preference(session, ORGANISER_EMAIL, clean_email)
    return Organiser(clean_name, clean_email)
