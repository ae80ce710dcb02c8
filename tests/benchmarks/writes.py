"""Benchmarks that write: each timed call gets a fresh copy of its starting database."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefings.clock import fixed_clock
from briefings.demo.generator import DemoSummary
from briefings.services import Services
from models.db import Database, open_database
from tests.benchmarks.database import BENCH_TODAY
from tests.benchmarks.harness import BenchContext, Benchmark, copy_database, register


@dataclass
class EmptyDatabase:
    """A freshly migrated empty database, put back before every timed call."""

    template: Path
    work: Path
    ctx: BenchContext
    database: Database | None = field(default=None)
    services: Services | None = field(default=None)

    def reset(self) -> None:
        """Throw the last attempt away and open a fresh empty copy."""
        if self.database is not None:
            self.database.dispose()
        copy_database(self.template, self.work)
        self.database = open_database(str(self.work))
        self.services = Services.build(self.database.sessions, clock=fixed_clock(self.ctx.now))


def _empty(ctx: BenchContext) -> EmptyDatabase:
    def make_template() -> Path:
        template = ctx.workdir / "empty-template.sqlite3"
        database = open_database(str(template))
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.dispose()
        return template

    template: Path = ctx.remember("empty-template", make_template)
    return EmptyDatabase(template, ctx.workdir / "empty-work.sqlite3", ctx)


def _load_demo(state: EmptyDatabase) -> int:
    assert state.services is not None
    summary: DemoSummary = state.services.demo.load(today=BENCH_TODAY)
    return summary.registrations


register(
    Benchmark(
        "demo.load",
        setup=_empty,
        run=_load_demo,
        reset=EmptyDatabase.reset,
        description="the demo county into an empty database (rows: its bookings)",
    )
)
