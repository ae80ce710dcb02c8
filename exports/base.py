"""The exporter contract: a stable identifier, a menu name, and ``render`` returning files.

Exporters are given the rows they write (they never open sessions), never touch Qt, and never
choose where files go: the caller (command line or UI) does.
"""

from __future__ import annotations

import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar, NamedTuple

from briefings.errors import OperationCancelled

# Called with (done, total); returning False asks the exporter to stop (it raises ExportCancelled).
Progress = Callable[[int, int], bool]


class ExportFile(NamedTuple):
    """One file to write: unpacks as ``(filename, mimetype, data)``."""

    filename: str
    mimetype: str
    data: bytes


@dataclass(frozen=True)
class ExportOutcome:
    """What an exporter produced, whom it had to leave out and why, and notes for the user."""

    files: tuple[ExportFile, ...]
    skipped: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())


class ExportError(Exception):
    """Nothing sensible can be written (an empty briefing, a missing logo); says why."""


class ExportCancelled(OperationCancelled):
    """The user stopped the export; nothing was written."""


class Exporter(ABC):
    """Base of every exporter."""

    identifier: ClassVar[str]
    verbose_name: ClassVar[str]

    @abstractmethod
    def render(self, progress: Progress | None = None) -> ExportOutcome:
        """Produce the files in memory."""

    @staticmethod
    def tick(progress: Progress | None, done: int, total: int) -> None:
        """Report progress; raise ExportCancelled if the caller asked to stop."""
        if progress is not None and progress(done, total) is False:
            raise ExportCancelled


_LONGEST_EXTENSION = 5
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def safe_filename(text: str, *, fallback: str = "file", limit: int = 120) -> str:
    """A file name from people's text that is safe on Windows, macOS and Linux.

    Path separators, control characters and characters Windows refuses go; reserved device names
    (CON, NUL, COM1...) and leading dots are defused; accents are kept (every modern file system
    takes them) but normalised to NFC so the same name is always the same bytes. A long name is
    shortened before its extension, so ``.pdf`` survives.
    """
    name = unicodedata.normalize("NFC", text)
    name = re.sub(r"\s*:\s+", " - ", name)  # "DSL update: Spring" reads as "DSL update - Spring"
    name = name.replace('"', "'")
    name = re.sub(r"[<>?*]+", "", name)
    name = re.sub(r"[\x00-\x1f\x7f:/\\|]+", "-", name)
    name = re.sub(r"\s+", " ", name).strip(" .-")
    if len(name) > limit:
        stem, dot, extension = name.rpartition(".")
        if dot and stem and 0 < len(extension) <= _LONGEST_EXTENSION:
            name = f"{stem[: limit - len(extension) - 1].rstrip(' .-')}.{extension}"
        else:
            name = name[:limit].rstrip(" .-")
    if not name:
        name = fallback
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    return name
