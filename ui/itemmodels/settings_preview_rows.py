"""The tables of a GIAS import preview: new settings, changes field by field, closures, successors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from briefings.importing.settings_plan import SettingChange
from briefings.importing.successors import SuccessorLink
from briefings.vocabulary import Phase, SettingStatus
from ui.display_text import day_text
from ui.itemmodels.row_table import Column

FIELD_LABELS = {
    "name": "Name",
    "phase": "Phase",
    "establishment_type": "Type",
    "la_code": "LA code",
    "la_name": "Local authority",
    "district": "District",
    "address": "Address",
    "postcode": "Postcode",
    "status": "Status",
    "closed_on": "Closed on",
    "laestab": "LAESTAB",
}


@dataclass(frozen=True)
class ChangedField:
    """One value a setting's import changes: what is stored now and what the file says."""

    urn: int
    name: str
    row: int
    field: str
    before: str
    after: str


def changed_fields(changes: Iterable[SettingChange]) -> list[ChangedField]:
    """Every change of every setting, one line per field."""
    return [
        ChangedField(c.urn, c.name, c.row, FIELD_LABELS.get(f.field, f.field), f.before, f.after)
        for c in changes
        for f in c.changes
    ]


def _value(change: SettingChange, field: str) -> str:
    value = change.values.get(field)
    if isinstance(value, Phase):
        return value.label
    if isinstance(value, SettingStatus):
        return value.value.capitalize()
    if isinstance(value, date):
        return day_text(value)
    return "" if value is None else str(value)


URN_COLUMN: Column[SettingChange] = Column("URN", lambda c: str(c.urn), lambda c: c.urn, numeric=True)
ROW_COLUMN: Column[SettingChange] = Column("Row", lambda c: str(c.row), lambda c: c.row, numeric=True)
NAME_COLUMN: Column[SettingChange] = Column("Setting", lambda c: c.name, tooltip=lambda c: c.name)

NEW_COLUMNS: tuple[Column[SettingChange], ...] = (
    ROW_COLUMN,
    URN_COLUMN,
    NAME_COLUMN,
    Column("Phase", lambda c: _value(c, "phase")),
    Column("Type", lambda c: _value(c, "establishment_type")),
    Column("District", lambda c: _value(c, "district")),
    Column("Postcode", lambda c: _value(c, "postcode")),
    Column("Status", lambda c: _value(c, "status")),
)

CLOSED_COLUMNS: tuple[Column[SettingChange], ...] = (
    ROW_COLUMN,
    URN_COLUMN,
    NAME_COLUMN,
    Column("Closes on", lambda c: _value(c, "closed_on"), lambda c: c.values.get("closed_on") or date.min),
    Column("Other changes", lambda c: "; ".join(FIELD_LABELS.get(f.field, f.field) for f in c.changes)),
)

CHANGED_COLUMNS: tuple[Column[ChangedField], ...] = (
    Column("Row", lambda c: str(c.row), lambda c: c.row, numeric=True),
    Column("URN", lambda c: str(c.urn), lambda c: (c.urn, c.field), numeric=True),
    Column("Setting", lambda c: c.name, tooltip=lambda c: c.name),
    Column("Field", lambda c: c.field),
    Column("Stored now", lambda c: c.before or "—", tooltip=lambda c: c.before or None),
    Column("In the file", lambda c: c.after or "—", tooltip=lambda c: c.after or None),
)

SUCCESSOR_COLUMNS: tuple[Column[SuccessorLink], ...] = (
    Column("Closed URN", lambda s: str(s.old_urn), lambda s: s.old_urn, numeric=True),
    Column("Closed setting", lambda s: s.old_name),
    Column("Carries on as URN", lambda s: str(s.new_urn), lambda s: s.new_urn, numeric=True),
    Column("Carries on as", lambda s: s.new_name),
    Column("Why", lambda s: s.reason),
)
