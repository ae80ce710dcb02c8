"""Keeping Children Safe in Education: who is behind on DSL training and refreshers.

KCSIE expects each DSL and deputy to have formal training at least every two years and a
knowledge refresh (such as these briefings) at least annually. A setting is behind on its
refresh when no DSL or deputy came for it to a refresh briefing (present or late) in 12 months.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from briefings.clock import london_today, months_before, to_london
from models.briefings import Briefing, Topic
from models.enums import COUNTS_AS_REFRESH, SAFEGUARDING_LEADS, BriefingStatus, Phase, Role, SettingStatus
from models.people import Membership, Person
from models.registrations import Registration
from models.settings import Setting

REFRESH_MONTHS = 12
FORMAL_MONTHS = 24


@dataclass(frozen=True)
class SettingCompliance:
    """An open setting's safeguarding-lead training position."""

    setting_id: int
    urn: int | None
    name: str
    district: str | None
    phase: Phase
    leads: int
    last_refresh_on: date | None
    refresh_due: bool


@dataclass(frozen=True)
class LeadCompliance:
    """A current DSL or deputy's own training position."""

    person_id: int
    person_name: str
    email: str | None
    setting_id: int
    setting_name: str
    role: Role
    last_refresh_on: date | None
    last_formal_on: date | None
    refresh_due: bool
    formal_due: bool


def compliance_overview(
    session: Session, now: datetime, *, months: int = REFRESH_MONTHS
) -> list[SettingCompliance]:
    """Every open setting with when a DSL or deputy last attended a refresh for it.

    Refreshes recorded under a URN the school has since left (an academy conversion, an
    amalgamation) count for the setting it carries on as.
    """
    cutoff = months_before(london_today(now), months)
    last_refresh = _last_refresh_following_successors(session, now)
    leads = (
        select(Membership.setting_id, func.count(func.distinct(Membership.person_id)).label("n"))
        .where(Membership.role.in_(SAFEGUARDING_LEADS), _current(london_today(now)))
        .group_by(Membership.setting_id)
        .subquery()
    )
    query = (
        select(Setting, func.coalesce(leads.c.n, 0))
        .join(leads, leads.c.setting_id == Setting.id, isouter=True)
        .where(Setting.status == SettingStatus.OPEN)
        .order_by(Setting.name, Setting.id)
    )
    rows = []
    for setting, lead_count in session.execute(query):
        last_on = last_refresh.get(setting.id)
        rows.append(
            SettingCompliance(
                setting_id=setting.id,
                urn=setting.urn,
                name=setting.name,
                district=setting.district,
                phase=setting.phase,
                leads=int(lead_count),
                last_refresh_on=last_on,
                refresh_due=last_on is None or last_on < cutoff,
            )
        )
    return rows


def _last_refresh_following_successors(session: Session, now: datetime) -> dict[int, date]:
    """Last refresh day per setting, each closed setting's carried to the one it became."""
    links = select(Setting.id, Setting.successor_id).where(Setting.successor_id.is_not(None))
    successor_of = {setting_id: after for setting_id, after in session.execute(links) if after is not None}
    found: dict[int, date] = {}
    for setting_id, last_at in session.execute(_last_refresh_by_setting(now)):
        day = _day(last_at)
        if setting_id is None or day is None:
            continue
        for holder in _and_successors(setting_id, successor_of):
            found[holder] = max(found.get(holder, day), day)
    return found


def _and_successors(setting_id: int, successor_of: dict[int, int]) -> list[int]:
    chain = [setting_id]
    while (following := successor_of.get(chain[-1])) is not None and following not in chain:
        chain.append(following)
    return chain


def settings_due_refresh(
    session: Session, now: datetime, *, months: int = REFRESH_MONTHS
) -> list[SettingCompliance]:
    """Open settings with no DSL or deputy at a refresh in ``months`` months; never-refreshed first."""
    due = [row for row in compliance_overview(session, now, months=months) if row.refresh_due]
    return sorted(due, key=lambda r: (r.last_refresh_on or date.min, r.name))


def leads_due_training(session: Session, now: datetime) -> list[LeadCompliance]:
    """Current DSLs and deputies, each with their last refresh and last formal training."""
    today = london_today(now)
    refresh = _last_attended_by_person(now, Topic.counts_as_refresh.is_(True)).subquery()
    formal = _last_attended_by_person(now, Topic.counts_as_formal_training.is_(True)).subquery()
    query = (
        select(Membership, Person, Setting.name, refresh.c.last_at, formal.c.last_at)
        .join(Person, Membership.person_id == Person.id)
        .join(Setting, Membership.setting_id == Setting.id)
        .join(refresh, refresh.c.person_id == Person.id, isouter=True)
        .join(formal, formal.c.person_id == Person.id, isouter=True)
        .where(Membership.role.in_(SAFEGUARDING_LEADS), _current(today), Setting.status == SettingStatus.OPEN)
        .order_by(Setting.name, Person.last_name, Person.first_name)
    )
    refresh_cutoff = months_before(today, REFRESH_MONTHS)
    formal_cutoff = months_before(today, FORMAL_MONTHS)
    rows = []
    for membership, person, setting_name, refresh_at, formal_at in session.execute(query):
        last_refresh, last_formal = _day(refresh_at), _day(formal_at)
        rows.append(
            LeadCompliance(
                person_id=person.id,
                person_name=person.full_name,
                email=person.email,
                setting_id=membership.setting_id,
                setting_name=setting_name,
                role=membership.role,
                last_refresh_on=last_refresh,
                last_formal_on=last_formal,
                refresh_due=last_refresh is None or last_refresh < refresh_cutoff,
                formal_due=last_formal is None or last_formal < formal_cutoff,
            )
        )
    return rows


def _last_refresh_by_setting(now: datetime) -> Select[int | None, datetime]:
    return (
        select(Registration.setting_id, func.max(Briefing.starts_at).label("last_at"))
        .join(Briefing, Registration.briefing_id == Briefing.id)
        .join(Topic, Briefing.topic_id == Topic.id)
        .where(
            Topic.counts_as_refresh.is_(True),
            Registration.attendance.in_(COUNTS_AS_REFRESH),
            Registration.role.in_(SAFEGUARDING_LEADS),
            Briefing.status != BriefingStatus.CANCELLED,
            Briefing.starts_at <= now,
        )
        .group_by(Registration.setting_id)
    )


def _last_attended_by_person(now: datetime, topic_flag: ColumnElement[bool]) -> Select[int | None, datetime]:
    return (
        select(Registration.person_id, func.max(Briefing.starts_at).label("last_at"))
        .join(Briefing, Registration.briefing_id == Briefing.id)
        .join(Topic, Briefing.topic_id == Topic.id)
        .where(
            topic_flag,
            Registration.attendance.in_(COUNTS_AS_REFRESH),
            Briefing.status != BriefingStatus.CANCELLED,
            Briefing.starts_at <= now,
        )
        .group_by(Registration.person_id)
    )


def _current(today: date) -> ColumnElement[bool]:
    return or_(Membership.starts_on.is_(None), Membership.starts_on <= today) & or_(
        Membership.ends_on.is_(None), Membership.ends_on >= today
    )


def _day(moment: datetime | None) -> date | None:
    return to_london(moment).date() if moment is not None else None
