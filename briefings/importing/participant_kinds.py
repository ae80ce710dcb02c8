"""Telling people from note-taking bots and phone dial-ins by how they show up in a report."""

from __future__ import annotations

import re
from dataclasses import replace

from briefings.importing.attendance_report import Participant, ParticipantRole

_BOT = re.compile(
    r"(otter\.?ai|fireflies|fathom|read\.?ai|tl;?dv|notetaker|note[- ]taker|meeting notes"
    r"|\bbot\b|recording bot|copilot)",
    re.I,
)
_PHONE = re.compile(r"^\+?[\d\s()\-]{7,}$")


def refine_role(participant: Participant) -> Participant:
    """Mark bots and phone dial-ins, which a report lists as ordinary attendees."""
    if participant.role is not ParticipantRole.ATTENDEE:
        return participant
    if _BOT.search(participant.name):
        return replace(participant, role=ParticipantRole.BOT)
    if _PHONE.match(participant.name.strip()):
        return replace(participant, role=ParticipantRole.PHONE)
    return participant
