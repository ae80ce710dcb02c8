from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from briefings.clock import london
from briefings.errors import ConflictError, DomainError, NotFoundError, ValidationError
from briefings.scheduling import ResourceLink, SeriesPlan
from briefings.vocabulary import BriefingStatus, Delivery, Phase, Role
from models.briefings import Briefing


def count_briefings(db) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Briefing))


def test_scheduled_briefing_is_listed_with_london_times(services, make_briefing):
    row = make_briefing()
    assert row.status is BriefingStatus.SCHEDULED
    assert row.starts_at.tzinfo is not None
    assert (row.starts_at.hour, row.starts_at.minute) == (9, 30)
    assert row.starts_at.utcoffset() == timedelta(hours=1)  # October 8th is BST
    assert row.calendar_sequence == 0
    assert row.calendar_uid.endswith("@briefing-desk")
    assert [r.id for r in services.briefings.search()] == [row.id]


def test_end_before_start_is_refused_and_nothing_stored(services, briefing_fields, db):
    fields = briefing_fields()
    with pytest.raises(ValidationError) as caught:
        services.briefings.schedule(replace(fields, ends_at=fields.starts_at - timedelta(minutes=1)))
    assert caught.value.field == "ends_at"
    assert "after the start" in caught.value.message
    assert count_briefings(db) == 0


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"title": "   "}, "title", "required"),
        ({"capacity": 0}, "capacity", "at least 1"),
        ({"capacity": -5}, "capacity", "at least 1"),
        ({"join_url": "http://teams.example/meet"}, "join_url", "https://"),
        ({"join_url": "javascript:alert(1)"}, "join_url", "https://"),
        ({"join_url": None}, "join_url", "need a joining link"),
        ({"delivery": Delivery.IN_PERSON, "join_url": None}, "venue_id", "need a venue"),
        ({"topic_id": 9999}, "topic_id", "does not exist"),
        ({"starts_at": datetime(2025, 10, 8, 9, 30)}, "starts_at", "time zone"),
    ],
)
def test_invalid_fields_name_the_field(services, briefing_fields, db, overrides, field, words):
    with pytest.raises(DomainError) as caught:
        services.briefings.schedule(briefing_fields(**overrides))
    assert caught.value.field == field
    assert words in caught.value.message
    assert count_briefings(db) == 0


def test_hybrid_needs_both_venue_and_link(services, briefing_fields, make_venue):
    venue = make_venue()
    with pytest.raises(ValidationError, match="venue"):
        services.briefings.schedule(briefing_fields(delivery=Delivery.HYBRID))
    with pytest.raises(ValidationError, match="joining link"):
        services.briefings.schedule(
            briefing_fields(delivery=Delivery.HYBRID, venue_id=venue.id, join_url=None)
        )
    row = services.briefings.schedule(briefing_fields(delivery=Delivery.HYBRID, venue_id=venue.id))
    assert row.venue_name == venue.name


def test_in_person_capacity_cannot_exceed_the_room(services, briefing_fields, make_venue):
    venue = make_venue(room_capacity=40)
    with pytest.raises(ValidationError, match="holds") as caught:
        services.briefings.schedule(
            briefing_fields(delivery=Delivery.IN_PERSON, venue_id=venue.id, capacity=41)
        )
    assert caught.value.field == "capacity"


def test_draft_may_lack_a_link_but_takes_no_bookings(services, briefing_fields, make_person):
    draft = services.briefings.schedule(briefing_fields(join_url=None, draft=True))
    assert draft.status is BriefingStatus.DRAFT
    with pytest.raises(ConflictError, match="draft"):
        services.bookings.book(draft.id, make_person().id)


def test_reschedule_bumps_sequence_and_keeps_uid(services, make_briefing):
    row = make_briefing()
    moved = services.briefings.reschedule(
        row.id, london(date(2025, 10, 9), time(13, 0)), london(date(2025, 10, 9), time(15, 0))
    )
    assert moved.calendar_uid == row.calendar_uid
    assert moved.calendar_sequence == 1
    assert moved.starts_at.hour == 13


def test_reschedule_to_same_times_or_backwards_is_refused(services, make_briefing):
    row = make_briefing()
    with pytest.raises(ValidationError, match="same"):
        services.briefings.reschedule(row.id, row.starts_at, row.ends_at)
    with pytest.raises(ValidationError, match="after the start"):
        services.briefings.reschedule(row.id, row.ends_at, row.starts_at)
    assert services.briefings.row(row.id).calendar_sequence == 0


def test_editing_notes_only_keeps_the_sequence_but_moving_bumps_it(services, make_briefing):
    row = make_briefing()
    fields = services.briefings.fields_of(row.id)
    same = services.briefings.update(row.id, replace(fields, notes="Bring your KCSIE copy"))
    assert same.calendar_sequence == 0
    assert same.notes == "Bring your KCSIE copy"
    moved = services.briefings.update(row.id, replace(fields, title="DSL update: autumn"))
    assert moved.calendar_sequence == 1


def test_cancel_then_reinstate(services, make_briefing):
    row = make_briefing()
    cancelled = services.briefings.cancel(row.id, "Venue flooded")
    assert cancelled.status is BriefingStatus.CANCELLED
    assert cancelled.calendar_sequence == 1
    assert services.briefings.get(row.id).cancel_reason == "Venue flooded"
    with pytest.raises(ConflictError, match="already cancelled"):
        services.briefings.cancel(row.id)
    with pytest.raises(ConflictError, match="reinstate"):
        services.briefings.reschedule(
            row.id, row.starts_at + timedelta(days=1), row.ends_at + timedelta(days=1)
        )
    back = services.briefings.reinstate(row.id)
    assert back.status is BriefingStatus.SCHEDULED
    assert back.calendar_sequence == 2
    assert services.briefings.get(row.id).cancel_reason is None


