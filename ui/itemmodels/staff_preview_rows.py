"""The tables of a staff-list preview: new and updated people, moves, roles ending, look-alikes."""

from __future__ import annotations

from briefings.importing.people_plan import MOVED, EndedRole, PlannedPerson
from briefings.importing.people_suggestions import DuplicateSuggestion
from ui.display_text import day_text
from ui.itemmodels.row_table import Column

FILLED = {"email": "e-mail", "phone": "phone", "title": "title"}


def rows_text(rows: tuple[int, ...]) -> str:
    """The file rows a person came from: "4" or "4, 5"."""
    return ", ".join(str(r) for r in rows)


def roles_text(person: PlannedPerson) -> str:
    """The roles a person starts: "DSL at Renée Brontë Primary School; Headteacher at …"."""
    return "; ".join(f"{r.role.label} at {r.setting_name}" for r in person.add)


def changes_text(person: PlannedPerson) -> str:
    """What the import changes for someone already stored."""
    parts = [f"starts as {r.role.label} at {r.setting_name}" for r in person.add]
    parts += [f"adds {FILLED.get(name, name)} {value}" for name, value in person.fill]
    return "; ".join(parts)


def moved_to(ended: EndedRole) -> str:
    """Where a mover goes (the reason says "moved to …")."""
    return ended.reason.removeprefix(MOVED).strip()


def is_move(ended: EndedRole) -> bool:
    """Whether a role ends because the person moved setting."""
    return ended.reason.startswith(MOVED)


def _first_row(person: PlannedPerson) -> int:
    return person.rows[0] if person.rows else 0


def _name_key(person: PlannedPerson) -> tuple[str, str]:
    return (person.last_name.casefold(), person.first_name.casefold())


NEW_PEOPLE_COLUMNS: tuple[Column[PlannedPerson], ...] = (
    Column("Rows", lambda p: rows_text(p.rows), _first_row, numeric=True),
    Column("Name", lambda p: p.full_name, _name_key),
    Column("Email", lambda p: p.email or ""),
    Column("Roles", roles_text, tooltip=roles_text),
)

UPDATED_PEOPLE_COLUMNS: tuple[Column[PlannedPerson], ...] = (
    Column("Rows", lambda p: rows_text(p.rows), _first_row, numeric=True),
    Column("Name", lambda p: p.full_name, _name_key),
    Column("Found by", lambda p: p.matched_by or ""),
    Column("Changes", changes_text, tooltip=changes_text),
)

MOVED_COLUMNS: tuple[Column[EndedRole], ...] = (
    Column("Person", lambda e: e.person_name),
    Column("Role", lambda e: e.role.label),
    Column("From", lambda e: e.setting_name),
    Column("To", moved_to),
    Column("Old role ends", lambda e: day_text(e.ends_on), lambda e: e.ends_on),
)

ENDED_COLUMNS: tuple[Column[EndedRole], ...] = (
    Column("Person", lambda e: e.person_name),
    Column("Role", lambda e: e.role.label),
    Column("Setting", lambda e: e.setting_name),
    Column("Ends", lambda e: day_text(e.ends_on), lambda e: e.ends_on),
    Column("Why", lambda e: e.reason),
)

DUPLICATE_COLUMNS: tuple[Column[DuplicateSuggestion], ...] = (
    Column("Rows", lambda s: rows_text(s.rows), lambda s: s.rows, numeric=True),
    Column("Name in the list", lambda s: s.name),
    Column(
        "May be the same as",
        lambda s: s.other_name + (f" (rows {rows_text(s.other_rows)})" if s.other_rows else " (stored)"),
    ),
    Column("Where", lambda s: s.setting_name),
    Column("Similarity", lambda s: f"{s.score}%", lambda s: s.score, numeric=True),
)
