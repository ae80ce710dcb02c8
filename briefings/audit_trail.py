"""The audit log, written as a side effect of every write: who changed what, and when.

``AuditRecorder.attach`` is a session hook (``ServiceContext.session_hooks``). Every row a
flush inserts, updates or deletes (orphans included) and every bulk statement run through the
session becomes an ``AuditEvent`` written in the same transaction, so the log and the change
commit, or roll back (a savepoint included), together. A second change to the same row in one
transaction updates that row's entry rather than adding another; more than ``COLLAPSE_OVER``
rows of one table in one flush become one entry with a count.

Operations that are one act to the advisor (an erasure, a retention run, an import) wrap their
work in ``summarised`` to log one readable entry with per-table counts instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, delete, event, insert, inspect, update
from sqlalchemy.orm import (
    Mapper,
    ORMExecuteState,
    Session,
    SessionTransaction,
    UOWTransaction,
    object_session,
)

from briefings.audit_changes import ADDED, CHANGED, REMOVED, RowChange, counted_summary, describe
from briefings.clock import Clock
from models.audit import AuditEvent
from models.base import Base

# More rows than this of one table in one flush are logged as one entry with a count.
COLLAPSE_OVER = 20
_INFO_KEY = "briefing_desk.audit"


class AuditRecorder:
    """Writes audit entries for one service context: the actor and the clock come from it."""

    def __init__(self, actor: Callable[[], str], clock: Clock) -> None:
        self._actor = actor
        self._clock = clock

    def attach(self, session: Session) -> None:
        """Record every change made through ``session`` (a ``session_hooks`` entry)."""
        session.info[_INFO_KEY] = _SessionAudit(self)
        event.listen(session, "after_flush", _after_flush)
        event.listen(session, "do_orm_execute", _on_execute)
        event.listen(session, "after_transaction_end", _after_transaction_end)

    def entry(
        self, action: str, entity: str, entity_id: int | None, summary: str, details: dict[str, Any] | None
    ) -> dict[str, Any]:
        """The values of one audit entry at the current time, by the current actor."""
        return {
            "at": self._clock(),
            "actor": self._actor()[:120],
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "summary": summary,
            "details": details,
        }


@dataclass
class _SessionAudit:
    recorder: AuditRecorder
    flushing: list[RowChange] = field(default_factory=list)
    # Entries written in this transaction, by row, so a later change updates them.
    written: dict[tuple[str, object], tuple[int, RowChange]] = field(default_factory=dict)
    summaries: list[Counter[tuple[str, str]]] = field(default_factory=list)

    def record(self, connection: Connection, changes: list[RowChange]) -> None:
        if self.summaries:
            self.summaries[-1].update((c.table, c.action) for c in changes)
            return
        grouped: dict[tuple[str, str], list[RowChange]] = {}
        for change in changes:
            grouped.setdefault((change.table, change.action), []).append(change)
        for (table, action), items in grouped.items():
            if len(items) > COLLAPSE_OVER:
                self.record_count(connection, action, table, len(items))
            else:
                for change in items:
                    self._write(connection, change)

    def record_count(self, connection: Connection, action: str, table: str, count: int) -> None:
        if self.summaries:
            self.summaries[-1][(table, action)] += count
            return
        entry = self.recorder.entry(
            action, table, None, counted_summary(action, table, count), {"count": count}
        )
        connection.execute(insert(_table()), entry)

    def _write(self, connection: Connection, change: RowChange) -> None:
        key = (change.table, change.key) if change.key is not None else None
        earlier = self.written.pop(key, None) if key else None
        if earlier is not None:
            entry_id, first = earlier
            merged = first.then(change)
            if merged is None:  # added and removed again: it never existed outside this transaction
                connection.execute(delete(_table()).where(_table().c.id == entry_id))
                return
            result = connection.execute(
                update(_table())
                .where(_table().c.id == entry_id)
                .values(summary=merged.sentence(), details=merged.details())
            )
            if result.rowcount:
                self.written[key] = (entry_id, merged)  # type: ignore[index]
                return
            change = merged  # the entry went with a rolled-back savepoint: write it afresh
        entry = self.recorder.entry(
            change.action, change.table, change.entity_id, change.sentence(), change.details()
        )
        new_id = connection.execute(insert(_table()).values(entry)).inserted_primary_key
        if key is not None and new_id is not None:
            self.written[key] = (int(new_id[0]), change)


@contextmanager
def summarised(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    *,
    details: dict[str, Any] | None = None,
) -> Iterator[None]:
    """Log the changes made inside the block as one entry, with per-table counts in its details.

    Without a recorder on the session (an operation run outside a service) nothing is logged.
    """
    audit: _SessionAudit | None = session.info.get(_INFO_KEY)
    if audit is None:
        yield
        return
    counts: Counter[tuple[str, str]] = Counter()
    audit.summaries.append(counts)
    try:
        yield
        session.flush()
    finally:
        audit.summaries.pop()
    rows: dict[str, dict[str, int]] = {}
    for (table, done), n in sorted(counts.items()):
        rows.setdefault(table, {})[done] = n
    entry = audit.recorder.entry(action, entity, entity_id, summary, {**(details or {}), "rows": rows})
    if audit.summaries:  # nested: the outer summary counts it
        audit.summaries[-1][(entity, action)] += 1
    else:
        session.connection().execute(insert(_table()), entry)


def _collector(action: str) -> Callable[[Mapper[Any], Connection, Any], None]:
    def collect(_mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
        session = object_session(target)
        audit: _SessionAudit | None = session.info.get(_INFO_KEY) if session is not None else None
        if audit is None:
            return
        state = inspect(target)
        table = state.mapper.local_table
        if isinstance(table, Table) and table.name != AuditEvent.__tablename__:
            change = describe(state, table.name, action)
            if change is not None:
                audit.flushing.append(change)

    return collect


# Mapper events see every row a flush writes, orphans deleted by a cascade included; they only
# collect, and only for sessions with a recorder. The entries are written after the flush.
event.listen(Base, "after_insert", _collector(ADDED), propagate=True)
event.listen(Base, "after_update", _collector(CHANGED), propagate=True)
event.listen(Base, "after_delete", _collector(REMOVED), propagate=True)


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    audit: _SessionAudit | None = session.info.get(_INFO_KEY)
    if audit is not None and audit.flushing:
        changes, audit.flushing = audit.flushing, []
        audit.record(session.connection(), changes)


def _on_execute(state: ORMExecuteState) -> Any:
    """Bulk INSERT/UPDATE/DELETE statements skip the flush; log them by count."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    audit: _SessionAudit | None = state.session.info.get(_INFO_KEY)
    if (
        audit is None
        or not isinstance(table, Table)
        or (state.is_insert and table.name == AuditEvent.__tablename__)
    ):
        return None
    result = state.invoke_statement()
    if state.is_insert:
        params = state.parameters
        count = len(params) if isinstance(params, list) else 1
        action = ADDED
    else:
        count = max(getattr(result, "rowcount", 0) or 0, 0)
        action = CHANGED if state.is_update else REMOVED
    if count:
        audit.record_count(state.session.connection(), action, table.name, count)
    return result


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    audit: _SessionAudit | None = session.info.get(_INFO_KEY)
    if audit is not None and transaction.parent is None:
        audit.written.clear()
        audit.flushing.clear()


def _table() -> Table:
    table = AuditEvent.__table__
    assert isinstance(table, Table)  # noqa: S101 - a declarative model's table
    return table
