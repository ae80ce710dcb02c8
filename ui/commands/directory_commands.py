"""Undoable edits to the directory: edit a setting or person, end a role, move a person."""

from __future__ import annotations

from functools import partial

from briefings.directory import PersonFields, SettingFields
from briefings.queries.directory import MembershipRow
from briefings.services import Services
from briefings.services.directory_service import MoveOutcome
from ui.commands.service_command import Report, ServiceCommand, overwrite


def edit_setting(
    services: Services, setting_id: int, before: SettingFields, after: SettingFields, report: Report
) -> ServiceCommand:
    """Undo puts the setting's previous details back."""
    return overwrite(
        f"Edit {after.name}", partial(services.directory.update_setting, setting_id), before, after, report
    )


def edit_person(
    services: Services, person_id: int, before: PersonFields, after: PersonFields, report: Report
) -> ServiceCommand:
    """Undo puts the person's previous details back."""
    text = f"Edit {after.first_name} {after.last_name}"
    return overwrite(text, partial(services.directory.update_person, person_id), before, after, report)


def end_role(services: Services, ended: MembershipRow, report: Report) -> ServiceCommand:
    """Undo takes the end back; redo ends the role on the same day again."""
    if ended.ends_on is None:
        raise ValueError("end_role needs the ended role, with its last day")
    last_day = ended.ends_on
    return ServiceCommand(
        f"End {ended.person_name}'s role as {ended.role.label} at {ended.place}",
        undo=lambda: services.directory.reopen_membership(ended.id),
        redo=lambda: services.directory.end_membership(ended.id, last_day),
        report=report,
    )


class MovePersonCommand(ServiceCommand):
    """Undo puts the person back; redo moves them again (remembering the new role it makes)."""

    def __init__(self, services: Services, outcome: MoveOutcome, report: Report) -> None:
        self._services = services
        self._outcome = outcome
        new_role = next(m for m in outcome.person.roles if m.id == outcome.new_membership_id)
        self._setting_id = new_role.setting_id
        self._role = new_role.role
        self._on = new_role.starts_on
        super().__init__(
            f"Move {outcome.person.full_name} to {new_role.place}",
            undo=lambda: self._services.directory.undo_move(self._outcome),
            redo=self._move_again,
            report=report,
        )

    def _move_again(self) -> None:
        if self._on is None or self._setting_id is None:
            raise ValueError("a move always starts its new role at a setting on a day")
        self._outcome = self._services.directory.move(
            self._outcome.person.id, self._setting_id, self._role, self._on
        )
