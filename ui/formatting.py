"""Dates, times and counts written the way people in English schools write them.

``%-d`` is glibc only, so days are formatted by hand to work on Windows and macOS too.
"""

from __future__ import annotations

from datetime import date, datetime


def day_text(day: date, *, weekday: bool = True, year: bool = True) -> str:
    """A day as "Wed 8 Oct 2025" (or shorter)."""
    text = f"{day.day} {day:%b}"
    if year:
        text += f" {day.year}"
    return f"{day:%a} {text}" if weekday else text


def time_text(moment: datetime) -> str:
    """A time as "09:30"."""
    return f"{moment:%H:%M}"


def span_text(starts: datetime, ends: datetime, *, weekday: bool = True) -> str:
    """A session as "Wed 8 Oct 2025, 09:30–11:30"."""
    return f"{day_text(starts.date(), weekday=weekday)}, {time_text(starts)}–{time_text(ends)}"


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """A count with its noun: "1 person", "3 people"."""
    word = noun if count == 1 else (plural_noun or f"{noun}s")
    return f"{count:,} {word}"
