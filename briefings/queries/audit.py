"""The audit log as the advisor reads it: newest first, filtered by when, who and what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from briefings.audit_changes import entity_name
from briefings.clock import to_london
from models.audit import AuditEvent

Q = TypeVar("Q", bound=Select[Any])


@dataclass(frozen=True)
class AuditRow:
    """One audit entry; ``at`` is on English clocks."""

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    summary: str
    details: dict[str, Any] | None

    @property
    def entity_label(self) -> str:
        """What the advisor calls the thing changed ("booking")."""
        return entity_name(self.entity)


@dataclass(frozen=True)
class AuditFilter:
    """What the audit log is narrowed to; ``since`` and ``until`` are aware, ``until`` exclusive."""

    since: datetime | None = None
    until: datetime | None = None
    actor: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: int | None = None
    person_id: int | None = None
    text: str = ""
    limit: int | None = 500
    offset: int = 0


def audit_events(session: Session, flt: AuditFilter) -> list[AuditRow]:
    """Entries matching the filter, newest first."""
    query = _filtered(select(AuditEvent), flt).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    query = query.offset(flt.offset)
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return [
        AuditRow(
            id=e.id,
            at=to_london(e.at),
            actor=e.actor,
            action=e.action,
            entity=e.entity,
            entity_id=e.entity_id,
            summary=e.summary,
            details=e.details,
        )
        for e in session.scalars(query)
    ]


def count_audit_events(session: Session, flt: AuditFilter) -> int:
    """How many entries match (ignoring limit and offset)."""
    query = _filtered(select(func.count()).select_from(AuditEvent), flt)
    return session.scalar(query) or 0


def audit_actors(session: Session) -> list[str]:
    """Everyone who has changed anything, for the filter's drop-down."""
    return list(session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)))


def audit_entities(session: Session) -> list[str]:
    """Every kind of thing the log mentions (table names; ``entity_name`` labels them)."""
    return list(session.scalars(select(AuditEvent.entity).distinct().order_by(AuditEvent.entity)))


def _filtered(query: Q, flt: AuditFilter) -> Q:
    conditions = []
    if flt.since is not None:
        conditions.append(AuditEvent.at >= flt.since)
    if flt.until is not None:
        conditions.append(AuditEvent.at < flt.until)
    if flt.actor:
        conditions.append(func.lower(AuditEvent.actor) == flt.actor.strip().lower())
    if flt.action:
        conditions.append(AuditEvent.action == flt.action)
    if flt.entity:
        conditions.append(AuditEvent.entity == flt.entity)
    if flt.entity_id is not None:
        conditions.append(AuditEvent.entity_id == flt.entity_id)
    if flt.person_id is not None:
        conditions.append(about_person(flt.person_id))
    conditions.extend(AuditEvent.summary.icontains(word, autoescape=True) for word in flt.text.split())
    return query.where(*conditions) if conditions else query


def about_person(person_id: int) -> Any:
    """Entries about a person: the person row itself, or rows that refer to them by id."""
    return or_(
        (AuditEvent.entity == "people") & (AuditEvent.entity_id == person_id),
        AuditEvent.details["person_id"].as_integer() == person_id,
    )
