"""Undoable edits to licences: correct a pool, return or revoke seats."""

from __future__ import annotations

from functools import partial

from briefings.licensing import PoolFields
from briefings.queries.licences import AllocationRow
from briefings.services import Services
from briefings.vocabulary import AllocationStatus
from ui.commands.service_command import Report, ServiceCommand, overwrite
from ui.itemmodels.allocation_rows import holder_text


def edit_pool(
    services: Services, pool_id: int, before: PoolFields, after: PoolFields, report: Report
) -> ServiceCommand:
    """Undo puts the pool's previous details back."""
    return overwrite(
        f"Edit {after.product}", partial(services.licences.update_pool, pool_id), before, after, report
    )


def end_allocation(
    services: Services, ended: AllocationRow, reason: str | None, report: Report
) -> ServiceCommand:
    """Undo makes the allocation active again (if the seats are still free); redo ends it again."""
    if ended.ended_on is None:
        raise ValueError("end_allocation needs the returned or revoked allocation")
    on = ended.ended_on
    returned = ended.status is AllocationStatus.RETURNED

    def end_again() -> AllocationRow:
        if returned:
            return services.licences.return_seats(ended.id, on)
        return services.licences.revoke(ended.id, reason, on)

    seats = f"{ended.seats:,} seat{'s' if ended.seats != 1 else ''}"
    verb = "Return" if returned else "Revoke"
    return ServiceCommand(
        f"{verb} {seats} from {holder_text(ended)}",
        undo=lambda: services.licences.reactivate(ended.id),
        redo=end_again,
        report=report,
    )
