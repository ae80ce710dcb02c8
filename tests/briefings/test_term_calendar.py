from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from briefings.term_calendar import (
    academic_year_label,
    academic_year_of,
    bank_holidays,
    easter_sunday,
    half_termly_dates,
    half_terms,
)
from tests.sample_data import SAMPLE_DATA, SKIP_REASON

REFERENCE = SAMPLE_DATA / "reference" if SAMPLE_DATA else Path("missing")
needs_reference = pytest.mark.skipif(SAMPLE_DATA is None, reason=SKIP_REASON)


def _published_terms() -> list[dict[str, str]]:
    with (REFERENCE / "term_dates.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    ("year", "expected"), [(2023, date(2023, 4, 9)), (2024, date(2024, 3, 31)), (2027, date(2027, 3, 28))]
)
def test_easter(year, expected):
    assert easter_sunday(year) == expected


@needs_reference
def test_bank_holidays_match_the_published_list():
    with (REFERENCE / "bank_holidays_england_wales.csv").open(encoding="utf-8") as handle:
        published = {date.fromisoformat(row["date"]) for row in csv.DictReader(handle)}
    # 2022 moved the spring bank holiday for the jubilee, which no rule can know.
    for year in range(2023, 2028):
        ours = bank_holidays(year)
        theirs = {d for d in published if d.year == year}
        # One-off extra days (the 2023 coronation) cannot be derived either.
        assert ours <= theirs, sorted(ours - theirs)
        assert len(theirs - ours) <= 1, sorted(theirs - ours)


@needs_reference
def test_half_terms_follow_the_published_county_pattern_within_a_week():
    for row in _published_terms():
        year = int(row["academic_year"][:4])
        ours = {h.name: h for h in half_terms(year)}
        first, last = date.fromisoformat(row["first_day"]), date.fromisoformat(row["last_day"])
        break_start = date.fromisoformat(row["half_term_start"])
        term = row["term"]
        assert abs((ours[f"{term} 1"].first_day - first).days) <= 7, row
        assert abs((ours[f"{term} 2"].last_day - last).days) <= 14, row
        assert abs((ours[f"{term} 1"].last_day - (break_start - timedelta(days=3))).days) <= 7, row


@needs_reference
def test_half_termly_dates_fall_in_published_term_time_and_off_bank_holidays():
    terms = _published_terms()
    for year in (2023, 2024, 2025, 2026):
        for day in half_termly_dates(year, weekday=2, week=2):
            assert day.weekday() == 2
            assert day not in bank_holidays(day.year)
            in_term = any(
                date.fromisoformat(t["first_day"]) <= day <= date.fromisoformat(t["last_day"])
                and not date.fromisoformat(t["half_term_start"])
                <= day
                <= date.fromisoformat(t["half_term_end"])
                for t in terms
            )
            assert in_term, day


def test_six_dates_one_per_half_term_in_order():
    dates = half_termly_dates(2025, weekday=3, week=3)
    assert len(dates) == 6
    assert dates == sorted(dates)
    assert all(d in h for d, h in zip(dates, half_terms(2025), strict=True))


def test_academic_year_helpers():
    assert academic_year_of(date(2025, 8, 31)) == 2024
    assert academic_year_of(date(2025, 9, 1)) == 2025
    assert academic_year_label(2025) == "2025/26"
    assert academic_year_label(2099) == "2099/00"
