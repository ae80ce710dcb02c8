"""End one of a person's roles on a day (the person and their history stay)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from briefings.queries.directory import MembershipRow
from briefings.services import Services
from ui.dialogs.form_dialog import FormDialog
from ui.widgets.day_edit import DayEdit


class EndRoleDialog(FormDialog):
    """The last day of a role; ``saved`` carries the ended role."""

    def __init__(
        self, services: Services, membership: MembershipRow, today: date, parent: QWidget | None = None
    ) -> None:
        title = f"End {membership.person_name}'s role"
        super().__init__(title, parent, save_label="End role")
        self._services = services
        self.membership = membership
        self.add_note(f"{membership.person_name}: {membership.role.label} at {membership.place}.")
        self.ends_on_edit = DayEdit(today)
        self.add_field("ends_on", "&Last day", self.ends_on_edit, also=("membership_id",))

    def save(self) -> MembershipRow:
        """End the role."""
        return self._services.directory.end_membership(self.membership.id, self.ends_on_edit.day)
