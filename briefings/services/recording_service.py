"""What the UI may ask about recordings and who was given their links."""

from __future__ import annotations

from sqlalchemy.orm import Session

from briefings import recordings
from briefings.queries import recordings as queries
from briefings.queries.recordings import RecordingAccessRow, RecordingRow
from briefings.recordings import RecordingFields
from briefings.services.base import Service


class RecordingService(Service):
    """Attach recordings and track their links. One transaction per call; returns rows."""

    def search(self, briefing_id: int | None = None) -> list[RecordingRow]:
        """Recordings, newest session first."""
        with self._read() as session:
            return queries.list_recordings(session, briefing_id=briefing_id)

    def attach(self, briefing_id: int, fields: RecordingFields) -> RecordingRow:
        """Keep a recording's link (https only)."""
        with self._write() as session:
            recording = recordings.attach_recording(session, briefing_id, fields)
            return self._row(session, recording.id, briefing_id)

    def update(self, recording_id: int, fields: RecordingFields) -> RecordingRow:
        """Correct a recording."""
        with self._write() as session:
            recording = recordings.update_recording(session, recording_id, fields)
            return self._row(session, recording.id, recording.briefing_id)

    def passcode(self, recording_id: int) -> str | None:
        """The passcode, only when the advisor asks to see it."""
        with self._read() as session:
            return queries.recording_passcode(session, recording_id)

    def give(
        self,
        recording_id: int,
        *,
        person_id: int | None = None,
        setting_id: int | None = None,
        note: str | None = None,
    ) -> RecordingAccessRow:
        """Note that the link went to someone."""
        with self._write() as session:
            access = recordings.record_access(
                session, recording_id, self.now(), person_id=person_id, setting_id=setting_id, note=note
            )
            return next(a for a in queries.recording_accesses(session, recording_id) if a.id == access.id)

    def accesses(self, recording_id: int) -> list[RecordingAccessRow]:
        """Who was given the link."""
        with self._read() as session:
            return queries.recording_accesses(session, recording_id)

    @staticmethod
    def _row(session: Session, recording_id: int, briefing_id: int) -> RecordingRow:
        return next(
            r for r in queries.list_recordings(session, briefing_id=briefing_id) if r.id == recording_id
        )
