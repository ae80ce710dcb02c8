from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from briefings.errors import ConflictError, ValidationError
from briefings.recordings import RecordingFields


def test_recording_defaults_to_120_days_after_the_session(services, make_briefing):
    briefing = make_briefing()
    row = services.recordings.attach(
        briefing.id, RecordingFields("https://stream.example/rec/1", passcode="x7!k")
    )
    assert row.available_from == briefing.ends_at
    assert row.available_until.astimezone(UTC) - row.available_from.astimezone(UTC) == timedelta(days=120)
    assert row.host == "stream.example"
    assert row.has_passcode
    assert services.recordings.passcode(row.id) == "x7!k"


@pytest.mark.parametrize(
    "url",
    [
        "http://stream.example/rec",
        "file:///etc/passwd",
        "https://",
        "https://user:pw@stream.example/x",
        "https://a b.example",
    ],
)
def test_non_https_or_odd_links_are_refused(services, make_briefing, url):
    briefing = make_briefing()
    with pytest.raises(ValidationError) as caught:
        services.recordings.attach(briefing.id, RecordingFields(url))
    assert caught.value.field == "url"
    assert services.recordings.search() == []


def test_expiry_must_follow_availability(services, make_briefing):
    briefing = make_briefing()
    start = briefing.ends_at
    with pytest.raises(ValidationError, match="after it starts"):
        services.recordings.attach(
            briefing.id, RecordingFields("https://s.example/r", available_from=start, available_until=start)
        )


def test_state_over_time_and_access_refused_after_expiry(services, make_briefing, make_person, clock):
    briefing = make_briefing()
    row = services.recordings.attach(briefing.id, RecordingFields("https://s.example/r"))
    assert row.state(clock()) == "not yet available"
    clock.set(briefing.ends_at.astimezone(UTC) + timedelta(days=1))
    assert row.state(clock()) == "available"
    person = make_person()
    access = services.recordings.give(row.id, person_id=person.id, note="asked by email")
    assert access.person_name == person.full_name
    assert services.recordings.search()[0].given_to == 1
    clock.set(briefing.ends_at.astimezone(UTC) + timedelta(days=121))
    assert row.state(clock()) == "expired"
    with pytest.raises(ConflictError, match="expired"):
        services.recordings.give(row.id, person_id=person.id)


def test_cancelled_briefing_has_no_recording(services, make_briefing):
    briefing = make_briefing()
    services.briefings.cancel(briefing.id)
    with pytest.raises(ConflictError, match="cancelled"):
        services.recordings.attach(briefing.id, RecordingFields("https://s.example/r"))
