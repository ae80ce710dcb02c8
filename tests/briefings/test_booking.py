from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from briefings.errors import ConflictError, OperationCancelled, ValidationError
from briefings.services.booking_service import AttendanceMark
from briefings.vocabulary import Attendance, BookingStatus, Phase, Role


@pytest.fixture
def small_briefing(make_briefing):
    return make_briefing(capacity=2)


def statuses(services, briefing_id):
    return {r.person_id: r.status for r in services.briefings.register(briefing_id)}


def test_booking_past_capacity_waitlists(services, small_briefing, make_person):
    people = [make_person() for _ in range(4)]
    rows = [services.bookings.book(small_briefing.id, p.id) for p in people]
    assert [r.status for r in rows] == [
        BookingStatus.BOOKED,
        BookingStatus.BOOKED,
        BookingStatus.WAITLISTED,
        BookingStatus.WAITLISTED,
    ]
    register = services.briefings.register(small_briefing.id)
    assert [r.position for r in register if r.status is BookingStatus.WAITLISTED] == [1, 2]
    briefing = services.briefings.row(small_briefing.id)
    assert (briefing.booked, briefing.waitlisted, briefing.is_full) == (2, 2, True)


def test_cancelling_a_booking_promotes_the_first_waiting(services, small_briefing, make_person, clock):
    people = [make_person() for _ in range(4)]
    regs = []
    for p in people:
        regs.append(services.bookings.book(small_briefing.id, p.id))
        clock.advance(timedelta(minutes=1))
    outcome = services.bookings.cancel(regs[0].registration_id)
    assert outcome.promoted == (regs[2].registration_id,)
    after = statuses(services, small_briefing.id)
    assert after[people[0].id] is BookingStatus.CANCELLED
    assert after[people[2].id] is BookingStatus.BOOKED
    assert after[people[3].id] is BookingStatus.WAITLISTED


def test_cancelling_a_waiting_place_promotes_nobody(services, small_briefing, make_person):
    regs = [services.bookings.book(small_briefing.id, make_person().id) for _ in range(3)]
    outcome = services.bookings.cancel(regs[2].registration_id)
    assert outcome.promoted == ()


def test_undo_cancel_restores_the_booking(services, small_briefing, make_person):
    regs = [services.bookings.book(small_briefing.id, make_person().id) for _ in range(2)]
    outcome = services.bookings.cancel(regs[0].registration_id)
    restored = services.bookings.restore(outcome)
    assert restored.status is BookingStatus.BOOKED
    with pytest.raises(ConflictError, match="Only a cancelled"):
        services.bookings.restore(outcome)


def test_double_booking_is_refused_but_rebooking_after_cancel_works(services, small_briefing, make_person):
    person = make_person()
    reg = services.bookings.book(small_briefing.id, person.id)
    with pytest.raises(ConflictError, match="already booked"):
        services.bookings.book(small_briefing.id, person.id)
    services.bookings.cancel(reg.registration_id)
    again = services.bookings.book(small_briefing.id, person.id)
    assert again.registration_id == reg.registration_id
    assert again.status is BookingStatus.BOOKED


def test_booking_takes_setting_and_role_from_current_membership(
    services, make_briefing, make_person, make_setting
):
    school = make_setting(name="Brackendale Primary")
    person = make_person(role=Role.HEADTEACHER, setting_id=school.id)
    services.directory.add_membership(person.id, Role.DSL, setting_id=school.id)
    briefing = make_briefing(audience_roles=(Role.DSL,))
    row = services.bookings.book(briefing.id, person.id)
    assert (row.setting_name, row.role) == ("Brackendale Primary", Role.DSL)


def test_no_booking_once_started_but_walk_ins_are_allowed(services, small_briefing, make_person, clock):
    clock.set(small_briefing.starts_at.astimezone(UTC) + timedelta(minutes=5))
    person = make_person()
    with pytest.raises(ConflictError, match="walk-ins"):
        services.bookings.book(small_briefing.id, person.id)
    for _ in range(3):
        services.bookings.add_walk_in(small_briefing.id, make_person().id)
    briefing = services.briefings.row(small_briefing.id)
    assert briefing.booked == 3  # walk-ins may take a session past capacity
    assert briefing.places_left == 0


def test_book_many_books_waitlists_and_skips(services, small_briefing, make_person):
    people = [make_person() for _ in range(3)]
    services.bookings.book(small_briefing.id, people[0].id)
    outcome = services.bookings.book_many(small_briefing.id, [(p.id, None, None) for p in people])
    assert outcome.booked == (people[1].id,)
    assert outcome.waitlisted == (people[2].id,)
    assert [p for p, _ in outcome.skipped] == [people[0].id]
    assert outcome.summary == "1 booked, 1 on the waiting list, 1 skipped"


def test_book_many_is_all_or_nothing_on_a_missing_person(services, small_briefing, make_person):
    person = make_person()
    with pytest.raises(Exception, match="Person 99999 does not exist"):
        services.bookings.book_many(small_briefing.id, [(person.id, None, None), (99999, None, None)])
    assert services.briefings.register(small_briefing.id) == []


