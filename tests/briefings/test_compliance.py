from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from briefings.clock import london, months_before
from briefings.vocabulary import Attendance, Phase, Role


def attend(services, clock, briefing, person, mark=Attendance.PRESENT):
    clock_before = clock()
    clock.set(briefing.starts_at.astimezone(UTC) - timedelta(days=1))
    reg = services.bookings.book(briefing.id, person.id)
    clock.set(briefing.ends_at.astimezone(UTC))
    services.bookings.mark(reg.registration_id, mark)
    clock.set(clock_before)


def briefing_on(make_briefing, topic_id, day, code="dsl_update"):
    return make_briefing(
        topic_id=topic_id(code), starts_at=london(day, time(9, 30)), ends_at=london(day, time(11, 30))
    )


def test_setting_is_due_when_no_lead_refreshed_in_twelve_months(
    services, make_setting, make_person, make_briefing, topic_id, clock
):
    fresh = make_setting(name="Fresh Primary")
    stale = make_setting(name="Stale Primary")
    never = make_setting(name="Never Primary")
    fresh_dsl = make_person(role=Role.DSL, setting_id=fresh.id)
    stale_deputy = make_person(role=Role.DEPUTY_DSL, setting_id=stale.id)
    make_person(role=Role.DSL, setting_id=never.id)
    recent = briefing_on(make_briefing, topic_id, date(2026, 3, 4))
    old = briefing_on(make_briefing, topic_id, date(2025, 2, 5))
    attend(services, clock, recent, fresh_dsl)
    attend(services, clock, old, stale_deputy)
    clock.set(datetime(2026, 6, 1, 12, tzinfo=UTC))
    due = services.compliance.settings_due_refresh()
    assert [s.name for s in due] == ["Never Primary", "Stale Primary"]
    assert due[1].last_refresh_on == date(2025, 2, 5)
    overview = {s.name: s for s in services.compliance.overview()}
    assert overview["Fresh Primary"].refresh_due is False
    assert overview["Fresh Primary"].leads == 1


def test_non_refresh_topics_absence_and_governors_do_not_count(
    services, make_setting, make_person, make_briefing, topic_id, clock
):
    school = make_setting(name="Only Primary")
    dsl = make_person(role=Role.DSL, setting_id=school.id)
    governor = make_person(role=Role.GOVERNOR, setting_id=school.id)
    rse = briefing_on(make_briefing, topic_id, date(2026, 1, 14), code="rse")
    update = briefing_on(make_briefing, topic_id, date(2026, 2, 4))
    attend(services, clock, rse, dsl)
    attend(services, clock, update, governor)
    update2 = briefing_on(make_briefing, topic_id, date(2026, 3, 4))
    attend(services, clock, update2, dsl, Attendance.LEFT_EARLY)
    clock.set(datetime(2026, 6, 1, 12, tzinfo=UTC))
    assert [s.name for s in services.compliance.settings_due_refresh()] == ["Only Primary"]


def test_future_briefings_do_not_count(services, make_setting, make_person, make_briefing, topic_id, clock):
    school = make_setting(name="Hopeful Primary")
    dsl = make_person(role=Role.DSL, setting_id=school.id)
    done = briefing_on(make_briefing, topic_id, date(2026, 3, 4))
    attend(services, clock, done, dsl)
    clock.set(datetime(2026, 3, 1, 12, tzinfo=UTC))  # before it happened
    assert [s.name for s in services.compliance.settings_due_refresh()] == ["Hopeful Primary"]
    clock.set(datetime(2026, 3, 5, 12, tzinfo=UTC))
    assert services.compliance.settings_due_refresh() == []


def test_leads_show_formal_training_due_after_two_years(
    services, make_setting, make_person, make_briefing, topic_id, clock
):
    school = make_setting()
    dsl = make_person(role=Role.DSL, setting_id=school.id)
    deputy = make_person(role=Role.DEPUTY_DSL, setting_id=school.id)
    formal = briefing_on(make_briefing, topic_id, date(2025, 1, 15), code="dsl_new")
    attend(services, clock, formal, dsl)
    clock.set(datetime(2026, 1, 10, 12, tzinfo=UTC))
    leads = {lead.person_id: lead for lead in services.compliance.leads()}
    assert leads[dsl.id].formal_due is False
    assert leads[dsl.id].last_formal_on == date(2025, 1, 15)
    assert leads[dsl.id].refresh_due is False  # formal training also refreshes
    assert leads[deputy.id].formal_due is True
    clock.set(datetime(2027, 1, 16, 12, tzinfo=UTC))
    assert {lead.person_id: lead for lead in services.compliance.leads()}[dsl.id].formal_due is True


def test_attendance_by_district_and_phase(services, make_setting, make_person, make_briefing, clock):
    north = make_setting(district="North", phase=Phase.PRIMARY)
    south = make_setting(district="South", phase=Phase.SECONDARY)
    briefing = make_briefing()
    a = make_person(role=Role.DSL, setting_id=north.id)
    b = make_person(role=Role.DSL, setting_id=south.id)
    c = make_person(role=Role.DSL, setting_id=south.id)
    for p in (a, b, c):
        services.bookings.book(briefing.id, p.id)
    clock.set(briefing.ends_at.astimezone(UTC))
    regs = {r.person_id: r.registration_id for r in services.briefings.register(briefing.id)}
    services.bookings.mark(regs[a.id], Attendance.PRESENT)
    services.bookings.mark(regs[b.id], Attendance.ABSENT)
    start, end = datetime(2025, 9, 1, tzinfo=UTC), datetime(2026, 9, 1, tzinfo=UTC)
    by_district = {
        r.group: (r.booked, r.attended) for r in services.compliance.attendance_by_district(start, end)
    }
    assert by_district == {"North": (1, 1), "South": (2, 0)}
    by_phase = {r.group: r.rate for r in services.compliance.attendance_by_phase(start, end)}
    assert by_phase == {"Primary": 1.0, "Secondary": 0.0}


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2023, 2, 28)),
        (date(2026, 1, 15), 12, date(2025, 1, 15)),
    ],
)
def test_months_before_clamps_to_month_end(day, months, expected):
    assert months_before(day, months) == expected


def test_a_refresh_under_the_old_urn_counts_for_the_academy_it_became(
    services, make_setting, make_person, make_briefing, topic_id, clock, db
):
    from models.settings import Setting

    old = make_setting(name="Ashdown Primary (maintained)")
    academy = make_setting(name="Ashdown Primary Academy")
    dsl = make_person(role=Role.DSL, setting_id=old.id)
    attend(services, clock, briefing_on(make_briefing, topic_id, date(2026, 1, 14)), dsl)
    with db.sessions.begin() as session:  # the conversion, as the GIAS import records it
        session.get(Setting, old.id).successor_id = academy.id
    services.directory.move_person(dsl.id, academy.id, Role.DSL, date(2026, 2, 1))
    clock.set(datetime(2026, 3, 1, 12, tzinfo=UTC))
    overview = {s.name: s for s in services.compliance.overview()}
    assert overview["Ashdown Primary Academy"].last_refresh_on == date(2026, 1, 14)
    assert overview["Ashdown Primary Academy"].refresh_due is False
    history = services.directory.setting_history(academy.id)
    assert [b.setting_name for b in history.bookings] == ["Ashdown Primary (maintained)"]
    assert history.last_lead_refresh == date(2026, 1, 14)
