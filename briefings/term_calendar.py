"""England's school year in the usual county pattern: six half-terms and the bank holidays.

Councils publish *recommended* dates and schools vary them, so this is a pattern to offer (a
series on "the second Wednesday of each half-term"), not a source of truth: the advisor can
always edit the dates it proposes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

HALF_TERM_NAMES = ("Autumn 1", "Autumn 2", "Spring 1", "Spring 2", "Summer 1", "Summer 2")
MONDAY, FRIDAY, SATURDAY = 0, 4, 5
SEPTEMBER = 9


@dataclass(frozen=True)
class HalfTerm:
    """A stretch of teaching days between holidays."""

    name: str
    first_day: date
    last_day: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day


def easter_sunday(year: int) -> date:
    """Easter Sunday (Gregorian), by the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def bank_holidays(year: int) -> set[date]:
    """England and Wales bank holidays by rule (one-off days such as coronations are not known)."""
    easter = easter_sunday(year)
    days = {
        _substitute(date(year, 1, 1)),
        easter - timedelta(days=2),
        easter + timedelta(days=1),
        _nth_weekday(year, 5, MONDAY, 1),
        _last_weekday(year, 5, MONDAY),
        _last_weekday(year, 8, MONDAY),
    }
    christmas, boxing = date(year, 12, 25), date(year, 12, 26)
    if christmas.weekday() >= SATURDAY or boxing.weekday() >= SATURDAY:
        # Both move to the next weekdays not already taken (Sat/Sun -> Mon/Tue; Fri/Sat -> Fri/Mon).
        taken: set[date] = set()
        for day in (christmas, boxing):
            moved = day
            while moved.weekday() >= SATURDAY or moved in taken:
                moved += timedelta(days=1)
            taken.add(moved)
        days |= taken
    else:
        days |= {christmas, boxing}
    return days


def half_terms(academic_year: int) -> list[HalfTerm]:
    """The six half-terms of the year starting in September of ``academic_year``."""
    y, n = academic_year, academic_year + 1
    autumn_start = _nth_weekday(y, 9, MONDAY, 1) + timedelta(days=1)  # Tuesday after first Monday
    october_break = _on_or_after(date(y, 10, 24), MONDAY)
    autumn_end = _on_or_before(date(y, 12, 22), FRIDAY)
    spring_start = _on_or_after(date(n, 1, 4), MONDAY)
    february_break = _nth_weekday(n, 2, MONDAY, 3)
    easter = easter_sunday(n)
    easter_break = easter - timedelta(days=6)  # Monday of Holy Week ...
    summer_start = easter + timedelta(days=8)  # ... to the Monday a week after Easter Monday
    may_break = _last_weekday(n, 5, MONDAY)
    summer_end = _on_or_before(date(n, 7, 22), FRIDAY)
    bounds = [
        (autumn_start, october_break - timedelta(days=3)),
        (october_break + timedelta(days=7), autumn_end),
        (spring_start, february_break - timedelta(days=3)),
        (february_break + timedelta(days=7), easter_break - timedelta(days=3)),
        (summer_start, may_break - timedelta(days=3)),
        (may_break + timedelta(days=7), summer_end),
    ]
    return [HalfTerm(name, first, last) for name, (first, last) in zip(HALF_TERM_NAMES, bounds, strict=True)]


def academic_year_of(day: date) -> int:
    """The September year of the academic year a day falls in (August belongs to the year ending)."""
    return day.year if day.month >= SEPTEMBER else day.year - 1


def academic_year_label(academic_year: int) -> str:
    """The label people write, such as 2025/26."""
    return f"{academic_year}/{(academic_year + 1) % 100:02d}"


def half_termly_dates(academic_year: int, weekday: int, week: int = 2) -> list[date]:
    """One date per half-term: the ``week``-th ``weekday`` (0 = Monday) of each, off bank holidays.

    A date that would fall on a bank holiday or past the half-term's end moves to the same
    weekday a week earlier, so every half-term still gets its briefing.
    """
    holidays = bank_holidays(academic_year) | bank_holidays(academic_year + 1)
    dates = []
    for half_term in half_terms(academic_year):
        day = _on_or_after(half_term.first_day, weekday) + timedelta(weeks=week - 1)
        while (day > half_term.last_day or day in holidays) and day - timedelta(
            weeks=1
        ) >= half_term.first_day:
            day -= timedelta(weeks=1)
        dates.append(day)
    return dates


def _substitute(day: date) -> date:
    while day.weekday() >= SATURDAY:
        day += timedelta(days=1)
    return day


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    return _on_or_after(date(year, month, 1), weekday) + timedelta(weeks=n - 1)


def _last_weekday(year: int, month: int, weekday: int) -> date:
    next_month = date(year + month // 12, month % 12 + 1, 1)
    return _on_or_before(next_month - timedelta(days=1), weekday)


def _on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)
