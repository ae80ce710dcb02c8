from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from briefings.errors import ConflictError, NotFoundError
from briefings.privacy.erasure import ERASED_NAME, NAME_REMOVED
from briefings.queries.directory import PersonFilter
from briefings.vocabulary import Attendance, BookingStatus
from models.audit import AuditEvent
from models.certificates import Certificate
from models.invites import InviteSent
from models.licences import LicenceAllocation
from models.registrations import Registration
from tests.storage_checks import table_dump

WHOLE_HISTORY = (datetime(2016, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC))


def test_erasure_removes_every_trace_of_the_person_from_the_file(services, db, county):
    services.privacy.erase_person(county.people["amy"])
    text = json.dumps(table_dump(db.path), default=str).lower()
    for trace in ("okafor", "amy.okafor@example.org", "01632 960001", "prefers mornings"):
        assert trace not in text


def test_erasure_keeps_anonymous_attendance_so_returns_still_add_up(services, db, county):
    before = services.compliance.attendance_by_district(*WHOLE_HISTORY)
    services.privacy.erase_person(county.people["amy"])
    assert services.compliance.attendance_by_district(*WHOLE_HISTORY) == before
    with db.sessions() as session:
        old = session.get_one(Registration, county.registrations[("old_dsl", "amy")])
        assert (old.person_id, old.setting_id, old.attendance, old.minutes_attended) == (
            None, county.settings["oak"], Attendance.PRESENT, 120
        )  # fmt: skip


def test_erasure_blanks_the_person_and_removes_their_roles(services, db, county):
    services.privacy.erase_person(county.people["amy"])
    person = services.directory.person(county.people["amy"])
    assert (person.full_name, person.email, person.phone, person.notes, person.roles, person.erased) == (
        ERASED_NAME, None, None, None, (), True
    )  # fmt: skip
    assert county.people["amy"] not in [p.id for p in services.directory.people()]
    assert county.people["amy"] in [
        p.id for p in services.directory.people(PersonFilter(include_erased=True))
    ]


def test_a_future_place_is_given_up_and_the_waiting_list_moves_up(services, county):
    services.privacy.erase_person(county.people["amy"])
    register = {r.person_id: r.status for r in services.briefings.register(county.briefings["future"])}
    assert register[county.people["cara"]] is BookingStatus.BOOKED
    assert register[None] is BookingStatus.CANCELLED


def test_certificates_ledger_licences_and_links_are_unlinked(services, db, county):
    services.privacy.erase_person(county.people["amy"])
    services.privacy.erase_person(county.people["eve"])
    with db.sessions() as session:
        names = dict(session.execute(select(Certificate.number, Certificate.person_name)).all())
        assert names == {"WYV-0001": NAME_REMOVED, "WYV-0002": "Dev Patel", "WYV-0003": NAME_REMOVED}
        assert session.scalars(select(InviteSent.recipient)).all() == ["dev.patel@example.org"]
        allocation = session.get_one(LicenceAllocation, county.allocations["amy"])
        assert (allocation.person_id, allocation.setting_id, allocation.seats) == (
            None,
            county.settings["oak"],
            1,
        )
    accesses = services.recordings.accesses(county.recordings["old_rse"])
    assert [(a.person_id, a.note) for a in accesses] == [(None, None)]


def test_a_presenter_is_taken_off_the_briefings_they_presented(services, county):
    assert services.briefings.get(county.briefings["old_dsl"]).facilitator_ids == (county.people["gus"],)
    services.privacy.erase_person(county.people["gus"])
    assert services.briefings.get(county.briefings["old_dsl"]).facilitator_ids == ()


def test_the_preview_says_what_the_erasure_then_does(services, db, county):
    before = table_dump(db.path)
    preview = services.privacy.erasure_preview(county.people["amy"])
    assert table_dump(db.path) == before
    assert (preview.name, preview.bookings, preview.future_places, preview.roles, preview.certificates) == (
        "Amy Okafor", 4, 1, 1, 2
    )  # fmt: skip
    assert (preview.licence_allocations, preview.recording_links, preview.invitations) == (1, 0, 2)
    assert preview.lines()[0] == "Name, email, phone and notes of Amy Okafor (person 1) are removed."
    assert services.privacy.erase_person(county.people["amy"]) == preview


def test_the_erasure_is_one_audit_entry_with_counts(services, db, county):
    services.context.actor = "dpo"
    services.privacy.erase_person(county.people["amy"])
    with db.sessions() as session:
        entry = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (entry.actor, entry.action, entry.entity, entry.entity_id) == ("dpo", "erased", "people", 1)
    assert entry.summary == "Erased person 1; 4 bookings kept as anonymous attendance"
    # Her future place cancelled, Cara moved up from the waiting list, then her 4 bookings unlinked.
    assert entry.details["rows"]["registrations"] == {"changed": 6}
    assert entry.details["rows"]["memberships"] == {"removed": 1}


def test_erasing_twice_or_nobody_is_refused(services, county):
    services.privacy.erase_person(county.people["amy"])
    with pytest.raises(ConflictError, match="already erased"):
        services.privacy.erase_person(county.people["amy"])
    with pytest.raises(NotFoundError, match="Person 999 does not exist"):
        services.privacy.erasure_preview(999)
