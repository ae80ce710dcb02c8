"""The floor: the SQL a benchmark's run sent to SQLite, replayed with nothing but ``sqlite3``.

While a benchmark runs once untimed, every statement SQLAlchemy hands the driver is recorded
(with its parameters, as the driver got them). Timing the replay on a plain ``sqlite3``
connection to the same file gives what the database alone costs, so the ratio shows what the
ORM, the row building and our own Python add on top.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event

# The same per-connection settings models/db.py gives the app's connections.
PRAGMAS = ("PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000", "PRAGMA synchronous = NORMAL")


@dataclass(frozen=True)
class Statement:
    """One call the driver received."""

    database: str
    sql: str
    parameters: Any
    many: bool


@dataclass
class Captured:
    """Statements in the order they ran."""

    statements: list[Statement] = field(default_factory=list)

    @property
    def queries(self) -> int:
        """Statements other than transaction control."""
        return sum(
            not s.sql.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")) for s in self.statements
        )


@contextmanager
def capture() -> Iterator[Captured]:
    """Record every statement any engine sends while the block runs."""
    captured = Captured()

    def record(
        conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, executemany: bool
    ) -> None:
        captured.statements.append(
            Statement(str(conn.engine.url.database), statement, parameters, executemany)
        )

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield captured
    finally:
        event.remove(Engine, "before_cursor_execute", record)


class Replay:
    """Runs captured statements on raw ``sqlite3`` connections (opened outside the timing)."""

    def __init__(self, captured: Captured) -> None:
        self._statements = list(captured.statements)
        self._connections: dict[str, sqlite3.Connection] = {}

    def open(self) -> None:
        """Connect to every database the statements went to."""
        for statement in self._statements:
            if statement.database not in self._connections:
                connection = sqlite3.connect(statement.database, isolation_level=None)
                for pragma in PRAGMAS:
                    connection.execute(pragma)
                self._connections[statement.database] = connection

    def __call__(self) -> int:
        """Run every statement, fetching all rows; returns how many rows came back."""
        if not self._connections:
            self.open()
        rows = 0
        for statement in self._statements:
            connection = self._connections[statement.database]
            if statement.many:
                connection.executemany(statement.sql, statement.parameters)
            else:
                rows += len(connection.execute(statement.sql, statement.parameters or ()).fetchall())
        for connection in self._connections.values():
            if connection.in_transaction:
                connection.commit()
        return rows

    def close(self) -> None:
        """Disconnect."""
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()