def test_audience_selects_leads_in_a_district_and_phase(services, make_setting, make_person):
    north_primary = make_setting(district="North", phase=Phase.PRIMARY)
    north_secondary = make_setting(district="North", phase=Phase.SECONDARY)
    south_primary = make_setting(district="South", phase=Phase.PRIMARY)
    dsl = make_person(role=Role.DSL, setting_id=north_primary.id)
    deputy = make_person(role=Role.DEPUTY_DSL, setting_id=north_primary.id)
    make_person(role=Role.GOVERNOR, setting_id=north_primary.id)
    make_person(role=Role.DSL, setting_id=north_secondary.id)
    make_person(role=Role.DSL, setting_id=south_primary.id)
    members = services.bookings.audience(
        roles=(Role.DSL, Role.DEPUTY_DSL), phases=(Phase.PRIMARY,), districts=("North",)
    )
    assert {m.person_id for m in members} == {dsl.id, deputy.id}


def test_attendance_marks_and_minutes(services, small_briefing, make_person, clock):
    reg = services.bookings.book(small_briefing.id, make_person().id)
    with pytest.raises(ConflictError, match="not started"):
        services.bookings.mark(reg.registration_id, Attendance.PRESENT)
    assert (
        services.bookings.mark(reg.registration_id, Attendance.APOLOGIES).attendance is Attendance.APOLOGIES
    )
    clock.set(small_briefing.ends_at.astimezone(UTC))
    present = services.bookings.mark(reg.registration_id, Attendance.PRESENT)
    assert present.minutes_attended == 120
    late = services.bookings.mark(reg.registration_id, Attendance.LATE, 95)
    assert (late.attendance, late.minutes_attended) == (Attendance.LATE, 95)
    with pytest.raises(ValidationError, match="Minutes attended only"):
        services.bookings.mark(reg.registration_id, Attendance.ABSENT, 10)
    with pytest.raises(ValidationError, match="whole number"):
        services.bookings.mark(reg.registration_id, Attendance.LEFT_EARLY, -1)
    assert services.bookings.mark(reg.registration_id, None).attendance is None


def test_attendance_on_waiting_list_or_cancelled_briefing_is_refused(
    services, small_briefing, make_person, clock
):
    regs = [services.bookings.book(small_briefing.id, make_person().id) for _ in range(3)]
    clock.set(small_briefing.ends_at.astimezone(UTC))
    with pytest.raises(ConflictError, match="waiting list"):
        services.bookings.mark(regs[2].registration_id, Attendance.PRESENT)
    services.briefings.cancel(small_briefing.id)
    with pytest.raises(ConflictError, match="cancelled"):
        services.bookings.mark(regs[0].registration_id, Attendance.PRESENT)


def test_attended_booking_cannot_be_cancelled(services, small_briefing, make_person, clock):
    reg = services.bookings.book(small_briefing.id, make_person().id)
    clock.set(small_briefing.ends_at.astimezone(UTC))
    services.bookings.mark(reg.registration_id, Attendance.PRESENT)
    with pytest.raises(ConflictError, match="attended"):
        services.bookings.cancel(reg.registration_id)


def test_mark_all_present_skips_already_marked(services, make_briefing, make_person, clock):
    briefing = make_briefing()
    regs = [services.bookings.book(briefing.id, make_person().id) for _ in range(3)]
    clock.set(briefing.ends_at.astimezone(UTC))
    services.bookings.mark(regs[0].registration_id, Attendance.ABSENT)
    assert services.bookings.mark_all_present(briefing.id) == 2
    marks = {r.registration_id: r.attendance for r in services.briefings.register(briefing.id)}
    assert marks[regs[0].registration_id] is Attendance.ABSENT
    assert marks[regs[1].registration_id] is Attendance.PRESENT


def test_printed_row_numbers_follow_setting_then_surname(
    services, make_briefing, make_person, make_setting, clock
):
    zeta = make_setting(name="Zeta Academy")
    alpha = make_setting(name="Alpha Infants")
    briefing = make_briefing()
    people = [
        make_person(last_name="Young", role=Role.DSL, setting_id=alpha.id),
        make_person(last_name="Émile", role=Role.DSL, setting_id=zeta.id),
        make_person(last_name="adams", role=Role.DSL, setting_id=zeta.id),
        make_person(last_name="Brown", role=Role.DEPUTY_DSL, setting_id=alpha.id),
    ]
    for p in people:
        services.bookings.book(briefing.id, p.id)
    register = services.briefings.register(briefing.id)
    assert [(r.number, r.last_name) for r in register] == [
        (1, "Brown"),
        (2, "Young"),
        (3, "adams"),
        (4, "Émile"),
    ]
    clock.set(briefing.ends_at.astimezone(UTC))
    assert services.bookings.mark_numbers(briefing.id, [2, 4], others_absent=True) == 4
    marks = {r.last_name: r.attendance for r in services.briefings.register(briefing.id)}
    assert marks == {
        "Brown": Attendance.ABSENT,
        "Young": Attendance.PRESENT,
        "adams": Attendance.ABSENT,
        "Émile": Attendance.PRESENT,
    }
    with pytest.raises(ValidationError, match="Row 5 is not on the register"):
        services.bookings.mark_numbers(briefing.id, [5])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1, 4, 7-9 12", [1, 4, 7, 8, 9, 12]), ("", []), ("3", [3])],
)
def test_parse_row_numbers(services, text, expected):
    assert services.bookings.parse_row_numbers(text) == expected


