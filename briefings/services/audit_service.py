"""What the UI may ask of the audit log: entries, filtered, and the choices to filter by."""

from __future__ import annotations

from briefings.audit_changes import entity_name
from briefings.queries import audit as queries
from briefings.queries.audit import AuditFilter, AuditRow
from briefings.services.base import Service


class AuditService(Service):
    """Read the audit log (writing it is automatic). One transaction per call; returns rows."""

    def events(self, flt: AuditFilter | None = None) -> list[AuditRow]:
        """Entries matching the filter, newest first."""
        with self._read() as session:
            return queries.audit_events(session, flt or AuditFilter())

    def count(self, flt: AuditFilter | None = None) -> int:
        """How many entries match."""
        with self._read() as session:
            return queries.count_audit_events(session, flt or AuditFilter())

    def actors(self) -> list[str]:
        """Everyone who has changed anything."""
        with self._read() as session:
            return queries.audit_actors(session)

    def entities(self) -> list[tuple[str, str]]:
        """Kinds of thing changed: (value to filter by, label to show)."""
        with self._read() as session:
            return [(e, entity_name(e)) for e in queries.audit_entities(session)]
