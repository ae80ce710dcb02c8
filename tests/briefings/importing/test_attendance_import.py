"""Importing attendance: bookings matched, walk-ins on request, marks from minutes, the rest for review."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from briefings.directory import PersonFields
from briefings.errors import ConflictError, ValidationError
from briefings.importing.attendance_plan import Action, RowDecision
from briefings.importing.matching import MatchKind
from briefings.queries.directory import PersonFilter, SettingFilter
from briefings.vocabulary import Attendance, BookingStatus, Role
from models.imports import ImportRowStatus

TEAMS = "teams_small.csv"
DAY = date(2025, 10, 15)
AFTER = datetime(2025, 10, 15, 16, 0, tzinfo=UTC)


@pytest.fixture
def briefing(services, fixture_bytes, online_briefing, clock):
    """The small county and staff imported; a briefing on 15 Oct 2025 09:30-11:30, Jane and Amy booked."""
    services.imports.apply_settings(
        services.imports.preview_settings(fixture_bytes("gias_small.csv"), "g.csv", "990")
    )
    staff = fixture_bytes("staff_small.csv")
    services.imports.apply_people(
        services.imports.preview_people(
            staff, "s.csv", services.imports.people_mapping(staff, "s.csv").mapping
        )
    )
    row = online_briefing(DAY, time(9, 30), time(11, 30))
    people = _people(services)
    services.bookings.book(row.id, people["Jane Smith"])
    services.bookings.book(row.id, people["Amy Brown"])
    clock.set(AFTER)
    return row


def _people(services) -> dict[str, int]:
    return {p.full_name: p.id for p in services.directory.people(PersonFilter())}


def _register(services, briefing_id):
    return {r.person_name: r for r in services.briefings.register(briefing_id)}


def _preview(services, fixture_bytes, briefing, name=TEAMS, **rules):
    return services.imports.preview_attendance(fixture_bytes(name), name, briefing.id, **rules)


def test_the_preview_proposes_a_match_and_a_mark_for_every_participant(services, fixture_bytes, briefing):
    preview = _preview(services, fixture_bytes, briefing)
    proposals = {r.participant.name: (r.kind, r.mark) for r in preview.rows}
    assert proposals == {
        "Advisor, Ann": (MatchKind.EXCLUDED, None),
        "Smith, Jane": (MatchKind.BOOKED, Attendance.PRESENT),
        "Mrs A Brown": (MatchKind.BOOKED, Attendance.PRESENT),
        "Cara White (Guest)": (MatchKind.WALK_IN, Attendance.LATE),
        "Otter.ai (Guest)": (MatchKind.EXCLUDED, None),
        "+44 7700 900123": (MatchKind.UNMATCHED, Attendance.LEFT_EARLY),
    }
    assert preview.rules.min_minutes == 90  # 75% of two hours
    assert {r.participant.name: r.minutes for r in preview.rows if r.minutes is not None} == {
        "Smith, Jane": 120,
        "Mrs A Brown": 110,
        "Cara White (Guest)": 95,
        "+44 7700 900123": 29,
    }
    assert services.imports.attendance_rows(briefing.id, None) == []  # a preview writes nothing


def test_applying_records_bookings_and_keeps_the_rest_for_review(services, fixture_bytes, briefing):
    result = services.imports.apply_attendance(_preview(services, fixture_bytes, briefing))
    assert (result.marked, result.walk_ins, result.pending, result.ignored) == ({"present": 2}, 0, 2, 2)
    register = _register(services, briefing.id)
    assert (register["Jane Smith"].attendance, register["Jane Smith"].minutes_attended) == (
        Attendance.PRESENT,
        120,
    )
    assert (register["Amy Brown"].attendance, register["Amy Brown"].minutes_attended) == (
        Attendance.PRESENT,
        110,
    )
    assert "Cara White" not in register
    pending = services.imports.attendance_rows(briefing.id)
    assert [(r.display_name, r.match_kind) for r in pending] == [
        ("Cara White (Guest)", "walk_in"),
        ("+44 7700 900123", "unmatched"),
    ]
    assert pending[0].candidates[0][1] == "Cara White"


def test_walk_ins_are_recorded_when_asked(services, fixture_bytes, briefing):
    result = services.imports.apply_attendance(
        _preview(services, fixture_bytes, briefing), accept_walk_ins=True
    )
    assert result.walk_ins == 1
    cara = _register(services, briefing.id)["Cara White"]
    assert (cara.walk_in, cara.status, cara.attendance, cara.minutes_attended) == (
        True,
        BookingStatus.BOOKED,
        Attendance.LATE,
        95,
    )


def test_pending_rows_are_resolved_later_without_counting_minutes_twice(services, fixture_bytes, briefing):
    services.imports.apply_attendance(_preview(services, fixture_bytes, briefing))
    cara_row, phone_row = services.imports.attendance_rows(briefing.id)
    resolved = services.imports.resolve_attendance_row(cara_row.id, RowDecision(Action.ACCEPT))
    assert resolved.status is ImportRowStatus.APPLIED
    assert _register(services, briefing.id)["Cara White"].attendance is Attendance.LATE
    # The phone was Jane on a second device: her minutes are the union, not the sum.
    services.imports.resolve_attendance_row(
        phone_row.id, RowDecision(Action.MATCH, person_id=_people(services)["Jane Smith"])
    )
    assert _register(services, briefing.id)["Jane Smith"].minutes_attended == 120
    assert services.imports.attendance_rows(briefing.id) == []
    with pytest.raises(ConflictError, match="already applied"):
        services.imports.resolve_attendance_row(phone_row.id, RowDecision(Action.IGNORE))


def test_a_new_person_can_be_added_from_a_row(services, fixture_bytes, briefing):
    preview = _preview(services, fixture_bytes, briefing)
    phone = next(r.position for r in preview.rows if r.participant.name.startswith("+44"))
    renee = next(s.id for s in services.directory.settings(SettingFilter()) if s.urn == 960001)
    decision = RowDecision(
        Action.NEW_PERSON, new_person=PersonFields("Pat", "Caller"), setting_id=renee, role=Role.DEPUTY_DSL
    )
    result = services.imports.apply_attendance(preview, {phone: decision})
    assert result.new_people == 1
    pat = _register(services, briefing.id)["Pat Caller"]
    assert (pat.walk_in, pat.attendance, pat.setting_id) == (True, Attendance.LEFT_EARLY, renee)


def test_the_minimum_and_late_rules_can_be_changed(services, fixture_bytes, briefing):
    strict = {
        r.participant.name: r.mark for r in _preview(services, fixture_bytes, briefing, min_minutes=115).rows
    }
    assert strict["Mrs A Brown"] is Attendance.LEFT_EARLY  # 110 minutes
    lenient = {
        r.participant.name: r.mark for r in _preview(services, fixture_bytes, briefing, late_after=30).rows
    }
    assert lenient["Cara White (Guest)"] is Attendance.PRESENT  # joined 25 minutes in
    with pytest.raises(ValidationError, match="minimum"):
        _preview(services, fixture_bytes, briefing, min_minutes=500)


def test_importing_the_same_report_again_replaces_its_rows(services, fixture_bytes, briefing):
    services.imports.apply_attendance(_preview(services, fixture_bytes, briefing))
    again = _preview(services, fixture_bytes, briefing)
    assert again.replaces == 6
    services.imports.apply_attendance(again)
    assert len(services.imports.attendance_rows(briefing.id, None)) == 6


def test_other_report_formats_of_the_same_session_match_too(services, fixture_bytes, briefing):
    legacy = _preview(services, fixture_bytes, briefing, name="teams_legacy_small.csv")
    assert {r.participant.name: r.kind for r in legacy.rows}["Smith, Jane"] is MatchKind.BOOKED
    zoom = _preview(services, fixture_bytes, briefing, name="zoom_small.csv")
    kinds = {r.participant.match_name: r.kind for r in zoom.rows}
    assert kinds["Ann Advisor"] is MatchKind.EXCLUDED  # the host
    assert kinds["Brown, Amy"] is MatchKind.BOOKED
    assert kinds["iPad"] is MatchKind.SUGGESTED  # a school device: its booked staff are suggested


def test_nothing_is_stored_when_the_booking_rules_refuse(services, fixture_bytes, briefing):
    preview = _preview(services, fixture_bytes, briefing)
    services.briefings.cancel(briefing.id, "Snow")
    with pytest.raises(ConflictError, match="cancelled"):
        services.imports.apply_attendance(preview)
    assert services.imports.attendance_rows(briefing.id, None) == []


def test_attendance_cannot_be_imported_before_the_briefing(services, fixture_bytes, briefing, clock):
    clock.set(datetime(2025, 10, 14, 12, 0, tzinfo=UTC))
    with pytest.raises(ConflictError, match="has not started"):
        services.imports.apply_attendance(_preview(services, fixture_bytes, briefing))


def test_apply_refuses_when_bookings_changed_after_the_preview(services, fixture_bytes, briefing, clock):
    preview = _preview(services, fixture_bytes, briefing)
    services.bookings.add_walk_in(briefing.id, _people(services)["Cara White"])
    with pytest.raises(ConflictError, match="preview the report again"):
        services.imports.apply_attendance(preview)


def test_a_decision_for_a_row_that_does_not_exist_is_refused(services, fixture_bytes, briefing):
    with pytest.raises(ValidationError, match="no row 99"):
        services.imports.apply_attendance(
            _preview(services, fixture_bytes, briefing), {99: RowDecision(Action.IGNORE)}
        )
