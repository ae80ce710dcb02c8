"""The people and current roles a staff-list plan compares against, read once per import."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.people import Membership, Person


@dataclass
class StoredPeople:
    """Stored people by id and e-mail, their current roles, and who holds a role at each setting."""

    people: dict[int, Person]
    by_email: dict[str, int]
    roles: dict[int, list[Membership]]
    at_setting: dict[int, list[int]]


def load_stored(session: Session, today: date) -> StoredPeople:
    """Everyone not erased, with the setting roles they hold on ``today``."""
    people = {p.id: p for p in session.scalars(select(Person).where(Person.erased_at.is_(None)))}
    by_email = {p.email.lower(): p.id for p in people.values() if p.email}
    roles: dict[int, list[Membership]] = defaultdict(list)
    at_setting: dict[int, list[int]] = defaultdict(list)
    for membership in session.scalars(select(Membership).where(Membership.setting_id.is_not(None))):
        if (
            membership.setting_id is not None
            and membership.is_current(today)
            and membership.person_id in people
        ):
            roles[membership.person_id].append(membership)
            here = at_setting[membership.setting_id]
            if membership.person_id not in here:
                here.append(membership.person_id)
    return StoredPeople(people, by_email, roles, at_setting)