def test_complete_only_after_it_started(services, make_briefing, clock):
    row = make_briefing()
    with pytest.raises(ConflictError, match="not started"):
        services.briefings.complete(row.id)
    clock.set(row.ends_at.astimezone(UTC))
    done = services.briefings.complete(row.id)
    assert done.status is BriefingStatus.COMPLETED
    with pytest.raises(ConflictError):
        services.briefings.cancel(row.id)


def test_unknown_briefing_is_not_found(services):
    with pytest.raises(NotFoundError, match="Briefing 404 does not exist"):
        services.briefings.cancel(404)


def test_series_keeps_local_times_across_clock_changes(services, briefing_fields):
    # 20 Oct 2025 is BST, 3 Nov 2025 is GMT; the March change falls between 17 and 31 March 2026.
    days = (date(2025, 10, 20), date(2025, 11, 3), date(2026, 3, 17), date(2026, 3, 31))
    plan = SeriesPlan(
        name="DSL briefings 2025/26",
        template=briefing_fields(),
        dates=days,
        start=time(9, 30),
        end=time(11, 30),
    )
    series = services.briefings.create_series(plan)
    assert series.briefings == 4
    rows = sorted(services.briefings.search(), key=lambda r: r.starts_at)
    assert [(r.starts_at.hour, r.starts_at.minute) for r in rows] == [(9, 30)] * 4
    assert [r.starts_at.astimezone(UTC).hour for r in rows] == [8, 9, 9, 8]
    assert {r.series_name for r in rows} == {"DSL briefings 2025/26"}
    assert len({r.calendar_uid for r in rows}) == 4


def test_briefing_across_the_october_change_keeps_its_length(services, briefing_fields):
    # 26 Oct 2025 01:00 BST -> GMT: a 00:30-02:30 local slot is three real hours.
    start = london(date(2025, 10, 26), time(0, 30))
    end = london(date(2025, 10, 26), time(2, 30))
    row = services.briefings.schedule(briefing_fields(starts_at=start, ends_at=end))
    assert row.minutes == 180
    assert (row.starts_at.hour, row.ends_at.hour) == (0, 2)


def test_series_with_a_bad_date_list_creates_nothing(services, briefing_fields, db):
    day = date(2025, 11, 5)
    for dates, words in [((), "at least one"), ((day, day), "listed twice")]:
        plan = SeriesPlan(
            name="Prevent 2025", template=briefing_fields(), dates=dates, start=time(9), end=time(10)
        )
        with pytest.raises(ValidationError, match=words):
            services.briefings.create_series(plan)
    plan = SeriesPlan(
        name="Prevent 2025", template=briefing_fields(), dates=(day,), start=time(10), end=time(9)
    )
    with pytest.raises(ValidationError, match="end time"):
        services.briefings.create_series(plan)
    assert count_briefings(db) == 0
    assert services.briefings.series() == []


def test_series_name_must_be_unique(services, briefing_fields):
    plan = SeriesPlan(
        name="RSE 2025", template=briefing_fields(), dates=(date(2025, 11, 5),), start=time(9), end=time(10)
    )
    services.briefings.create_series(plan)
    with pytest.raises(ConflictError, match="already exists"):
        services.briefings.create_series(replace(plan, name="rse 2025"))


def test_audience_and_resources_round_trip(services, briefing_fields):
    row = services.briefings.schedule(
        briefing_fields(
            audience_roles=(Role.DSL, Role.DEPUTY_DSL),
            audience_phases=(Phase.PRIMARY,),
            audience_districts=(" North ", "North", "East"),
        )
    )
    assert row.audience_roles == (Role.DSL, Role.DEPUTY_DSL)
    assert row.audience_districts == ("North", "East")
    detail = services.briefings.set_resources(
        row.id, [ResourceLink("Slides", "https://example.org/slides.pdf")]
    )
    assert [(r.title, r.url) for r in detail.resources] == [("Slides", "https://example.org/slides.pdf")]
    with pytest.raises(ValidationError, match="Resource 1 link"):
        services.briefings.set_resources(row.id, [ResourceLink("Form", "ftp://example.org/x")])
    assert len(services.briefings.get(row.id).resources) == 1


def test_filters_by_when_topic_text_and_district(services, make_briefing, topic_id, clock):
    past = make_briefing(
        title="Old one",
        starts_at=london(date(2025, 9, 10), time(9)),
        ends_at=london(date(2025, 9, 10), time(10)),
    )
    soon = make_briefing(
        title="Prevent refresher", topic_id=topic_id("prevent"), audience_districts=("East",)
    )
    from briefings.queries.briefings import BriefingFilter

    assert [r.id for r in services.briefings.search(BriefingFilter(when="past"))] == [past.id]
    assert [r.id for r in services.briefings.search(BriefingFilter(when="upcoming"))] == [soon.id]
    assert [r.id for r in services.briefings.search(BriefingFilter(topic_id=topic_id("prevent")))] == [
        soon.id
    ]
    assert [r.id for r in services.briefings.search(BriefingFilter(text="refresher"))] == [soon.id]
    assert {r.id for r in services.briefings.search(BriefingFilter(district="West"))} == {past.id}
    assert [r.id for r in services.briefings.upcoming()] == [soon.id]
