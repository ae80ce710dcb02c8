"""How dates, times and counts read on screen (English style: 8 Oct 2025, 09:30)."""

from __future__ import annotations

from datetime import date, datetime

NOTHING = "—"


def day_text(day: date | None) -> str:
    """A day as people write it: 8 Oct 2025."""
    return f"{day.day} {day:%b %Y}" if day is not None else NOTHING


def moment_text(moment: datetime | None) -> str:
    """A time on the clock it was given in (the services give English time): 8 Oct 2025 09:30."""
    return f"{day_text(moment.date())} {moment:%H:%M}" if moment is not None else NOTHING


def count_text(count: int, noun: str, plural: str | None = None) -> str:
    """1 setting, 2 settings, 40,000 people."""
    word = noun if count == 1 else (plural or f"{noun}s")
    return f"{count:,} {word}"
