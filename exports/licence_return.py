"""``xlsx-licences``: licence pools, who holds seats from them, seats used and left, expiries."""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from briefings.queries.licences import AllocationRow, PoolRow
from briefings.queries.returns import LicenceReturn
from briefings.vocabulary import AllocationStatus
from exports.base import ExportError
from exports.document_context import Provenance, provenance
from exports.phrasing import plain_date
from exports.registry import ExportScope, ExportSpec, register
from exports.tabular import Column, FrontSheet, Sheet, TabularExporter

if TYPE_CHECKING:
    from briefings.services import Services

POOL_COLUMNS = (
    Column("Provider"),
    Column("Product"),
    Column("Reference"),
    Column("Unit"),
    Column("Seats", "integer"),
    Column("Used", "integer"),
    Column("Left", "integer"),
    Column("Valid from", "date"),
    Column("Valid until", "date"),
    Column("Days left", "integer"),
    Column("State"),
    Column("Active allocations", "integer"),
    Column("Notes"),
)
ALLOCATION_COLUMNS = (
    Column("Product"),
    Column("Setting"),
    Column("URN", "integer"),
    Column("Person"),
    Column("Seats", "integer"),
    Column("Allocated on", "date"),
    Column("Expires on", "date"),
    Column("Status"),
    Column("Ended on", "date"),
    Column("Notes"),
)
SETTING_COLUMNS = (
    Column("Setting"),
    Column("URN", "integer"),
    Column("Seats held", "integer"),
    Column("Products"),
    Column("Next expiry", "date"),
)


class LicenceReturnExporter(TabularExporter):
    """Pools, allocations and the seats each setting holds."""

    identifier = "xlsx-licences"
    verbose_name = "Licence distribution (.xlsx)"

    def __init__(self, data: LicenceReturn, made: Provenance) -> None:
        self._data = data
        self._made = made

    def filename(self) -> str:
        """``Licences 2025-10-01.xlsx``."""
        return f"Licences {self._data.today:%Y-%m-%d}.xlsx"

    def front(self) -> FrontSheet:
        """Seat totals across pools still valid."""
        today = self._data.today
        valid = [p for p in self._data.pools if not p.expired(today)]
        return FrontSheet(
            title="Licence distribution",
            holds="Licensed training bought from providers: each pool's seats used and left, every "
            "allocation to a setting or person, and the seats each setting holds now.",
            period=f"As on {plain_date(today)}",
            provenance=self._made,
            facts=(
                ("Pools", len(self._data.pools)),
                ("Seats in valid pools", sum(p.seats for p in valid)),
                ("Seats left in valid pools", sum(p.left for p in valid)),
            ),
        )

    def sheets(self) -> Sequence[Sheet]:
        """Pools, allocations, settings."""
        if not self._data.pools:
            raise ExportError("No licence pools are recorded, so there is no licence return to write")
        held = _held_by_setting(self._data.allocations, self._data.today)
        return [
            Sheet(
                title="Pools",
                table="Pools",
                description="Each pool of seats with how many are used (active allocations) and left.",
                columns=POOL_COLUMNS,
                rows=(_pool_row(p, self._data.today) for p in self._data.pools),
                size=len(self._data.pools),
                frozen_columns=2,
            ),
            Sheet(
                title="Allocations",
                table="Allocations",
                description="Every allocation, newest first, including returned and revoked ones.",
                columns=ALLOCATION_COLUMNS,
                rows=(_allocation_row(a, self._data.today) for a in self._data.allocations),
                size=len(self._data.allocations),
                frozen_columns=2,
            ),
            Sheet(
                title="Settings",
                table="Settings",
                description="Seats each setting holds now (active and unexpired), across pools.",
                columns=SETTING_COLUMNS,
                rows=iter(held),
                size=len(held),
                frozen_columns=1,
            ),
        ]


def _pool_row(p: PoolRow, today: date) -> Sequence[object]:
    if p.expired(today):
        state = "Expired"
    elif today < p.valid_from:
        state = "Not yet valid"
    else:
        state = "Valid"
    return (
        p.provider,
        p.product,
        p.reference,
        p.unit,
        p.seats,
        p.used,
        p.left,
        p.valid_from,
        p.valid_until,
        max(p.days_left(today), 0),
        state,
        p.active_allocations,
        p.notes,
    )


def _allocation_row(a: AllocationRow, today: date) -> Sequence[object]:
    status = a.status.value.capitalize()
    if a.status is AllocationStatus.ACTIVE and a.expired(today):
        status = "Expired"
    return (
        a.product,
        a.setting_name,
        a.urn,
        a.person_name,
        a.seats,
        a.allocated_on,
        a.expires_on,
        status,
        a.ended_on,
        a.notes,
    )


def _held_by_setting(allocations: Sequence[AllocationRow], today: date) -> list[Sequence[object]]:
    held: dict[int, list[AllocationRow]] = defaultdict(list)
    for a in allocations:
        if a.setting_id is not None and a.status is AllocationStatus.ACTIVE and not a.expired(today):
            held[a.setting_id].append(a)
    rows: list[Sequence[object]] = []
    for group in held.values():
        first = group[0]
        products = ", ".join(sorted({a.product for a in group}))
        expiry = min(a.expires_on for a in group)
        rows.append((first.setting_name, first.urn, sum(a.seats for a in group), products, expiry))
    return sorted(rows, key=lambda r: (str(r[0]).casefold(), r[1] or 0))


def licence_return_exporter(services: Services) -> LicenceReturnExporter:
    """The exporter, its rows gathered through the services."""
    return LicenceReturnExporter(services.returns.licences(), provenance(services))


def _arguments(_parser: argparse.ArgumentParser) -> None:
    """No options: the return covers every pool."""


SPEC = register(
    ExportSpec(
        identifier=LicenceReturnExporter.identifier,
        verbose_name=LicenceReturnExporter.verbose_name,
        add_arguments=_arguments,
        build=lambda _args, services: licence_return_exporter(services),
        scope=ExportScope.GENERAL,
    )
)
