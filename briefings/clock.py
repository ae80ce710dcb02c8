"""Time: the county works in Europe/London; the database stores UTC; callers pass ``now`` in."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from briefings.errors import ValidationError

LONDON = ZoneInfo("Europe/London")

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real time, aware, in UTC."""
    return datetime.now(UTC)


def fixed_clock(moment: datetime) -> Clock:
    """A clock that always says ``moment`` (tests, the demo, benchmarks)."""
    require_aware(moment, "now")
    return lambda: moment


def require_aware(moment: datetime, field: str) -> datetime:
    """Refuse a naive datetime: it would silently mean "whatever zone the writer thought"."""
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        raise ValidationError(f"{field} needs a time zone (for example +00:00 or Europe/London)", field)
    return moment


def london(day: date, at: time) -> datetime:
    """Wall-clock ``at`` on ``day`` in England, as an aware datetime.

    A time that does not exist (the skipped hour in March) or happens twice (October) takes
    the zone's normal resolution (``fold=0``); briefings are never scheduled at 01:30 anyway.
    """
    return datetime.combine(day, at, tzinfo=LONDON)


def to_london(moment: datetime) -> datetime:
    """The same instant shown on an English clock."""
    return require_aware(moment, "time").astimezone(LONDON)


def london_today(now: datetime) -> date:
    """The date in England at ``now``."""
    return to_london(now).date()


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, clamped to the month's end (29 Feb -> 28 Feb)."""
    month_index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end."""
    return months_before(day, -months)


def start_of_london_day(day: date) -> datetime:
    """Midnight at the start of ``day`` in England, in UTC."""
    return london(day, time(0, 0)).astimezone(UTC)


def whole_minutes(start: datetime, end: datetime) -> int:
    """Real minutes from ``start`` to ``end``, rounded down.

    Python subtracts two datetimes sharing a tzinfo on the wall clock, which is an hour out
    across a clock change; converting to UTC first measures elapsed time.
    """
    return int((end.astimezone(UTC) - start.astimezone(UTC)) / timedelta(minutes=1))


def as_utc(moment: datetime, field: str = "time") -> datetime:
    """An aware datetime converted to UTC (what the database stores)."""
    return require_aware(moment, field).astimezone(UTC)
