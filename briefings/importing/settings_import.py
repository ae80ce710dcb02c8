"""Importing settings from a GIAS extract: preview what would change, then apply it in one go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from briefings.errors import ConflictError
from briefings.importing.gias import GiasExtract, read_gias
from briefings.importing.problems import Problem, Severity
from briefings.importing.settings_plan import SettingChange, SettingsPlan, plan_settings
from briefings.importing.successors import SuccessorLink
from models.people import Membership
from models.settings import Setting

SETTINGS_TABLE = Setting.metadata.tables["settings"]


@dataclass(frozen=True)
class SettingsPreview:
    """What importing an extract would do, for the advisor to read before anything is written."""

    file_name: str
    description: str
    extract: GiasExtract
    plan: SettingsPlan
    staff_to_carry: int

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Everything found wrong or worth knowing, in file order."""
        return self.extract.problems

    @property
    def rejected(self) -> tuple[Problem, ...]:
        """The rows left out, each with its reason."""
        return tuple(p for p in self.extract.problems if p.severity is Severity.ERROR and p.row is not None)

    @property
    def counts(self) -> dict[str, int]:
        """How many settings are new, changed, closed, unchanged, and how many rows were rejected."""
        plan = self.plan
        return {
            "new": len(plan.new),
            "changed": len(plan.changed),
            "closed": len(plan.closed),
            "unchanged": plan.unchanged,
            "rejected": len({p.row for p in self.rejected}),
            "other_authorities": plan.other_authorities,
            "links": len(plan.links),
            "staff_to_carry": self.staff_to_carry,
        }

    @property
    def has_changes(self) -> bool:
        """Whether applying would write anything."""
        plan = self.plan
        return bool(plan.new or plan.changed or plan.closed or plan.links)


@dataclass(frozen=True)
class SettingsImportResult:
    """What an applied import wrote."""

    added: int
    changed: int
    closed: int
    linked: int
    staff_carried: int


def preview_settings(session: Session, data: bytes, file_name: str, la_code: str | None) -> SettingsPreview:
    """Read an extract and work out what importing it would change; writes nothing."""
    extract = read_gias(data, file_name)
    plan = plan_settings(session, extract, la_code)
    return SettingsPreview(
        file_name=file_name,
        description=extract.description,
        extract=extract,
        plan=plan,
        staff_to_carry=len(_staff_to_carry(session, plan.links)),
    )


def apply_settings(session: Session, preview: SettingsPreview, today: date) -> SettingsImportResult:
    """Write a previewed import; refuses if the stored settings changed since the preview.

    Args:
        session: The transaction to write in.
        preview: What the advisor saw.
        today: The date in England, for staff carried over when a closure has no date.
    """
    plan = plan_settings(session, preview.extract, preview.plan.la_code)
    if plan.fingerprint != preview.plan.fingerprint:
        raise ConflictError("The settings changed since this preview; preview the file again", "file")
    if plan.new:
        # A Core insert (nothing needs the new ids): applying 50,000 new settings, 2.8 s became 2.1 s.
        session.execute(insert(SETTINGS_TABLE), [dict(c.values) for c in plan.new])
    updates = [_update_values(c) for c in (*plan.changed, *plan.closed)]
    if updates:
        session.execute(update(Setting), updates)
    # Bulk statements bypass the identity map; reload before reading settings as objects.
    session.expire_all()
    carried = _link_and_carry(session, plan.links, today)
    session.flush()
    return SettingsImportResult(
        added=len(plan.new),
        changed=len(plan.changed),
        closed=len(plan.closed),
        linked=len(plan.links),
        staff_carried=carried,
    )


def _update_values(change: SettingChange) -> dict[str, object]:
    values: dict[str, object] = {"id": change.setting_id}
    for field_change in change.changes:
        values[field_change.field] = change.values[field_change.field]
    return values


def _ids_by_urn(session: Session, urns: set[int]) -> dict[int, Setting]:
    if not urns:
        return {}
    found = session.scalars(select(Setting).where(Setting.urn.in_(urns)))
    return {s.urn: s for s in found if s.urn is not None}


def _staff_to_carry(
    session: Session, links: tuple[SuccessorLink, ...]
) -> list[tuple[Membership, SuccessorLink]]:
    """Current roles at converted schools, each with the link to the academy they carry on at."""
    conversions = {link.old_urn: link for link in links if link.carries_staff}
    settings = _ids_by_urn(session, set(conversions))
    link_of = {setting.id: (setting, conversions[urn]) for urn, setting in settings.items()}
    if not link_of:
        return []
    carry: list[tuple[Membership, SuccessorLink]] = []
    for membership in session.scalars(select(Membership).where(Membership.setting_id.in_(link_of))):
        old, link = link_of[membership.setting_id or 0]
        ends = old.closed_on
        if membership.ends_on is None or (ends is not None and membership.ends_on > ends):
            carry.append((membership, link))
    return carry


def _link_and_carry(session: Session, links: tuple[SuccessorLink, ...], today: date) -> int:
    """Store the successor links; staff of converted schools carry on at the academy."""
    carry = _staff_to_carry(session, links)
    settings = _ids_by_urn(session, {link.old_urn for link in links} | {link.new_urn for link in links})
    if links:
        session.execute(
            update(Setting),
            [{"id": settings[link.old_urn].id, "successor_id": settings[link.new_urn].id} for link in links],
        )
    for membership, link in carry:
        old, new = settings[link.old_urn], settings[link.new_urn]
        last_day = old.closed_on or today - timedelta(days=1)
        if membership.starts_on is not None and membership.starts_on > last_day:
            last_day = membership.starts_on
        membership.ends_on = last_day
        session.add(
            Membership(
                person_id=membership.person_id,
                setting_id=new.id,
                role=membership.role,
                job_title=membership.job_title,
                starts_on=last_day + timedelta(days=1),
            )
        )
    return len(carry)
