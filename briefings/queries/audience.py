"""Who a briefing is for: people holding given roles at settings of given phases and districts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from briefings.clock import london_today
from models.enums import Phase, Role, SettingStatus
from models.people import Membership, Person
from models.settings import Setting


@dataclass(frozen=True)
class AudienceMember:
    """A person, and the setting and role that puts them in the audience."""

    person_id: int
    person_name: str
    email: str | None
    setting_id: int
    setting_name: str
    role: Role


def audience_members(
    session: Session,
    now: datetime,
    *,
    roles: Iterable[Role] = (),
    phases: Iterable[Phase] = (),
    districts: Iterable[str] = (),
) -> list[AudienceMember]:
    """People with a current role at an open setting matching every non-empty criterion.

    Someone holding two matching roles (say head and DSL of a small primary) appears once, for
    the role listed first in ``roles``.
    """
    today = london_today(now)
    role_list, phase_list, district_list = list(roles), list(phases), list(districts)
    query = (
        select(Membership, Person, Setting)
        .join(Person, Membership.person_id == Person.id)
        .join(Setting, Membership.setting_id == Setting.id)
        .where(
            Setting.status == SettingStatus.OPEN,
            Person.erased_at.is_(None),
            or_(Membership.starts_on.is_(None), Membership.starts_on <= today),
            or_(Membership.ends_on.is_(None), Membership.ends_on >= today),
        )
        .order_by(Setting.name, Person.last_name, Person.first_name, Membership.id)
    )
    if role_list:
        query = query.where(Membership.role.in_(role_list))
    if phase_list:
        query = query.where(Setting.phase.in_(phase_list))
    if district_list:
        query = query.where(Setting.district.in_(district_list))
    rank = {role: n for n, role in enumerate(role_list)}
    chosen: dict[int, AudienceMember] = {}
    for membership, person, setting in session.execute(query):
        candidate = AudienceMember(
            person.id, person.full_name, person.email, setting.id, setting.name, membership.role
        )
        held = chosen.get(person.id)
        if held is None or rank.get(candidate.role, 99) < rank.get(held.role, 99):
            chosen[person.id] = candidate
    return list(chosen.values())
