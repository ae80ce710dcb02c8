"""What the UI asks before opening a joining, recording or resource link, and passcodes on request."""

from __future__ import annotations

from briefings.errors import NotFoundError, ValidationError
from briefings.links import LinkToOpen, link_to_open
from briefings.lookup import get_or_fail
from briefings.services.base import Service
from models.briefings import Briefing
from models.recordings import Recording


class LinkService(Service):
    """Links checked again and shown by host before the browser opens them; passcodes when asked."""

    def join_link(self, briefing_id: int) -> LinkToOpen:
        """A briefing's joining link (NotFoundError when it has none)."""
        with self._read() as session:
            briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
            if not briefing.join_url:
                raise NotFoundError(f"“{briefing.title}” has no joining link", "join_url")
            return link_to_open(briefing.join_url, "join_url", "The joining link")

    def recording_link(self, recording_id: int) -> LinkToOpen:
        """A recording's link."""
        with self._read() as session:
            recording = get_or_fail(session, Recording, recording_id, "Recording", "recording_id")
            return link_to_open(recording.url, "url", "The recording link")

    def resource_links(self, briefing_id: int) -> list[tuple[str, LinkToOpen | None]]:
        """A briefing's resource links by title (None for one that fails the checks)."""
        with self._read() as session:
            briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
            found: list[tuple[str, LinkToOpen | None]] = []
            for resource in briefing.resources:
                try:
                    found.append((resource.title, link_to_open(resource.url, "resources", resource.title)))
                except ValidationError:
                    found.append((resource.title, None))
            return found

    def join_passcode(self, briefing_id: int) -> str | None:
        """A briefing's meeting passcode, for when the advisor asks to see or copy it."""
        with self._read() as session:
            return get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id").join_passcode
