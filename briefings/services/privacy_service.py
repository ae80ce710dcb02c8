"""What the UI may ask about UK GDPR duties: retention, erasure and subject access."""

from __future__ import annotations

from pathlib import Path

from briefings.privacy import erasure, retention
from briefings.privacy.erasure import ErasureCounts
from briefings.privacy.report_files import SavedReport, save_report
from briefings.privacy.retention import RetentionPolicy, RetentionPreview
from briefings.privacy.subject_access import SubjectAccessReport, subject_access_report
from briefings.services.base import Service


class PrivacyService(Service):
    """Retention, erasure and subject access. Each change is one transaction and one audit entry.

    The UI shows a preview (``retention_preview``, ``erasure_preview``) and asks before calling
    the matching change.
    """

    def retention_policy(self) -> RetentionPolicy:
        """The stored policy (the defaults until one is saved)."""
        with self._read() as session:
            return retention.load_policy(session)

    def set_retention_policy(self, policy: RetentionPolicy) -> RetentionPolicy:
        """Store a policy (ValidationError names a period that is out of range)."""
        with self._write() as session:
            return retention.save_policy(session, policy)

    def retention_preview(self, policy: RetentionPolicy | None = None) -> RetentionPreview:
        """What applying the policy (the stored one by default) would change today."""
        with self._read() as session:
            return retention.retention_preview(session, policy or retention.load_policy(session), self.now())

    def apply_retention(self) -> RetentionPreview:
        """Apply the stored policy now; returns what changed."""
        with self._write() as session:
            return retention.apply_retention(session, retention.load_policy(session), self.now())

    def erasure_preview(self, person_id: int) -> ErasureCounts:
        """What erasing the person would change."""
        with self._read() as session:
            return erasure.erasure_preview(session, person_id, self.now())

    def erase_person(self, person_id: int) -> ErasureCounts:
        """Erase the person's details, keeping anonymous attendance; returns what changed."""
        with self._write() as session:
            return erasure.erase_person(session, person_id, self.now())

    def subject_access(self, person_id: int) -> SubjectAccessReport:
        """Everything held about the person."""
        with self._read() as session:
            return subject_access_report(session, person_id, self.now(), self.context.actor)

    def save_subject_access(self, person_id: int, path: Path, *, as_json: bool) -> SavedReport:
        """Write everything held about the person to ``path`` (JSON or text), readable by its owner only.

        The caller chooses the file; a folder that does not exist or a file that cannot be
        written is a domain error naming ``path``.
        """
        return save_report(self.subject_access(person_id), path, as_json=as_json)
