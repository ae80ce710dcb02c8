"""The people register the generator keeps while it works: people and the roles they hold."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from briefings.clock import london
from briefings.demo.identities import Identity
from briefings.demo.tables import DemoTables
from models.enums import Role
from models.people import Membership, Person


@dataclass
class DemoMembership:
    """A role held at a setting or an organisation, for a while."""

    person_id: int
    role: Role
    setting_id: int | None = None
    organisation_id: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    job_title: str | None = None

    def held_on(self, day: date) -> bool:
        """Whether the role is held on ``day``."""
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or self.ends_on >= day
        )


@dataclass
class DemoPeople:
    """Everyone the generator has made, with their roles, written to the tables at the end."""

    people: list[tuple[Identity, str | None, str | None, str | None]] = field(default_factory=list)
    memberships: list[DemoMembership] = field(default_factory=list)
    organisation_ids: dict[str, int] = field(default_factory=dict)
    partners: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add_person(
        self, who: Identity, email: str | None, phone: str | None = None, notes: str | None = None
    ) -> int:
        """A new person; returns their id."""
        self.people.append((who, email, phone, notes))
        return len(self.people)

    def add_role(self, membership: DemoMembership) -> DemoMembership:
        """A role for someone already added."""
        self.memberships.append(membership)
        return membership

    def at_settings(self) -> list[DemoMembership]:
        """Roles held at settings (not organisations)."""
        return [m for m in self.memberships if m.setting_id is not None]

    def write(self, tables: DemoTables, created_before: date, now: datetime) -> None:
        """Queue the people and memberships, each person created a little before their first role."""
        first_start: dict[int, date] = {}
        for m in self.memberships:
            if m.starts_on is not None:
                first_start[m.person_id] = min(first_start.get(m.person_id, m.starts_on), m.starts_on)
        for person_id, (who, email, phone, notes) in enumerate(self.people, start=1):
            added_on = max(created_before, first_start.get(person_id, created_before) - timedelta(days=10))
            created = min(london(added_on, time(10, person_id % 60)), now - timedelta(hours=1))
            tables.add(
                Person,
                title=who.title,
                first_name=who.first_name,
                last_name=who.last_name,
                email=email,
                phone=phone,
                notes=notes,
                created_at=created,
                erased_at=None,
            )
        for m in sorted(self.memberships, key=lambda m: (m.person_id, m.starts_on or date.min)):
            tables.add(
                Membership,
                person_id=m.person_id,
                setting_id=m.setting_id,
                organisation_id=m.organisation_id,
                role=m.role,
                job_title=m.job_title,
                starts_on=m.starts_on,
                ends_on=m.ends_on,
            )
