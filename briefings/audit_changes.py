"""Describing one row's change for the audit log, without personal values or secrets.

The log names people by id ("person 12") and, for personal or secret columns, records only
that they changed. Erasing a person therefore leaves nothing personal behind in the log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy.orm.state import InstanceState

ADDED = "added"
CHANGED = "changed"
REMOVED = "removed"

# What the advisor calls each table, singular and plural.
ENTITY_NAMES: Mapping[str, tuple[str, str]] = {
    "people": ("person", "people"),
    "memberships": ("role", "roles"),
    "organisations": ("organisation", "organisations"),
    "settings": ("setting", "settings"),
    "venues": ("venue", "venues"),
    "topics": ("topic", "topics"),
    "series": ("series", "series"),
    "briefings": ("briefing", "briefings"),
    "briefing_resources": ("resource link", "resource links"),
    "briefing_facilitators": ("presenter", "presenters"),
    "registrations": ("booking", "bookings"),
    "licence_pools": ("licence pool", "licence pools"),
    "licence_allocations": ("licence allocation", "licence allocations"),
    "recordings": ("recording", "recordings"),
    "recording_accesses": ("recording link given", "recording links given"),
    "invites_sent": ("invitation sent", "invitations sent"),
    "certificates": ("certificate", "certificates"),
    "preferences": ("preference", "preferences"),
    "audit_events": ("audit entry", "audit entries"),
    "database": ("database", "databases"),
}

# Values never copied into the log: personal details, and secrets (passcodes).
PRIVATE_COLUMNS: Mapping[str, frozenset[str]] = {
    "people": frozenset({"title", "first_name", "last_name", "email", "phone", "notes"}),
    "memberships": frozenset({"job_title"}),
    "registrations": frozenset({"notes"}),
    "recording_accesses": frozenset({"note"}),
    "invites_sent": frozenset({"recipient"}),
    "certificates": frozenset({"person_name"}),
    "licence_allocations": frozenset({"notes"}),
    "briefings": frozenset({"join_passcode"}),
    "recordings": frozenset({"passcode"}),
    "preferences": frozenset({"value"}),
}
_LABEL_COLUMNS = ("title", "name", "number", "code", "key")


def entity_name(table: str, count: int = 1) -> str:
    """What the advisor calls rows of ``table``: "booking", or "bookings" for more than one."""
    singular, plural = ENTITY_NAMES.get(table, (table, table))
    return singular if count == 1 else plural


def counted_summary(action: str, table: str, count: int) -> str:
    """The summary of many rows at once: "Added 3,000 bookings"."""
    return f"{action.capitalize()} {count:,} {entity_name(table, count)}"


@dataclass(frozen=True)
class RowChange:
    """One row added, changed or removed, as the log describes it."""

    action: str
    table: str
    key: object
    name: str
    refs: dict[str, Any]
    changes: dict[str, Any]

    @property
    def entity_id(self) -> int | None:
        """The row's id when it is a whole number (preferences are keyed by name)."""
        return self.key if isinstance(self.key, int) and not isinstance(self.key, bool) else None

    def then(self, later: RowChange) -> RowChange | None:
        """This change followed by ``later`` to the same row (None: the row came and went)."""
        if later.action == REMOVED:
            return None if self.action == ADDED else later
        changes = dict(self.changes)
        for column, value in later.changes.items():
            first = changes.get(column)
            both = isinstance(first, list) and isinstance(value, list)
            changes[column] = [first[0], value[1]] if both else value  # type: ignore[index]
        return RowChange(self.action, self.table, self.key, later.name, later.refs, changes)

    def sentence(self) -> str:
        """The readable summary: "Changed booking 4 (briefing 2, person 7): attendance"."""
        text = f"{self.action.capitalize()} {self.name}"
        if self.refs:
            links = ", ".join(f"{k.removesuffix('_id').replace('_', ' ')} {v}" for k, v in self.refs.items())
            text += f" ({links})"
        if self.action == CHANGED and self.changes:
            text += ": " + ", ".join(k.replace("_", " ") for k in self.changes)
        return text

    def details(self) -> dict[str, Any] | None:
        """References by id and, for a change, what changed (private values left out)."""
        details: dict[str, Any] = dict(self.refs)
        if self.action == CHANGED and self.changes:
            details["changes"] = self.changes
        return details or None


def describe(state: InstanceState[Any], table: str, action: str) -> RowChange | None:
    """The change to one row being flushed (None: an update that changed nothing)."""
    private = PRIVATE_COLUMNS.get(table, frozenset())
    changes: dict[str, Any] = {}
    if action == CHANGED:
        for attr in state.mapper.column_attrs:
            history = state.attrs[attr.key].history
            if history.has_changes():
                old = history.deleted[0] if history.deleted else None
                new = history.added[0] if history.added else None
                changes[attr.key] = "changed" if attr.key in private else [_plain(old), _plain(new)]
        for rel in state.mapper.relationships:
            if rel.secondary is not None and state.attrs[rel.key].history.has_changes():
                changes[rel.key] = "changed"
        if not changes:
            return None
    # New rows have their primary key by now but not yet an identity key.
    identity = state.mapper.primary_key_from_instance(state.obj())
    key = identity[0] if len(identity) == 1 else None
    name = entity_name(table) + (f" {key}" if key is not None else "")
    label = next(
        (state.attrs[c].value for c in _LABEL_COLUMNS if c in state.mapper.column_attrs and c not in private),
        None,
    )
    if label is not None and str(label) != str(key):
        name += f" “{label}”"
    return RowChange(action, table, key, name, _references(state, private), changes)


def _references(state: InstanceState[Any], private: frozenset[str]) -> dict[str, Any]:
    refs: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key.endswith("_id") and key not in private:
            value = state.attrs[key].value
            if value is not None:
                refs[key] = value
    return refs


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)
