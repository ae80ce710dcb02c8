"""Reference lists the forms choose from: topics, series, venues and organisations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefings.clock import to_london
from models.briefings import Briefing, Series, Topic
from models.people import Organisation
from models.venues import Venue


@dataclass(frozen=True)
class TopicRow:
    """A topic and its defaults."""

    id: int
    code: str
    name: str
    default_minutes: int
    cpd_hours: float
    counts_as_refresh: bool
    counts_as_formal_training: bool
    colour: str
    builtin: bool


@dataclass(frozen=True)
class SeriesRow:
    """A series with its span."""

    id: int
    name: str
    topic_id: int | None
    topic_name: str | None
    briefings: int
    first_starts_at: datetime | None
    last_starts_at: datetime | None
    notes: str | None


@dataclass(frozen=True)
class VenueRow:
    """A venue."""

    id: int
    name: str
    address: str | None
    postcode: str | None
    room_capacity: int | None
    notes: str | None


@dataclass(frozen=True)
class OrganisationRow:
    """A non-school organisation."""

    id: int
    name: str
    kind: str | None
    notes: str | None


def list_topics(session: Session) -> list[TopicRow]:
    """Topics by name."""
    return [
        TopicRow(
            t.id,
            t.code,
            t.name,
            t.default_minutes,
            t.cpd_hours,
            t.counts_as_refresh,
            t.counts_as_formal_training,
            t.colour,
            t.builtin,
        )
        for t in session.scalars(select(Topic).order_by(Topic.name))
    ]


def list_series(session: Session) -> list[SeriesRow]:
    """Series, the latest first."""
    span = (
        select(
            Briefing.series_id,
            func.count().label("n"),
            func.min(Briefing.starts_at).label("first"),
            func.max(Briefing.starts_at).label("last"),
        )
        .group_by(Briefing.series_id)
        .subquery()
    )
    query = (
        select(Series, Topic.name, span.c.n, span.c.first, span.c.last)
        .join(Topic, Series.topic_id == Topic.id, isouter=True)
        .join(span, span.c.series_id == Series.id, isouter=True)
        .order_by(span.c.last.desc(), Series.name)
    )
    return [
        SeriesRow(
            id=s.id,
            name=s.name,
            topic_id=s.topic_id,
            topic_name=topic_name,
            briefings=int(n or 0),
            first_starts_at=_london_or_none(first),
            last_starts_at=_london_or_none(last),
            notes=s.notes,
        )
        for s, topic_name, n, first, last in session.execute(query)
    ]


def list_venues(session: Session) -> list[VenueRow]:
    """Venues by name."""
    return [
        VenueRow(v.id, v.name, v.address, v.postcode, v.room_capacity, v.notes)
        for v in session.scalars(select(Venue).order_by(Venue.name))
    ]


def list_organisations(session: Session) -> list[OrganisationRow]:
    """Organisations by name."""
    return [
        OrganisationRow(o.id, o.name, o.kind, o.notes)
        for o in session.scalars(select(Organisation).order_by(Organisation.name))
    ]


def _london_or_none(moment: datetime | None) -> datetime | None:
    return to_london(moment) if moment is not None else None
