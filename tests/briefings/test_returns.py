from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from briefings.clock import london
from briefings.directory import SettingFields
from briefings.errors import NotFoundError, ValidationError
from briefings.licensing import PoolFields
from briefings.scheduling import SeriesPlan
from briefings.vocabulary import Attendance, Phase, Role, SettingStatus


@pytest.fixture
def county(services, clock, make_setting, make_person, make_briefing):
    """Three settings; briefings before, in and after the autumn period; one cancelled."""
    north = make_setting(name="Northfield Primary")
    south = make_setting(name="Southgate Academy")
    quiet = make_setting(name="Quiet Lane Infants")
    dsl = make_person(first_name="Dee", last_name="Lead", role=Role.DSL, setting_id=north.id)
    head = make_person(first_name="Hal", last_name="Head", role=Role.HEADTEACHER, setting_id=south.id)
    deputy = make_person(first_name="Dep", last_name="Uty", role=Role.DEPUTY_DSL, setting_id=south.id)

    def held(day, people, marks):
        briefing = make_briefing(
            title=f"Briefing {day:%d %b}",
            starts_at=london(day, time(9, 30)),
            ends_at=london(day, time(11, 30)),
        )
        rows = [services.bookings.book(briefing.id, p.id) for p in people]
        return briefing, rows, marks

    clock.set(datetime(2024, 9, 1, tzinfo=UTC))
    plans = [
        held(date(2024, 10, 1), [deputy], [Attendance.PRESENT]),  # before the period
        held(date(2025, 10, 8), [dsl, head], [Attendance.PRESENT, Attendance.PRESENT]),
        held(date(2025, 11, 12), [dsl, deputy], [Attendance.LATE, Attendance.ABSENT]),
        held(date(2026, 3, 4), [dsl], [Attendance.PRESENT]),  # after the period
    ]
    cancelled = make_briefing(
        title="Snowed off",
        starts_at=london(date(2025, 12, 3), time(9, 30)),
        ends_at=london(date(2025, 12, 3), time(11, 30)),
    )
    services.briefings.cancel(cancelled.id, "Snow")
    clock.set(datetime(2026, 6, 1, tzinfo=UTC))
    for _, rows, marks in plans:
        for row, mark in zip(rows, marks, strict=True):
            minutes = 100 if mark is Attendance.LATE else None
            services.bookings.mark(row.registration_id, mark, minutes)
    return {"north": north, "south": south, "quiet": quiet, "briefings": [p[0] for p in plans]}


def test_a_period_holds_the_briefings_that_started_in_it(services, county):
    data = services.returns.period(date(2025, 9, 1), date(2025, 12, 31))
    assert [b.title for b in data.briefings] == ["Briefing 08 Oct", "Briefing 12 Nov"]
    assert data.label == "1 September 2025 to 31 December 2025"
    assert data.series_name is None


def test_period_bookings_are_by_briefing_then_sign_in_order(services, county):
    data = services.returns.period(date(2025, 9, 1), date(2025, 12, 31))
    assert [(b.person_name, b.setting_name, b.attendance) for b in data.bookings] == [
        ("Dee Lead", "Northfield Primary", Attendance.PRESENT),
        ("Hal Head", "Southgate Academy", Attendance.PRESENT),
        ("Dee Lead", "Northfield Primary", Attendance.LATE),
        ("Dep Uty", "Southgate Academy", Attendance.ABSENT),
    ]
    assert data.bookings[2].minutes_attended == 100


def test_coverage_says_whose_lead_came_and_when_one_last_did(services, county):
    data = services.returns.period(date(2025, 9, 1), date(2025, 12, 31))
    coverage = {c.name: c for c in data.coverage}
    north, south, quiet = (
        coverage["Northfield Primary"],
        coverage["Southgate Academy"],
        coverage["Quiet Lane Infants"],
    )
    assert (north.booked, north.attended, north.leads_attended) == (2, 2, 1)  # the same DSL twice counts once
    assert north.last_lead_on == date(2025, 11, 12)  # not March 2026: after the period
    assert north.refresh_due is False
    # Southgate's head came, but no DSL or deputy: its deputy last came in October 2024.
    assert (south.booked, south.attended, south.leads_attended) == (2, 1, 0)
    assert south.last_lead_on == date(2024, 10, 1)
    assert south.last_refresh_on == date(2024, 10, 1)
    assert south.refresh_due is True
    assert (quiet.booked, quiet.leads_attended, quiet.last_lead_on, quiet.refresh_due) == (0, 0, None, True)


def test_a_closed_setting_that_booked_still_appears_in_coverage(services, county):
    south = county["south"]
    services.directory.update_setting(
        south.id,
        SettingFields(name=south.name, urn=south.urn, phase=Phase.PRIMARY, status=SettingStatus.CLOSED),
    )
    data = services.returns.period(date(2025, 9, 1), date(2025, 12, 31))
    closed = next(c for c in data.coverage if c.name == "Southgate Academy")
    assert closed.is_open is False


def test_a_period_that_ends_before_it_starts_is_refused(services):
    with pytest.raises(ValidationError) as caught:
        services.returns.period(date(2025, 12, 31), date(2025, 9, 1))
    assert caught.value.field == "last_day"


def test_a_series_return_spans_the_series(services, briefing_fields, make_person, clock):
    plan = SeriesPlan(
        name="DSL briefings 2025/26",
        template=briefing_fields(),
        dates=(date(2025, 10, 8), date(2026, 1, 21)),
        start=time(9, 30),
        end=time(11, 30),
    )
    series = services.briefings.create_series(plan)
    data = services.returns.series(series.id)
    assert data.series_name == "DSL briefings 2025/26"
    assert (data.first_day, data.last_day) == (date(2025, 10, 8), date(2026, 1, 21))
    assert len(data.briefings) == 2


def test_a_missing_series_is_not_found(services):
    with pytest.raises(NotFoundError):
        services.returns.series(999)


def test_a_briefing_return_carries_certificate_numbers(services, county):
    briefing = county["briefings"][1]
    before = services.returns.briefing(briefing.id)
    assert before.certificate_numbers == {}
    issued = services.certificates.issue(briefing.id)
    after = services.returns.briefing(briefing.id)
    assert set(after.certificate_numbers.values()) == {c.number for c in issued.certificates}
    assert [r.person_name for r in after.register] == ["Dee Lead", "Hal Head"]


def test_the_licence_return_has_every_pool_and_allocation(services, make_setting):
    setting = make_setting()
    pool = services.licences.create_pool(
        PoolFields(
            provider="NSPCC",
            product="HSB training",
            seats=10,
            valid_from=date(2025, 9, 1),
            valid_until=date(2026, 8, 31),
        )
    )
    services.licences.allocate(pool.id, 3, setting_id=setting.id, on=date(2025, 10, 1))
    data = services.licences.pools()
    returned = services.returns.licences()
    assert returned.today == date(2025, 10, 1)
    assert [p.id for p in returned.pools] == [p.id for p in data]
    assert [(a.setting_id, a.seats) for a in returned.allocations] == [(setting.id, 3)]
