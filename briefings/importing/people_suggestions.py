"""Possible duplicates in a staff list: similar names are shown to the advisor, never merged."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefings.importing.names import fold, name_score, split_person_name
from briefings.importing.setting_lookup import SettingLookup
from briefings.importing.staff_people import FilePerson
from briefings.importing.stored_people import StoredPeople

if TYPE_CHECKING:  # people_plan imports this module to make its suggestions
    from briefings.importing.people_plan import PlannedPerson

SUGGEST_AT = 80.0


@dataclass(frozen=True)
class DuplicateSuggestion:
    """Two people who may be one: for the advisor to look at, never merged automatically."""

    rows: tuple[int, ...]
    name: str
    other_name: str
    other_person_id: int | None
    other_rows: tuple[int, ...]
    setting_name: str
    score: int


def suggest_duplicates(
    planned: Sequence[PlannedPerson],
    people: Sequence[FilePerson],
    stored: StoredPeople,
    lookup: SettingLookup,
) -> list[DuplicateSuggestion]:
    """New people who may already be someone: never merged, listed for the advisor.

    A close name at the same setting (stored or elsewhere in the list), or the same name as
    someone stored at another setting (a mover the list gives no e-mail for).
    """
    found: list[DuplicateSuggestion] = []
    new_at: dict[int, list[PlannedPerson]] = defaultdict(list)
    for plan, person in zip(planned, people, strict=True):
        if plan.person_id is None:
            for setting_id in person.setting_ids:
                new_at[setting_id].append(plan)
    for setting_id, members in new_at.items():
        found.extend(_close_at_setting(members, stored, setting_id, lookup.by_id[setting_id].name))
    found.extend(_namesakes_elsewhere(planned, stored, lookup, {s.rows for s in found}))
    return found


def _close_at_setting(
    members: list[PlannedPerson], stored: StoredPeople, setting_id: int, setting_name: str
) -> list[DuplicateSuggestion]:
    """New people at one setting whose names are close to someone stored there, or to each other."""
    found = []
    for index, plan in enumerate(members):
        parts = split_person_name(plan.full_name)
        for person_id in stored.at_setting.get(setting_id, []):
            other = stored.people[person_id]
            score = name_score(parts, other.first_name, other.last_name)
            if score >= SUGGEST_AT:
                found.append(
                    DuplicateSuggestion(
                        plan.rows, plan.full_name, other.full_name, person_id, (), setting_name, round(score)
                    )
                )
        for other_plan in members[index + 1 :]:
            score = name_score(parts, other_plan.first_name, other_plan.last_name)
            if score >= SUGGEST_AT:
                found.append(
                    DuplicateSuggestion(
                        plan.rows,
                        plan.full_name,
                        other_plan.full_name,
                        None,
                        other_plan.rows,
                        setting_name,
                        round(score),
                    )
                )
    return found


def _namesakes_elsewhere(
    planned: Sequence[PlannedPerson],
    stored: StoredPeople,
    lookup: SettingLookup,
    already: set[tuple[int, ...]],
) -> list[DuplicateSuggestion]:
    by_name: dict[str, list[int]] = defaultdict(list)
    for person in stored.people.values():
        by_name[f"{fold(person.first_name)} {fold(person.last_name)}"].append(person.id)
    found = []
    for plan in planned:
        if plan.person_id is not None or plan.rows in already:
            continue
        for person_id in by_name.get(f"{fold(plan.first_name)} {fold(plan.last_name)}", []):
            places = sorted(
                {lookup.by_id[m.setting_id].name for m in stored.roles.get(person_id, []) if m.setting_id}
            )
            where = f"elsewhere ({', '.join(places)})" if places else "elsewhere"
            found.append(
                DuplicateSuggestion(
                    plan.rows, plan.full_name, stored.people[person_id].full_name, person_id, (), where, 100
                )
            )
    return found
