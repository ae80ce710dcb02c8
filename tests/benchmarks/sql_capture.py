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
ENDINGS = ("COMMIT", "ROLLBACK")
PRAGMAS = ("PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000", "PRAGMA synchronous = NORMAL")


@dataclass(frozen=True)
class Statement:
    """One call the driver received, and on which connection (loads on pool threads use their own)."""

    database: str
    connection: int
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
    """Record every statement any engine sends while the block runs, and how transactions end.

    A transaction ends through the driver's ``commit()`` or ``rollback()``, not a statement (the
    services' reads always roll back), so those are recorded from the engine's events.
    """
    captured = Captured()

    def record(
        conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, executemany: bool
    ) -> None:
        captured.statements.append(Statement(*_where(conn), statement, parameters, executemany))

    def committed(conn: Any) -> None:
        captured.statements.append(Statement(*_where(conn), "COMMIT", None, False))

    def rolled_back(conn: Any) -> None:
        captured.statements.append(Statement(*_where(conn), "ROLLBACK", None, False))

    listeners = (("before_cursor_execute", record), ("commit", committed), ("rollback", rolled_back))
    for name, listener in listeners:
        event.listen(Engine, name, listener)
    try:
        yield captured
    finally:
        for name, listener in listeners:
            event.remove(Engine, name, listener)


def _where(conn: Any) -> tuple[str, int]:
    return str(conn.engine.url.database), id(conn.connection.dbapi_connection)


class Replay:
    """Runs captured statements on raw ``sqlite3`` connections (opened outside the timing).

    One raw connection stands for each connection the run used, so transactions that ran side
    by side (a page's loads on two pool threads) stay apart; the replay runs them one after
    another, in the order their statements were sent.
    """

    def __init__(self, captured: Captured) -> None:
        self._statements = list(captured.statements)
        self._connections: dict[tuple[str, int], sqlite3.Connection] = {}

    def open(self) -> None:
        """Connect to every database the statements went to, once per connection the run used."""
        for statement in self._statements:
            key = (statement.database, statement.connection)
            if key not in self._connections:
                connection = sqlite3.connect(statement.database, isolation_level=None)
                for pragma in PRAGMAS:
                    connection.execute(pragma)
                self._connections[key] = connection

    def __call__(self) -> int:
        """Run every statement, fetching all rows; returns how many rows came back."""
        if not self._connections:
            self.open()
        rows = 0
        for statement in self._statements:
            connection = self._connections[statement.database, statement.connection]
            if statement.sql in ENDINGS:
                if connection.in_transaction:
                    connection.execute(statement.sql)
            elif statement.many:
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
