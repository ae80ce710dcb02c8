"""What a command runs with: the database (opened on first use), services and output."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, TextIO

from briefings.services import Services
from models.db import Database, open_database


class CliError(Exception):
    """Bad input on the command line that argparse could not catch (a date, a missing file)."""


@dataclass
class CliContext:
    """The open database and output stream for one command."""

    database_url: str | None
    out: TextIO
    _database: Database | None = field(default=None, init=False)
    _services: Services | None = field(default=None, init=False)

    @property
    def database(self) -> Database:
        """The database, opened (and migrated) on first use."""
        if self._database is None:
            self._database = open_database(self.database_url)
        return self._database

    @property
    def services(self) -> Services:
        """Every service over the database."""
        if self._services is None:
            self._services = Services.build(self.database.sessions)
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
        """Release the database."""
        if self._database is not None:
            self._database.dispose()


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
