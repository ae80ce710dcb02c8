"""What a command runs with: the database (opened on first use), services and output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, TextIO

from briefings.clock import Clock, system_clock
from briefings.services import Services
from briefings.storage.opening import OpenedDatabase, open_for_use
from models.db import Database


class CliError(Exception):
    """Bad input on the command line that argparse could not catch (a date, a missing file)."""


@dataclass
class CliContext:
    """The open database and output stream for one command."""

    database_url: str | None
    out: TextIO
    clock: Clock = system_clock
    _opened: OpenedDatabase | None = field(default=None, init=False)
    _services: Services | None = field(default=None, init=False)

    @property
    def opened(self) -> OpenedDatabase:
        """The database opened as the app opens it: writer lock or read-only, backups, migration."""
        if self._opened is None:
            self._opened = open_for_use(self.database_url, clock=self.clock)
            for note in self._opened.notes:
                print(f"briefing-desk: note: {note}", file=sys.stderr)
        return self._opened

    @property
    def database(self) -> Database:
        """The database, opened (and migrated) on first use."""
        return self.opened.database

    @property
    def services(self) -> Services:
        """Every service over the database (refusing changes when another copy is the writer)."""
        if self._services is None:
            self._services = Services.build(
                self.database.sessions, clock=self.clock, read_only_reason=self.opened.read_only_reason
            )
        return self._services

    def print(self, text: str = "") -> None:
        """A line of output."""
        print(text, file=self.out)

    def print_json(self, value: Any) -> None:
        """Machine-readable output for scripts."""
        json.dump(to_jsonable(value), self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")

    def print_table(self, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        """Columns padded to their widest cell."""
        text_rows = [[_cell(v) for v in row] for row in rows]
        widths = [max([len(h), *(len(r[i]) for r in text_rows)]) for i, h in enumerate(headers)]
        self.print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
        for row in text_rows:
            self.print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())

    def close(self) -> None:
        """Release the database and the writer lock."""
        if self._opened is not None:
            self._opened.close()


def to_jsonable(value: Any) -> Any:
    """Rows (dataclasses), enums, dates and tuples as plain JSON values."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: to_jsonable(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)
