"""VTIMEZONE written as yearly RRULEs, derived from the tz database and checked against it.

icalendar's ``Timezone.from_tzid`` lists every past change as RDATEs; Outlook ignores
RDATE-only definitions and then shows times an hour out, so Outlook's own shape is written
instead: one STANDARD and one DAYLIGHT observance, each a ``FREQ=YEARLY`` rule such as "last
Sunday of October at 02:00". The rule is read from the zone's transitions in a real year and
then checked against every year the calendar uses, so a change in the law (a new tzdata) is
caught rather than written wrong.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# The observances start in 1970, as Thunderbird and Apple write them; only the rule matters.
_EPOCH_YEAR = 1970
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class TimezoneRulesError(ValueError):
    """The zone's yearly rule changes within the years a calendar needs."""


@dataclass(frozen=True)
class Observance:
    """One yearly change of offset: the ``week``-th (or last, -1) ``weekday`` of ``month``."""

    daylight: bool
    name: str
    offset_from: timedelta
    offset_to: timedelta
    month: int
    week: int
    weekday: int
    at: time  # wall-clock time of the change, on the clock before it

    def onset(self, year: int) -> datetime:
        """The naive local moment the change happens in ``year``."""
        return datetime.combine(_nth_weekday(year, self.month, self.weekday, self.week), self.at)

    @property
    def byday(self) -> str:
        """The RRULE BYDAY value, e.g. "-1SU"."""
        return f"{self.week}{_DAY_CODES[self.weekday]}"


@dataclass(frozen=True)
class ZoneRules:
    """A zone's yearly rules: none (a fixed offset) or a STANDARD and a DAYLIGHT observance."""

    tzid: str
    observances: tuple[Observance, ...]
    fixed_offset: timedelta
    fixed_name: str


def zone_rules(zone: ZoneInfo, years: Iterable[int]) -> ZoneRules:
    """The zone's rule, read from the first year and proven for every year given."""
    wanted = sorted(set(years))
    if not wanted:
        raise ValueError("zone_rules needs at least one year")
    changes = _transitions(zone, wanted[0])
    midwinter = datetime(wanted[0], 1, 15, 12, tzinfo=UTC).astimezone(zone)
    if not changes:
        rules = ZoneRules(zone.key, (), midwinter.utcoffset() or timedelta(), midwinter.tzname() or zone.key)
    else:
        rules = ZoneRules(zone.key, tuple(_observance(zone, at, wanted) for at in changes), timedelta(), "")
    for year in wanted:
        if _predicted(rules, year) != _actual(zone, year):
            raise TimezoneRulesError(
                f"The clock-change rules of {zone.key} differ in {year} from {wanted[0]}; "
                "export the years separately"
            )
    return rules


def _observance(zone: ZoneInfo, at: datetime, years: list[int]) -> Observance:
    before = (at - timedelta(seconds=1)).astimezone(zone)
    after = at.astimezone(zone)
    offset_from = before.utcoffset() or timedelta()
    local = (at + offset_from).replace(tzinfo=None)
    last_week = local.day + 7 > calendar.monthrange(local.year, local.month)[1]
    candidates = ([-1] if last_week else []) + [(local.day - 1) // 7 + 1]
    for week in candidates:
        observance = Observance(
            daylight=bool(after.dst()),
            name=after.tzname() or zone.key,
            offset_from=offset_from,
            offset_to=after.utcoffset() or timedelta(),
            month=local.month,
            week=week,
            weekday=local.weekday(),
            at=local.time(),
        )
        # "Last Sunday" and "fourth Sunday" agree in some years; keep the one that holds in all.
        if all(observance.onset(y) - observance.offset_from in _actual(zone, y) for y in years):
            return observance
    return observance  # zone_rules reports the mismatch with the year it fails in


def _predicted(rules: ZoneRules, year: int) -> set[datetime]:
    return {o.onset(year) - o.offset_from for o in rules.observances}


def _actual(zone: ZoneInfo, year: int) -> set[datetime]:
    """The naive UTC instants at which the zone's offset changes during ``year``."""
    return {at.replace(tzinfo=None) for at in _transitions(zone, year)}


@functools.cache
def _transitions(zone: ZoneInfo, year: int) -> tuple[datetime, ...]:
    """Aware UTC instants of each offset change in ``year`` (hourly scan, then to the minute)."""
    found = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(zone).utcoffset()
    while moment < end:
        following = moment + timedelta(hours=1)
        if following.astimezone(zone).utcoffset() != offset:
            minute = moment
            while minute.astimezone(zone).utcoffset() == offset:
                minute += timedelta(minutes=1)
            found.append(minute)
            offset = following.astimezone(zone).utcoffset()
        moment = following
    return tuple(found)


def _nth_weekday(year: int, month: int, weekday: int, week: int) -> date:
    days = calendar.monthrange(year, month)[1]
    matching = [d for d in range(1, days + 1) if calendar.weekday(year, month, d) == weekday]
    return date(year, month, matching[week - 1] if week > 0 else matching[week])


def epoch_onset(observance: Observance) -> datetime:
    """The observance's DTSTART: its rule applied to 1970, so DTSTART and RRULE agree."""
    return observance.onset(_EPOCH_YEAR)
