"""Benchmarks that write: each timed call gets a fresh copy of its starting database.

:class:`FreshCopy` is that copy; the imports (``imports.py``) use it too, over an empty
database or the sample county.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from briefings.clock import fixed_clock
from briefings.demo.generator import DemoSummary
from briefings.services import Services
from models.db import Database, open_database
from tests.benchmarks.database import BENCH_TODAY
from tests.benchmarks.harness import BenchContext, Benchmark, copy_database, register


@dataclass
class FreshCopy:
    """A private copy of a template database, put back by :meth:`reset` before every timed call.

    Its services may write, and their clock stands still at ``now``.
    """

    template: Path
    work: Path
    now: datetime
    database: Database | None = field(default=None)
    services: Services | None = field(default=None)

    def reset(self) -> None:
        """Throw the last attempt away and open a fresh copy of the template."""
        self.close()
        copy_database(self.template, self.work)
        self.database = open_database(str(self.work))
        self.services = Services.build(self.database.sessions, clock=fixed_clock(self.now))

    def close(self) -> None:
        """Let the copy go (its file stays until the work folder is removed)."""
        if self.database is not None:
            self.database.dispose()
            self.database = self.services = None

    @property
    def ready(self) -> Services:
        """The services over the copy, once :meth:`reset` has made it."""
        if self.services is None:
            raise RuntimeError("reset() the copy before using it")
        return self.services


def fresh_copy(ctx: BenchContext, template: Path, name: str, now: datetime | None = None) -> FreshCopy:
    """A :class:`FreshCopy` of ``template`` called ``name`` in the work folder, closed with the suite."""
    copy = FreshCopy(template, ctx.workdir / name, now or ctx.now)
    ctx.on_close(copy.close)
    return copy


def empty_template(ctx: BenchContext) -> Path:
    """A freshly migrated empty database, made once per suite and never opened again."""

    def make() -> Path:
        template = ctx.workdir / "empty-template.sqlite3"
        database = open_database(str(template))
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.dispose()
        return template

    template: Path = ctx.remember("empty-template", make)
    return template


def _empty(ctx: BenchContext) -> FreshCopy:
    return fresh_copy(ctx, empty_template(ctx), "empty-work.sqlite3")


def _load_demo(state: FreshCopy) -> int:
    summary: DemoSummary = state.ready.demo.load(today=BENCH_TODAY)
    return summary.registrations


register(
    Benchmark(
        "demo.load",
        setup=_empty,
        run=_load_demo,
        reset=FreshCopy.reset,
        description="the demo county into an empty database (rows: its bookings)",
    )
)
