"""Services over a database opened by URL, for composition roots besides ``main.py``.

The screenshot tool and benchmarks build a window or a workload over a database of their own;
they may not import ``models`` from ``ui/``, so they open it here and get services back.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefings.clock import Clock, system_clock
from briefings.services import Services
from models.db import Database, open_database


@dataclass(frozen=True)
class OpenServices:
    """Services over an open database, and how to let it go."""

    services: Services
    description: str
    _database: Database

    def close(self) -> None:
        """Release every pooled connection."""
        self._database.dispose()


def open_services(url: str | None = None, *, clock: Clock = system_clock) -> OpenServices:
    """Open (and migrate) the database at ``url`` (a SQLAlchemy URL or a file path).

    Raises:
        models.schema.DatabaseError: not a database, damaged, or written by a newer version.
    """
    database = open_database(url)
    return OpenServices(Services.build(database.sessions, clock=clock), database.describe(), database)