@pytest.mark.parametrize("text", ["a", "4-2", "1,,x"])
def test_parse_row_numbers_refuses_nonsense(services, text):
    with pytest.raises(ValidationError):
        services.bookings.parse_row_numbers(text)


def test_capacity_raise_promotes_and_lowering_below_bookings_is_refused(
    services, small_briefing, make_person
):
    from dataclasses import replace

    for _ in range(4):
        services.bookings.book(small_briefing.id, make_person().id)
    fields = services.briefings.fields_of(small_briefing.id)
    with pytest.raises(ConflictError, match="below the 2 people"):
        services.briefings.update(small_briefing.id, replace(fields, capacity=1))
    row = services.briefings.update(small_briefing.id, replace(fields, capacity=3))
    assert (row.booked, row.waitlisted) == (3, 1)


def test_mark_many_sets_each_mark_in_one_go(services, make_briefing, make_person, clock):
    briefing = make_briefing(capacity=5)
    regs = [services.bookings.book(briefing.id, make_person().id) for _ in range(3)]
    clock.advance(timedelta(days=7, hours=2))  # during the session
    rows = services.bookings.mark_many(
        [
            AttendanceMark(regs[0].registration_id, Attendance.PRESENT),
            AttendanceMark(regs[1].registration_id, Attendance.LATE, 75),
        ]
    )
    assert {r.registration_id: (r.attendance, r.minutes_attended) for r in rows} == {
        regs[0].registration_id: (Attendance.PRESENT, 120),
        regs[1].registration_id: (Attendance.LATE, 75),
    }


def test_mark_many_changes_nothing_when_one_mark_is_refused(services, make_briefing, make_person, clock):
    briefing = make_briefing(capacity=5)
    regs = [services.bookings.book(briefing.id, make_person().id) for _ in range(2)]
    clock.advance(timedelta(days=7, hours=2))
    with pytest.raises(ValidationError, match="Minutes attended") as caught:
        services.bookings.mark_many(
            [
                AttendanceMark(regs[0].registration_id, Attendance.PRESENT),
                AttendanceMark(regs[1].registration_id, Attendance.ABSENT, 30),
            ]
        )
    assert caught.value.field == "minutes"
    assert {r.attendance for r in services.briefings.register(briefing.id)} == {None}


def test_attendance_mark_of_a_row_puts_back_what_it_held(services, make_briefing, make_person, clock):
    briefing = make_briefing(capacity=5)
    reg = services.bookings.book(briefing.id, make_person().id)
    clock.advance(timedelta(days=7, hours=2))
    before = AttendanceMark.of(services.bookings.mark(reg.registration_id, Attendance.LATE, 50))
    services.bookings.mark(reg.registration_id, Attendance.ABSENT)
    (restored,) = services.bookings.mark_many([before])
    assert (restored.attendance, restored.minutes_attended) == (Attendance.LATE, 50)


def test_book_many_cancelled_by_progress_books_nobody(services, make_briefing, make_person):
    briefing = make_briefing(capacity=5)
    people = [(make_person().id, None, None) for _ in range(3)]
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 2

    with pytest.raises(OperationCancelled):
        services.bookings.book_many(briefing.id, people, progress=progress)
    assert seen == [(0, 3), (1, 3), (2, 3)]
    assert services.briefings.register(briefing.id) == []


def test_mark_many_keeps_each_marks_own_source(services, make_briefing, make_person, clock):
    briefing = make_briefing(capacity=5)
    reg = services.bookings.book(briefing.id, make_person().id)
    clock.advance(timedelta(days=7, hours=2))
    services.bookings.mark_numbers(briefing.id, [1])
    before = AttendanceMark.of(services.briefings.register(briefing.id)[0])
    services.bookings.mark(reg.registration_id, Attendance.ABSENT)
    (restored,) = services.bookings.mark_many([before], source="manual")
    assert (restored.attendance, restored.source) == (Attendance.PRESENT, "register")


def test_a_walk_in_recorded_later_takes_the_role_held_on_the_day(
    services, make_briefing, make_person, make_setting, clock
):
    from datetime import date

    old, new = make_setting(name="Old Primary"), make_setting(name="New Academy")
    person = make_person(role=Role.DSL, setting_id=old.id)
    briefing = make_briefing()
    services.directory.move_person(person.id, new.id, Role.HEADTEACHER, date(2025, 11, 1))
    clock.set(briefing.ends_at.astimezone(UTC) + timedelta(days=60))  # the report is imported late
    row = services.bookings.add_walk_in(briefing.id, person.id)
    assert (row.setting_name, row.role) == ("Old Primary", Role.DSL)
