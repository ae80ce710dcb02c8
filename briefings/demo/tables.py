"""The rows the demo generator builds in memory, written with one bulk insert per table.

Ids are given here rather than by the database so later steps can refer to rows they made
earlier without a round trip; the generator only writes into tables that are empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from models.base import Base

# Rows per executemany call: big enough to be fast, small enough to report progress often.
CHUNK = 50_000


def _table_of(model: type[Base] | Table) -> Table:
    table = model if isinstance(model, Table) else model.__table__
    if not isinstance(table, Table):  # pragma: no cover - every model here maps one table
        raise TypeError(f"{model!r} is not mapped to a table")
    return table


class DemoTables:
    """Rows per table, each a complete dict of column values."""

    def __init__(self) -> None:
        self._rows: dict[Table, list[dict[str, Any]]] = {}
        self._blanks: dict[Table, dict[str, Any]] = {}

    def add(self, model: type[Base] | Table, **values: Any) -> int:
        """Queue one row; returns its id (1, 2, ...) when the table has an ``id`` column."""
        table = _table_of(model)
        rows = self._rows.setdefault(table, [])
        row = dict(self._blank(table))
        if "id" in table.c:
            row["id"] = len(rows) + 1
        row.update(values)
        rows.append(row)
        return int(row.get("id") or 0)

    def rows(self, model: type[Base] | Table) -> list[dict[str, Any]]:
        """The rows queued for a table (the same list, so later steps may amend them)."""
        return self._rows.setdefault(_table_of(model), [])

    def count(self, model: type[Base] | Table) -> int:
        """How many rows are queued for a table."""
        return len(self._rows.get(_table_of(model), ()))

    def total(self) -> int:
        """How many rows are queued altogether."""
        return sum(len(rows) for rows in self._rows.values())

    def write(self, session: Session, on_rows: Callable[[int], None] | None = None) -> None:
        """Insert every table's rows, parents before children, in Core executemany batches."""
        for table in Base.metadata.sorted_tables:
            rows = self._rows.get(table)
            if not rows:
                continue
            for start in range(0, len(rows), CHUNK):
                chunk = rows[start : start + CHUNK]
                session.execute(insert(table), chunk)
                if on_rows is not None:
                    on_rows(len(chunk))

    @staticmethod
    def _nullable(table: Table) -> dict[str, Any]:
        # Every row of a batch must name the same columns; optional ones default to NULL here,
        # while columns with defaults must be given (so no clock sneaks into the data).
        return {
            column.key: None
            for column in table.columns
            if column.nullable and column.default is None and column.server_default is None
        }

    def _blank(self, table: Table) -> dict[str, Any]:
        blank = self._blanks.get(table)
        if blank is None:
            blank = self._blanks[table] = self._nullable(table)
        return blank
