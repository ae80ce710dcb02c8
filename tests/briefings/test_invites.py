from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from briefings.clock import london
from briefings.directory import PersonFields
from briefings.errors import ConflictError, NotFoundError, ValidationError
from briefings.invites import InviteMethod, SentInvite
from briefings.queries.invites import InviteState, InviteStatus
from briefings.vocabulary import BriefingStatus
from models.invites import InviteSent
from tests.exports.calendar.factories import recipient


@pytest.fixture
def booked(services, make_briefing, make_person, make_setting):
    """A briefing with three people booked; returns (briefing, people)."""
    briefing = make_briefing()
    setting = make_setting(name="St Zoë's C of E Primary")
    people = [make_person(setting_id=setting.id) for _ in range(3)]
    for person in people:
        services.bookings.book(briefing.id, person.id, setting_id=setting.id)
    return briefing, people


def sent_for(status: InviteStatus) -> list[SentInvite]:
    return [SentInvite(r.email, r.person_id, r.method, status.sequence) for r in status.due() if r.email]


def states(status: InviteStatus) -> dict[str, InviteState]:
    return {r.name: r.state for r in status.recipients}


def test_people_never_sent_an_invite_are_new_and_due(services, booked):
    briefing, people = booked
    status = services.invites.status(briefing.id)
    assert [r.person_id for r in status.recipients] == [p.id for p in people]
    assert {r.state for r in status.recipients} == {InviteState.NEW}
    assert all(r.due and r.method is InviteMethod.REQUEST for r in status.recipients)
    assert all(r.setting_name == "St Zoë's C of E Primary" for r in status.recipients)
    assert status.summary() == ("3 people not sent an invite yet.",)


def test_recording_makes_everyone_current(services, booked, clock):
    briefing, _ = booked
    status = services.invites.record_sent(briefing.id, sent_for(services.invites.status(briefing.id)))
    assert {r.state for r in status.recipients} == {InviteState.CURRENT}
    assert status.due() == ()
    assert status.summary() == ("3 people up to date.",)
    assert {r.sent_at for r in status.recipients} == {clock.moment}
    assert {(r.sent_method, r.sent_sequence) for r in status.recipients} == {(InviteMethod.REQUEST, 0)}


def test_two_reschedules_leave_holders_two_changes_behind_and_newcomers_new(services, booked, make_person):
    briefing, _ = booked
    services.invites.record_sent(briefing.id, sent_for(services.invites.status(briefing.id)))
    for hour in (13, 14):
        day = date(2025, 10, 9)
        services.briefings.reschedule(briefing.id, london(day, time(hour)), london(day, time(hour + 1)))
    newcomer = make_person(first_name="Siân", last_name="Newcomer")
    services.bookings.book(briefing.id, newcomer.id)
    status = services.invites.status(briefing.id)
    assert status.sequence == 2
    behind = [r for r in status.recipients if r.state is InviteState.OUTDATED]
    assert [r.changes_missed for r in behind] == [2, 2, 2]
    assert states(status)["Siân Newcomer"] is InviteState.NEW
    assert status.summary() == ("2 changes since last sent to 3 people.", "1 person not sent an invite yet.")
    status = services.invites.record_sent(briefing.id, sent_for(status))
    assert {r.sent_sequence for r in status.recipients} == {2}
    assert status.due() == ()


def test_cancelled_booking_is_owed_a_cancellation_once(services, booked):
    briefing, people = booked
    services.invites.record_sent(briefing.id, sent_for(services.invites.status(briefing.id)))
    registration = next(r for r in services.briefings.register(briefing.id) if r.person_id == people[0].id)
    services.bookings.cancel(registration.registration_id)
    status = services.invites.status(briefing.id)
    (leaver,) = status.due()
    assert (leaver.person_id, leaver.method, leaver.state) == (
        people[0].id,
        InviteMethod.CANCEL,
        InviteState.CANCEL_DUE,
    )
    assert "1 person still holding it: cancellation due." in status.summary()
    status = services.invites.record_sent(briefing.id, sent_for(status))
    assert status.due() == ()
    assert states(status)[leaver.name] is InviteState.CANCELLED


def test_cancelled_briefing_cancels_for_holders_only(services, booked, make_person):
    briefing, _ = booked
    services.invites.record_sent(briefing.id, sent_for(services.invites.status(briefing.id)))
    late = make_person(first_name="Late", last_name="Booker")
    services.bookings.book(briefing.id, late.id)
    services.briefings.cancel(briefing.id, "Venue flooded")
    status = services.invites.status(briefing.id)
    assert {r.method for r in status.recipients} == {InviteMethod.CANCEL}
    assert states(status)["Late Booker"] is InviteState.NEVER_SENT
    assert len(status.due()) == 3
    assert status.summary() == ("3 people still holding it: cancellation due.",)


