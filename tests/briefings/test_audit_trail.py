from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from briefings.audit_trail import summarised
from briefings.directory import PersonFields
from briefings.errors import ReadOnlyError, ValidationError
from briefings.queries.audit import AuditFilter
from briefings.scheduling import ResourceLink
from briefings.services import Services
from briefings.vocabulary import Role
from models.audit import AuditEvent
from models.preferences import Preference


def events(db):
    with db.sessions() as session:
        return session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()


def test_each_change_is_logged_with_the_user_and_the_time(services, db, clock, make_setting):
    services.context.actor = "alice"
    setting = make_setting(name="Oakfield Primary School")
    clock.advance(timedelta(hours=2))
    services.preferences.set("organiser.name", "Wyvernshire Safeguarding")
    services.preferences.set("organiser.name", None)
    services.preferences.set_many({"organiser.email": "a@wyvern.example"})
    services.preferences.set_many({"organiser.email": None, "organiser.phone": "01632"})
    logged = [(e.actor, e.at, e.action, e.entity, e.entity_id, e.summary) for e in events(db)]
    assert logged == [
        ("alice", datetime(2025, 10, 1, 9, tzinfo=UTC), "added", "settings", setting.id,
         f"Added setting {setting.id} “Oakfield Primary School”"),
        ("alice", datetime(2025, 10, 1, 11, tzinfo=UTC), "added", "preferences", None,
         "Added preference organiser.name"),
        ("alice", datetime(2025, 10, 1, 11, tzinfo=UTC), "removed", "preferences", None,
         "Removed preference organiser.name"),
        ("alice", datetime(2025, 10, 1, 11, tzinfo=UTC), "added", "preferences", None,
         "Added preference organiser.email"),
        ("alice", datetime(2025, 10, 1, 11, tzinfo=UTC), "removed", "preferences", None,
         "Removed preference organiser.email"),
        ("alice", datetime(2025, 10, 1, 11, tzinfo=UTC), "added", "preferences", None,
         "Added preference organiser.phone"),
    ]  # fmt: skip


def test_a_change_lists_what_changed_with_old_and_new_values(services, db, make_briefing):
    briefing = make_briefing()
    services.briefings.reschedule(
        briefing.id, briefing.starts_at + timedelta(days=1), briefing.ends_at + timedelta(days=1)
    )
    change = events(db)[-1]
    assert change.summary.startswith(f"Changed briefing {briefing.id} “DSL update briefing” (topic ")
    assert change.summary.endswith(": starts at, ends at, calendar sequence")
    assert change.details["changes"]["calendar_sequence"] == [0, 1]
    assert change.details["changes"]["starts_at"] == [
        "2025-10-08T08:30:00+00:00",
        "2025-10-09T08:30:00+00:00",
    ]


def test_personal_details_and_passcodes_never_reach_the_log(services, db, make_person, make_briefing):
    person = make_person(first_name="Zelda", last_name="Quartermaine", email="zelda.q@school.example",
                         phone="01632 960123", notes="Hearing aid loop please")  # fmt: skip
    services.directory.update_person(
        person.id, PersonFields(first_name="Zelda", last_name="Quince", email="zq@school.example")
    )
    briefing = make_briefing(join_passcode="Secret!42")
    services.briefings.update(briefing.id, services.briefings.fields_of(briefing.id).__class__(
        **{**services.briefings.fields_of(briefing.id).__dict__, "join_passcode": "Other#99"}))  # fmt: skip
    text = json.dumps([(e.summary, e.details) for e in events(db)])
    for secret in (
        "Zelda",
        "Quartermaine",
        "Quince",
        "zelda.q",
        "zq@",
        "960123",
        "Hearing",
        "Secret!42",
        "Other#99",
    ):
        assert secret not in text
    person_change = next(e for e in events(db) if e.action == "changed" and e.entity == "people")
    changed = {"last_name": "changed", "email": "changed", "phone": "changed", "notes": "changed"}
    assert person_change.details == {"changes": changed}
    assert "join passcode" in events(db)[-1].summary


def test_a_refused_change_leaves_no_log_entry(services, db, make_person):
    person = make_person()
    before = len(events(db))
    with pytest.raises(ValidationError):
        services.directory.update_person(person.id, PersonFields(first_name="", last_name="X"))
    assert len(events(db)) == before


def test_a_read_only_copy_neither_changes_nor_logs(db, clock, make_setting):
    reader = Services.build(db.sessions, clock=clock, read_only_reason="Read-only: open elsewhere.")
    before = len(events(db))
    with pytest.raises(ReadOnlyError, match="open elsewhere"):
        reader.preferences.set("k", 1)
    assert len(events(db)) == before


