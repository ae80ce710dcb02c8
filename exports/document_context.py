"""Who and what a document comes from: the organisation, the person making it, and when.

Read through the services so the command line and the app's dialogs stamp documents the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from briefings.clock import to_london
from briefings.document_preferences import DOCUMENT_KEYS, DocumentLook, document_look
from briefings.version import __version__

if TYPE_CHECKING:
    from briefings.services import Services


@dataclass(frozen=True)
class Provenance:
    """What a front sheet or a footer says about where a document came from."""

    organisation: str | None
    made_by: str
    computer_user: str
    made_at: datetime
    made_with: str = f"Briefing Desk {__version__}"

    @property
    def author(self) -> str:
        """The person, with the computer account when that says something more."""
        if self.made_by == self.computer_user:
            return self.made_by
        return f"{self.made_by} (computer user {self.computer_user})"


def look(services: Services) -> DocumentLook:
    """Letterhead and certificate preferences."""
    return document_look({key: services.preferences.get(key) for key in DOCUMENT_KEYS})


def provenance(services: Services, document_look: DocumentLook | None = None) -> Provenance:
    """The organisation, the advisor (or the computer account) and the time, on English clocks."""
    chosen = document_look or look(services)
    actor = services.context.actor
    return Provenance(
        organisation=chosen.organisation,
        made_by=chosen.organiser or actor,
        computer_user=actor,
        made_at=to_london(services.context.clock()),
    )
