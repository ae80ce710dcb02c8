"""The people directory: up to tens of thousands of people, filtered, sorted and paged in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, cast

from briefings.queries.directory import PersonFilter, PersonRow, PersonSort
from briefings.services import Services
from ui.display_text import NOTHING
from ui.itemmodels.paged_rows import PagedRowModel
from ui.itemmodels.row_table import Column


def roles_text(person: PersonRow) -> str:
    """Current roles, or the last one held for people who have none now."""
    if person.role_labels:
        return person.role_labels
    former = [m for m in person.roles if not m.current]
    return f"Formerly {former[-1].role.label}" if former else NOTHING


def places_text(person: PersonRow) -> str:
    """Where they work now, or where they last did."""
    if person.places:
        return person.places
    former = [m for m in person.roles if not m.current]
    return f"Formerly {former[-1].place}" if former else NOTHING


PERSON_COLUMNS: tuple[Column[PersonRow], ...] = (
    Column("Surname", lambda p: p.last_name, sql_sort="name"),
    Column("First name", lambda p: p.first_name, sql_sort="first_name"),
    Column("Email", lambda p: p.email or NOTHING, sql_sort="email"),
    Column("Roles", roles_text),
    Column("Setting", places_text, tooltip=places_text),
    Column("Phone", lambda p: p.phone or NOTHING),
)


class PersonQuery:
    """One filter of the people directory, asked of the directory service."""

    def __init__(self, services: Services, flt: PersonFilter) -> None:
        self._services = services
        self.filter = flt

    def count(self) -> int:
        """How many people match."""
        return self._services.directory.count_people(self.filter)

    def page(self, offset: int, limit: int, sort: str, descending: bool) -> Sequence[PersonRow]:
        """One page of matches, each with their roles."""
        flt = replace(
            self.filter, offset=offset, limit=limit, sort=cast(PersonSort, sort), descending=descending
        )
        return self._services.directory.people(flt)


class PeopleDirectoryModel(PagedRowModel[PersonRow]):
    """People matching the directory's filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(PERSON_COLUMNS, default_sort="name", parent=parent)
