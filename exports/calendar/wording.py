"""The words calendar files and invite emails say about a briefing: when, where, for whom."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from briefings.clock import to_london
from briefings.invites import InviteMethod
from briefings.queries.calendar import CalendarEntry
from briefings.vocabulary import BriefingStatus, Delivery


def day_text(moment: datetime) -> str:
    """The day as people write it, e.g. "Wednesday 8 October 2025" (Windows' strftime lacks %-d)."""
    local = to_london(moment)
    return f"{local:%A} {local.day} {local:%B %Y}"


def when_text(entry: CalendarEntry) -> str:
    """When, e.g. "Wednesday 8 October 2025, 09:30 to 11:30 (UK time)"."""
    starts, ends = to_london(entry.row.starts_at), to_london(entry.row.ends_at)
    if starts.date() == ends.date():
        return f"{day_text(starts)}, {starts:%H:%M} to {ends:%H:%M} (UK time)"
    return f"{day_text(starts)} {starts:%H:%M} to {day_text(ends)} {ends:%H:%M} (UK time)"


def venue_text(entry: CalendarEntry) -> str | None:
    """The venue as "name, address, postcode" without repeats, or None when there is none."""
    address_lines = (entry.venue_address or "").splitlines()
    parts = [entry.row.venue_name, *address_lines, entry.venue_postcode]
    seen: list[str] = []
    for part in parts:
        text = " ".join((part or "").split()).strip(" ,")
        if text and text.lower() not in (s.lower() for s in seen):
            seen.append(text)
    return ", ".join(seen) or None


def location_text(entry: CalendarEntry) -> str | None:
    """LOCATION: the venue, or for online briefings the joining link (clients make it a button)."""
    if entry.row.delivery is Delivery.ONLINE:
        return entry.row.join_url or "Online"
    return venue_text(entry)


def audience_text(entry: CalendarEntry) -> str | None:
    """Who it is for, e.g. "DSL and Deputy DSL · Primary settings · North district", or None."""
    row = entry.row
    parts = []
    if row.audience_roles:
        parts.append(_and([r.label for r in row.audience_roles]))
    if row.audience_phases:
        parts.append(f"{_and([p.label for p in row.audience_phases])} settings")
    if row.audience_districts:
        noun = "district" if len(row.audience_districts) == 1 else "districts"
        parts.append(f"{_and(list(row.audience_districts))} {noun}")
    return " · ".join(parts) or None


def summary_text(entry: CalendarEntry) -> str:
    """SUMMARY: the title, marked when the briefing is cancelled or only a draft."""
    if entry.row.status is BriefingStatus.CANCELLED:
        return f"Cancelled: {entry.row.title}"
    if entry.row.status is BriefingStatus.DRAFT:
        return f"Provisional: {entry.row.title}"
    return entry.row.title


def description_text(entry: CalendarEntry) -> str:
    """DESCRIPTION: everything an attendee needs, as plain lines."""
    row = entry.row
    lines = []
    if row.status is BriefingStatus.CANCELLED:
        reason = f": {entry.cancel_reason}" if entry.cancel_reason else "."
        lines += [f"This briefing has been cancelled{reason}", ""]
    lines.append(" · ".join(filter(None, [row.topic_name, row.series_name])))
    lines.append(f"When: {when_text(entry)}")
    lines += _place_lines(entry)
    audience = audience_text(entry)
    if audience:
        lines.append(f"For: {audience}")
    if entry.facilitator_names:
        lines.append(f"Presented by: {_and(list(entry.facilitator_names))}")
    if row.notes:
        lines += ["", row.notes.strip()]
    if entry.resources:
        lines += ["", "Resources:"] + [f"- {r.title}: {r.url}" for r in entry.resources]
    if entry.recording:
        until = day_text(entry.recording.available_until)
        lines += ["", f"Recording (available until {until}): {entry.recording.url}"]
        if entry.recording.passcode:
            lines.append(f"Recording passcode: {entry.recording.passcode}")
    return "\n".join(lines)


def subject_text(entry: CalendarEntry, method: InviteMethod, *, update: bool) -> str:
    """The email subject, as Outlook words its own: "Invitation: ...", "Updated invitation: ..."."""
    when = f"{day_text(entry.row.starts_at)} {to_london(entry.row.starts_at):%H:%M}"
    if method is InviteMethod.CANCEL:
        return f"Cancelled: {entry.row.title} – {when}"
    prefix = "Updated invitation" if update else "Invitation"
    return f"{prefix}: {entry.row.title} – {when}"


def email_body(entry: CalendarEntry, name: str, method: InviteMethod, *, update: bool) -> str:
    """The plain-text body of an invite email; the calendar part carries the machine-readable copy."""
    greeting = f"Dear {name}," if name else "Hello,"
    if method is InviteMethod.CANCEL:
        if entry.row.status is BriefingStatus.CANCELLED:
            reason = f" ({entry.cancel_reason})" if entry.cancel_reason else ""
            opening = f"“{entry.row.title}” on {when_text(entry)} has been cancelled{reason}."
        else:
            opening = f"Your place on “{entry.row.title}” on {when_text(entry)} has been cancelled."
        closing = (
            "To take it out of your calendar, choose Remove from Calendar (or open the attached invite.ics)."
        )
        return "\n".join([greeting, "", opening, closing, ""])
    opening = (
        f"The details of “{entry.row.title}” have changed; the invitation below replaces the earlier one."
        if update
        else f"You are invited to “{entry.row.title}”."
    )
    closing = "Accept the invitation, or open the attached invite.ics, to add it to your calendar."
    return "\n".join([greeting, "", opening, "", description_text(entry), "", closing, ""])


def _place_lines(entry: CalendarEntry) -> list[str]:
    lines = []
    venue = venue_text(entry)
    if entry.row.delivery is not Delivery.ONLINE and venue:
        lines.append(f"Where: {venue}")
    if entry.row.delivery is not Delivery.IN_PERSON and entry.row.join_url:
        lines.append(f"Join online: {entry.row.join_url}")
        if entry.join_passcode:
            lines.append(f"Meeting passcode: {entry.join_passcode}")
    return lines


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
