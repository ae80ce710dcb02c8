from __future__ import annotations

import pytest
from sqlalchemy import update

from briefings.errors import NotFoundError, ValidationError
from briefings.links import link_to_open
from briefings.recordings import RecordingFields
from briefings.scheduling import ResourceLink
from briefings.validation import https_url, link_host
from briefings.vocabulary import Delivery
from models.briefings import Briefing

TEAMS = (
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjE4%40thread.v2/0"
    "?context=%7b%22Tid%22%3a%2272f988bf%22%7d"
)


@pytest.mark.parametrize(
    "url",
    [
        TEAMS,
        "https://us02web.zoom.us/j/81234567890?pwd=abc123",
        "HTTPS://Example.ORG/Slides.pdf",
        "https://example.org:8443/recording",
        "https://192.0.2.10/stream",
        "https://[2001:db8::1]/stream",
        "https://example.org/a?b=c#@elsewhere",
    ],
)
def test_ordinary_https_links_are_accepted_as_typed(url):
    assert https_url(f"  {url} ", "url") == url


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "is required"),
        ("http://teams.example/meet", "must start with https:// (it has http)"),
        ("javascript:alert(1)", "must start with https:// (it has javascript)"),
        ("file:///C:/Users/advisor/secret.docx", "must start with https:// (it has file)"),
        ("data:text/html,<script>x</script>", "must start with https:// (it has data)"),
        ("ftp://files.example.org/x", "must start with https:// (it has ftp)"),
        ("teams.microsoft.com/l/meetup-join/x", "must start with https:// (it has no scheme)"),
        ("https://", "has no host name"),
        ("https:///path-only", "has no host name"),
        ("https://a b.example", "must not contain spaces"),
        ("https://example.org/\tx", "must not contain spaces"),
        ("https://user@example.org/x", "must not carry a user name or password"),
        ("https://user:pw@example.org/x", "must not carry a user name or password"),
        ("https://good.example@evil.example/x", "must not carry a user name or password"),
        ("https://evil.example\\@good.example/x", "must not contain backslashes"),
        ("https://good.example\\evil.example/x", "must not contain backslashes"),
        ("https://\u202egood.example/x", "invisible or control characters"),
        ("https://go\u200bod.example/x", "invisible or control characters"),
        ("https://example.org/\x00", "invisible or control characters"),
        ("https://%65vil.example/", "malformed host name"),
        ("https://a..b/", "malformed host name"),
        ("https://.example/", "malformed host name"),
        ("https://exa_mple.org/", "malformed host name"),
        ("https://-bad.example/", "malformed host name"),
        ("https://intranet/", "malformed host name"),
        ("https://example.org:99999/", "impossible port number"),
        ("https://example.org/" + "x" * 2000, "longer than 2,000 characters"),
    ],
)
def test_anything_else_is_refused_with_the_reason(url, reason):
    with pytest.raises(ValidationError) as caught:
        https_url(url, "join_url", "The joining link")
    assert reason in caught.value.message
    assert caught.value.message.startswith("The joining link")
    assert caught.value.field == "join_url"


def test_the_host_shown_is_the_one_the_browser_contacts():
    assert link_host(TEAMS) == "teams.microsoft.com"
    assert link_host("https://EXAMPLE.org/x") == "example.org"
    lookalike = link_to_open("https://аррӏе.com/login")  # Cyrillic letters
    assert lookalike.host == "xn--80ak6aa92e.com"
    assert lookalike.looks_like_another_host
    assert "check it is the site you expect" in lookalike.question()
    plain = link_to_open(TEAMS)
    assert not plain.looks_like_another_host
    assert plain.question() == "Open this link in your browser? It goes to teams.microsoft.com."


def bad_join_link(services, fields):
    services.briefings.schedule(fields(join_url="http://teams.example/x"))


def bad_recording_link(services, fields):
    briefing = services.briefings.schedule(fields())
    services.recordings.attach(briefing.id, RecordingFields("http://stream.example/r"))


def bad_resource_link(services, fields):
    briefing = services.briefings.schedule(fields())
    services.briefings.set_resources(briefing.id, [ResourceLink("Slides", "javascript:x")])


@pytest.mark.parametrize(
    ("make", "field"),
    [(bad_join_link, "join_url"), (bad_recording_link, "url"), (bad_resource_link, "resources")],
)
def test_every_kind_of_link_is_checked_when_stored(services, briefing_fields, make, field):
    with pytest.raises(ValidationError) as caught:
        make(services, briefing_fields)
    assert caught.value.field == field


def test_the_link_service_says_where_each_link_goes(services, make_briefing):
    briefing = make_briefing(join_passcode="Kc7!pq")
    recording = services.recordings.attach(briefing.id, RecordingFields("https://stream.example.org/v/1"))
    services.briefings.set_resources(briefing.id, [ResourceLink("Slides", "https://docs.example.org/s.pdf")])
    assert services.links.join_link(briefing.id).host == "teams.microsoft.com"
    assert services.links.recording_link(recording.id).host == "stream.example.org"
    assert [(t, link.host) for t, link in services.links.resource_links(briefing.id)] == [
        ("Slides", "docs.example.org")
    ]
    assert services.links.join_passcode(briefing.id) == "Kc7!pq"


def test_a_stored_link_that_slipped_past_the_checks_is_not_offered(services, db, make_briefing):
    briefing = make_briefing()
    with db.sessions.begin() as session:  # as an old version or a careless import might have stored it
        session.execute(update(Briefing).values(join_url="javascript:alert(1)"))
    with pytest.raises(ValidationError, match="must start with https://"):
        services.links.join_link(briefing.id)


def test_a_briefing_without_a_link_says_so(services, make_briefing, make_venue):
    venue = make_venue()
    briefing = make_briefing(delivery=Delivery.IN_PERSON, venue_id=venue.id, join_url=None)
    with pytest.raises(NotFoundError, match="has no joining link"):
        services.links.join_link(briefing.id)
