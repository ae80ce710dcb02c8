"""Importing a staff list: map its columns, preview who would be added or changed, then apply."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from briefings.errors import ConflictError
from briefings.importing.people_plan import PeoplePlan, PlannedPerson, PlannedRole, plan_people
from briefings.importing.problems import Problem, Severity
from briefings.importing.sources import Table
from briefings.importing.staff import ColumnMapping, StaffList, read_staff, read_staff_table, suggest_mapping
from models.enums import Role
from models.people import Membership, Person

MAPPING_PREFERENCE = "imports.people.mapping"
SAMPLES_SHOWN = 3
SAMPLE_LENGTH = 60
SAMPLE_ROWS = 1000  # enough to find values in a sparse column without reading a huge list twice


@dataclass(frozen=True)
class PeoplePreview:
    """What importing a staff list would do."""

    file_name: str
    mapping: ColumnMapping
    staff: StaffList
    plan: PeoplePlan

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Everything found reading the rows and placing them at settings, in row order."""
        found = [*self.staff.problems, *self.plan.problems]
        return tuple(sorted(found, key=lambda p: p.row or 0))

    @property
    def rejected(self) -> tuple[Problem, ...]:
        """The rows left out, each with its reason."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR and p.row is not None)

    @property
    def counts(self) -> dict[str, int]:
        """How many people are new, matched, changed; roles added, ended, moved; rows rejected."""
        plan = self.plan
        matched = plan.matched_people
        moved = {e.person_id for e in plan.ended if e.reason.startswith("moved")}
        return {
            "rows": self.staff.rows_read,
            "new_people": len(plan.new_people),
            "matched_people": len(matched),
            "updated_people": sum(1 for p in matched if p.add or p.fill),
            "duplicate_rows": plan.rows_placed - len(plan.people),
            "roles_added": sum(len(p.add) for p in plan.people),
            "roles_ended": len(plan.ended),
            "moved": len(moved),
            "suggested_duplicates": len(plan.suggestions),
            "shared_mailboxes": len(plan.shared_mailboxes),
            "rejected": len({p.row for p in self.rejected}),
        }


@dataclass(frozen=True)
class PeopleImportResult:
    """What an applied staff list wrote, and which person each row became."""

    added: int
    updated: int
    roles_added: int
    roles_ended: int
    person_of_row: dict[int, int]


def mapping_for(
    data: bytes, file_name: str, remembered: Mapping[str, str] | None
) -> tuple[ColumnMapping, Table]:
    """A suggested mapping for a list (remembered choices first) and the list's table."""
    table = read_staff_table(data, file_name)
    return suggest_mapping(table.headers, remembered), table


def column_samples(table: Table, limit: int = SAMPLES_SHOWN) -> dict[str, tuple[str, ...]]:
    """The first few different values under each header, so the advisor can tell columns apart."""
    samples: dict[str, list[str]] = {header: [] for header in table.headers if header.strip()}
    index = {header: n for n, header in reversed(list(enumerate(table.headers))) if header in samples}
    for row in table.rows[:SAMPLE_ROWS]:
        for header, column in index.items():
            value = " ".join(row.cell(column).split())[:SAMPLE_LENGTH]
            found = samples[header]
            if value and len(found) < limit and value not in found:
                found.append(value)
        if all(len(found) >= limit for found in samples.values()):
            break
    return {header: tuple(found) for header, found in samples.items()}


def with_choices(
    mapping: ColumnMapping, choices: Mapping[str, str | None], default_role: Role | None
) -> ColumnMapping:
    """The mapping with the advisor's choices applied (None or "" unmaps a field)."""
    columns = dict(mapping.columns)
    origins = dict(mapping.origins)
    for field, header in choices.items():
        if header:
            columns[field], origins[field] = header, "chosen"
        else:
            columns.pop(field, None)
            origins.pop(field, None)
    return ColumnMapping(columns, origins, default_role or mapping.default_role)


def preview_people(
    session: Session,
    data: bytes,
    file_name: str,
    mapping: ColumnMapping,
    today: date,
    *,
    end_unlisted: bool = True,
) -> PeoplePreview:
    """Read a list through a mapping and work out what importing it would change; writes nothing."""
    table = read_staff_table(data, file_name)
    staff = read_staff(table, mapping, file_name)
    return PeoplePreview(
        file_name, mapping, staff, plan_people(session, staff, today, end_unlisted=end_unlisted)
    )


def apply_people(session: Session, preview: PeoplePreview, now: datetime) -> PeopleImportResult:
    """Write a previewed list; refuses if the directory changed since the preview."""
    plan = plan_people(session, preview.staff, preview.plan.today, end_unlisted=preview.plan.end_unlisted)
    if plan.fingerprint != preview.plan.fingerprint:
        raise ConflictError("The directory changed since this preview; preview the file again", "file")
    new_ids = iter(_insert_people(session, plan.new_people, now))
    person_of_row: dict[int, int] = {}
    memberships: list[dict[str, object]] = []
    for planned in plan.people:
        person_id = planned.person_id if planned.person_id is not None else next(new_ids)
        person_of_row.update(dict.fromkeys(planned.rows, person_id))
        # Roles of people already known start today; a first import does not know when they began.
        starts = plan.today if planned.person_id is not None else None
        memberships.extend(_membership(person_id, role, starts) for role in planned.add)
    fills = [{"id": p.person_id, **dict(p.fill)} for p in plan.matched_people if p.fill]
    for fill in fills:
        session.execute(update(Person), [fill])
    if plan.ended:
        session.execute(
            update(Membership), [{"id": e.membership_id, "ends_on": e.ends_on} for e in plan.ended]
        )
    if memberships:
        session.execute(insert(Membership), memberships)
    session.flush()
    return PeopleImportResult(
        added=len(plan.new_people),
        updated=len(fills) + sum(1 for p in plan.matched_people if p.add and not p.fill),
        roles_added=len(memberships),
        roles_ended=len(plan.ended),
        person_of_row=person_of_row,
    )


def _insert_people(session: Session, people: list[PlannedPerson], now: datetime) -> list[int]:
    """Insert in one statement; the ids come back in the order given."""
    if not people:
        return []
    values = [
        {
            "first_name": p.first_name,
            "last_name": p.last_name,
            "title": p.title,
            "email": p.email,
            "phone": p.phone,
            "notes": p.notes,
            "created_at": now,
        }
        for p in people
    ]
    return list(session.scalars(insert(Person).returning(Person.id, sort_by_parameter_order=True), values))


def _membership(person_id: int, role: PlannedRole, starts: date | None) -> dict[str, object]:
    return {
        "person_id": person_id,
        "setting_id": role.setting_id,
        "organisation_id": None,
        "role": role.role,
        "job_title": role.job_title,
        "starts_on": starts,
        "ends_on": None,
    }


def mapping_preference(mapping: ColumnMapping) -> dict[str, str]:
    """The mapping as stored for next time (field -> header)."""
    return dict(mapping.columns)
