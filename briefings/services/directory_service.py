"""What the UI may ask about settings, people, their roles, organisations, venues and topics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from briefings import directory
from briefings.directory import PersonFields, SettingFields, TopicFields, VenueFields
from briefings.lookup import get_or_fail
from briefings.queries import directory as queries
from briefings.queries import reference
from briefings.queries.directory import (
    HistoryRow,
    MembershipRow,
    PersonFilter,
    PersonRow,
    SettingFilter,
    SettingRow,
)
from briefings.queries.licences import AllocationRow, allocations
from briefings.queries.reference import OrganisationRow, TopicRow, VenueRow
from briefings.services.base import Service
from models.enums import Role
from models.people import Person
from models.settings import Setting


@dataclass(frozen=True)
class SettingHistory:
    """A setting, its staff, the bookings made for it and the licences it holds."""

    setting: SettingRow
    staff: tuple[MembershipRow, ...]
    bookings: tuple[HistoryRow, ...]
    licences: tuple[AllocationRow, ...]

    @property
    def last_lead_refresh(self) -> date | None:
        """When a DSL or deputy last attended a refresh for this setting."""
        days = [
            b.starts_at.date() for b in self.bookings if b.refreshed and b.role in (Role.DSL, Role.DEPUTY_DSL)
        ]
        return max(days, default=None)


@dataclass(frozen=True)
class MoveOutcome:
    """A move to another setting: the person after it, the role it started and the roles it ended.

    ``ended`` pairs each ended role's id with the end date it had before the move (usually None).
    """

    person: PersonRow
    new_membership_id: int
    ended: tuple[tuple[int, date | None], ...]


@dataclass(frozen=True)
class PersonHistory:
    """A person, the roles they hold and held, their bookings and licences."""

    person: PersonRow
    bookings: tuple[HistoryRow, ...]
    licences: tuple[AllocationRow, ...]

    @property
    def last_refresh(self) -> date | None:
        """When they last attended a briefing that counts as a safeguarding refresh."""
        return max((b.starts_at.date() for b in self.bookings if b.refreshed), default=None)


class DirectoryService(Service):
    """Settings, people and reference lists. One transaction per call; returns rows."""

    def settings(self, flt: SettingFilter | None = None) -> list[SettingRow]:
        """Settings matching the filter."""
        with self._read() as session:
            return queries.search_settings(session, flt or SettingFilter())

    def count_settings(self, flt: SettingFilter | None = None) -> int:
        """How many settings match."""
        with self._read() as session:
            return queries.count_settings(session, flt or SettingFilter())

    def setting(self, setting_id: int) -> SettingRow:
        """One setting."""
        with self._read() as session:
            return queries.setting_row(get_or_fail(session, Setting, setting_id, "Setting", "setting_id"))

    def setting_history(self, setting_id: int, *, include_former: bool = False) -> SettingHistory:
        """A setting with its staff, bookings and licences."""
        with self._read() as session:
            setting = queries.setting_row(get_or_fail(session, Setting, setting_id, "Setting", "setting_id"))
            return SettingHistory(
                setting=setting,
                staff=tuple(
                    queries.setting_staff(session, setting_id, self.now(), include_former=include_former)
                ),
                bookings=tuple(queries.bookings_at_setting(session, setting_id)),
                licences=tuple(allocations(session, setting_id=setting_id)),
            )

    def add_setting(self, fields: SettingFields) -> SettingRow:
        """Add a setting."""
        with self._write() as session:
            return queries.setting_row(directory.add_setting(session, fields))

    def update_setting(self, setting_id: int, fields: SettingFields) -> SettingRow:
        """Change a setting."""
        with self._write() as session:
            return queries.setting_row(directory.update_setting(session, setting_id, fields))

    def people(self, flt: PersonFilter | None = None) -> list[PersonRow]:
        """People matching the filter."""
        with self._read() as session:
            return queries.search_people(session, flt or PersonFilter(), self.now())

    def count_people(self, flt: PersonFilter | None = None) -> int:
        """How many people match."""
        with self._read() as session:
            return queries.count_people(session, flt or PersonFilter(), self.now())

    def person(self, person_id: int) -> PersonRow:
        """One person with their roles."""
        with self._read() as session:
            return queries.person_row(session, person_id, self.now())

    def person_history(self, person_id: int) -> PersonHistory:
        """A person with their bookings and licences."""
        with self._read() as session:
            return PersonHistory(
                person=queries.person_row(session, person_id, self.now()),
                bookings=tuple(queries.bookings_of_person(session, person_id)),
                licences=tuple(allocations(session, person_id=person_id)),
            )

    def add_person(
        self,
        fields: PersonFields,
        *,
        role: Role | None = None,
        setting_id: int | None = None,
        organisation_id: int | None = None,
    ) -> PersonRow:
        """Add a person, optionally with a first role, in one transaction."""
        with self._write() as session:
            person = directory.add_person(session, fields)
            if role is not None:
                directory.add_membership(
                    session, person.id, role, setting_id=setting_id, organisation_id=organisation_id
                )
            return queries.person_row(session, person.id, self.now())

    def update_person(self, person_id: int, fields: PersonFields) -> PersonRow:
        """Change a person's own details."""
        with self._write() as session:
            directory.update_person(session, person_id, fields)
            return queries.person_row(session, person_id, self.now())

    def add_membership(
        self,
        person_id: int,
        role: Role,
        *,
        setting_id: int | None = None,
        organisation_id: int | None = None,
        starts_on: date | None = None,
        job_title: str | None = None,
    ) -> PersonRow:
        """Give a person a role."""
        with self._write() as session:
            directory.add_membership(
                session,
                person_id,
                role,
                setting_id=setting_id,
                organisation_id=organisation_id,
                starts_on=starts_on,
                job_title=job_title,
            )
            return queries.person_row(session, person_id, self.now())

    def end_membership(self, membership_id: int, on: date) -> MembershipRow:
        """End a role on a day."""
        with self._write() as session:
            membership = directory.end_membership(session, membership_id, on)
            row = queries.person_row(session, membership.person_id, self.now())
            return next(m for m in row.roles if m.id == membership_id)

    def reopen_membership(self, membership_id: int) -> PersonRow:
        """Take back the end of a role (undoing "end role")."""
        with self._write() as session:
            membership = directory.reopen_membership(session, membership_id)
            return queries.person_row(session, membership.person_id, self.now())

    def move_person(self, person_id: int, to_setting_id: int, role: Role, on: date) -> PersonRow:
        """A person changes setting (old roles end, a new one starts)."""
        return self.move(person_id, to_setting_id, role, on).person

    def move(self, person_id: int, to_setting_id: int, role: Role, on: date) -> MoveOutcome:
        """A person changes setting, returning what changed so the move can be undone."""
        with self._write() as session:
            person = get_or_fail(session, Person, person_id, "Person", "person_id")
            ends_before = {m.id: m.ends_on for m in person.memberships}
            ended, new = directory.move_person(session, person_id, to_setting_id, role, on)
            return MoveOutcome(
                person=queries.person_row(session, person_id, self.now()),
                new_membership_id=new.id,
                ended=tuple((m.id, ends_before[m.id]) for m in ended),
            )

    def undo_move(self, outcome: MoveOutcome) -> PersonRow:
        """Put a person back where they were before a move."""
        with self._write() as session:
            directory.remove_membership(session, outcome.new_membership_id)
            for membership_id, ends_on in outcome.ended:
                directory.reopen_membership(session, membership_id, ends_on)
            return queries.person_row(session, outcome.person.id, self.now())

    def organisations(self) -> list[OrganisationRow]:
        """Organisations by name."""
        with self._read() as session:
            return reference.list_organisations(session)

    def add_organisation(
        self, name: str, kind: str | None = None, notes: str | None = None
    ) -> OrganisationRow:
        """Add an organisation."""
        with self._write() as session:
            org = directory.add_organisation(session, name, kind, notes)
            return OrganisationRow(org.id, org.name, org.kind, org.notes)

    def venues(self) -> list[VenueRow]:
        """Venues by name."""
        with self._read() as session:
            return reference.list_venues(session)

    def add_venue(self, fields: VenueFields) -> VenueRow:
        """Add a venue."""
        with self._write() as session:
            v = directory.add_venue(session, fields)
            return VenueRow(v.id, v.name, v.address, v.postcode, v.room_capacity, v.notes)

    def update_venue(self, venue_id: int, fields: VenueFields) -> VenueRow:
        """Change a venue."""
        with self._write() as session:
            v = directory.update_venue(session, venue_id, fields)
            return VenueRow(v.id, v.name, v.address, v.postcode, v.room_capacity, v.notes)

    def topics(self) -> list[TopicRow]:
        """Topics by name."""
        with self._read() as session:
            return reference.list_topics(session)

    def add_topic(self, fields: TopicFields) -> TopicRow:
        """Add a user-defined topic."""
        with self._write() as session:
            topic = directory.add_topic(session, fields)
            return next(t for t in reference.list_topics(session) if t.id == topic.id)

    def districts(self) -> list[str]:
        """Districts in use."""
        with self._read() as session:
            return queries.districts(session)

    def establishment_types(self) -> list[str]:
        """Establishment types in use."""
        with self._read() as session:
            return queries.establishment_types(session)
