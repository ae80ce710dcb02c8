"""Meeting-report times: "12/10/22, 09:17:16" (UK), "7/22/26, 7:00:11 PM" (US), ISO, and durations.

Whether 03/04/2023 is the 3rd of April or the 4th of March cannot be told from one value, so a
report's timestamps are read together: a first number above 12 settles day-first, a second above
12 settles month-first; otherwise the briefing's own date decides, and failing that UK order is
assumed and said so. Times are English wall-clock times and come back as aware UTC datetimes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from briefings.clock import LONDON
from briefings.importing.problems import ImportRefused, Problem, note

_STAMP = re.compile(
    r"^\s*(?P<a>\d{1,4})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{2,4})[,T ]*\s*"
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?\s*$"
)
_DURATION = re.compile(r"^\s*(?:(?P<h>\d+)\s*h)?\s*(?:(?P<m>\d+)\s*m(?:in)?)?\s*(?:(?P<s>\d+)\s*s)?\s*$")
MONTHS = 12
CENTURY = 100  # two-digit years are this century's
_CLOCK_DURATION = re.compile(r"^\s*(?:(?P<h>\d+):)?(?P<m>\d{1,2}):(?P<s>\d{2})\s*$")


@dataclass(frozen=True)
class DateOrder:
    """How a report writes dates, and why we think so."""

    day_first: bool
    iso: bool
    reason: str


def infer_order(stamps: Iterable[str], expected_day: date | None) -> tuple[DateOrder, tuple[Problem, ...]]:
    """Work out the date order of a report's timestamps (see the module docstring)."""
    pairs = []
    ampm = False
    for text in stamps:
        found = _STAMP.match(text)
        if found is None:
            continue
        if len(found["a"]) == len("2023"):
            return DateOrder(day_first=False, iso=True, reason="year first"), ()
        pairs.append((int(found["a"]), int(found["b"]), int(found["c"])))
        ampm = ampm or found["ampm"] is not None
    if not pairs:
        return DateOrder(True, False, "no dates"), ()
    day_first_seen = any(a > MONTHS for a, _, _ in pairs)
    month_first_seen = any(b > MONTHS for _, b, _ in pairs)
    if day_first_seen and month_first_seen:
        raise ImportRefused(
            "The report's dates mix day-first and month-first orders; they cannot be read reliably"
        )
    if day_first_seen or month_first_seen:
        return DateOrder(day_first_seen, False, "a day above 12"), ()
    if expected_day is not None:
        for day_first in (True, False):
            if all(_day(a, b, c, day_first) == expected_day for a, b, c in pairs[:50]):
                return DateOrder(day_first, False, "the briefing's date"), ()
    if ampm:
        return DateOrder(False, False, "AM/PM times (US style)"), (
            note("Dates could be read either way; read as month/day because the times use AM/PM"),
        )
    return DateOrder(True, False, "UK default"), (
        note("Dates could be read either way; read as day/month (UK)"),
    )


def _full_year(year: int) -> int:
    return year + 2000 if year < CENTURY else year


def _day(a: int, b: int, c: int, day_first: bool) -> date | None:
    year = _full_year(c)
    try:
        return date(year, b, a) if day_first else date(year, a, b)
    except ValueError:
        return None


def parse_stamp(text: str, order: DateOrder) -> datetime | None:
    """A report timestamp as an aware UTC datetime (read as English local time); None if not one."""
    found = _STAMP.match(text)
    if found is None:
        return None
    a, b, c = int(found["a"]), int(found["b"]), int(found["c"])
    if order.iso:
        year, month, day = a, b, c
    else:
        year = _full_year(c)
        day, month = (a, b) if order.day_first else (b, a)
    hour = int(found["h"])
    if found["ampm"]:
        pm = found["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    try:
        local = datetime(year, month, day, hour, int(found["m"]), int(found["s"] or 0), tzinfo=LONDON)
    except ValueError:
        return None
    return local.astimezone(UTC)


def parse_duration(text: str) -> int | None:
    """Seconds in "1h 5m 20s", "19m 26s", "45s", "1:05:20" or a bare number of minutes; None if none."""
    value = text.strip()
    if not value:
        return None
    if value.isdigit():
        return int(value) * 60
    found = _DURATION.match(value)
    if found and any(found.groupdict().values()):
        return int(found["h"] or 0) * 3600 + int(found["m"] or 0) * 60 + int(found["s"] or 0)
    found = _CLOCK_DURATION.match(value)
    if found:
        return int(found["h"] or 0) * 3600 + int(found["m"]) * 60 + int(found["s"])
    return None
