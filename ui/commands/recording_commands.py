"""Undoable edits to recordings: correct the link, passcode, window or notes."""

from __future__ import annotations

from functools import partial

from briefings.recordings import RecordingFields
from briefings.services import Services
from ui.commands.service_command import Report, ServiceCommand, overwrite


def edit_recording(
    services: Services,
    recording_id: int,
    *,
    title: str,
    before: RecordingFields,
    after: RecordingFields,
    report: Report,
) -> ServiceCommand:
    """Undo puts the recording's previous link, passcode, window and notes back."""
    save = partial(services.recordings.update, recording_id)
    return overwrite(f"Edit the recording of {title}", save, before, after, report)
