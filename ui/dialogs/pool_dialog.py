"""Record a licence pool bought from a provider, or correct one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from briefings.licensing import MAX_SEATS, PoolFields
from briefings.queries.licences import PoolRow
from briefings.services import Services
from ui.dialogs.form_dialog import FormDialog
from ui.widgets.day_edit import DayEdit


def pool_fields(pool: PoolRow) -> PoolFields:
    """A pool's fields as they stand (for an edit's undo)."""
    return PoolFields(
        provider=pool.provider,
        product=pool.product,
        seats=pool.seats,
        valid_from=pool.valid_from,
        valid_until=pool.valid_until,
        unit=pool.unit,
        reference=pool.reference,
        notes=pool.notes,
    )


class PoolDialog(FormDialog):
    """Provider, product, seats and validity; ``saved`` carries the stored pool."""

    def __init__(
        self, services: Services, pool: PoolRow | None, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            f"Edit {pool.product}" if pool else "New licence pool",
            parent,
            save_label="Save" if pool else "Add pool",
        )
        self._services = services
        self.pool = pool
        self.provider_edit = QLineEdit(pool.provider if pool else "")
        self.provider_edit.setPlaceholderText("NSPCC, Educare, National College…")
        self.product_edit = QLineEdit(pool.product if pool else "")
        self.unit_edit = QLineEdit(pool.unit if pool else "learner")
        self.seats_spin = QSpinBox()
        self.seats_spin.setRange(1, MAX_SEATS)
        self.seats_spin.setGroupSeparatorShown(True)
        self.seats_spin.setValue(pool.seats if pool else 100)
        self.valid_from_edit = DayEdit(pool.valid_from if pool else today)
        self.valid_until_edit = DayEdit(pool.valid_until if pool else date(today.year + 1, today.month, 1))
        self.reference_edit = QLineEdit(pool.reference or "" if pool else "")
        self.reference_edit.setPlaceholderText("Order or invoice number")
        self.notes_edit = QPlainTextEdit(pool.notes or "" if pool else "")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 4)
        self.add_field("provider", "&Provider", self.provider_edit)
        self.add_field("product", "Pro&duct", self.product_edit)
        self.add_field("seats", "&Seats", self.seats_spin)
        self.add_field("unit", "Seat &unit", self.unit_edit)
        self.add_field("valid_from", "Valid &from", self.valid_from_edit)
        self.add_field("valid_until", "Valid &until", self.valid_until_edit)
        self.add_field("reference", "&Reference", self.reference_edit)
        self.add_field("notes", "N&otes", self.notes_edit)

    def fields(self) -> PoolFields:
        """What the form says."""
        return PoolFields(
            provider=self.provider_edit.text(),
            product=self.product_edit.text(),
            seats=self.seats_spin.value(),
            valid_from=self.valid_from_edit.day,
            valid_until=self.valid_until_edit.day,
            unit=self.unit_edit.text(),
            reference=self.reference_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def save(self) -> PoolRow:
        """Add the pool, or store the corrections."""
        if self.pool is None:
            return self._services.licences.create_pool(self.fields())
        return self._services.licences.update_pool(self.pool.id, self.fields())
