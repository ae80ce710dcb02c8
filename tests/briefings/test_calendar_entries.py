from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from briefings.clock import london
from briefings.errors import NotFoundError, ValidationError
from briefings.organiser import ORGANISER_EMAIL, ORGANISER_NAME, Organiser
from briefings.recordings import RecordingFields
from briefings.scheduling import ResourceLink, SeriesPlan
from briefings.vocabulary import BriefingStatus, Delivery


def test_entry_carries_venue_facilitators_resources_and_identity(
    services, briefing_fields, make_venue, make_person
):
    venue = make_venue(name="Wyvern Hall", address="1 High Street, Wyvern", postcode="WX1 2AB")
    presenter = make_person(first_name="Pat", last_name="Presenter")
    briefing = services.briefings.schedule(
        briefing_fields(delivery=Delivery.HYBRID, venue_id=venue.id, facilitator_ids=(presenter.id,))
    )
    services.briefings.set_resources(briefing.id, [ResourceLink("Slides", "https://example.org/s")])
    entry = services.invites.entry(briefing.id)
    assert (entry.row.venue_name, entry.venue_address, entry.venue_postcode) == (
        "Wyvern Hall",
        "1 High Street, Wyvern",
        "WX1 2AB",
    )
    assert entry.facilitator_names == ("Pat Presenter",)
    assert [(r.title, r.url) for r in entry.resources] == [("Slides", "https://example.org/s")]
    assert (entry.uid, entry.sequence) == (briefing.calendar_uid, 0)
    assert entry.created_at == entry.updated_at == datetime(2025, 10, 1, 9, tzinfo=UTC)


def test_passcodes_are_loaded_only_when_asked_for(services, make_briefing, clock):
    briefing = make_briefing(join_passcode="MEET-123")
    services.recordings.attach(briefing.id, RecordingFields("https://stream.example/r/1", passcode="REC-456"))
    plain = services.invites.entry(briefing.id)
    assert plain.join_passcode is None
    assert plain.recording is not None
    assert (plain.recording.url, plain.recording.passcode) == ("https://stream.example/r/1", None)
    asked = services.invites.entry(briefing.id, passcodes=True)
    assert (asked.join_passcode, asked.recording and asked.recording.passcode) == ("MEET-123", "REC-456")


def test_only_a_recording_still_available_is_offered(services, make_briefing, clock):
    briefing = make_briefing()
    ends = london(date(2025, 10, 8), time(11, 30))
    services.recordings.attach(
        briefing.id, RecordingFields("https://stream.example/old", available_until=ends + timedelta(days=10))
    )
    services.recordings.attach(
        briefing.id, RecordingFields("https://stream.example/new", available_until=ends + timedelta(days=30))
    )
    assert services.invites.entry(briefing.id).recording.url == "https://stream.example/new"
    clock.set(datetime(2026, 1, 1, tzinfo=UTC))
    assert services.invites.entry(briefing.id).recording is None


def test_series_leaves_drafts_out(services, briefing_fields):
    plan = SeriesPlan(
        name="DSL briefings 2025/26",
        template=briefing_fields(),
        dates=(date(2025, 10, 20), date(2025, 11, 3)),
        start=time(9, 30),
        end=time(11, 30),
    )
    series = services.briefings.create_series(plan)
    services.briefings.schedule(briefing_fields(series_id=series.id, draft=True, title="Not yet"))
    entries = services.invites.series_entries(series.id)
    assert [e.row.starts_at.date() for e in entries] == [date(2025, 10, 20), date(2025, 11, 3)]
    with pytest.raises(NotFoundError, match="Series 404"):
        services.invites.series_entries(404)


def test_feed_has_what_is_still_to_come_including_cancellations(services, make_briefing, clock):
    def on(day: date, title: str):
        return make_briefing(title=title, starts_at=london(day, time(9)), ends_at=london(day, time(10)))

    on(date(2025, 9, 30), "Already over")
    soon = on(date(2025, 10, 2), "Soon")
    called_off = on(date(2025, 10, 3), "Called off")
    services.briefings.cancel(called_off.id, "Snow")
    make_briefing(title="Only a draft", draft=True)
    later = on(date(2026, 3, 31), "After the March change")
    entries = services.invites.feed_entries()
    assert [e.row.title for e in entries] == ["Soon", "Called off", "After the March change"]
    assert entries[1].row.status is BriefingStatus.CANCELLED
    assert entries[1].cancel_reason == "Snow"
    assert {soon.id, later.id} < {e.row.id for e in entries}


def test_organiser_round_trip_and_refusals(services):
    assert services.invites.organiser() == Organiser(None, None)
    services.invites.set_organiser("  Jo O'Advisor ", " jo@wyvernshire.example ")
    assert services.invites.organiser() == Organiser("Jo O'Advisor", "jo@wyvernshire.example")
    assert services.preferences.get(ORGANISER_NAME) == "Jo O'Advisor"
    assert services.preferences.get(ORGANISER_EMAIL) == "jo@wyvernshire.example"
    with pytest.raises(ValidationError, match="does not look like an email") as caught:
        services.invites.set_organiser("Jo", "jo at county")
    assert caught.value.field == "email"
    assert services.invites.organiser().email == "jo@wyvernshire.example"
    services.invites.set_organiser("Jo", "")
    assert services.invites.organiser() == Organiser("Jo", None)


def test_organiser_stored_as_something_other_than_text_counts_as_unset(services):
    services.preferences.set_many({ORGANISER_NAME: 42, ORGANISER_EMAIL: ["x"]})
    assert services.invites.organiser() == Organiser(None, None)
    assert services.invites.organiser().display == "(not set)"