def test_changes_to_one_row_in_one_transaction_make_one_entry(
    services, db, make_setting, make_person, make_briefing
):
    setting = make_setting()
    person = make_person(role=Role.DSL, setting_id=setting.id)
    briefing = make_briefing()
    services.bookings.book(briefing.id, person.id)
    booking = events(db)[-1]
    assert booking.summary.startswith("Added booking")
    assert booking.details == {"briefing_id": briefing.id, "person_id": person.id, "setting_id": setting.id}


def test_many_rows_in_one_flush_are_one_entry_with_a_count(services, db):
    with services.preferences._write() as session:
        session.add_all([Preference(key=f"column.{n}", value=n) for n in range(25)])
    last = events(db)[-1]
    assert (last.action, last.entity, last.summary, last.details) == (
        "added", "preferences", "Added 25 preferences", {"count": 25}
    )  # fmt: skip


def test_a_rolled_back_savepoint_takes_its_entries_with_it(services, db, make_person, make_briefing):
    people = [make_person() for _ in range(3)]
    briefing = make_briefing()
    services.bookings.book(briefing.id, people[1].id)
    before = len(events(db))
    outcome = services.bookings.book_many(briefing.id, [(p.id, None, None) for p in people])
    assert len(outcome.skipped) == 1
    with services.preferences._write() as session:
        savepoint = session.begin_nested()
        session.add(Preference(key="undone", value=1))
        session.flush()
        savepoint.rollback()
        session.add(Preference(key="kept", value=1))
    added = [e.summary for e in events(db)[before:]]
    assert added == [
        f"Added booking {n} (briefing {briefing.id}, person {p.id})"
        for n, p in ((2, people[0]), (3, people[2]))
    ] + ["Added preference kept"]


def test_bulk_statements_are_logged_by_count(services, db):
    with services.preferences._write() as session:
        session.execute(insert(Preference), [{"key": f"import.{n}", "value": n} for n in range(30)])
    last = events(db)[-1]
    assert (last.action, last.entity, last.summary) == ("added", "preferences", "Added 30 preferences")


def test_a_summarised_block_is_one_entry_with_counts_per_table(services, db, make_briefing):
    briefing = make_briefing()
    with (
        services.preferences._write() as session,
        summarised(session, "imported", "briefings", briefing.id, "Imported the register from teams.csv"),
    ):
        session.add_all([Preference(key=f"k{n}", value=n) for n in range(3)])
        session.execute(insert(Preference), [{"key": "bulk", "value": 1}])
    last = events(db)[-1]
    assert (last.action, last.summary) == ("imported", "Imported the register from teams.csv")
    assert last.details == {"rows": {"preferences": {"added": 4}}}


def test_removed_rows_are_logged(services, db, make_briefing):
    briefing = make_briefing()
    services.briefings.set_resources(briefing.id, [ResourceLink("Slides", "https://example.org/s.pdf")])
    services.briefings.set_resources(briefing.id, [])
    last = events(db)[-1]
    assert (last.action, last.entity) == ("removed", "briefing_resources")
    assert "“Slides”" in last.summary


def test_the_log_can_be_filtered_by_who_what_when_and_words(services, clock, make_setting, make_person):
    services.context.actor = "alice"
    oak = make_setting(name="Oakfield Primary School")
    clock.advance(timedelta(days=2))
    services.context.actor = "bob"
    person = make_person(role=Role.DSL, setting_id=oak.id)
    audit = services.audit
    assert [r.summary for r in audit.events(AuditFilter(actor="ALICE"))] == [
        f"Added setting {oak.id} “Oakfield Primary School”"
    ]
    assert {r.actor for r in audit.events(AuditFilter(since=datetime(2025, 10, 2, tzinfo=UTC)))} == {"bob"}
    assert audit.count(AuditFilter(until=datetime(2025, 10, 2, tzinfo=UTC))) == 1
    assert [r.entity for r in audit.events(AuditFilter(person_id=person.id))] == ["memberships", "people"]
    assert [r.entity_label for r in audit.events(AuditFilter(entity="memberships"))] == ["role"]
    assert audit.count(AuditFilter(text="oakfield primary")) == 1
    assert audit.count(AuditFilter(text="100%_")) == 0
    assert audit.actors() == ["alice", "bob"]
    assert ("registrations", "booking") not in audit.entities()
    assert ("settings", "setting") in audit.entities()
    newest_first = audit.events()
    assert newest_first[0].at >= newest_first[-1].at
    assert newest_first[0].at.tzname() == "BST"
