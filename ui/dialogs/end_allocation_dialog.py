"""Seats come back to the pool: returned by the setting, or revoked by the council."""

from __future__ import annotations

from datetime import date
from typing import Literal

from PySide6.QtWidgets import QLineEdit, QWidget

from briefings.queries.licences import AllocationRow
from briefings.services import Services
from ui.dialogs.form_dialog import FormDialog
from ui.itemmodels.allocation_rows import holder_text
from ui.widgets.day_edit import DayEdit

Ending = Literal["return", "revoke"]


class EndAllocationDialog(FormDialog):
    """The day the seats came back (and, for a revocation, why); ``saved`` carries the allocation."""

    def __init__(
        self,
        services: Services,
        allocation: AllocationRow,
        ending: Ending,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        verb = "Return" if ending == "return" else "Revoke"
        seats = f"{allocation.seats:,} seat{'s' if allocation.seats != 1 else ''}"
        super().__init__(f"{verb} {seats}", parent, save_label=verb)
        self._services = services
        self.allocation = allocation
        self.ending = ending
        self.add_note(
            f"{seats} held by {holder_text(allocation)} go back to {allocation.product}."
            if ending == "return"
            else f"The council takes back {seats} from {holder_text(allocation)}; they go back to the pool."
        )
        self.ended_on_edit = DayEdit(today)
        self.add_field("ended_on", "&On", self.ended_on_edit, also=("allocation_id",))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("Unused, given in error, left the setting…")
        if ending == "revoke":
            self.add_field("reason", "&Reason", self.reason_edit)
        else:
            self.reason_edit.setParent(self)
            self.reason_edit.hide()

    def save(self) -> AllocationRow:
        """Return or revoke the seats."""
        licences = self._services.licences
        if self.ending == "return":
            return licences.return_seats(self.allocation.id, self.ended_on_edit.day)
        return licences.revoke(self.allocation.id, self.reason_edit.text(), self.ended_on_edit.day)
