"""What the storage tests compare: every table of a database file, row by row, as stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

Dump = dict[str, list[tuple[Any, ...]]]


def table_dump(path: Path) -> Dump:
    """Every table's rows in rowid order, as SQLite stores them, plus the schema itself."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        schema = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        dump: Dump = {"sqlite_master": schema}
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ):
            dump[name] = connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()  # noqa: S608
        return dump
    finally:
        connection.close()


def integrity(path: Path) -> list[str]:
    """SQLite's full integrity check (["ok"] when sound)."""
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()
