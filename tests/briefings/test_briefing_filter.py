from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from briefings.briefing_filter import filter_briefings
from briefings.clock import london
from briefings.queries.briefings import BriefingFilter
from briefings.vocabulary import BriefingStatus


@pytest.fixture
def rows(services, make_briefing, topic_id):
    make_briefing(title="Autumn DSL update", audience_districts=("North",))
    make_briefing(
        title="Prevent awareness",
        topic_id=topic_id("prevent"),
        starts_at=london(date(2025, 9, 10), time(9, 30)),
        ends_at=london(date(2025, 9, 10), time(11, 0)),
        notes="Bring the WRAP workbook",
    )
    cancelled = make_briefing(title="Spring DSL update", audience_districts=("South",))
    services.briefings.cancel(cancelled.id, "Snow")
    return services.briefings.search()


def titles(found):
    return sorted(r.title for r in found)


def test_sql_and_python_filters_agree(services, rows, clock):
    for flt in (
        BriefingFilter(when="upcoming"),
        BriefingFilter(when="past"),
        BriefingFilter(status=BriefingStatus.CANCELLED),
        BriefingFilter(district="North"),
        BriefingFilter(text="prevent"),
    ):
        assert titles(filter_briefings(rows, flt, clock())) == titles(services.briefings.search(flt)), flt


def test_every_word_must_match_somewhere(rows, clock):
    assert titles(filter_briefings(rows, BriefingFilter(text="dsl AUTUMN"), clock())) == ["Autumn DSL update"]
    assert titles(filter_briefings(rows, BriefingFilter(text="workbook prevent"), clock())) == [
        "Prevent awareness"
    ]
    assert filter_briefings(rows, BriefingFilter(text="dsl workbook"), clock()) == []


def test_briefing_for_every_district_shows_under_each(rows, clock):
    assert titles(filter_briefings(rows, BriefingFilter(district="South"), clock())) == [
        "Prevent awareness",
        "Spring DSL update",
    ]


def test_upcoming_means_not_yet_finished(rows, clock):
    clock.advance(timedelta(days=7, minutes=45))  # 10:45 London on 8 Oct, mid-session
    found = filter_briefings(rows, BriefingFilter(when="upcoming"), clock())
    assert titles(found) == ["Autumn DSL update", "Spring DSL update"]
    clock.advance(timedelta(hours=1))  # 11:45, both over
    assert filter_briefings(rows, BriefingFilter(when="upcoming"), clock()) == []
