"""What the UI may ask about licence pools and allocations."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from briefings import licensing
from briefings.clock import london_today
from briefings.licensing import PoolFields
from briefings.queries import licences as queries
from briefings.queries.licences import AllocationRow, PoolRow, UnallocatedSetting
from briefings.services.base import Service


class LicenceService(Service):
    """Pools, allocations, returns and revocations. One transaction per call; returns rows."""

    def today(self) -> date:
        """Today in England (allocation dates are days, not instants)."""
        return london_today(self.now())

    def pools(self) -> list[PoolRow]:
        """Every pool with seats used."""
        with self._read() as session:
            return queries.list_pools(session)

    def pool(self, pool_id: int) -> PoolRow:
        """One pool."""
        with self._read() as session:
            return queries.pool_row(session, pool_id)

    def running_out(self, *, within_days: int = 60, seats_below: int = 5) -> list[PoolRow]:
        """Valid pools expiring soon or nearly used up."""
        with self._read() as session:
            return queries.pools_running_out(
                session, self.today(), within_days=within_days, seats_below=seats_below
            )

    def create_pool(self, fields: PoolFields) -> PoolRow:
        """Record a purchase of seats."""
        with self._write() as session:
            return queries.pool_row(session, licensing.create_pool(session, fields).id)

    def update_pool(self, pool_id: int, fields: PoolFields) -> PoolRow:
        """Correct a pool."""
        with self._write() as session:
            licensing.update_pool(session, pool_id, fields)
            return queries.pool_row(session, pool_id)

    def allocations(
        self, *, pool_id: int | None = None, setting_id: int | None = None, person_id: int | None = None
    ) -> list[AllocationRow]:
        """Allocations, narrowed as asked."""
        with self._read() as session:
            return queries.allocations(session, pool_id=pool_id, setting_id=setting_id, person_id=person_id)

    def allocate(
        self,
        pool_id: int,
        seats: int,
        *,
        setting_id: int | None = None,
        person_id: int | None = None,
        on: date | None = None,
        expires_on: date | None = None,
        notes: str | None = None,
    ) -> AllocationRow:
        """Give seats (refused past what is left or after the pool expires)."""
        with self._write() as session:
            allocation = licensing.allocate_licence(
                session,
                pool_id,
                seats,
                on or self.today(),
                setting_id=setting_id,
                person_id=person_id,
                expires_on=expires_on,
                notes=notes,
            )
            return self._row(session, allocation.id)

    def return_seats(self, allocation_id: int, on: date | None = None) -> AllocationRow:
        """Seats come back from a setting."""
        with self._write() as session:
            allocation = licensing.return_allocation(session, allocation_id, on or self.today())
            return self._row(session, allocation.id)

    def revoke(self, allocation_id: int, reason: str | None = None, on: date | None = None) -> AllocationRow:
        """The council takes seats back."""
        with self._write() as session:
            allocation = licensing.revoke_allocation(session, allocation_id, on or self.today(), reason)
            return self._row(session, allocation.id)

    def reactivate(self, allocation_id: int) -> AllocationRow:
        """Undo a return or revocation."""
        with self._write() as session:
            allocation = licensing.reactivate_allocation(session, allocation_id)
            return self._row(session, allocation.id)

    def settings_without(self, pool_id: int) -> list[UnallocatedSetting]:
        """Open settings with no seats from this pool."""
        with self._read() as session:
            return queries.settings_without_allocation(session, pool_id)

    @staticmethod
    def _row(session: Session, allocation_id: int) -> AllocationRow:
        return queries.allocations(session, allocation_id=allocation_id)[0]