def test_people_without_email_are_listed_not_dropped(services, make_briefing, make_person):
    briefing = make_briefing()
    person = make_person(first_name="No", last_name="Mailbox", email=None)
    services.bookings.book(briefing.id, person.id)
    (row,) = services.invites.status(briefing.id).due()
    assert (row.name, row.email, row.state) == ("No Mailbox", None, InviteState.NO_EMAIL)


def test_facilitators_come_first_as_chairs_and_the_organiser_is_left_out(
    services, briefing_fields, make_person
):
    presenter = make_person(first_name="Pat", last_name="Presenter")
    organiser = make_person(first_name="Jo", last_name="Advisor", email="Jo.Advisor@County.example")
    attendee = make_person()
    briefing = services.briefings.schedule(briefing_fields(facilitator_ids=(organiser.id, presenter.id)))
    services.bookings.book(briefing.id, attendee.id)
    services.bookings.book(briefing.id, presenter.id)  # a presenter who also booked is one recipient
    services.invites.set_organiser("Jo Advisor", "jo.advisor@county.example")
    status = services.invites.status(briefing.id)
    assert [(r.person_id, r.chair) for r in status.recipients] == [(presenter.id, True), (attendee.id, False)]


def test_ledger_keeps_one_line_per_mailbox_whatever_its_case(services, booked, db):
    briefing, people = booked
    email = people[0].email
    services.invites.record_sent(
        briefing.id, [SentInvite(email.upper(), people[0].id, InviteMethod.REQUEST, 0)]
    )
    services.invites.record_sent(briefing.id, [SentInvite(email, people[0].id, InviteMethod.REQUEST, 0)])
    with db.sessions() as session:
        lines = session.scalars(select(InviteSent)).all()
    assert [(line.recipient, line.uid) for line in lines] == [(email.lower(), briefing.calendar_uid)]


@pytest.mark.parametrize(
    ("sent", "error", "message"),
    [
        ([SentInvite("a@x.example", None, InviteMethod.REQUEST, 1)], ConflictError, "sequence 1"),
        (
            [SentInvite("a@x.example", None, InviteMethod.REQUEST, 0)] * 2,
            ValidationError,
            "listed twice",
        ),
        ([SentInvite("  ", None, InviteMethod.REQUEST, 0)], ValidationError, "blank email"),
    ],
)
def test_impossible_ledger_lines_are_refused_and_nothing_is_stored(
    services, booked, db, sent, error, message
):
    briefing, _ = booked
    good = SentInvite("good@x.example", None, InviteMethod.REQUEST, 0)
    with pytest.raises(error, match=message):
        services.invites.record_sent(briefing.id, [good, *sent])
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(InviteSent)) == 0


def test_unknown_briefing_is_not_found(services):
    with pytest.raises(NotFoundError, match="Briefing 404"):
        services.invites.status(404)
    with pytest.raises(NotFoundError, match="Briefing 404"):
        services.invites.record_sent(404, [])


def test_summary_says_how_many_changes_behind_and_for_how_many_people():
    behind = [recipient(n, state=InviteState.OUTDATED, changes_missed=3) for n in range(212)]
    current = [recipient(1000 + n, state=InviteState.CURRENT) for n in range(40)]
    status = InviteStatus(1, "DSL update", "uid", 7, BriefingStatus.SCHEDULED, recipients=(*behind, *current))
    assert status.summary() == ("40 people up to date.", "3 changes since last sent to 212 people.")


def test_nobody_taking_part_says_so(services, make_briefing):
    briefing = make_briefing(
        starts_at=london(date(2025, 10, 8), time(9)), ends_at=london(date(2025, 10, 8), time(10))
    )
    assert services.invites.status(briefing.id).summary() == ("Nobody is taking part yet.",)


def test_a_changed_email_cancels_the_old_mailbox_and_invites_the_new(services, booked, db):
    briefing, people = booked
    services.invites.record_sent(briefing.id, sent_for(services.invites.status(briefing.id)))
    moved = people[0]
    services.directory.update_person(
        moved.id, PersonFields(moved.first_name, moved.last_name, "new@school.example")
    )
    due = {(r.email, r.method, r.state) for r in services.invites.status(briefing.id).due()}
    assert due == {
        ("new@school.example", InviteMethod.REQUEST, InviteState.NEW),
        (moved.email, InviteMethod.CANCEL, InviteState.CANCEL_DUE),
    }


def test_a_reinstated_briefing_is_sent_again_to_those_who_had_the_cancellation(services, booked):
    briefing, _ = booked
    services.invites.record_sent(briefing.id, sent_for(services.invites.status(briefing.id)))
    services.briefings.cancel(briefing.id)
    services.invites.record_sent(briefing.id, sent_for(services.invites.status(briefing.id)))
    services.briefings.reinstate(briefing.id)
    status = services.invites.status(briefing.id)
    assert {(r.method, r.state, r.sent_method) for r in status.due()} == {
        (InviteMethod.REQUEST, InviteState.NEW, InviteMethod.CANCEL)
    }
    assert len(status.due()) == 3
    assert status.sequence == 2
