"""Dates, times and durations as people in England write them on letters and certificates."""

from __future__ import annotations

from datetime import date, datetime


def long_date(day: date) -> str:
    """``Wednesday 8 October 2025``."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def plain_date(day: date) -> str:
    """``8 October 2025``."""
    return f"{day.day} {day:%B %Y}"


def session_times(starts: datetime, ends: datetime) -> str:
    """``Wednesday 8 October 2025, 09:30–11:30`` (times as the clocks in England showed them)."""
    return f"{long_date(starts.date())}, {starts:%H:%M}–{ends:%H:%M}"


def duration(minutes: int) -> str:
    """``2 hours``, ``1 hour 30 minutes``, ``45 minutes``."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)
