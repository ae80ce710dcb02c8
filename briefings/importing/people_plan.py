"""What a staff list would change in the directory: people added or matched, roles started and ended.

Matching a list's person to a stored one: by e-mail (ignoring case), else by the same name at
one of the same settings. Similar names are only *suggested* as duplicates: merging two people
is the advisor's decision. Someone listed at a new setting who held a role elsewhere has moved:
their old roles end and new ones start on the same person.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from briefings.importing.names import fold, name_score, split_person_name
from briefings.importing.people_suggestions import DuplicateSuggestion, suggest_duplicates
from briefings.importing.problems import Problem, warning
from briefings.importing.setting_lookup import SettingLookup
from briefings.importing.staff import StaffList
from briefings.importing.staff_people import FilePerson, PlacedRow, group_people, shared_mailboxes
from briefings.importing.stored_people import StoredPeople, load_stored
from models.enums import Role
from models.people import Membership

SAME_PERSON = 60.0
MOVED = "moved to"


@dataclass(frozen=True)
class PlannedRole:
    """A role to start."""

    setting_id: int
    setting_name: str
    role: Role
    job_title: str | None


@dataclass(frozen=True)
class PlannedPerson:
    """A person of the list: new (``person_id`` None) or matched to a stored person."""

    person_id: int | None
    first_name: str
    last_name: str
    title: str | None
    email: str | None
    phone: str | None
    notes: str | None
    rows: tuple[int, ...]
    matched_by: str | None
    add: tuple[PlannedRole, ...]
    fill: tuple[tuple[str, str], ...] = ()

    @property
    def full_name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class EndedRole:
    """A stored role the list shows has ended."""

    membership_id: int
    person_id: int
    person_name: str
    setting_name: str
    role: Role
    ends_on: date
    reason: str


@dataclass(frozen=True)
class PeoplePlan:
    """Everything a staff list would change."""

    people: tuple[PlannedPerson, ...]
    ended: tuple[EndedRole, ...]
    suggestions: tuple[DuplicateSuggestion, ...]
    shared_mailboxes: tuple[tuple[str, int], ...]
    problems: tuple[Problem, ...]
    rows_placed: int
    today: date
    end_unlisted: bool = True
    extra: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def new_people(self) -> list[PlannedPerson]:
        """People to add."""
        return [p for p in self.people if p.person_id is None]

    @property
    def matched_people(self) -> list[PlannedPerson]:
        """People already stored."""
        return [p for p in self.people if p.person_id is not None]

    @property
    def fingerprint(self) -> str:
        """A digest of every change, to notice a database that moved since the preview."""
        digest = hashlib.sha256()
        for item in (*self.people, *self.ended):
            digest.update(repr(item).encode())
        return digest.hexdigest()


def plan_people(session: Session, staff: StaffList, today: date, *, end_unlisted: bool = True) -> PeoplePlan:
    """Compare a checked staff list with the directory; reads only.

    Args:
        session: Where to read the directory.
        staff: The checked list.
        today: The date in England (roles end the day before; movers' new roles start today).
        end_unlisted: Whether roles the list no longer shows end. Moves are made either way;
            leave this off for a partial list (only the new DSLs, say).
    """
    lookup = SettingLookup(session)
    problems: list[Problem] = []
    placed = []
    for row in staff.rows:
        setting = lookup.resolve(row.urn, row.laestab, row.setting_name, row.row, problems)
        if setting is not None:
            placed.append(PlacedRow(row, setting.id))
    shared = shared_mailboxes(placed)
    people = group_people(placed, shared)
    stored = load_stored(session, today)
    scope = {p.row.role for p in placed}
    planned: list[PlannedPerson] = []
    claimed: set[int] = set()
    for person in people:
        match, how = _match(person, stored, claimed, problems)
        if match is not None:
            claimed.add(match)
        planned.append(_planned(person, match, how, stored=stored, lookup=lookup))
    ended = _ended(planned, people, stored=stored, scope=scope, lookup=lookup, today=today)
    if not end_unlisted:
        ended = [e for e in ended if e.reason.startswith(MOVED)]
    suggestions = suggest_duplicates(planned, people, stored, lookup)
    return PeoplePlan(
        people=tuple(planned),
        ended=tuple(ended),
        suggestions=tuple(suggestions),
        shared_mailboxes=tuple(sorted(shared.items())),
        problems=tuple(problems),
        rows_placed=len(placed),
        today=today,
        end_unlisted=end_unlisted,
    )


def _match(
    person: FilePerson, stored: StoredPeople, claimed: set[int], problems: list[Problem]
) -> tuple[int | None, str | None]:
    if person.email and person.email in stored.by_email:
        found = stored.people[stored.by_email[person.email]]
        if (
            name_score(
                split_person_name(f"{person.first_name} {person.last_name}"),
                found.first_name,
                found.last_name,
            )
            >= SAME_PERSON
        ):
            return found.id, "email"
        problems.append(
            warning(
                f"{person.email} belongs to {found.full_name} in the directory, not {person.first_name} "
                f"{person.last_name}; the address was not used",
                person.row_numbers[0],
            )
        )
    key = (fold(person.first_name), fold(person.last_name))
    for setting_id in sorted(person.setting_ids):
        for person_id in stored.at_setting.get(setting_id, []):
            found = stored.people[person_id]
            if person_id not in claimed and (fold(found.first_name), fold(found.last_name)) == key:
                return person_id, "name at the same setting"
    return None, None


def _planned(
    person: FilePerson, match: int | None, how: str | None, *, stored: StoredPeople, lookup: SettingLookup
) -> PlannedPerson:
    held = {(m.setting_id, m.role) for m in stored.roles.get(match, [])} if match is not None else set()
    add = tuple(
        PlannedRole(setting_id, lookup.by_id[setting_id].name, role, title)
        for (setting_id, role), title in person.roles.items()
        if (setting_id, role) not in held
    )
    email = (
        person.email
        if person.email not in stored.by_email or stored.by_email.get(person.email or "") == match
        else None
    )
    fill: tuple[tuple[str, str], ...] = ()
    if match is not None:
        found = stored.people[match]
        candidates = (("email", email), ("phone", person.phone), ("title", person.title))
        fill = tuple((name, value) for name, value in candidates if value and not getattr(found, name))
    return PlannedPerson(
        person_id=match,
        first_name=person.first_name,
        last_name=person.last_name,
        title=person.title,
        email=email,
        phone=person.phone,
        notes=person.notes,
        rows=person.row_numbers,
        matched_by=how,
        add=add,
        fill=fill,
    )


def _ended(
    planned: Sequence[PlannedPerson],
    people: Sequence[FilePerson],
    *,
    stored: StoredPeople,
    scope: set[Role],
    lookup: SettingLookup,
    today: date,
) -> list[EndedRole]:
    """Roles that stop.

    A listed person's roles the list no longer gives them, and roles at the listed settings held by
    people the list leaves out, but only for the kinds of role the list covers.
    """
    listed: dict[int, set[tuple[int, Role]]] = {}
    new_place: dict[int, str] = {}
    for plan, person in zip(planned, people, strict=True):
        if plan.person_id is not None:
            listed[plan.person_id] = set(person.roles)
            if plan.add:
                new_place[plan.person_id] = plan.add[0].setting_name
    covered = {setting_id for person in people for setting_id in person.setting_ids}
    ended = []
    for person_id, memberships in stored.roles.items():
        for membership in memberships:
            if membership.role not in scope or membership.setting_id is None:
                continue
            reason = _end_reason(membership, listed.get(person_id), new_place.get(person_id), covered)
            if reason is None:
                continue
            ended.append(
                EndedRole(
                    membership.id,
                    person_id,
                    stored.people[person_id].full_name,
                    lookup.by_id[membership.setting_id].name,
                    membership.role,
                    max(today - timedelta(days=1), membership.starts_on or date.min),
                    reason,
                )
            )
    return ended


def _end_reason(
    membership: Membership, listed: set[tuple[int, Role]] | None, new_place: str | None, covered: set[int]
) -> str | None:
    """Why a stored role ends, or None when it carries on."""
    if listed is None:
        return "no longer listed at this setting" if membership.setting_id in covered else None
    if (membership.setting_id, membership.role) in listed:
        return None
    moved = membership.setting_id not in {setting_id for setting_id, _ in listed}
    return f"{MOVED} {new_place}" if moved and new_place else "no longer listed in this role"
