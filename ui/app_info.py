"""What the window shows about the app itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AppInfo:
    """The version and the database in use (title bar and About box)."""

    version: str
    database: str
