"""File names for calendar files: readable, safe everywhere, and unique within one export."""

from __future__ import annotations

from datetime import datetime

from briefings.clock import to_london
from exports.base import safe_filename

# write_outcome() passes every name through safe_filename(limit=120); staying inside that limit
# (extension included) means it never cuts an extension off.
_LIMIT = 120


class FileNames:
    """Hands out names, never the same one twice (ignoring case, as Windows and macOS do).

    Two files with one name would silently overwrite each other in the folder.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, stem: str, extension: str, *, fallback: str | None = None) -> str:
        """``stem.extension``; if taken, ``stem (fallback).extension``, then ``stem (2)``..."""
        candidates = [stem] + ([f"{stem} ({fallback})"] if fallback else [])
        for candidate in candidates:
            name = self._fit(candidate, extension)
            if name.casefold() not in self._taken:
                return self._take(name)
        number = 2
        while True:
            name = self._fit(f"{stem} ({number})", extension, keep=f" ({number})")
            if name.casefold() not in self._taken:
                return self._take(name)
            number += 1

    def _take(self, name: str) -> str:
        self._taken.add(name.casefold())
        return name

    @staticmethod
    def _fit(stem: str, extension: str, *, keep: str = "") -> str:
        room = _LIMIT - len(extension) - 1
        if keep and len(stem) > room:
            stem = stem[: room - len(keep)].rstrip() + keep
        return f"{safe_filename(stem, fallback='calendar', limit=room)}.{extension}"


def briefing_stem(title: str, starts_at: datetime) -> str:
    """Date and title, e.g. "2025-10-08 DSL update briefing": sorts by date in any file browser."""
    return f"{to_london(starts_at):%Y-%m-%d} {title}"
