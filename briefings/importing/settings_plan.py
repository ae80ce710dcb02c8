"""What a GIAS extract would change: new, changed, closed and unchanged settings, and successor links.

Planning only reads. The plan is a pure function of the extract and what is stored, so
:func:`apply_settings` can plan again inside its transaction and refuse if anything moved.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from briefings.importing.gias import GiasExtract, GiasRecord
from briefings.importing.problems import Problem, Severity
from briefings.importing.successors import SuccessorLink, find_successors
from models.enums import Phase, SettingStatus
from models.settings import Setting

# The columns an extract sets; a blank in the file never erases what is stored.
SYNCED = (
    "name",
    "phase",
    "establishment_type",
    "la_code",
    "la_name",
    "district",
    "address",
    "postcode",
    "status",
    "closed_on",
    "laestab",
)
ALL_AUTHORITIES = "all"


class ChangeKind(StrEnum):
    """What an extract row does to the stored settings."""

    NEW = "new"
    CHANGED = "changed"
    CLOSED = "closed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class FieldChange:
    """One value that differs between the database and the file."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class SettingChange:
    """One setting the import adds or changes (``setting_id`` is None for a new one)."""

    kind: ChangeKind
    urn: int
    name: str
    row: int
    setting_id: int | None
    changes: tuple[FieldChange, ...] = ()
    values: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class SettingsPlan:
    """Everything an extract would change, worked out against what is stored."""

    la_code: str | None
    new: tuple[SettingChange, ...]
    changed: tuple[SettingChange, ...]
    closed: tuple[SettingChange, ...]
    unchanged: int
    links: tuple[SuccessorLink, ...]
    other_authorities: int
    not_in_file: int

    @property
    def fingerprint(self) -> str:
        """A digest of every change, so an apply can tell whether the database moved since the preview."""
        digest = hashlib.sha256()
        for change in (*self.new, *self.changed, *self.closed):
            digest.update(repr((change.kind, change.urn, change.setting_id, change.changes)).encode())
        for link in self.links:
            digest.update(repr(link).encode())
        digest.update(repr((self.la_code, self.unchanged)).encode())
        return digest.hexdigest()


def choose_records(extract: GiasExtract, la_code: str | None) -> tuple[list[GiasRecord], int]:
    """The records of one local authority (or all when ``la_code`` is None), and how many were left out."""
    if la_code is None:
        return list(extract.records), 0
    kept = [r for r in extract.records if r.la_code == la_code]
    return kept, len(extract.records) - len(kept)


def plan_settings(session: Session, extract: GiasExtract, la_code: str | None) -> SettingsPlan:
    """Compare the extract's records with the stored settings, by URN."""
    records, other = choose_records(extract, la_code)
    columns = [getattr(Setting, name) for name in ("id", "urn", "successor_id", *SYNCED)]
    # Plain rows, not ORM objects: an all-England extract compares 50,000 settings.
    stored = {s.urn: s for s in session.execute(select(*columns).where(Setting.urn.is_not(None)))}
    new: list[SettingChange] = []
    changed: list[SettingChange] = []
    closed: list[SettingChange] = []
    unchanged = 0
    for record in records:
        values = record_values(record)
        setting = stored.get(record.urn)
        if setting is None:
            new.append(SettingChange(ChangeKind.NEW, record.urn, record.name, record.row, None, (), values))
            continue
        differences = _differences(setting, values)
        if not differences:
            unchanged += 1
            continue
        kind = (
            ChangeKind.CLOSED
            if values["status"] is SettingStatus.CLOSED and setting.status is not SettingStatus.CLOSED
            else ChangeKind.CHANGED
        )
        target = closed if kind is ChangeKind.CLOSED else changed
        target.append(
            SettingChange(kind, record.urn, record.name, record.row, setting.id, differences, values)
        )
    in_file = {r.urn for r in records}
    links = find_successors(records, {urn: s.successor_id for urn, s in stored.items()}, _ids_to_urns(stored))
    return SettingsPlan(
        la_code=la_code,
        new=tuple(new),
        changed=tuple(changed),
        closed=tuple(closed),
        unchanged=unchanged,
        links=tuple(links),
        other_authorities=other,
        not_in_file=sum(1 for urn in stored if urn not in in_file),
    )


def record_values(record: GiasRecord) -> dict[str, Any]:
    """The stored columns a record sets (blanks as None)."""
    return {
        "urn": record.urn,
        "name": record.name,
        "phase": record.phase,
        "establishment_type": record.establishment_type,
        "la_code": record.la_code,
        "la_name": record.la_name,
        "district": record.district,
        "address": record.address,
        "postcode": record.postcode,
        "status": record.status,
        "closed_on": record.closed_on if record.status is SettingStatus.CLOSED else None,
        "laestab": record.laestab,
    }


def _differences(setting: Row[Any], values: dict[str, Any]) -> tuple[FieldChange, ...]:
    found = []
    for name in SYNCED:
        after = values[name]
        before = getattr(setting, name)
        if after is None and name != "closed_on":
            continue
        if name == "closed_on" and values["status"] is not SettingStatus.CLOSED:
            after = None
        if before != after:
            found.append(FieldChange(name, _shown(before), _shown(after)))
    return tuple(found)


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Phase | SettingStatus):
        return value.label if isinstance(value, Phase) else value.value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _ids_to_urns(stored: dict[int, Row[Any]]) -> dict[int, int]:
    return {s.id: urn for urn, s in stored.items() if urn is not None}


def rejected_rows(problems: Iterable[Problem]) -> list[Problem]:
    """The errors that left a row out."""
    return [p for p in problems if p.severity is Severity.ERROR and p.row is not None]
